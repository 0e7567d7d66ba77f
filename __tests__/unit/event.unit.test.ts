import { describe, expect, it } from '@jest/globals'
import { taskFromEvent } from '../../src/event.js'
import { pullRequestEvent, type PullRequestEventOptions } from '../harness/events.js'

const options: PullRequestEventOptions = {
  action: 'opened',
  owner: 'octo',
  repo: 'app',
  number: 5,
  title: 'Add a greeting',
  body: 'Write hello.txt',
  headRef: 'task/greeting',
  headSha: 'a'.repeat(40),
  author: { login: 'alice' },
}

describe('taskFromEvent', () => {
  it('turns an opened PR into a task', () => {
    const outcome = taskFromEvent('pull_request', pullRequestEvent(options))
    expect(outcome).toMatchObject({
      kind: 'task',
      task: {
        owner: 'octo',
        repo: 'app',
        prNumber: 5,
        headRef: 'task/greeting',
        headSha: 'a'.repeat(40),
        body: 'Write hello.txt',
      },
    })
  })

  it('runs when a draft is marked ready and the actor is the sender', () => {
    const outcome = taskFromEvent(
      'pull_request',
      pullRequestEvent({ ...options, action: 'ready_for_review', sender: { login: 'bob' } }),
    )
    expect(outcome.kind === 'task' && outcome.task.actor.login).toBe('bob')
  })

  it.each([
    ['draft', { draft: true }],
    ['closed', { state: 'closed' as const }],
    ['empty_task', { body: '<!-- template: describe the task -->\n\u200B  \n' }],
    ['empty_task', { body: null }],
    ['fork', { headRepo: 'mallory/app' }],
    ['fork', { headRepo: null }],
    ['unsupported_event', { action: 'synchronize' as const }],
  ])('skips with reason %s', (reason, overrides) => {
    const outcome = taskFromEvent('pull_request', pullRequestEvent({ ...options, ...overrides }))
    expect(outcome).toMatchObject({ kind: 'skip', reason })
    expect(outcome.kind === 'skip' && outcome.message.length).toBeGreaterThan(10)
  })

  it('skips events it does not handle', () => {
    expect(taskFromEvent('push', {})).toMatchObject({ kind: 'skip', reason: 'unsupported_event' })
  })
})

describe('a PR from the default branch', () => {
  it('is skipped: the agent’s commits would land on the default branch', () => {
    const payload = pullRequestEvent({ ...options, headRef: 'main', baseRef: 'release' })
    payload.pull_request.base.repo.default_branch = 'main'
    expect(taskFromEvent('pull_request', payload)).toMatchObject({
      kind: 'skip',
      reason: 'default_branch',
    })
  })
})
