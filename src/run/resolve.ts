// Event payload -> a task this run may work on, or why not. Only authorised
// people get anything done: for a follow-up, the commenter is checked before
// the PR is even read, so a stranger's comment never reaches the agent.

import { followUpTask, taskFromEvent, type Account, type Task } from '../event.js'
import { accountInfo } from '../github/accounts.js'
import type { GitHub } from '../github/client.js'
import { continuationFromDispatch, CONTINUE_EVENT_TYPE } from '../events/dispatch.js'
import { statusOf } from '../github/client.js'
import { authorize } from '../trust.js'

export type Resolved =
  { kind: 'task'; task: Task } | { kind: 'skipped'; reason: string; message: string }

/** Why the author or the actor may not start a run; undefined when both may. */
export async function refusal(
  github: GitHub,
  owner: string,
  repo: string,
  author: Account,
  actor: Account,
  allowedBots: string[],
): Promise<Resolved | undefined> {
  const authorInfo = await accountInfo(github, owner, repo, author.login, author.type)
  const actorInfo =
    actor.login.toLowerCase() === author.login.toLowerCase()
      ? authorInfo
      : await accountInfo(github, owner, repo, actor.login, actor.type)
  const decision = authorize(authorInfo, actorInfo, allowedBots)
  return decision.allowed
    ? undefined
    : { kind: 'skipped', reason: decision.reason, message: decision.message }
}

export async function resolveTask(
  github: GitHub,
  eventName: string,
  payload: unknown,
  options: {
    prefix: string
    allowedBots: string[]
    /**
     * Called with a PR event's task while its author's permission is looked up, so
     * reads the run needs next (never writes) can go alongside. Not for a follow-up:
     * its commenter is checked before anything of the PR is read.
     */
    whileChecking?: (task: Task) => void
  },
): Promise<Resolved> {
  if (eventName === 'repository_dispatch') return resolveDispatch(github, payload, options)
  const event = taskFromEvent(eventName, payload, options.prefix)
  if (event.kind === 'skip')
    return { kind: 'skipped', reason: event.reason, message: event.message }
  if (event.kind === 'task') {
    const { task } = event
    options.whileChecking?.(task)
    return (
      (await refusal(
        github,
        task.owner,
        task.repo,
        task.author,
        task.actor,
        options.allowedBots,
      )) ?? {
        kind: 'task',
        task,
      }
    )
  }
  const { request } = event
  // A follow-up is the commenter's request: theirs is the permission that counts.
  const refused = await refusal(
    github,
    request.owner,
    request.repo,
    request.commenter,
    request.commenter,
    options.allowedBots,
  )
  if (refused) return refused
  const { data: pr } = await github.rest.pulls.get({
    owner: request.owner,
    repo: request.repo,
    pull_number: request.prNumber,
  })
  const completed = followUpTask(request, pr)
  if (completed.kind === 'task') return completed
  if (completed.kind === 'skip')
    return { kind: 'skipped', reason: completed.reason, message: completed.message }
  throw new Error('A follow-up did not resolve to a task.')
}

/**
 * A continuation async-pr dispatched: the PR is read from the API and its
 * author must be a writer (the dispatch itself was sent by async-pr's own
 * identity, so the author is the one whose permission counts); the run the
 * payload names is checked against the branch's history later, in prepare.
 */
async function resolveDispatch(
  github: GitHub,
  payload: unknown,
  options: { allowedBots: string[] },
): Promise<Resolved> {
  const dispatch = continuationFromDispatch(payload)
  if (dispatch.kind === 'skip')
    return { kind: 'skipped', reason: dispatch.reason, message: dispatch.message }
  const pr = await github.rest.pulls
    .get({ owner: dispatch.owner, repo: dispatch.repo, pull_number: dispatch.prNumber })
    .catch((error: unknown) => {
      if (statusOf(error) === 404) return undefined
      throw error
    })
  if (!pr) {
    return {
      kind: 'skipped',
      reason: 'invalid_dispatch',
      message: `The ${CONTINUE_EVENT_TYPE} dispatch names PR #${dispatch.prNumber}, which does not exist in ${dispatch.owner}/${dispatch.repo}.`,
    }
  }
  const author = { login: pr.data.user?.login ?? 'ghost', type: pr.data.user?.type ?? 'User' }
  const refused = await refusal(
    github,
    dispatch.owner,
    dispatch.repo,
    author,
    author,
    options.allowedBots,
  )
  if (refused) return refused
  const completed = followUpTask(
    {
      owner: dispatch.owner,
      repo: dispatch.repo,
      prNumber: dispatch.prNumber,
      commenter: author,
      followUp: { commentId: 0, commentUrl: '', instruction: '' },
    },
    pr.data,
  )
  if (completed.kind === 'skip')
    return { kind: 'skipped', reason: completed.reason, message: completed.message }
  if (completed.kind !== 'task') throw new Error('A continuation did not resolve to a task.')
  const { followUp: _unused, ...task } = completed.task
  return {
    kind: 'task',
    task: { ...task, action: 'continue', continuation: { fromRunId: dispatch.fromRunId } },
  }
}
