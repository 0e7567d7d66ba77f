// Event payloads built from GitHub's own webhook examples
// (@octokit/webhooks-examples), with the fields a test cares about replaced.

/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are deep JSON edited in place */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface ExampleGroup {
  name: string
  examples: Array<Record<string, unknown>>
}

const groups = require('@octokit/webhooks-examples/api.github.com/index.json') as ExampleGroup[]

function example(name: string, predicate: (payload: Record<string, unknown>) => boolean) {
  const group = groups.find((candidate) => candidate.name === name)
  const found = group?.examples.find(predicate)
  if (!found) throw new Error(`No ${name} example matches in @octokit/webhooks-examples`)
  return structuredClone(found) as Record<string, any>
}

export interface PullRequestEventOptions {
  action: 'opened' | 'ready_for_review' | 'reopened' | 'synchronize' | 'closed'
  owner: string
  repo: string
  number: number
  title: string
  body: string | null
  draft?: boolean
  state?: 'open' | 'closed'
  headRef: string
  headSha: string
  baseRef?: string
  baseSha?: string
  author: { login: string; id?: number; type?: 'User' | 'Bot' }
  sender?: { login: string; id?: number; type?: 'User' | 'Bot' }
  /** The head repository, `null` when the fork was deleted. Defaults to the base repository. */
  headRepo?: string | null
  serverUrl?: string
}

function account(
  user: { login: string; id?: number; type?: string },
  template: Record<string, any>,
) {
  // The example's URLs name its own login; they follow the new one.
  const old = `/${template.login as string}`
  const renamed = JSON.parse(JSON.stringify(template).split(old).join(`/${user.login}`))
  return { ...renamed, login: user.login, id: user.id ?? 1000, type: user.type ?? 'User' }
}

export function pullRequestEvent(options: PullRequestEventOptions): Record<string, any> {
  const payload = example('pull_request', (candidate) => candidate.action === options.action)
  const server = options.serverUrl ?? 'https://github.com'
  const fullName = `${options.owner}/${options.repo}`
  const pr = payload.pull_request as Record<string, any>
  const repository = {
    ...payload.repository,
    name: options.repo,
    full_name: fullName,
    owner: { ...payload.repository.owner, login: options.owner },
    html_url: `${server}/${fullName}`,
    fork: false,
  }
  const headRepoName = options.headRepo === undefined ? fullName : options.headRepo
  const user = account(options.author, pr.user)
  Object.assign(pr, {
    number: options.number,
    html_url: `${server}/${fullName}/pull/${options.number}`,
    title: options.title,
    body: options.body,
    state: options.state ?? 'open',
    draft: options.draft ?? false,
    merged: false,
    user,
    head: {
      ...pr.head,
      ref: options.headRef,
      sha: options.headSha,
      label: `${options.owner}:${options.headRef}`,
      user,
      repo:
        headRepoName === null
          ? null
          : {
              ...repository,
              full_name: headRepoName,
              name: headRepoName.split('/')[1],
              fork: headRepoName !== fullName,
            },
    },
    base: {
      ...pr.base,
      ref: options.baseRef ?? 'main',
      sha: options.baseSha ?? pr.base.sha,
      label: `${options.owner}:${options.baseRef ?? 'main'}`,
      repo: repository,
    },
  })
  payload.number = options.number
  payload.repository = repository
  payload.sender = account(options.sender ?? options.author, payload.sender)
  return payload
}

export interface IssueCommentEventOptions {
  owner: string
  repo: string
  number: number
  commentId: number
  body: string
  commenter: { login: string; id?: number; type?: 'User' | 'Bot' }
  /** Whether the issue is a pull request (default true). */
  pullRequest?: boolean
  serverUrl?: string
}

