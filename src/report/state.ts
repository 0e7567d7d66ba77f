// A machine-readable line in the status comment, hidden from readers, so that
// tools (the companion CLI, other agents) read the run's state without parsing
// prose. Rendered by the action, parsed by the CLI.

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
}

const PREFIX = '<!-- async-pr:state '
const SUFFIX = ' -->'

export function renderState(state: CommentState): string {
  // Inside an HTML comment, `--` must not appear; \u002d reads back as '-'.
  return PREFIX + JSON.stringify(state).replace(/-/g, '\\u002d') + SUFFIX
}

export function parseState(body: string): CommentState | undefined {
  const start = body.lastIndexOf(PREFIX)
  if (start < 0) return undefined
  const end = body.indexOf(SUFFIX, start + PREFIX.length)
  if (end < 0) return undefined
  try {
    const parsed = JSON.parse(body.slice(start + PREFIX.length, end)) as CommentState
    return parsed && parsed.v === 1 && typeof parsed.state === 'string' ? parsed : undefined
  } catch {
    return undefined
  }
}
