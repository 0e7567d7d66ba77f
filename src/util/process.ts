// The one funnel every child process of the action goes through, built on
// execa: no shell ever, an explicit whole environment (nothing inherited),
// the child in its own process group so that stopping it stops everything it
// started, input on stdin, output collected up to a bound, and programs
// named by absolute path (see binaries.ts).

import { execa, type ResultPromise } from 'execa'
import { createInterface } from 'node:readline'
import { binaries } from './binaries.js'

export interface ProcessResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Set when the output went past `maxOutputBytes` and the process was stopped. */
  truncated?: boolean
}

export interface RunOptions {
  cwd?: string
  /** The child's whole environment: nothing is inherited unless passed here. */
  env: Record<string, string | undefined>
  /** Written to stdin, which is then closed. */
  input?: string | Uint8Array
  /** Kill the process group (SIGKILL) after this long. */
  timeoutMs?: number
  /** Run as this user and group (the caller must be root). */
  uid?: number
  gid?: number
  /** The most output kept per stream; past it the group is killed. Default 64 MiB. */
  maxOutputBytes?: number
  /** Kills the process group when aborted (work a run that does not start need not wait for). */
  signal?: AbortSignal
}

export interface BytesResult extends Omit<ProcessResult, 'stdout'> {
  stdout: Buffer
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024
/** After the child exits, how long a helper that inherited its pipes may hold them. */
const PIPE_GRACE_MS = 2_000

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is gone already.
  }
}

function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value
  return out
}

/** How many processes this funnel started, for the log's cost lines and the benchmark. */
let started = 0
export function processesStarted(): number {
  return started
}

function spawn(
  command: string,
  args: string[],
  options: Omit<RunOptions, 'input'> & {
    buffer: boolean
    stdin: 'pipe' | 'ignore'
    encoding?: 'utf8' | 'buffer'
  },
): ResultPromise {
  started++
  return execa(binaries().path(command), args, {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    extendEnv: false,
    shell: false,
    // Its own process group: a timeout or a stop ends its helpers too (git-remote-https, npm's children).
    detached: true,
    // We end the group ourselves; execa's own timers only know the one pid.
    cleanup: false,
    forceKillAfterDelay: false,
    uid: options.uid,
    gid: options.gid,
    stdin: options.stdin,
    buffer: options.buffer,
    maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
    stripFinalNewline: false,
    encoding: options.encoding ?? 'utf8',
    reject: false,
  })
}

async function collect(
  command: string,
  args: string[],
  options: RunOptions,
  encoding: 'utf8' | 'buffer',
) {
  // No input: /dev/null, as good an end of input as an empty pipe, without the pipe to make.
  const stdin = options.input === undefined ? 'ignore' : 'pipe'
  const child = spawn(command, args, { ...options, buffer: true, stdin, encoding })
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => signalGroup(child.pid, 'SIGKILL'), options.timeoutMs)
  const abort = () => signalGroup(child.pid, 'SIGKILL')
  options.signal?.addEventListener('abort', abort, { once: true })
  if (options.signal?.aborted) abort()
  // A helper that inherited the pipes must not hold us once the child itself has exited.
  child.once('exit', () => {
    setTimeout(() => signalGroup(child.pid, 'SIGKILL'), PIPE_GRACE_MS).unref()
  })
  // A child that exits before reading its input closes the pipe; that is its business.
  child.stdin?.on('error', () => undefined)
  if (options.input !== undefined) child.stdin?.end(options.input)
  const result = await child
  clearTimeout(timer)
  options.signal?.removeEventListener('abort', abort)
  if (result.failed && result.exitCode === undefined && !result.signal && !result.isMaxBuffer) {
    // It never started (ENOENT, EACCES...): say so as an error, like spawn would.
    throw new Error(result.originalMessage || result.shortMessage)
  }
  if (result.isMaxBuffer) signalGroup(child.pid, 'SIGKILL')
  return {
    exitCode: result.exitCode ?? null,
    signal: (result.signal as NodeJS.Signals | undefined) ?? null,
    stdout: result.stdout as unknown,
    stderr: result.stderr as unknown,
    ...(result.isMaxBuffer ? { truncated: true } : {}),
  }
}

