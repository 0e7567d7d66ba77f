// `dispatch --issue`: an issue becomes a task (title from the issue, body the
// issue's text plus `Closes #N` and a link), unless it is closed, is a pull
// request, or already has an open async pull request. Pure: the reading is in
// commands/dispatch.ts.

import { BODY_LIMIT, type Task } from './task-input.js'

export interface IssueInfo {
  number: number
  title: string
  /** The issue's text as its author wrote it (untrusted, like any task). */
  body: string
  state: 'open' | 'closed'
  url: string
  /** The issues API returns pull requests too. */
  isPull: boolean
}

export interface OpenPull {
  number: number
  url: string
  title: string
  headRef: string
  body: string
  createdAt?: string
}

export type RefusalReason = 'not_found' | 'pull_request' | 'closed' | 'has_open_pull' | 'too_long'

export type IssueVerdict =
  | { kind: 'task'; issue: number; task: Task }
  | { kind: 'refused'; issue: number; reason: RefusalReason; message: string; existing?: OpenPull }

// GitHub's closing keywords, as in "Closes #42" or "fixes #42".
const CLOSES = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi

/** The issue a pull request body says it closes: the last `Closes #N` (dispatch writes it last). */
export function closedIssue(body: string): number | undefined {
  const all = [...body.matchAll(CLOSES)]
  const last = all.at(-1)
  return last ? Number(last[1]) : undefined
}

/** The task body: the issue's text, then the line that links the PR to the issue. */
export function issueTaskBody(issue: IssueInfo): string {
  const text = issue.body.trim() || issue.title.trim()
  return `${text}\n\n---\n\nCloses #${issue.number} (${issue.url})`
}

/** The open async pull request already made for this issue, if any. */
export function openPullFor(
  issue: number,
  pulls: OpenPull[],
  prefix: string,
): OpenPull | undefined {
  return pulls.find(
    (pull) =>
      pull.headRef.startsWith(`${prefix}${issue}-`) ||
      (pull.headRef.startsWith(prefix) && closedIssue(pull.body) === issue),
  )
}

export function issueVerdict(
  number: number,
  issue: IssueInfo | undefined,
  openPulls: OpenPull[],
  context: { repo: string; prefix: string },
): IssueVerdict {
  const refuse = (reason: RefusalReason, message: string, existing?: OpenPull): IssueVerdict => ({
    kind: 'refused',
    issue: number,
    reason,
    message,
    existing,
  })
  if (!issue) return refuse('not_found', `there is no issue #${number} in ${context.repo}.`)
  if (issue.isPull) return refuse('pull_request', 'it is a pull request, not an issue.')
  if (issue.state === 'closed') return refuse('closed', 'the issue is closed.')
  const existing = openPullFor(number, openPulls, context.prefix)
  if (existing)
    return refuse(
      'has_open_pull',
      `it already has an open async pull request, #${existing.number} ${existing.url}`,
      existing,
    )
  const body = issueTaskBody(issue)
  if (body.length > BODY_LIMIT)
    return refuse(
      'too_long',
      `its text is ${issue.body.length} characters; with the link to the issue that is more than the ${BODY_LIMIT} GitHub takes in a pull request body.`,
    )
  return {
    kind: 'task',
    issue: number,
    task: { title: issue.title.trim() || `Issue #${number}`, body },
  }
}
