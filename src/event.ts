// The event payload -> a Task the pipeline works on, or the reason to skip.
// Pure: the payload is read from disk by the caller.

import type { CiFailure } from './github/ci-logs.js'
import type { ReviewThread } from './github/review-threads.js'
import { stripHiddenText } from './util/sanitize.js'

export interface Account {
  login: string
  type: string
}

/** A `/async-pr` instruction posted as a comment on the PR. */
export interface FollowUp {
  commentId: number
  commentUrl: string
  /** The comment's text after the prefix; untrusted, sanitized when it becomes the prompt. */
  instruction: string
  /** Set when the instruction is a submitted review's body: `commentId` is then the review's id. */
  source?: 'review'
}

/** A run that fixes the repository's CI after it failed on async-pr's push (see events/workflow-run.ts). */
export interface CiFix {
  runId: number
  runAttempt: number
  runUrl: string
  workflowName: string
  /** The commit CI failed on: the PR's head when the fix starts. */
  headSha: string
  conclusion: string
  /** This fix's number: the fixes since the last person's commit, plus one. */
  attempt: number
  maxAttempts: number
  /** What CI said (untrusted text, fenced and stripped when it becomes the prompt). */
  failure: CiFailure
  /** The PR's status comment as people read it: the task's earlier result. */
  previousResult?: string
}

export interface Task {
  owner: string
  repo: string
  prNumber: number
  prUrl: string
  title: string
  /** The PR body as written; sanitized only when it becomes the prompt. */
  body: string
  author: Account
  /** Who caused this event (opened the PR, marked it ready). */
  actor: Account
  action: string
  headRef: string
  headSha: string
  baseRef: string
  /** Set when this run answers a follow-up instruction. */
  followUp?: FollowUp
  /** Set when this run fixes CI that failed on async-pr's push. */
  ciFix?: CiFix
  /** Set when this run continues where an earlier one stopped. */
  continuation?: Continuation
  /** A follow-up's context: the PR's unresolved review threads that writers started. */
  reviewThreads?: ReviewThread[]
}

/**
 * A run that picks up where an earlier one stopped: a writer's `/async-pr continue
 * [instruction]`, or the next job a run that ran out of time or turns started itself
 * (a `repository_dispatch` whose payload names only the PR and that run).
 */
export interface Continuation {
  /** What to do now, after `continue` (untrusted, fenced when it becomes the prompt). */
  instruction?: string
  /** For a dispatched continuation: the run that dispatched it (checked against the PR). */
  fromRunId?: string
  /** Which automatic continuation this is, counted from the branch's history (set in prepare). */
  number?: number
}

/** `continue [instruction]`: the follow-up that resumes a stopped run's session. */
export function continuationOf(instruction: string): Continuation | undefined {
  const match = /^continue(?:\s+([\s\S]*))?$/i.exec(instruction.trim())
  if (!match) return undefined
  const rest = match[1]?.trim()
  return rest ? { instruction: rest } : {}
}

export type SkipReason =
  | 'draft'
  | 'closed'
  | 'empty_task'
  | 'fork'
  | 'unsupported_event'
  | 'not_a_command'
  | 'default_branch'
  | 'invalid_dispatch'

/** A follow-up names the PR; its branch and head come from the API. */
export interface FollowUpRequest {
  owner: string
  repo: string
  prNumber: number
  commenter: Account
  followUp: FollowUp
}

export type EventOutcome =
  | { kind: 'task'; task: Task }
  | { kind: 'followup'; request: FollowUpRequest }
  | { kind: 'skip'; reason: SkipReason; message: string }

/** The parts of the PR the API returns, to complete a follow-up into a task. */
export interface PullRequestData {
  number: number
  html_url: string
  title: string
  body: string | null
  state: string
  draft?: boolean
  user: Account | null
  head: { ref: string; sha: string; repo: { full_name: string } | null }
  base: { ref: string; repo: { full_name: string; default_branch?: string } }
}

