// The payload builders: GitHub's own webhook examples with the fields a test names replaced, and
// the rest kept consistent (URLs follow the renamed repository, forks have their own head
// repository, webhook spellings such as a review's lower-case state are kept).

import { expect, test } from '@jest/globals'
import {
  issueCommentEvent,
  pullRequestReviewEvent,
  repositoryDispatchEvent,
  workflowDispatchEvent,
  workflowRunEvent,
} from './events.js'

const SHA = 'c'.repeat(40)

test('workflow_run completed: conclusion, head, PRs, workflow, actors; a fork has its own head repo', () => {
  const event = workflowRunEvent({
    owner: 'octo',
    repo: 'app',
    runId: 7_000_000_001,
    runAttempt: 2,
    workflowName: 'CI',
    conclusion: 'failure',
    headBranch: 'async/42-fix',
    headSha: SHA,
    headCommit: { message: 'Fix the thing\n\nAsync-PR-Task: 42' },
    pullRequests: [{ number: 5 }],
    actor: { login: 'automation' },
    triggeringActor: { login: 'alice' },
    serverUrl: 'https://github.test',
  })
  expect(event.action).toBe('completed')
  expect(event.workflow_run).toMatchObject({
    id: 7_000_000_001,
    name: 'CI',
    path: '.github/workflows/CI.yml',
    status: 'completed',
    conclusion: 'failure',
    head_branch: 'async/42-fix',
    head_sha: SHA,
    run_attempt: 2,
    display_title: 'Fix the thing',
    head_commit: { id: SHA, message: 'Fix the thing\n\nAsync-PR-Task: 42' },
    pull_requests: [{ number: 5, head: { ref: 'async/42-fix', sha: SHA, repo: { name: 'app' } } }],
    actor: { login: 'automation' },
    triggering_actor: { login: 'alice' },
    html_url: 'https://github.test/octo/app/actions/runs/7000000001',
  })
  expect(event.workflow_run.head_repository.full_name).toBe('octo/app')
  expect(event.repository).toMatchObject({
    full_name: 'octo/app',
    html_url: 'https://github.test/octo/app',
  })
  expect(JSON.stringify(event.repository)).not.toContain('Hello-World')
  expect(event.workflow).toMatchObject({ name: 'CI', path: '.github/workflows/CI.yml' })
  expect(event.sender.login).toBe('alice')

  const fork = workflowRunEvent({
    owner: 'octo',
    repo: 'app',
    runId: 1,
    workflowName: 'CI',
    headBranch: 'main',
    headSha: SHA,
    headRepo: 'mallory/app',
    actor: { login: 'mallory' },
  })
  expect(fork.workflow_run.pull_requests).toEqual([])
  expect(fork.workflow_run.head_repository).toMatchObject({ full_name: 'mallory/app', fork: true })
  expect(fork.workflow_run.repository.full_name).toBe('octo/app')
})

test('pull_request_review submitted: the review (webhook spelling) and its pull request', () => {
  const event = pullRequestReviewEvent({
    owner: 'octo',
    repo: 'app',
    number: 3,
    headRef: 'feature',
    headSha: SHA,
    author: { login: 'bob' },
    reviewer: { login: 'alice' },
    review: { id: 99, body: '/async-pr address the review', state: 'changes_requested' },
  })
  expect(event).toMatchObject({
    action: 'submitted',
    review: {
      id: 99,
      body: '/async-pr address the review',
      state: 'changes_requested',
      user: { login: 'alice' },
      commit_id: SHA,
    },
    pull_request: { number: 3, user: { login: 'bob' }, head: { ref: 'feature', sha: SHA } },
    sender: { login: 'alice' },
    repository: { full_name: 'octo/app' },
  })
  expect(event.review.html_url).toBe('https://github.com/octo/app/pull/3#pullrequestreview-99')
})

test('repository_dispatch and workflow_dispatch carry the event type, payload and inputs', () => {
  const dispatch = repositoryDispatchEvent({
    owner: 'octo',
    repo: 'app',
    eventType: 'async-pr-continue',
    clientPayload: { pr_number: 7, run_id: 123 },
    sender: { login: 'github-actions[bot]', type: 'Bot' },
  })
  expect(dispatch).toMatchObject({
    action: 'async-pr-continue',
    branch: 'main',
    client_payload: { pr_number: 7, run_id: 123 },
    sender: { login: 'github-actions[bot]', type: 'Bot' },
    repository: { full_name: 'octo/app' },
  })
  const manual = workflowDispatchEvent({
    owner: 'octo',
    repo: 'app',
    workflow: '.github/workflows/async-pr.yml',
    inputs: { pr_number: '7' },
    sender: { login: 'alice' },
  })
  expect(manual).toMatchObject({
    ref: 'refs/heads/main',
    workflow: '.github/workflows/async-pr.yml',
    inputs: { pr_number: '7' },
    sender: { login: 'alice' },
  })
})

test('issue_comment on an issue has no pull_request; on a PR it does', () => {
  const base = {
    owner: 'octo',
    repo: 'app',
    number: 4,
    commentId: 1,
    body: '/async-pr go',
    commenter: { login: 'alice' },
  }
  expect(issueCommentEvent(base).issue.pull_request).toBeDefined()
  expect(issueCommentEvent({ ...base, pullRequest: false }).issue.pull_request).toBeUndefined()
})
