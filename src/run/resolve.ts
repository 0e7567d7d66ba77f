// Event payload -> a task this run may work on, or why not. Only authorised
// people get anything done: for a follow-up, the commenter is checked before
// the PR is even read, so a stranger's comment never reaches the agent.

import { followUpTask, taskFromEvent, type Account, type Task } from '../event.js'
import { accountInfo } from '../github/accounts.js'
import type { GitHub } from '../github/client.js'
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
  const authorInfo = await accountInfo(github, owner, repo, author.login)
  const actorInfo =
    actor.login.toLowerCase() === author.login.toLowerCase()
      ? authorInfo
      : await accountInfo(github, owner, repo, actor.login)
  const decision = authorize(authorInfo, actorInfo, allowedBots)
  return decision.allowed
    ? undefined
    : { kind: 'skipped', reason: decision.reason, message: decision.message }
}

export async function resolveTask(
  github: GitHub,
  eventName: string,
  payload: unknown,
  options: { prefix: string; allowedBots: string[] },
): Promise<Resolved> {
  const event = taskFromEvent(eventName, payload, options.prefix)
  if (event.kind === 'skip')
    return { kind: 'skipped', reason: event.reason, message: event.message }
  if (event.kind === 'task') {
    const { task } = event
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