const PULL_REQUEST_ACTIONS = new Set(['opened', 'ready_for_review', 'reopened'])

interface PullRequestPayload {
  action?: string
  sender?: Account
  pull_request?: {
    number: number
    html_url: string
    title: string
    body: string | null
    state: string
    draft?: boolean
    user: Account
    head: { ref: string; sha: string; repo: { full_name: string } | null }
    base: { ref: string; repo: { full_name: string; default_branch?: string } }
  }
}

/**
 * A PR whose head is the repository's default branch would have the agent's
 * commits pushed straight onto it, with a PAT that may bypass its protection.
 */
function defaultBranchHead(pr: {
  number: number
  head: { ref: string }
  base: { repo: { default_branch?: string } }
}): EventOutcome | undefined {
  const defaultBranch = pr.base.repo.default_branch
  if (!defaultBranch || pr.head.ref !== defaultBranch) return undefined
  return skip(
    'default_branch',
    `PR #${pr.number} is opened from ${defaultBranch}, the default branch; async-pr only pushes to task branches. Open the PR from a new branch.`,
  )
}

function skip(reason: SkipReason, message: string): EventOutcome {
  return { kind: 'skip', reason, message }
}

interface IssueCommentPayload {
  action?: string
  issue?: { number: number; pull_request?: unknown }
  comment?: { id: number; html_url: string; body: string | null; user: Account }
  repository?: { full_name: string }
}

export const DEFAULT_PREFIX = '/async-pr'

/**
 * What a comment says after the trigger prefix, as written (untrusted);
 * undefined when it does not start with the prefix as a word of its own.
 */
export function commandText(body: string | null | undefined, prefix: string): string | undefined {
  const text = (body ?? '').trimStart()
  const after = text.slice(prefix.length)
  if (!text.startsWith(prefix) || (after !== '' && !/^\s/.test(after))) return undefined
  return after
}

function followUpFromEvent(payload: unknown, prefix: string): EventOutcome {
  const event = payload as IssueCommentPayload
  const { issue, comment, repository } = event
  if (event.action !== 'created' || !issue || !comment || !repository) {
    return skip(
      'unsupported_event',
      `async-pr answers new comments only; this was "${event.action}".`,
    )
  }
  if (!issue.pull_request) {
    return skip('not_a_command', `#${issue.number} is an issue, not a pull request.`)
  }
  const after = commandText(comment.body, prefix)
  if (after === undefined) {
    return skip('not_a_command', `The comment does not start with ${prefix}.`)
  }
  const instruction = stripHiddenText(after).trim()
  if (!instruction) {
    return skip(
      'empty_task',
      `Write what to do after ${prefix}, for example "${prefix} also update the docs".`,
    )
  }
  const [owner, repo] = repository.full_name.split('/') as [string, string]
  return {
    kind: 'followup',
    request: {
      owner,
      repo,
      prNumber: issue.number,
      commenter: { login: comment.user.login, type: comment.user.type },
      followUp: { commentId: comment.id, commentUrl: comment.html_url, instruction: after.trim() },
    },
  }
}

interface PullRequestReviewPayload {
  action?: string
  review?: { id: number; html_url: string; body: string | null; user: Account }
  pull_request?: { number: number }
  repository?: { full_name: string }
}

/** What a review asks for when its body is the prefix alone. */
export const ADDRESS_THE_REVIEW = 'address the review'

/** A submitted review whose body starts with the prefix: a follow-up, its threads the context. */
function followUpFromReview(payload: unknown, prefix: string): EventOutcome {
  const event = payload as PullRequestReviewPayload
  const { review, pull_request: pr, repository } = event
  if (event.action !== 'submitted' || !review || !pr || !repository) {
    return skip(
      'unsupported_event',
      `async-pr answers submitted reviews only; this was "${event.action}".`,
    )
  }
  const after = commandText(review.body, prefix)
  if (after === undefined) {
    return skip('not_a_command', `The review's text does not start with ${prefix}.`)
  }
  const [owner, repo] = repository.full_name.split('/') as [string, string]
  return {
    kind: 'followup',
    request: {
      owner,
      repo,
      prNumber: pr.number,
      commenter: { login: review.user.login, type: review.user.type },
      followUp: {
        commentId: review.id,
        commentUrl: review.html_url,
        instruction: stripHiddenText(after).trim() ? after.trim() : ADDRESS_THE_REVIEW,
        source: 'review',
      },
    },
  }
}

