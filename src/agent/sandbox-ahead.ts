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

  /** Removes the user when no host took it (a skipped or failed run). */
  async dispose(): Promise<void> {
    if (!this.creating || this.taken) return
    this.taken = true
    const sandbox = await this.creating.catch(() => undefined)
    await sandbox?.dispose()
  }
}
