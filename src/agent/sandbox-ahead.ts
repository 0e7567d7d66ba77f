// The agent's user, created while the first comment is posted and the branch
// is fetched, instead of after: useradd and its lookups are a tenth of a
// second the agent's start need not wait for. The host that takes it owns it
// (and removes the user when it closes); a run that ends before any host took
// it removes the user itself.

import { createSandbox, type IsolationSetting, type Sandbox } from './sandbox.js'

export class SandboxAhead {
  private creating?: Promise<Sandbox>
  private taken = false

  constructor(private readonly setting: IsolationSetting) {}

  /** Starts creating the sandbox; its failure is reported to whoever takes it. */
  start(): void {
    if (this.creating) return
    this.creating = createSandbox(this.setting)
    this.creating.catch(() => undefined)
  }

  /** The sandbox, for the host: from now on the host disposes it. */
  take(): Promise<Sandbox> {
    this.start()
    this.taken = true
    return this.creating as Promise<Sandbox>
  }

  /**
   * At the job's end: removes the user when no host took it (a skipped or failed run), and
   * waits for the removal a host started when it closed.
   */
  async dispose(): Promise<void> {
    if (!this.creating) return
    const sandbox = await this.creating.catch(() => undefined)
    if (!this.taken) await sandbox?.dispose()
    this.taken = true
    await sandbox?.removed()
  }
}