/** Runs a program to its end and collects what it printed. Rejects only when it cannot start. */
export async function runProcess(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<ProcessResult> {
  const result = await collect(command, args, options, 'utf8')
  return { ...result, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') }
}

/** runProcess, with stdout as bytes (blobs, binary content). */
export async function runProcessBytes(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<BytesResult> {
  const result = await collect(command, args, options, 'buffer')
  const bytes = (value: unknown) =>
    Buffer.from((value as Uint8Array | undefined) ?? new Uint8Array())
  return { ...result, stdout: bytes(result.stdout), stderr: bytes(result.stderr).toString('utf8') }
}

export interface StartOptions extends Omit<RunOptions, 'input' | 'timeoutMs' | 'maxOutputBytes'> {
  /** Called with each line the child prints on stdout, as it arrives. */
  onLine: (line: string) => void
  /** Called with each line on stderr, when the caller wants them as lines (verify commands). */
  onErrLine?: (line: string) => void
  /** How much of stderr to keep (the end of it). */
  stderrTailBytes?: number
}

export interface ProcessExit {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** Set when the program could not be started at all. */
  spawnError?: string
  stderrTail: string
}

/** A long-running child (the agent): lines out as they come, input whenever, a graceful stop. */
export interface RunningProcess {
  readonly pid: number | undefined
  /** Writes to its stdin; false once stdin is closed. */
  write(text: string): boolean
  closeInput(): void
  /**
   * Stops the whole group: SIGINT, then SIGTERM after `graceMs`, then SIGKILL
   * after twice that. Idempotent.
   */
  stop(graceMs: number): void
  /** Resolves when it exited and its output was read (or a straggler holding stdout was cut off). */
  readonly exited: Promise<ProcessExit>
}

export function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): RunningProcess {
  const child = spawn(command, args, { ...options, buffer: false, stdin: 'pipe' })
  const tailBytes = options.stderrTailBytes ?? 4000
  let stderrTail = ''
  let inputOpen = true
  let stopping = false
  const timers: NodeJS.Timeout[] = []

  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-tailBytes)
  })
  const errLines =
    child.stderr && options.onErrLine
      ? createInterface({ input: child.stderr, crlfDelay: Infinity })
      : undefined
  if (errLines && options.onErrLine) errLines.on('line', options.onErrLine)
  child.stdin?.on('error', () => {
    inputOpen = false
  })
  const lines = child.stdout
    ? createInterface({ input: child.stdout, crlfDelay: Infinity })
    : undefined
  lines?.on('line', options.onLine)
  const streamClosed = new Promise<void>((resolve) => {
    if (lines) lines.once('close', resolve)
    else resolve()
  })

  const exited = (async (): Promise<ProcessExit> => {
    // 'exit', not the end of the streams: a process the agent left behind may hold the pipes open.
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) => {
        child.once('exit', (code, signal) => resolve({ code, signal }))
        child.once('error', () => resolve({ code: null, signal: null }))
      },
    )
    await Promise.race([
      streamClosed,
      new Promise((resolve) => setTimeout(resolve, PIPE_GRACE_MS).unref()),
    ])
    // Whatever it left running in its group goes with it.
    signalGroup(child.pid, 'SIGKILL')
    for (const timer of timers) clearTimeout(timer)
    child.stdout?.destroy()
    child.stderr?.destroy()
    inputOpen = false
    const result = await child
    const spawnError =
      result.failed && exit.code === null && exit.signal === null && !result.isTerminated
        ? result.originalMessage || result.shortMessage
        : undefined
    return { exitCode: exit.code, signal: exit.signal, spawnError, stderrTail }
  })()

  return {
    get pid() {
      return child.pid
    },
    write(text) {
      if (!inputOpen || !child.stdin || child.stdin.destroyed) return false
      return child.stdin.write(text) || true
    },
    closeInput() {
      inputOpen = false
      child.stdin?.end()
    },
    stop(graceMs) {
      if (stopping) return
      stopping = true
      const pid = child.pid
      signalGroup(pid, 'SIGINT')
      timers.push(setTimeout(() => signalGroup(pid, 'SIGTERM'), graceMs))
      timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs * 2))
    },
    exited,
  }
}
