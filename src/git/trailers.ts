// The trailers async-pr writes into its commits, read back from a commit
// message as the API or an event payload gives it. Pure. (In the publish
// repository git reads them itself: `%(trailers:key=…)`, see workspace.ts.)

/** Every commit async-pr makes: the run that made it, and the task (the PR) it belongs to. */
export const RUN_TRAILER = 'Async-PR-Run'
export const TASK_TRAILER = 'Async-PR-Task'
/** A commit that fixes CI carries its attempt number, counted since the last person's commit. */
export const CI_FIX_TRAILER = 'Async-PR-CI-Fix'
/** A commit that restores a lost run's checkpoint names it (such a commit delivers nothing of its own). */
export const RECOVERED_TRAILER = 'Async-PR-Recovered'
/** A commit of an automatic continuation carries its number in the chain. */
export const CONTINUATION_TRAILER = 'Async-PR-Continuation'

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*?)\s*$/

/**
 * The trailers of a message: the key-value lines of its last paragraph, when
 * that paragraph is made of them (continuation lines allowed), as git writes
 * them. Keys compare case-insensitively, as git compares them.
 */
export function trailersOf(message: string): Map<string, string[]> {
  const paragraphs = message
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split(/\n[ \t]*\n/)
  const trailers = new Map<string, string[]>()
  if (paragraphs.length < 2) return trailers // a subject alone has no trailers
  const lines = (paragraphs.at(-1) ?? '').split('\n')
  for (const line of lines) {
    if (/^[ \t]/.test(line) && trailers.size > 0) continue // a folded value
    const match = TRAILER_LINE.exec(line)
    if (!match) return new Map()
    const key = (match[1] as string).toLowerCase()
    trailers.set(key, [...(trailers.get(key) ?? []), match[2] as string])
  }
  return trailers
}

/** The PR numbers a message's `Async-PR-Task: #<n>` trailers name. */
export function taskNumbersOf(message: string): number[] {
  return (trailersOf(message).get(TASK_TRAILER.toLowerCase()) ?? [])
    .map((value) => /^#(\d{1,9})$/.exec(value)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
}

/** The attempt a message's `Async-PR-CI-Fix: <n>` trailer names; undefined when it has none. */
export function ciFixNumberOf(message: string): number | undefined {
  const value = trailersOf(message).get(CI_FIX_TRAILER.toLowerCase())?.at(-1)
  const n = value && /^\d{1,4}$/.test(value) ? Number(value) : undefined
  return n !== undefined && n > 0 ? n : undefined
}
