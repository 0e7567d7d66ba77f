// A job log as GitHub serves it, made readable: the byte-order mark and each
// line's timestamp go, colour codes go, the runner's `##[group]`/`##[error]`
// markers become words. What is left is still others' text (the agent's tool
// calls, a test's output): the caller prints it through terminalSafe. Pure,
// but for downloadLines, which reads the text from the log's short-lived link
// without any token, keeping only what it was asked for (bounded memory, time
// and size).

import { proxiedFetch } from '../github/proxy-fetch.js'

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/
// Colour and style (SGR) only; any other escape stays, to be shown as text.
// eslint-disable-next-line no-control-regex -- ESC is what this finds
const SGR = /\u001b\[[0-9;]*m/g
const MARKER = /^##\[(group|endgroup|error|warning|notice|debug|command|section)\](.*)$/

/** One line of the log as a person reads it, or undefined for a line that only closes a group. */
export function readableLogLine(raw: string): string | undefined {
  const text = raw
    .replace(/^\ufeff/, '')
    .replace(TIMESTAMP, '')
    .replace(SGR, '')
    .replace(/\r$/, '')
  const marker = MARKER.exec(text)
  if (!marker) return text
  const [, kind, rest] = marker as unknown as [string, string, string]
  switch (kind) {
    case 'group':
      return `▸ ${rest}`
    case 'endgroup':
      return undefined
    case 'command':
      return `$ ${rest}`
    case 'section':
      return rest
    default:
      return `${kind}: ${rest}`
  }
}

export interface LogLines {
  /** Readable lines of the whole log so far. */
  total: number
  /** The readable lines from index `from` on, at most the last `keep` of them. */
  lines: string[]
  /** The download stopped at the size limit: the tail may be missing. */
  cut: boolean
}

/** Keeps the lines from `from` on, the last `keep` of them. */
export class LineCollector {
  total = 0
  private readonly kept: string[] = []

  constructor(
    private readonly from: number,
    private readonly keep: number,
  ) {}

  push(raw: string): void {
    const line = readableLogLine(raw)
    if (line === undefined) return
    if (this.total++ < this.from) return
    this.kept.push(line)
    if (this.kept.length > this.keep) this.kept.shift()
  }

  get lines(): string[] {
    return [...this.kept]
  }
}

export const LOG_MAX_BYTES = 256 * 1024 * 1024

/**
 * Reads the log text at `url` (no Authorization header: the link is signed for
 * this), line by line, never holding more than `keep` lines.
 */
export async function downloadLines(
  url: string,
  options: { from: number; keep: number; signal: AbortSignal; maxBytes?: number },
): Promise<LogLines & { status: number }> {
  const response = await proxiedFetch(url, { signal: options.signal, redirect: 'follow' })
  const collector = new LineCollector(options.from, options.keep)
  if (!response.ok || !response.body) {
    await response.body?.cancel()
    return { status: response.status, total: 0, lines: [], cut: false }
  }
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES
  const decoder = new TextDecoder()
  let rest = ''
  let bytes = 0
  let cut = false
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    rest += decoder.decode(value, { stream: true })
    const parts = rest.split('\n')
    rest = parts.pop() ?? ''
    for (const part of parts) collector.push(part)
    if (bytes > maxBytes) {
      cut = true
      await reader.cancel()
      break
    }
  }
  rest += decoder.decode()
  if (rest !== '' && !cut) collector.push(rest)
  return { status: response.status, total: collector.total, lines: collector.lines, cut }
}
