// The CLI reads what the action writes: these tests feed it comments rendered
// by the action's own renderer, so a change to either side that breaks the
// contract fails here.

import { describe, expect, it } from '@jest/globals'
import type { Task } from '../../src/event.js'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { renderFinal, renderWorking } from '../../src/report/comment.js'
import type { Outcome } from '../../src/report/outcome.js'
import { renderState } from '../../src/report/state.js'
import {
  listText,
  liveFrame,
  progressLine,
  resultText,
  snapshotJson,
  stateLabel,
  statusText,
} from '../../src/cli/render.js'
import {
  deriveSnapshot,
  exitCodeFor,
  isFinal,
  runIdFromUrl,
  type PullInfo,
  type RunInfo,
} from '../../src/cli/snapshot.js'
import {
  checklist,
  headline,
  pickStatusComment,
  visibleMarkdown,
  type CommentInfo,
} from '../../src/cli/status-comment.js'
import { titleFromBody } from '../../src/cli/task-input.js'

const RUN_URL = 'https://github.com/octo/app/actions/runs/7000000001'
const task: Task = {
  owner: 'octo',
  repo: 'app',
  prNumber: 3,
  prUrl: 'https://github.com/octo/app/pull/3',
  title: 'Add hello',
  body: 'Add hello.txt',
  author: { login: 'alice', type: 'User' },
  actor: { login: 'alice', type: 'User' },
  action: 'opened',
  headRef: 'async/add-hello-20250101-000000-abcdef',
  headSha: 'c'.repeat(40),
  baseRef: 'main',
}
const links = { serverUrl: 'https://github.com', runUrl: RUN_URL }

function outcome(overrides: Partial<Outcome> = {}): Outcome {
  return {
    conclusion: 'success',
    task,
    links,
    commits: [{ sha: 'd'.repeat(40), subject: 'Add hello' }],
    files: [{ path: 'hello.txt', added: 1, removed: 0 }],
    pushedTo: task.headRef,
    commitSha: 'd'.repeat(40),
    agent: {
      result: {
        subtype: 'success',
        isError: false,
        text: 'Added hello.txt.\n\n- [x] a box in the summary, not the checklist',
        numTurns: 4,
        costUsd: 0.0123,
        durationMs: 83_000,
        sessionId: 'sess-1',
        inputTokens: 12_345,
        outputTokens: 678,
        permissionDenials: [],
      },
      todos: [
        { content: 'Create file', status: 'completed' },
        { content: 'Run tests', status: 'pending' },
      ],
      toolCalls: [{ id: '1', name: 'Write', detail: 'hello.txt', outcome: 'ok' }],
      toolCallCount: 1,
      sessionId: 'sess-1',
      wallMs: 90_000,
      denials: [],
    },
    ...overrides,
  }
}

let nextId = 1
function comment(body: string, author = 'github-actions[bot]', authorType = 'Bot'): CommentInfo {
  const id = nextId++
  return {
    id,
    url: `https://github.com/octo/app/pull/3#issuecomment-${id}`,
    body,
    author,
    authorType,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:01:00Z',
  }
}
const posted = (body: string) => `${STATUS_MARKER}\n${body}`

const pull: PullInfo = {
  number: 3,
  title: 'Add hello',
  url: 'https://github.com/octo/app/pull/3',
  state: 'open',
  merged: false,
  draft: false,
  author: 'alice',
  headRef: task.headRef,
  headSha: task.headSha,
  baseRef: 'main',
}

function run(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    id: 7000000001,
    url: RUN_URL,
    name: 'async-pr',
    status: 'in_progress',
    conclusion: null,
    event: 'pull_request',
    createdAt: '2025-01-01T00:00:00Z',
    ...overrides,
  }
}

function snapshotOf(body: string, extra: { run?: RunInfo } = {}) {
  const status = pickStatusComment([comment(posted(body))])
  return deriveSnapshot({ repo: 'octo/app', pull, status, ...extra })
}

