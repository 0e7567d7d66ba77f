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
  return { ...template, login: user.login, id: user.id ?? 1000, type: user.type ?? 'User' }
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
