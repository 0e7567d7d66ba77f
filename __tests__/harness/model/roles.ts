// A scripted model that plays the parts of a review-ready run: the worker (the
// task's session, resumed for each fix round) and the reviewer (a fresh session
// whose requests offer StructuredOutput). Which part a request belongs to is
// read from the request itself, as the real model would see it.

import type { MessagesRequest, ModelScript, Step } from './script.js'

export function isReviewer(request: MessagesRequest): boolean {
  return (request.tools ?? []).some((tool) => tool.name === 'StructuredOutput')
}

/** The prompts that open a session: the task's, a check's fix, a review's fix, the review's. */
const OPENERS = [
  'You are working on pull request',
  'A check that must pass',
  'A reviewer read your change',
  'You are reviewing',
]

/**
 * The prompt of the session this request belongs to: the latest user text
 * that opens a session (a resumed session carries the earlier ones too).
 */
export function promptOf(request: MessagesRequest): string {
  for (const message of [...(request.messages ?? [])].reverse()) {
    if (message.role !== 'user') continue
    // A resumed session's later prompts are plain strings; the first is a list of blocks.
    const texts =
      typeof message.content === 'string'
        ? [message.content]
        : Array.isArray(message.content)
          ? (message.content as Array<{ type: string; text?: string }>)
              .filter((block) => block.type === 'text')
              .map((block) => block.text ?? '')
          : []
    const opener = texts.find((text) => OPENERS.some((o) => text.includes(o)))
    if (opener !== undefined) return opener
  }
  return ''
}

/**
 * A script by role: the worker's steps for its first pass, then per fix round
 * (keyed by what its prompt carries), and the reviewer's answers in order.
 */
export function byRole(
  script: () => {
    firstPass: Step[]
    fixes?: Step[][]
    reviews?: Array<Step[]>
  },
): ModelScript {
  let built: ReturnType<typeof script> | undefined
  const progress = { first: 0, fix: new Map<number, number>(), review: new Map<number, number>() }
  let reviewSessions = 0
  const fixPrompts: string[] = []
  let lastReviewPrompt = ''
  return ({ request }) => {
    const parts = (built ??= script())
    const prompt = promptOf(request)
    if (isReviewer(request)) {
      if (prompt !== lastReviewPrompt && prompt.includes('You are reviewing')) {
        lastReviewPrompt = prompt
        reviewSessions++
      }
      const steps = parts.reviews?.[reviewSessions - 1] ?? []
      const at = progress.review.get(reviewSessions) ?? 0
      progress.review.set(reviewSessions, at + 1)
      return steps[at]
    }
    // Each fix session starts with a prompt of its own: the nth such prompt is round n.
    if (!/fix attempt \d+ of|review cycle \d+ of/.test(prompt))
      return parts.firstPass[progress.first++]
    if (!fixPrompts.includes(prompt)) fixPrompts.push(prompt)
    const round = fixPrompts.indexOf(prompt) + 1
    const at = progress.fix.get(round) ?? 0
    progress.fix.set(round, at + 1)
    return parts.fixes?.[round - 1]?.[at]
  }
}
