// What a command may touch of the outside world, passed in so tests can run
// commands in-process with their own environment, streams and clock.

import { jsonSafe, terminalSafe } from './terminal.js'

export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface Io {
  /** Time between writes when dispatching many tasks (tests shorten it). */
  writeSpacingMs?: number
  env: Record<string, string | undefined>
  cwd: string
  stdout: Output
  stderr: Output
  stdin: NodeJS.ReadableStream
  /** Aborted on Ctrl-C: waits and requests stop. */
  signal?: AbortSignal
  now?: () => Date
  /** The random part of generated branch names. */
  random?: () => string
}

/**
 * A line (or lines) for a person. Whatever untrusted text the message carries,
 * no control character reaches the terminal: render.ts has already shown those
 * in single-line fields, and this is the guard for every message.
 */
export function line(out: Output, text = ''): void {
  out.write(`${terminalSafe(text, 'block')}\n`)
}

/** JSON for a program: the exact text, every control character escaped. */
export function json(out: Output, value: unknown): void {
  out.write(`${jsonSafe(value)}\n`)
}

/** One JSON document on one line (one per task, so a program can read them as they come). */
export function jsonLine(out: Output, value: unknown): void {
  out.write(`${jsonSafe(value, 0)}\n`)
}