/** An `issue_comment` `created` event on a PR, from GitHub's example. */
export function issueCommentEvent(options: IssueCommentEventOptions): Record<string, any> {
  const payload = example('issue_comment', (candidate) => candidate.action === 'created')
  const server = options.serverUrl ?? 'https://github.com'
  const fullName = `${options.owner}/${options.repo}`
  const user = account(options.commenter, payload.comment.user)
  payload.repository = {
    ...payload.repository,
    name: options.repo,
    full_name: fullName,
    owner: { ...payload.repository.owner, login: options.owner },
  }
  payload.issue = {
    ...payload.issue,
    number: options.number,
    html_url: `${server}/${fullName}/pull/${options.number}`,
    pull_request:
      options.pullRequest === false
        ? undefined
        : {
            url: `${server}/api/repos/${fullName}/pulls/${options.number}`,
            html_url: `${server}/${fullName}/pull/${options.number}`,
          },
  }
  payload.comment = {
    ...payload.comment,
    id: options.commentId,
    html_url: `${server}/${fullName}/pull/${options.number}#issuecomment-${options.commentId}`,
    body: options.body,
    user,
  }
  payload.sender = user
  return payload
}

type Account = { login: string; id?: number; type?: 'User' | 'Bot' }

/** The example's repository, renamed to owner/repo (its URLs follow the new name). */
function renamedRepository(
  template: Record<string, any>,
  owner: string,
  repo: string,
  server: string,
  options: { fork?: boolean; id?: number } = {},
): Record<string, any> {
  const oldName = template.full_name as string
  const fullName = `${owner}/${repo}`
  const renamed = JSON.parse(JSON.stringify(template).split(oldName).join(fullName)) as Record<
    string,
    any
  >
  return {
    ...renamed,
    id: options.id ?? renamed.id,
    name: repo,
    full_name: fullName,
    owner: { ...renamed.owner, login: owner },
    html_url: `${server}/${fullName}`,
    fork: options.fork ?? false,
  }
}

export interface WorkflowRunEventOptions {
  owner: string
  repo: string
  /** Default 'completed'. */
  action?: 'completed' | 'requested' | 'in_progress'
  /** For completed runs: 'failure' by default. */
  conclusion?:
    | 'success'
    | 'failure'
    | 'cancelled'
    | 'timed_out'
    | 'skipped'
    | 'neutral'
    | 'action_required'
    | null
  runId: number
  runNumber?: number
  runAttempt?: number
  workflowId?: number
  workflowName: string
  /** Default `.github/workflows/<name>.yml`. */
  workflowPath?: string
  /** The event that started the CI run (default 'push'). */
  event?: string
  headBranch: string
  headSha: string
  /** The head commit; its message carries trailers such as Async-PR-Task. */
  headCommit?: {
    message: string
    author?: { name: string; email: string }
    committer?: { name: string; email: string }
    timestamp?: string
    treeId?: string
  }
  /** "owner/name" the head came from; a fork's run has another repository here. */
  headRepo?: string
  /** What GitHub lists: same-repository PRs on the branch, empty for forks (and sometimes others). */
  pullRequests?: Array<{
    number: number
    headRef?: string
    headSha?: string
    baseRef?: string
    baseSha?: string
  }>
  displayTitle?: string
  actor: Account
  /** Who started this attempt (default: the actor). */
  triggeringActor?: Account
  sender?: Account
  serverUrl?: string
  apiUrl?: string
}

