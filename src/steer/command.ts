// A comment on the PR, read as a command to the running task: an instruction
// (steering) or `stop`. The same prefix rule as a follow-up's (event.ts). Pure.

import { commandText } from '../event.js'
import { stripHiddenText } from '../util/sanitize.js'

export type PrCommand = { kind: 'stop' } | { kind: 'steer'; text: string }

/** `/async-pr stop` (a trailing full stop allowed, any case). */
export function isStop(instruction: string): boolean {
  return /^stop\.?$/i.test(stripHiddenText(instruction).trim())
}

/** The command a comment gives, or undefined when it gives none (no prefix, nothing after it). */
export function readCommand(
  body: string | null | undefined,
  prefix: string,
): PrCommand | undefined {
  const after = commandText(body, prefix)
  if (after === undefined || stripHiddenText(after).trim() === '') return undefined
  return isStop(after) ? { kind: 'stop' } : { kind: 'steer', text: after.trim() }
}
