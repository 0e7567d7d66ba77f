// What a command may touch of the outside world, passed in so tests can run
// commands in-process with their own environment, streams and clock.

export interface Output {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface Io {
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

export function line(out: Output, text = ''): void {
  out.write(`${text}\n`)
}

export function json(out: Output, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`)
}