/** A `workflow_run` event (completed by default), from GitHub's example. */
export function workflowRunEvent(options: WorkflowRunEventOptions): Record<string, any> {
  const action = options.action ?? 'completed'
  // The examples have no in_progress run; a requested one is the closest shape.
  const payload = example(
    'workflow_run',
    (candidate) => candidate.action === (action === 'in_progress' ? 'requested' : action),
  )
  const server = options.serverUrl ?? 'https://github.com'
  const api = options.apiUrl ?? 'https://api.github.com'
  const fullName = `${options.owner}/${options.repo}`
  const repository = renamedRepository(payload.repository, options.owner, options.repo, server)
  const headName = options.headRepo ?? fullName
  const [headOwner, headRepoName] = headName.split('/')
  const headRepository =
    headName === fullName
      ? repository
      : renamedRepository(payload.repository, headOwner, headRepoName, server, {
          fork: true,
          id: (repository.id as number) + 1,
        })
  const path = options.workflowPath ?? `.github/workflows/${options.workflowName}.yml`
  const workflowId = options.workflowId ?? payload.workflow.id
  const runApi = `${api}/repos/${fullName}/actions/runs/${options.runId}`
  // Older examples predate actor/triggering_actor; the sender has the same shape.
  const actor = account(options.actor, payload.workflow_run.actor ?? payload.sender)
  const run = payload.workflow_run
  const smallRepo = { id: repository.id, url: `${api}/repos/${fullName}`, name: options.repo }
  const completed = action === 'completed'
  Object.assign(run, {
    id: options.runId,
    name: options.workflowName,
    path,
    display_title:
      options.displayTitle ?? options.headCommit?.message.split('\n')[0] ?? options.workflowName,
    run_number: options.runNumber ?? 1,
    run_attempt: options.runAttempt ?? 1,
    event: options.event ?? 'push',
    status: completed ? 'completed' : action === 'in_progress' ? 'in_progress' : 'queued',
    conclusion: completed
      ? options.conclusion === undefined
        ? 'failure'
        : options.conclusion
      : null,
    workflow_id: workflowId,
    head_branch: options.headBranch,
    head_sha: options.headSha,
    head_commit: {
      id: options.headSha,
      tree_id: options.headCommit?.treeId ?? run.head_commit.tree_id,
      message: options.headCommit?.message ?? run.head_commit.message,
      timestamp: options.headCommit?.timestamp ?? run.head_commit.timestamp,
      author: options.headCommit?.author ?? run.head_commit.author,
      committer: options.headCommit?.committer ?? run.head_commit.committer,
    },
    pull_requests: (options.pullRequests ?? []).map((pr) => ({
      url: `${api}/repos/${fullName}/pulls/${pr.number}`,
      id: 900_000_000 + pr.number,
      number: pr.number,
      head: {
        ref: pr.headRef ?? options.headBranch,
        sha: pr.headSha ?? options.headSha,
        repo: smallRepo,
      },
      base: {
        ref: pr.baseRef ?? repository.default_branch,
        sha: pr.baseSha ?? '0'.repeat(40),
        repo: smallRepo,
      },
    })),
    html_url: `${server}/${fullName}/actions/runs/${options.runId}`,
    url: runApi,
    jobs_url: `${runApi}/jobs`,
    logs_url: `${runApi}/logs`,
    cancel_url: `${runApi}/cancel`,
    rerun_url: `${runApi}/rerun`,
    workflow_url: `${api}/repos/${fullName}/actions/workflows/${workflowId}`,
    previous_attempt_url:
      (options.runAttempt ?? 1) > 1 ? `${runApi}/attempts/${(options.runAttempt ?? 1) - 1}` : null,
    actor,
    triggering_actor: account(
      options.triggeringActor ?? options.actor,
      run.triggering_actor ?? payload.sender,
    ),
    repository,
    head_repository: headRepository,
  })
  Object.assign(payload.workflow, {
    id: workflowId,
    name: options.workflowName,
    path,
    url: `${api}/repos/${fullName}/actions/workflows/${workflowId}`,
    html_url: `${server}/${fullName}/blob/${repository.default_branch}/${path}`,
  })
  payload.action = action
  payload.repository = repository
  payload.sender = account(
    options.sender ?? options.triggeringActor ?? options.actor,
    payload.sender,
  )
  delete payload.organization
  return payload
}

export interface PullRequestReviewEventOptions {
  /** Default 'submitted'. */
  action?: 'submitted' | 'edited' | 'dismissed'
  owner: string
  repo: string
  number: number
  title?: string
  body?: string | null
  headRef: string
  headSha: string
  baseRef?: string
  author: Account
  reviewer: Account
  review: {
    id: number
    body: string | null
    /** As webhooks spell it (lower case, unlike the REST API). */
    state: 'commented' | 'approved' | 'changes_requested' | 'dismissed'
    commitId?: string
    submittedAt?: string
  }
  serverUrl?: string
}

