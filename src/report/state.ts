// A machine-readable line in the status comment, hidden from readers, so that
// tools (the companion CLI, other agents) read the run's state without parsing
// prose. Rendered by the action, parsed by the CLI. It is always the body's
// last line, and only read there: a state line anywhere else (quoted by the
// agent, say) is text, not state.

import type { Conclusion } from './outcome.js'

export type RunState = 'working' | Conclusion

export interface CommentState {
  v: 1
  state: RunState
  runUrl: string
  branch?: string
  commitSha?: string
  sessionId?: string
  costUsd?: number
  numTurns?: number
  /** Set for follow-up runs: the instruction comment this run answers. */
  instructionId?: number
  /** The cost of this run and the runs it continues (a chain of continuations). */
  chainCostUsd?: number
  /** Which automatic continuation this run was. */
  continuation?: number
  /** This run started the next continuation (a dispatch only a run that says so here may send). */
  dispatched?: true
  /** What the run's last review said, when it had one (`changes_requested`: findings for a person). */
  reviewVerdict?: 'approved' | 'changes_requested'
  /** Comments this run answered while it worked (steering, a stop): their own runs do nothing. */
  steered?: number[]
}

const PREFIX = '<!-- async-pr:state '
const SUFFIX = ' -->'

export function renderState(state: CommentState): string {
  // Inside an HTML comment, `--` must not appear; \u002d reads back as '-'. The
  // Unicode line separators, which JSON leaves raw, are escaped too: the line stays one line.
  const json = JSON.stringify(state).replace(
    /[-\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return PREFIX + json + SUFFIX
}

/** The state the body's last line holds (trailing blank lines aside), if it is a state line. */
export function parseState(body: string): CommentState | undefined {
  const last =
    body
      .trimEnd()
      .split(/\r\n|\r|\n/)
      .at(-1) ?? ''
  if (!last.startsWith(PREFIX) || !last.endsWith(SUFFIX)) return undefined
  try {
    const parsed = JSON.parse(last.slice(PREFIX.length, -SUFFIX.length)) as CommentState
    return parsed && parsed.v === 1 && typeof parsed.state === 'string' ? parsed : undefined
  } catch {
    return undefined
  }
}

/**
 * async-pr's hidden lines at the end of a body (the state line), with the CI
 * line when one sits right above its own hidden line (see ci-line.ts): they
 * survive any cut.
 */
const HIDDEN_TAIL =
  /(?:\n\n\*\*CI:\*\* [^\n]*(?=\n<!-- async-pr:ci ))?(?:\n<!-- async-pr:[^\n]*-->)+\s*$/

/** A body as what a person reads and the hidden lines after it. */
export function splitHiddenTail(body: string): { visible: string; tail: string } {
  const tail = HIDDEN_TAIL.exec(body)?.[0] ?? ''
  return { visible: body.slice(0, body.length - tail.length), tail }
}
