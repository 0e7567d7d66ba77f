import { describe, expect, it } from '@jest/globals'
import type { PullRequestData } from '../../src/event.js'
import {
  ciEventFrom,
  pullOfEvent,
  readHistory,
  workflowPathOf,
  type CiEvent,
  type CommitRecord,
} from '../../src/events/workflow-run.js'
import { ciFixNumberOf, taskNumbersOf, trailersOf } from '../../src/git/trailers.js'
import { workflowRunEvent, type WorkflowRunEventOptions } from '../harness/events.js'

const ours = (pr: number, fix?: number) =>
  [
    'Add a greeting',
    '',
    `Work by Claude Code on #${pr}, committed by async-pr.`,
    '',
    'Async-PR-Run: https://github.com/octo/app/actions/runs/1',
    `Async-PR-Task: #${pr}`,
    ...(fix ? [`Async-PR-CI-Fix: ${fix}`] : []),
  ].join('\n')

const options: WorkflowRunEventOptions = {
  owner: 'octo',
  repo: 'app',
  runId: 77,
  workflowName: 'CI',
  headBranch: 'task/greeting',
  headSha: 'c'.repeat(40),
  headCommit: { message: ours(5) },
  pullRequests: [{ number: 5 }],
  actor: { login: 'automation' },
}
const own = { path: '.github/workflows/async-pr.yml', name: 'async-pr' }

describe('trailers', () => {
  it('reads the last paragraph when it is made of trailers, keys in any case', () => {
    expect(taskNumbersOf(ours(12))).toEqual([12])
    expect(ciFixNumberOf(ours(12, 2))).toBe(2)
    expect(ciFixNumberOf(ours(12))).toBeUndefined()
    expect(trailersOf('Subject\n\nasync-pr-task: #3').get('async-pr-task')).toEqual(['#3'])
  })

  it('finds none in a subject alone, in prose, or in a paragraph that is not all trailers', () => {
    expect(taskNumbersOf('Async-PR-Task: #3')).toEqual([])
    expect(taskNumbersOf('Subject\n\nAsync-PR-Task: #3\nand some prose here')).toEqual([])
    expect(taskNumbersOf('Subject\n\nAsync-PR-Task: #3\n\nMore prose.')).toEqual([])
    expect(taskNumbersOf('Subject\n\nAsync-PR-Task: 3')).toEqual([])
    expect(ciFixNumberOf('Subject\n\nAsync-PR-CI-Fix: 0')).toBeUndefined()
  })
})

describe('ciEventFrom', () => {
  it('reads a failed CI run on async-pr’s commit', () => {
    const parsed = ciEventFrom(workflowRunEvent(options), own)
    expect(parsed).toMatchObject({
      kind: 'ci',
      event: {
        owner: 'octo',
        repo: 'app',
        runId: 77,
        conclusion: 'failure',
        headSha: 'c'.repeat(40),
        prNumber: 5,
        fixNumber: 0,
        triggeringActor: { login: 'automation' },
        listedHeadSha: 'c'.repeat(40),
      },
    })
  })

  it.each([
    ['unsupported_event', { action: 'requested' as const }],
    ['unsupported_event', { conclusion: 'cancelled' as const }],
    ['unsupported_event', { conclusion: 'skipped' as const }],
    ['own_workflow', { workflowName: 'async-pr' }],
    ['fork', { headRepo: 'mallory/app', pullRequests: [] }],
    [
      'not_async_pr_commit',
      { headCommit: { message: 'A person’s fix\n\nSigned-off-by: A <a@b>' } },
    ],
  ])('skips with %s', (reason, overrides) => {
    const parsed = ciEventFrom(workflowRunEvent({ ...options, ...overrides }), own)
    expect(parsed).toMatchObject({ kind: 'skip', reason })
    expect(parsed.kind === 'skip' && parsed.message.length).toBeGreaterThan(20)
  })

  it('tells its own workflow by file, or by name when the runner gives no file', () => {
    const renamed = workflowRunEvent({ ...options, workflowName: 'async-pr' })
    expect(ciEventFrom(renamed, { path: '.github/workflows/agent.yml' }).kind).toBe('ci')
    expect(ciEventFrom(renamed, { name: 'async-pr' })).toMatchObject({ reason: 'own_workflow' })
    expect(workflowPathOf('octo/app/.github/workflows/async-pr.yml@refs/heads/main')).toBe(
      '.github/workflows/async-pr.yml',
    )
    expect(workflowPathOf(undefined)).toBeUndefined()
  })
})