/** A `pull_request_review` event, from GitHub's example. */
export function pullRequestReviewEvent(
  options: PullRequestReviewEventOptions,
): Record<string, any> {
  const action = options.action ?? 'submitted'
  const payload = example('pull_request_review', (candidate) => candidate.action === action)
  const server = options.serverUrl ?? 'https://github.com'
  const fullName = `${options.owner}/${options.repo}`
  const repository = renamedRepository(payload.repository, options.owner, options.repo, server)
  const prUrl = `${server}/${fullName}/pull/${options.number}`
  const user = account(options.author, payload.pull_request.user)
  Object.assign(payload.pull_request, {
    number: options.number,
    html_url: prUrl,
    title: options.title ?? payload.pull_request.title,
    body: options.body === undefined ? payload.pull_request.body : options.body,
    user,
    head: {
      ...payload.pull_request.head,
      ref: options.headRef,
      sha: options.headSha,
      label: `${options.owner}:${options.headRef}`,
      user,
      repo: repository,
    },
    base: {
      ...payload.pull_request.base,
      ref: options.baseRef ?? 'main',
      label: `${options.owner}:${options.baseRef ?? 'main'}`,
      repo: repository,
    },
  })
  const reviewer = account(options.reviewer, payload.review.user)
  const reviewUrl = `${prUrl}#pullrequestreview-${options.review.id}`
  Object.assign(payload.review, {
    id: options.review.id,
    body: options.review.body,
    state: options.review.state,
    user: reviewer,
    commit_id: options.review.commitId ?? options.headSha,
    submitted_at: options.review.submittedAt ?? payload.review.submitted_at,
    html_url: reviewUrl,
    _links: { ...payload.review._links, html: { href: reviewUrl } },
  })
  payload.repository = repository
  payload.sender = reviewer
  delete payload.organization
  return payload
}

export interface RepositoryDispatchEventOptions {
  owner: string
  repo: string
  /** Becomes the payload's `action`, as GitHub does. */
  eventType: string
  clientPayload?: Record<string, unknown>
  /** The default branch the workflow runs on (default 'main'). */
  branch?: string
  sender: Account
  serverUrl?: string
}

/** A `repository_dispatch` event, from GitHub's example. */
export function repositoryDispatchEvent(
  options: RepositoryDispatchEventOptions,
): Record<string, any> {
  const payload = example('repository_dispatch', () => true)
  const server = options.serverUrl ?? 'https://github.com'
  payload.action = options.eventType
  payload.branch = options.branch ?? 'main'
  payload.client_payload = options.clientPayload ?? {}
  payload.repository = renamedRepository(payload.repository, options.owner, options.repo, server)
  payload.sender = account(options.sender, payload.sender)
  delete payload.organization
  return payload
}

export interface WorkflowDispatchEventOptions {
  owner: string
  repo: string
  /** Default 'refs/heads/main'. */
  ref?: string
  /** The workflow file, e.g. '.github/workflows/async-pr.yml'. */
  workflow: string
  inputs?: Record<string, unknown>
  sender: Account
  serverUrl?: string
}

/** A `workflow_dispatch` event, from GitHub's example. */
export function workflowDispatchEvent(options: WorkflowDispatchEventOptions): Record<string, any> {
  const payload = example('workflow_dispatch', () => true)
  const server = options.serverUrl ?? 'https://github.com'
  payload.ref = options.ref ?? 'refs/heads/main'
  payload.workflow = options.workflow
  payload.inputs = options.inputs ?? {}
  payload.repository = renamedRepository(payload.repository, options.owner, options.repo, server)
  payload.sender = account(options.sender, payload.sender)
  delete payload.organization
  return payload
}
