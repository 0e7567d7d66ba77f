import { describe, expect, it } from '@jest/globals'
import { CountedBudget } from '../../src/cli/fleet/budget.js'
import {
  changeLine,
  countsLine,
  isEnded,
  liveTable,
  rowStatus,
  summaryText,
  type FleetRow,
} from '../../src/cli/fleet/table.js'
import { WriteSpacing } from '../../src/cli/pacing.js'
import type { Snapshot } from '../../src/cli/snapshot.js'

function snapshot(number: number, overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    repo: 'octo/app',
    pull: {
      number,
      title: `Task ${number}`,
      url: `https://github.com/octo/app/pull/${number}`,
      state: 'open',
      merged: false,
      draft: false,
      author: 'alice',
      headRef: `async/task-${number}`,
      headSha: 'a'.repeat(40),
      baseRef: 'main',
    },
    phase: 'working',
    state: 'working',
    summary: 'async-pr is working on this task',
    checklist: [],
    ...overrides,
  }
}

const done = (n: number, state: string, costUsd?: number): FleetRow => ({
  number: n,
  title: `Task ${n}`,
  issue: n - 13,
  snapshot: snapshot(n, {
    phase: ['success', 'no_changes'].includes(state) ? 'done' : 'failed',
    state: state as Snapshot['state'],
    report: { v: 1, state: state as never, runUrl: '', costUsd },
  }),
})

describe('the summary of many tasks', () => {
  it('is a markdown table of issue, PR, status and cost, and the counts', () => {
    const rows: FleetRow[] = [
      done(55, 'success', 0.3121),
      done(56, 'no_changes', 0.05),
      done(57, 'failure', 1.5),
      done(58, 'timed_out'),
      { title: 'issue #41', issue: 41, refused: 'closed' },
    ]
    expect(summaryText(rows)).toBe(
      [
        '| Issue | PR | Status | Cost |',
        '| --- | --- | --- | --- |',
        '| #42 | #55 | done | $0.3121 |',
        '| #43 | #56 | done (no changes) | $0.0500 |',
        '| #44 | #57 | failed | $1.50 |',
        '| #45 | #58 | stopped (timed_out) | — |',
        '| #41 | — | refused (closed) | — |',
        '',
        '2 done, 1 stopped, 1 failed, 1 refused',
      ].join('\n'),
    )
    expect(rows.every(isEnded)).toBe(true)
  })

  it('counts a success whose review left findings as needing review', () => {
    const reviewed = done(60, 'success')
    ;(reviewed.snapshot!.report as unknown as Record<string, unknown>).reviewVerdict =
      'changes_requested'
    expect(rowStatus(reviewed)).toEqual({ key: 'needs review', label: 'needs review' })
    expect(
      countsLine([done(55, 'success'), done(56, 'success'), reviewed, done(57, 'failure')]),
    ).toBe('2 done, 1 needs review, 1 failed')
  })

  it('shows an unknown state from the comment as text, never as a control sequence', () => {
    const odd = done(61, 'exploded\u001b[2J')
    expect(rowStatus(odd).label).toBe('failed (exploded\\x1b[2J)')
    // Nor as a column of the summary table.
    expect(summaryText([done(62, 'a | b\nc')]).split('\n')[2]).toBe(
      '| #49 | #62 | failed (a \\| b\\nc) | — |',
    )
  })
})

describe('the live table', () => {
  it('has the columns, the checklist as done/all, and fits the width', () => {
    const rows: FleetRow[] = [
      {
        number: 55,
        title: 'Fix the lint in packages/api and everything else that is long',
        elapsedMs: 130_000,
        snapshot: snapshot(55, {
          checklist: [
            { done: true, text: 'a' },
            { done: true, text: 'b' },
            { done: true, text: 'c' },
            { done: false, text: 'd' },
            { done: false, text: 'e' },
          ],
        }),
      },
      {
        number: 56,
        title: 'Evil \u001b]0;owned\u0007 title',
        snapshot: snapshot(56, { phase: 'queued', state: null }),
      },
    ]
    const lines = liveTable(rows, 72, '2 working · 4 requests')
    expect(lines[0]).toMatch(/^PR +Task +State +Checklist +Elapsed +Cost$/)
    expect(lines[1]).toMatch(/^#55 +Fix the lint in packages.*… +working +3\/5 +2m 10s +—$/)
    expect(lines[2]).toContain('Evil \\x1b]0;owned\\x07 title')
    expect(lines[2]).toMatch(/queued +— +— +—$/)
    for (const text of lines) expect([...text].length).toBeLessThan(72)
    expect(lines.at(-1)).toBe('2 working · 4 requests')
  })

  it('says one line per pull request for logs', () => {
    expect(changeLine(done(55, 'success'))).toBe(
      '#55 done (success): async-pr is working on this task',
    )
    expect(changeLine({ number: 9, title: 'x' })).toBe('#9 waiting')
  })
})

describe('CountedBudget', () => {
  it('allows one counted request per three intervals, never two in a row', () => {
    let now = 0
    const budget = CountedBudget.forInterval(10_000, () => now)
    expect(budget.waitMs()).toBe(0)
    budget.spend(1)
    expect(budget.waitMs()).toBe(30_000)
    now += 15_000
    expect(budget.waitMs()).toBe(15_000)
    now += 15_000
    expect(budget.waitMs()).toBe(0)
    // A look that brought two counted answers is paid back before the next one.
    budget.spend(2)
    expect(budget.waitMs()).toBe(60_000)
    // Unchanged answers (304) cost nothing; a long quiet spell does not save up a burst.
    now += 10 * 60_000
    budget.spend(0)
    expect(budget.waitMs()).toBe(0)
    budget.spend(1)
    expect(budget.waitMs()).toBe(30_000)
  })
})

describe('WriteSpacing', () => {
  it('starts writes at least the spacing apart', async () => {
    let now = 1000
    const waits: number[] = []
    const spacing = new WriteSpacing(
      1000,
      () => now,
      async (ms) => {
        waits.push(ms)
        now += ms
      },
    )
    await spacing.next()
    now += 200
    await spacing.next()
    now += 1500
    await spacing.next()
    expect(waits).toEqual([800])
  })
})