const event = (overrides: Partial<CiEvent> = {}): CiEvent => ({
  owner: 'octo',
  repo: 'app',
  runId: 77,
  runAttempt: 1,
  runUrl: 'https://github.com/octo/app/actions/runs/77',
  workflowId: 9,
  workflowName: 'CI',
  conclusion: 'failure',
  headBranch: 'task/greeting',
  headSha: 'c'.repeat(40),
  prNumber: 5,
  fixNumber: 0,
  triggeringActor: { login: 'automation', type: 'User' },
  ...overrides,
})

const pull = (overrides: Partial<PullRequestData> = {}): PullRequestData => ({
  number: 5,
  html_url: 'https://github.com/octo/app/pull/5',
  title: 'Add a greeting',
  body: 'Write hello.txt',
  state: 'open',
  user: { login: 'alice', type: 'User' },
  head: { ref: 'task/greeting', sha: 'c'.repeat(40), repo: { full_name: 'octo/app' } },
  base: { ref: 'main', repo: { full_name: 'octo/app', default_branch: 'main' } },
  ...overrides,
})

describe('pullOfEvent', () => {
  it('finds the PR the trailer names among the branch’s open PRs', () => {
    expect(pullOfEvent(event(), [pull()])).toMatchObject({ kind: 'pull', pull: { number: 5 } })
  })

  it.each([
    ['closed', []],
    ['not_async_pr_commit', [pull({ number: 6 })]],
    [
      'fork',
      [
        pull({
          head: { ref: 'task/greeting', sha: 'c'.repeat(40), repo: { full_name: 'mallory/app' } },
        }),
      ],
    ],
    ['draft', [pull({ draft: true })]],
  ])('skips with %s', (reason, pulls) => {
    expect(pullOfEvent(event(), pulls)).toMatchObject({ kind: 'skip', reason })
  })
})

/** A chain of commits, newest first (the head is c…c), each the first parent of the one before. */
function chain(...messages: string[]): CommitRecord[] {
  const sha = (i: number) => (i === 0 ? 'c'.repeat(40) : i.toString(16).padStart(40, 'a'))
  return messages.map((message, i) => ({
    sha: sha(i),
    parents: i + 1 < messages.length ? [sha(i + 1)] : [],
    message,
  }))
}

describe('readHistory', () => {
  const person = 'chore: trigger async task'

  it('counts the fixes since the last commit a person made', () => {
    expect(readHistory(event(), 'c'.repeat(40), chain(ours(5), person))).toEqual({
      kind: 'fixable',
      used: 0,
    })
    expect(
      readHistory(
        event(),
        'c'.repeat(40),
        chain(ours(5, 2), ours(5, 1), ours(5), person, ours(5, 1)),
      ),
    ).toEqual({
      kind: 'fixable',
      used: 2,
    })
    // A follow-up's commit is async-pr's too: the fixes before it still count.
    expect(
      readHistory(event(), 'c'.repeat(40), chain(ours(5), ours(5, 1), ours(5), person)),
    ).toEqual({
      kind: 'fixable',
      used: 1,
    })
    // Another PR's commits (squash-merged into the base) are not this PR's.
    expect(readHistory(event(), 'c'.repeat(40), chain(ours(5), ours(4, 1), ours(4, 2)))).toEqual({
      kind: 'fixable',
      used: 0,
    })
  })

  it('refuses a head that is not async-pr’s commit for this PR', () => {
    expect(readHistory(event(), 'c'.repeat(40), chain(person, ours(5)))).toMatchObject({
      reason: 'not_async_pr_commit',
    })
    expect(readHistory(event(), 'c'.repeat(40), chain(ours(6), person))).toMatchObject({
      reason: 'not_async_pr_commit',
    })
  })

  it('knows a fix it already pushed on top of the failed commit from someone pushing since', () => {
    const history = chain(ours(5), person)
    const fix = { sha: 'f'.repeat(40), parents: ['c'.repeat(40)], message: ours(5, 1) }
    expect(readHistory(event(), fix.sha, [fix, ...history])).toMatchObject({
      reason: 'already_done',
    })
    const pushed = { ...fix, message: 'A person’s change' }
    expect(readHistory(event(), fix.sha, [pushed, ...history])).toMatchObject({
      reason: 'outdated',
    })
    expect(readHistory(event(), 'e'.repeat(40), history)).toMatchObject({ reason: 'outdated' })
  })
})
