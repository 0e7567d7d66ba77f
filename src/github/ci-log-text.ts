// A job's log as GitHub serves it (a byte-order mark, a timestamp before every
// line, ANSI colours, `##[group]` markers) -> the last lines of each failed
// step, as plain text a reader (the agent) can use. Pure, and bounded: lines
// are read one at a time and only a window of each step is kept.
//
// The text is untrusted (a test can print anything). Nothing here makes it
// safe to show or to obey: the prompt fences it and strips hidden text, and
// it is never printed to the runner's log or a comment.

/** What a log line is, after its runner markup is read (`end`: a group's end, shown as nothing). */
export type LineKind = 'text' | 'step' | 'error' | 'end'

export interface LogLine {
  /** When the runner wrote it (ms since the epoch), if the line carries a timestamp. */
  atMs?: number
  kind: LineKind
  text: string
}

/** Longer lines are cut: minified output would fill the budget with one line. */
export const MAX_LINE_CHARS = 2000

const TIMESTAMP = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?/
/* eslint-disable no-control-regex -- these match terminal escapes and control characters on purpose */
const ANSI_CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g
const ANSI_OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g
const ANSI_OTHER = /\u001b[@-_]?/g
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
/* eslint-enable no-control-regex */

/** One raw line of the log -> its time, what it is, and its text without colours or controls. */
export function parseLogLine(raw: string): LogLine {
  let text = raw.replace(/^\uFEFF/, '')
  let atMs: number | undefined
  const stamp = TIMESTAMP.exec(text)
  if (stamp) {
    const parsed = Date.parse(stamp[1] as string)
    if (!Number.isNaN(parsed)) atMs = parsed
    text = text.slice(stamp[0].length)
  }
  text = text.replace(ANSI_OSC, '').replace(ANSI_CSI, '').replace(ANSI_OTHER, '')
  // A carriage return redraws the line (progress bars): what stays is the last drawing.
  const drawn = text.split('\r').filter((part) => part !== '')
  text = (drawn.at(-1) ?? '').replace(CONTROLS, '')
  let kind: LineKind = 'text'
  const marker = /^##\[(group|endgroup|error|warning|notice|debug|command|section)\]/.exec(text)
  if (marker) {
    const rest = text.slice(marker[0].length)
    switch (marker[1]) {
      case 'group':
        kind = rest.startsWith('Run ') ? 'step' : 'text'
        text = rest
        break
      case 'endgroup':
        kind = 'end'
        text = ''
        break
      case 'error':
        kind = 'error'
        text = `Error: ${rest}`
        break
      case 'warning':
        text = `Warning: ${rest}`
        break
      default:
        text = rest
    }
  }
  if (text.length > MAX_LINE_CHARS) text = `${text.slice(0, MAX_LINE_CHARS)} …[line cut]`
  return { atMs, kind, text }
}

/** A failed step's time span, as the jobs API reports it (to the second). */
export interface StepSpan {
  startedAt?: string | null
  completedAt?: string | null
}

/** How far a step's window reaches beyond the times the jobs API gives it. */
const WINDOW_SLACK_MS = 3000

/** The lines kept of a step: more than the tail, so the step's own start can be found in them. */
const KEPT_PER_STEP = 1000

/**
 * Collects, for each failed step, the lines the runner wrote while it ran. The
 * jobs API gives steps' times to the second and log lines carry finer ones (and
 * the two clocks need not agree), so a step's window reaches a few seconds
 * beyond both ends; lines of a neighbouring step in it are told apart by
 * `sectionTail`.
 */
export class StepLogCollector {
  private readonly windows: Array<{ from: number; to: number }>
  private readonly kept: LogLine[][]
  private lastAt?: number
  /** Lines read in all. */
  lines = 0

  constructor(steps: StepSpan[]) {
    this.windows = steps.map((step) => {
      const from = Date.parse(step.startedAt ?? '')
      const to = Date.parse(step.completedAt ?? '')
      return {
        from: Number.isNaN(from) ? -Infinity : Math.floor(from / 1000) * 1000 - WINDOW_SLACK_MS,
        to: Number.isNaN(to) ? Infinity : Math.floor(to / 1000) * 1000 + 999 + WINDOW_SLACK_MS,
      }
    })
    this.kept = steps.map(() => [])
  }

  push(raw: string): void {
    this.lines++
    const line = parseLogLine(raw)
    // A line without a timestamp belongs where the line before it was.
    const at = line.atMs ?? this.lastAt
    this.lastAt = at
    this.windows.forEach((window, i) => {
      if (at !== undefined && (at < window.from || at > window.to)) return
      const kept = this.kept[i] as LogLine[]
      kept.push(line)
      if (kept.length > KEPT_PER_STEP) kept.splice(0, kept.length - KEPT_PER_STEP)
    })
  }

  /** Each step's lines, in the order the steps were given. */
  steps(): LogLine[][] {
    return this.kept
  }
}

/**
 * The last `maxLines` of the step a window holds: from the last `Run …` step
 * header before the runner's "Process completed with exit code" error (the
 * failing step's end) up to that error, when both are there.
 */
export function sectionTail(lines: LogLine[], maxLines: number): { lines: string[]; cut: number } {
  let end = lines.length
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as LogLine
    if (line.kind === 'error' && line.text.startsWith('Error: Process completed with exit code')) {
      end = i + 1
      break
    }
  }
  let start = 0
  for (let i = end - 1; i >= 0; i--) {
    if ((lines[i] as LogLine).kind === 'step') {
      start = i
      break
    }
  }
  const section = lines.slice(start, end).filter((line) => line.kind !== 'end')
  const shown = section.slice(-maxLines).map((line) => line.text)
  return { lines: shown, cut: section.length - shown.length }
}
