// What async-pr replies in a review thread after its push, and the line the
// status comment gives the threads. The agent's words are someone else's
// text: quoted, escaped; redacted at the publishing edge. Pure.

import { shortSha } from './format.js'
import { codeSpan, prose, quote } from './markdown.js'

export type ThreadReply =
  | { kind: 'addressed'; what: string; commit?: { sha: string; url: string } }
  | { kind: 'not_addressed'; why: string }
  | { kind: 'not_reported' }
  /** The agent addressed it, but the work is not on the PR's branch (why, in async-pr's words). */
  | { kind: 'not_on_branch'; what: string; why: string }

export function threadReply(reply: ThreadReply, runUrl: string): string {
  const run = `[workflow run](${runUrl})`
  switch (reply.kind) {
    case 'addressed': {
      const where = reply.commit
        ? `in [${codeSpan(shortSha(reply.commit.sha))}](${reply.commit.url})`
        : '(no change to the code was needed)'
      return [
        `✅ **Addressed** by async-pr ${where}:`,
        '',
        quote(reply.what),
        '',
        `<sub>async-pr resolved this conversation (${run}); reopen it if it is not done.</sub>`,
      ].join('\n')
    }
    case 'not_addressed':
      return [
        '⏸️ **Not changed** by async-pr:',
        '',
        quote(reply.why),
        '',
        `<sub>Left open for you (${run}).</sub>`,
      ].join('\n')
    case 'not_reported':
      return [
        '⏸️ **Not changed** by async-pr: the agent did not report on this thread.',
        '',
        `<sub>Left open for you (${run}).</sub>`,
      ].join('\n')
    case 'not_on_branch':
      return [
        `⏸️ async-pr addressed this, but the work is not on this PR’s branch: ${prose(reply.why)}`,
        '',
        quote(reply.what),
        '',
        `<sub>Left open for you (${run}).</sub>`,
      ].join('\n')
  }
}

/** How the follow-up left the review threads it was given, for the status comment. */
export interface ThreadsSummary {
  total: number
  resolved: number
  /** Threads that got a reply (resolved or left open). */
  replied: number
  /** Why the threads were not answered at all. */
  why?: string
  /** Writes GitHub refused (best effort: the rest went on). */
  failures: string[]
}

export function renderThreadsSummary(summary: ThreadsSummary): string[] {
  const plural = (n: number) => (n === 1 ? '' : 's')
  if (summary.why) {
    return [
      `**Review threads:** ${summary.total} open thread${plural(summary.total)} given to the agent; none answered or resolved: ${prose(summary.why)}.`,
      '',
    ]
  }
  const open = summary.total - summary.resolved
  const lines = [
    `**Review threads:** ${summary.resolved} of ${summary.total} addressed and resolved${open > 0 ? `, ${open} left open with ${open === 1 ? 'a reply that says' : 'replies that say'} why` : ''}.`,
  ]
  if (summary.failures.length > 0)
    lines.push('', ...summary.failures.map((failure) => `- ${prose(failure)}`))
  return [...lines, '']
}