describe('the status comment', () => {
  it('is the marked comment with a state line; a bot’s wins over a person’s quote of it', () => {
    const real = comment(posted(renderWorking(task, links)))
    const forged = comment(posted(renderFinal(outcome())), 'mallory', 'User')
    const quoted = comment(`> ${real.body}`, 'bob', 'User')
    const plain = comment('LGTM', 'bob', 'User')
    expect(pickStatusComment([plain, real, forged, quoted])?.comment.id).toBe(real.id)
    // With a personal comment_token there is no bot: the last marked comment is used.
    expect(pickStatusComment([plain, forged])?.comment.id).toBe(forged.id)
    expect(pickStatusComment([plain, quoted])).toBeUndefined()
    expect(pickStatusComment([comment(`${STATUS_MARKER}\nno state line`)])).toBeUndefined()
  })

  it('reads as markdown without its hidden lines, with its headline and checklist', () => {
    const body = posted(renderFinal(outcome()))
    const markdown = visibleMarkdown(body)
    expect(markdown).not.toContain('<!--')
    expect(markdown.split('\n')[0]).toBe('### ✅ async-pr finished the task')
    expect(markdown).toContain('Added hello.txt.')
    expect(headline(body)).toBe('✅ async-pr finished the task')
    expect(checklist(body)).toEqual([
      { done: true, text: 'Create file' },
      { done: false, text: 'Run tests' },
    ])
    // Without a Checklist label every task-list item counts.
    expect(checklist('- [x] one\n* [ ] two\nprose')).toEqual([
      { done: true, text: 'one' },
      { done: false, text: 'two' },
    ])
  })

  it('finds the run id in a run URL', () => {
    expect(runIdFromUrl(RUN_URL)).toBe(7000000001)
    expect(runIdFromUrl(`${RUN_URL}/attempts/2`)).toBe(7000000001)
    expect(runIdFromUrl('https://github.com/octo/app/pull/3')).toBeUndefined()
  })
})

describe('deriveSnapshot', () => {
  it('is working while the comment says so and the run goes on', () => {
    const snapshot = snapshotOf(renderWorking(task, links), { run: run() })
    expect(snapshot).toMatchObject({ phase: 'working', state: 'working' })
    expect(snapshot.summary).toBe('⏳ async-pr is working on this task')
    expect(snapshot.report?.runUrl).toBe(RUN_URL)
    expect(isFinal(snapshot)).toBe(false)
    expect(exitCodeFor(snapshot)).toBe(3)
  })

  it('is done on success and no_changes, failed on the rest', () => {
    for (const [conclusion, phase, code] of [
      ['success', 'done', 0],
      ['no_changes', 'done', 0],
      ['failure', 'failed', 1],
      ['timed_out', 'failed', 1],
      ['cancelled', 'failed', 1],
      ['skipped', 'failed', 1],
    ] as const) {
      const snapshot = snapshotOf(renderFinal(outcome({ conclusion })))
      expect([conclusion, snapshot.phase, snapshot.state, exitCodeFor(snapshot)]).toEqual([
        conclusion,
        phase,
        conclusion,
        code,
      ])
    }
    const done = snapshotOf(renderFinal(outcome()))
    expect(done.report).toMatchObject({
      commitSha: 'd'.repeat(40),
      sessionId: 'sess-1',
      numTurns: 4,
    })
  })

  it('is failed when the run ended while the comment still says working', () => {
    const body = renderWorking(task, links)
    const cancelled = snapshotOf(body, {
      run: run({ status: 'completed', conclusion: 'cancelled' }),
    })
    expect(cancelled).toMatchObject({ phase: 'failed', state: 'cancelled' })
    expect(cancelled.summary).toMatch(/ended \(cancelled\) before async-pr reported a result/)
    const lost = snapshotOf(body, { run: run({ status: 'completed', conclusion: 'failure' }) })
    expect(lost).toMatchObject({ phase: 'failed', state: 'failure' })
  })

  it('before any comment: queued with a run, waiting without, and says why for drafts', () => {
    const queued = deriveSnapshot({
      repo: 'octo/app',
      pull,
      branchRuns: [run({ status: 'queued' }), run({ id: 1, status: 'completed' })],
    })
    expect(queued).toMatchObject({ phase: 'queued', state: null, run: { status: 'queued' } })
    expect(queued.summary).toMatch(/"async-pr" is queued/)
    const waiting = deriveSnapshot({ repo: 'octo/app', pull, branchRuns: [] })
    expect(waiting).toMatchObject({ phase: 'waiting' })
    expect(waiting.summary).toMatch(/no workflow run/)
    const draft = deriveSnapshot({
      repo: 'octo/app',
      pull: { ...pull, draft: true },
      branchRuns: [],
    })
    expect(draft.summary).toMatch(/marked ready for review/)
    const closed = deriveSnapshot({ repo: 'octo/app', pull: { ...pull, state: 'closed' } })
    expect(closed).toMatchObject({ phase: 'failed' })
    expect(exitCodeFor(closed)).toBe(1)
  })
})

