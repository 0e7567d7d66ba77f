// Runs Claude Code headless and reads its stream as it arrives.
//
// The prompt goes in on stdin (no shell, no argv: no E2BIG, no injection). The
// CLI runs in its own process group so that the whole tree it starts can be
// stopped at once: interrupt, then terminate, then kill.

import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
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
}

const STDERR_TAIL = 4000

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is gone already.
  }
}

export async function runAgent(options: AgentRunOptions): Promise<AgentRun> {
  const started = Date.now()
  const transcript = new Transcript(options.cwd)
  const log = createWriteStream(options.executionFile, { flags: 'a' })
  // A full disk must not take the action down with the log: the work still gets pushed.
  log.on('error', () => undefined)
  const child = spawn(options.spawn.command, options.spawn.args, {
    cwd: options.cwd,
    env: options.spawn.env,
    uid: options.spawn.uid,
    gid: options.spawn.gid,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  let stderrTail = ''
  let stoppedBy: AgentRun['stoppedBy']
  let spawnError: string | undefined
  const timers: NodeJS.Timeout[] = []

  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stoppedBy || child.pid === undefined) return
    stoppedBy = reason
    const pid = child.pid
    const grace = (options.graceMs ?? { timeout: 3_000, cancelled: 1_000 })[reason]
    signalGroup(pid, 'SIGINT')
    timers.push(setTimeout(() => signalGroup(pid, 'SIGTERM'), grace))
    timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), grace * 2))
  }
  timers.push(setTimeout(() => stop('timeout'), options.timeoutMs))
  const onAbort = () => stop('cancelled')
  options.signal?.addEventListener('abort', onAbort, { once: true })
  if (options.signal?.aborted) onAbort()

  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL)
  })
  child.stdin.on('error', () => undefined)
  child.stdin.end(options.prompt)

  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })
  lines.on('line', (line) => {
    log.write(`${line}\n`)
    if (transcript.pushLine(line)) options.onProgress?.(transcript)
  })

  const streamClosed = new Promise<void>((resolve) => lines.once('close', resolve))
  // 'exit', not 'close': a process the agent left behind may hold the pipes open.
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => {
      child.on('error', (error) => {
        spawnError = error.message
        resolve({ code: null, signal: null })
      })
      child.on('exit', (code, signal) => resolve({ code, signal }))
    },
  )
  // Read what is still buffered, but do not wait on a straggler holding stdout.
  await Promise.race([streamClosed, delay(2_000)])
  // Whatever the CLI left running in its group goes with it.
  if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
  child.stdout.destroy()
  child.stderr.destroy()
  for (const timer of timers) clearTimeout(timer)
  options.signal?.removeEventListener('abort', onAbort)
  await new Promise<void>((resolve) => log.end(resolve))

  return {
    transcript,
    exitCode: exit.code,
    signal: exit.signal,
    stoppedBy,
    spawnError,
    stderrTail,
    wallMs: Date.now() - started,
  }
}
