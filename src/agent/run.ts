// Runs Claude Code headless and reads its stream as it arrives.
//
// The prompt goes in on stdin (no shell, no argv: no E2BIG, no injection). The
// CLI runs in its own process group so that the whole tree it starts can be
// stopped at once: interrupt, then terminate, then kill.

import { createWriteStream } from 'node:fs'
import { startProcess } from '../util/process.js'
import { SessionInput, type LiveInput } from './live-input.js'
import type { ProxyUsage } from './proxy-ledger.js'
import type { SpawnSpec } from './sandbox.js'
import { Transcript } from './transcript.js'

export interface AgentRunOptions {
  /** What to start (the CLI, possibly as another user); see sandbox.ts. */
  spawn: SpawnSpec
  cwd: string
  prompt: string
  /** The raw stream-json is appended here, for the execution_file output. */
  executionFile: string
  timeoutMs: number
  /** Called after each stream event, for live progress. */
  onProgress?: (transcript: Transcript) => void
  /** Stops the run early (cancellation); resolved like a timeout. */
  signal?: AbortSignal
  /** Grace between the escalating signals (a cancelled job has only seconds left). */
  graceMs?: { timeout: number; cancelled: number }
  /** Applied to each line before it is written to the execution file (secrets out). */
  redact?: (line: string) => string
  /** A transcript to continue (a resumed session adds to the conversation it continues). */
  transcript?: Transcript
  /**
   * Messages for the agent while it works (steering): the prompt goes in as
   * stream-json and stdin stays open until the turn ends (the args must carry
   * LIVE_INPUT_ARGS). Without it, the prompt is written and stdin closed.
   */
  live?: LiveInput
}

export interface AgentRun {
  transcript: Transcript
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** Why the action stopped the agent, if it did. */
  stoppedBy?: 'timeout' | 'cancelled'
  /** The failure to start the binary, if any. */
  spawnError?: string
  stderrTail: string
  wallMs: number
  /** The model proxy's own count of the session (set by session.ts when a proxy ran). */
  usage?: ProxyUsage
}

const STDERR_TAIL = 4000

export async function runAgent(options: AgentRunOptions): Promise<AgentRun> {
  const started = Date.now()
  const transcript = options.transcript ?? new Transcript(options.cwd)
  transcript.result = undefined
  const log = createWriteStream(options.executionFile, { flags: 'a' })
  // A full disk must not take the action down with the log: the work still gets pushed.
  log.on('error', () => undefined)
  const redact = options.redact ?? ((line: string) => line)
  const input = new SessionInput(options.live)
  const child = startProcess(options.spawn.command, options.spawn.args, {
    cwd: options.cwd,
    env: options.spawn.env,
    uid: options.spawn.uid,
    gid: options.spawn.gid,
    stderrTailBytes: STDERR_TAIL,
    onLine: (line) => {
      log.write(`${redact(line)}\n`)
      if (input.sealed) return
      const event = transcript.pushLine(line)
      if (!event) return
      input.observe(event)
      options.onProgress?.(transcript)
    },
  })
  let stoppedBy: AgentRun['stoppedBy']
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stoppedBy) return
    stoppedBy = reason
    child.stop((options.graceMs ?? { timeout: 3_000, cancelled: 1_000 })[reason])
  }
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs)
  const onAbort = () => stop('cancelled')
  options.signal?.addEventListener('abort', onAbort, { once: true })
  if (options.signal?.aborted) onAbort()

  input.start(child, options.prompt)
  const exit = await child.exited
  input.end()
  clearTimeout(timer)
  options.signal?.removeEventListener('abort', onAbort)
  await new Promise<void>((resolve) => log.end(resolve))

  return {
    transcript,
    exitCode: exit.exitCode,
    signal: exit.signal,
    stoppedBy,
    spawnError: exit.spawnError,
    stderrTail: exit.stderrTail,
    wallMs: Date.now() - started,
  }
}