/** The PR as the API returns it -> the task a follow-up continues, or why not. */
export function followUpTask(request: FollowUpRequest, pr: PullRequestData): EventOutcome {
  if (pr.state !== 'open') {
    return skip('closed', `PR #${pr.number} is ${pr.state}; reopen it to continue.`)
  }
  const baseRepo = pr.base.repo.full_name
  if (!pr.head.repo || pr.head.repo.full_name !== baseRepo) {
    return skip(
      'fork',
      `PR #${pr.number} comes from a fork; async-pr only works on branches of ${baseRepo}.`,
    )
  }
  const onDefault = defaultBranchHead(pr)
  if (onDefault) return onDefault
  return {
    kind: 'task',
    task: {
      owner: request.owner,
      repo: request.repo,
      prNumber: pr.number,
      prUrl: pr.html_url,
      title: pr.title,
      body: pr.body ?? '',
      author: { login: pr.user?.login ?? 'ghost', type: pr.user?.type ?? 'User' },
      actor: request.commenter,
      action: 'follow_up',
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
      followUp: request.followUp,
      continuation: continuationOf(stripHiddenText(request.followUp.instruction)),
    },
  }
}

export function taskFromEvent(
  eventName: string,
  payload: unknown,
  prefix = DEFAULT_PREFIX,
): EventOutcome {
  if (eventName === 'issue_comment') return followUpFromEvent(payload, prefix)
  if (eventName === 'pull_request_review') return followUpFromReview(payload, prefix)
  const event = payload as PullRequestPayload
  const pr = event.pull_request
  if (eventName !== 'pull_request' || !pr) {
    return skip(
      'unsupported_event',
      `async-pr runs on pull_request events (opened, ready_for_review, reopened), issue_comment and pull_request_review; this was "${eventName}".`,
    )
  }
  if (!event.action || !PULL_REQUEST_ACTIONS.has(event.action)) {
    return skip(
      'unsupported_event',
      `async-pr runs when a pull request is opened, reopened or marked ready for review; this was "${event.action}".`,
    )
  }
  if (pr.state !== 'open') {
    return skip('closed', `PR #${pr.number} is ${pr.state}; nothing to do.`)
  }
  if (pr.draft) {
    return skip('draft', `PR #${pr.number} is a draft; mark it ready for review to start the task.`)
  }
  const baseRepo = pr.base.repo.full_name
  if (!pr.head.repo || pr.head.repo.full_name !== baseRepo) {
    return skip(
      'fork',
      `PR #${pr.number} comes from ${pr.head.repo ? `the fork ${pr.head.repo.full_name}` : 'a fork that no longer exists'}; async-pr only works on branches of ${baseRepo}.`,
    )
  }
  const onDefault = defaultBranchHead(pr)
  if (onDefault) return onDefault
  const body = pr.body ?? ''
  if (stripHiddenText(body).trim() === '') {
    return skip(
      'empty_task',
      `PR #${pr.number} has no task: write what should be done in the PR description, then mark it ready for review (or reopen it).`,
    )
  }
  const [owner, repo] = baseRepo.split('/') as [string, string]
  return {
    kind: 'task',
    task: {
      owner,
      repo,
      prNumber: pr.number,
      prUrl: pr.html_url,
      title: pr.title,
      body,
      author: { login: pr.user.login, type: pr.user.type },
      actor: event.sender
        ? { login: event.sender.login, type: event.sender.type }
        : { login: pr.user.login, type: pr.user.type },
      action: event.action,
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
    },
  }
}
