// A PR's open review threads as the agent reads them: each with an id it
// reports on later (T1, T2, …), where it sits, the diff hunk it was left on,
// and what writers said. Someone else's text: the caller fences and cleans
// it like the PR body. Pure.

import type { ReviewThread } from '../github/review-threads.js'

export function threadLabel(index: number): string {
  return `T${index + 1}`
}

function where(thread: ReviewThread): string {
  const line = thread.line ? ` line ${thread.line}` : ''
  const outdated = thread.outdated ? ' (outdated: the code changed after it was written)' : ''
  return `${thread.path}${line}${outdated}`
}

export function threadsText(threads: readonly ReviewThread[]): string {
  const blocks = threads.map((thread, index) => {
    const lines = [`Thread ${threadLabel(index)}: ${where(thread)}`, 'Diff hunk:', thread.diffHunk]
    lines.push('Conversation:')
    for (const comment of thread.comments) {
      const [first = '', ...rest] = comment.body.trim().split('\n')
      lines.push(`- @${comment.author}: ${first}`, ...rest.map((line) => `  ${line}`))
    }
    if (thread.leftOut > 0)
      lines.push(
        `(${thread.leftOut} comment${thread.leftOut === 1 ? '' : 's'} by someone without write access left out)`,
      )
    return lines.join('\n')
  })
  return blocks.join('\n\n')
}
