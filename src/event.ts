// The event payload -> a Task the pipeline works on, or the reason to skip.
// Pure: the payload is read from disk by the caller.

import { stripHiddenText } from './util/sanitize.js'

export interface Account {
  login: string
  type: string
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
}

export type SkipReason = 'draft' | 'closed' | 'empty_task' | 'fork' | 'unsupported_event'

export type EventOutcome =
  { kind: 'task'; task: Task } | { kind: 'skip'; reason: SkipReason; message: string }

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
    base: { ref: string; repo: { full_name: string } }
  }
}

function skip(reason: SkipReason, message: string): EventOutcome {
  return { kind: 'skip', reason, message }
}

export function taskFromEvent(eventName: string, payload: unknown): EventOutcome {
  const event = payload as PullRequestPayload
  const pr = event.pull_request
  if (eventName !== 'pull_request' || !pr) {
    return skip(
      'unsupported_event',
      `async-pr runs on pull_request events (opened, ready_for_review, reopened); this was "${eventName}".`,
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