describe('rendering', () => {
  const working = () =>
    snapshotOf(
      [
        renderWorking(task, links).replace(
          renderState({ v: 1, state: 'working', runUrl: RUN_URL }),
          '',
        ),
        '**Checklist**',
        '',
        '- [x] Read the code',
        '- [ ] Write the greeting',
        '- [ ] Run the tests',
        '',
        renderState({ v: 1, state: 'working', runUrl: RUN_URL }),
      ].join('\n'),
      { run: run() },
    )

  it('tells the status with the checklist and where to look', () => {
    const text = statusText(working())
    expect(text).toContain('#3 Add hello')
    expect(text).toContain(`(${task.headRef} → main)`)
    expect(text).toContain('working: ⏳ async-pr is working on this task')
    expect(text).toContain('Checklist 1/3:\n  [x] Read the code\n  [ ] Write the greeting')
    expect(text).toContain(`Run: ${RUN_URL} (in_progress)`)
    const done = statusText(snapshotOf(renderFinal(outcome())))
    expect(done).toContain('done (success): ✅ async-pr finished the task')
    expect(done).toContain('commit ddddddd · 4 turns · $0.0123 · session sess-1')
    expect(done).toContain('Read the report: async-pr result 3')
  })

  it('says one line per state for logs, naming the current checklist item', () => {
    expect(progressLine(working())).toBe('#3 working: 1/3 done, now: Write the greeting')
    expect(progressLine(snapshotOf(renderFinal(outcome())))).toBe(
      '#3 done (success): ✅ async-pr finished the task',
    )
  })

  it('draws a terminal frame whose lines never wrap', () => {
    const frame = liveFrame(working(), 83_000, 2, 40)
    expect(frame[0]).toMatch(/^⠹ #3 Add hello · working · 1m 23s/)
    expect(frame).toContain('  ✔ Read the code')
    expect(frame.every((text) => [...text].length <= 39)).toBe(true)
    expect(liveFrame(snapshotOf(renderFinal(outcome())), 1000, 0, 100)[0]).toMatch(/^✔ /)
  })

  it('gives the result as markdown and as JSON', () => {
    const done = snapshotOf(renderFinal(outcome()))
    expect(resultText(done)).toBe(visibleMarkdown(posted(renderFinal(outcome()))))
    const data = snapshotJson(done, { body: true })
    expect(data).toMatchObject({
      repo: 'octo/app',
      number: 3,
      phase: 'done',
      state: 'success',
      runUrl: RUN_URL,
      commitSha: 'd'.repeat(40),
      costUsd: 0.0123,
      numTurns: 4,
      checklist: [
        { done: true, text: 'Create file' },
        { done: false, text: 'Run tests' },
      ],
    })
    expect(data.body).toContain('Added hello.txt.')
    expect(snapshotJson(done)).not.toHaveProperty('body')
    expect(stateLabel(done)).toBe('done (success)')
  })

  it('lists pull requests in aligned columns', () => {
    const other = { ...working(), pull: { ...pull, number: 12, headRef: 'x', title: 'Other' } }
    expect(listText([working(), other]).split('\n')).toEqual([
      `#3   working  ${task.headRef}  Add hello`,
      `#12  working  ${'x'.padEnd(task.headRef.length)}  Other`,
    ])
    expect(listText([])).toBe('No open async pull requests.')
  })
})

describe('titleFromBody', () => {
  it('takes the first line without markdown marks, cut near 120 characters', () => {
    expect(titleFromBody('\n## Task\n\nFix the lint')).toBe('Task')
    expect(titleFromBody('- [ ] Fix the lint\n- [ ] Then tests')).toBe('Fix the lint')
    const long = titleFromBody(`${'word '.repeat(40)}`)
    expect(long.length).toBeLessThanOrEqual(121)
    expect(long.endsWith('…')).toBe(true)
  })
})
