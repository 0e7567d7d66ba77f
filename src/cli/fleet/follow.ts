// watch for many pull requests: look at all of them with shared conditional
// requests until each has ended, show one table, then print the summary.
// Exit 0 only when every task was done; 1 when any ended otherwise; 3 when
// --timeout came first; 130 on Ctrl-C. Every wait is bounded by --timeout,
// every request by its own deadline, and the counted requests by the budget.

import { setTimeout as sleep } from 'node:timers/promises'
import { formatDuration } from '../../report/format.js'
import type { WatchTiming } from '../args.js'
import type { Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { jsonLine, line, type Io } from '../io.js'
import { snapshotJson } from '../render.js'
import { isFinal, type Snapshot } from '../snapshot.js'
import { CountedBudget } from './budget.js'
import { createFleetDisplay } from './display.js'
import { FleetPoller, type Member } from './poller.js'
import {
  countsLine,
  isEnded,
  rowStatus,
  summaryText,
  type FleetRow,
  type StatusKey,
} from './table.js'

/** Looks in a row that may fail (network, 5xx after retries) before watch gives up. */
const FAILURES_TOLERATED = 3

export interface Fleet {
  members: Member[]
  /** Issues that were not dispatched, for the summary. */
  refused?: Array<{ issue: number; title: string; reason: string }>
}

function elapsed(snapshot: Snapshot | undefined, pull: Member['pull'], now: number) {
  if (!pull.createdAt) return undefined
  const start = Date.parse(pull.createdAt)
  const end =
    snapshot && isFinal(snapshot) && snapshot.comment ? Date.parse(snapshot.comment.updatedAt) : now
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(end - start, 0) : undefined
}

export function watchHint(ctx: Context, numbers: number[]): string {
  return `async-pr watch ${numbers.join(' ')} --repo ${ctx.fullName}`
}

export async function followMany(
  ctx: Context,
  fleet: Fleet,
  timing: WatchTiming,
  io: Io,
  asJson: boolean,
): Promise<number> {
  const clock = io.now ?? (() => new Date())
  const now = () => clock().getTime()
  const started = now()
  const deadline = started + timing.timeoutMs
  const poller = new FleetPoller(ctx.reader, ctx.repo, fleet.members, started)
  const budget = CountedBudget.forInterval(timing.intervalMs, now)
  const numbers = fleet.members.map((m) => m.pull.number)
  const snapshots = new Map<number, Snapshot>()

  const rows = (): FleetRow[] => [
    ...fleet.members.map((member) => {
      const snapshot = snapshots.get(member.pull.number)
      return {
        number: member.pull.number,
        title: snapshot?.pull.title ?? member.pull.title,
        issue: member.issue,
        snapshot,
        elapsedMs: elapsed(snapshot, member.pull, now()),
      }
    }),
    ...(fleet.refused ?? []).map((r) => ({ title: r.title, issue: r.issue, refused: r.reason })),
  ]
  const stats = ctx.reader.stats
  const requestsText = () =>
    `${stats.requests} requests, ${stats.notModified} answered 304 (not counted)`
  const display = createFleetDisplay(
    io.stderr,
    {
      rows,
      footer: () =>
        `${countsLine(rows())} · ${requestsText()} · ${formatDuration(now() - started)}`,
    },
    { live: io.stderr.isTTY === true, clock, quiet: timing.quiet },
  )

  const finish = (code: number): number => {
    display.stop()
    const all = rows()
    if (asJson) jsonLine(io.stdout, fleetJson(ctx, all, stats))
    else line(io.stdout, summaryText(all))
    line(io.stderr, `Requests: ${requestsText()}.`)
    return code
  }

  let failures = 0
  try {
    for (let first = true; ; first = false) {
      const before = stats.requests - stats.notModified
      try {
        for (const { member, snapshot } of await poller.look())
          snapshots.set(member.pull.number, snapshot)
        failures = 0
        display.update()
      } catch (error) {
        if (io.signal?.aborted) throw error
        if (!(error instanceof CliError) || ++failures > FAILURES_TOLERATED) throw error
        display.note(`A look failed (${error.message}); trying again.`)
      }
      // The first look reads everything once (a few counted requests, once); after it, every
      // counted answer is paid for, so the display is live from the start.
      if (!first) budget.spend(stats.requests - stats.notModified - before)
      const all = rows()
      if (snapshots.size === fleet.members.length && all.every(isEnded)) {
        const done = all.every(
          (row) => rowStatus(row).key === 'done' || rowStatus(row).key === 'refused',
        )
        return finish(done ? EXIT.ok : EXIT.runFailed)
      }
      const left = deadline - now()
      if (left <= 0) {
        display.stop()
        line(
          io.stderr,
          `Stopped watching after ${formatDuration(timing.timeoutMs)}: ${countsLine(all)}. ` +
            `Watch again with: ${watchHint(ctx, unfinished(all))}`,
        )
        return finish(EXIT.pending)
      }
      const wait = Math.max(timing.intervalMs, budget.waitMs())
      await sleep(Math.min(wait, left), undefined, { signal: io.signal })
    }
  } catch (error) {
    display.stop()
    if (io.signal?.aborted) {
      line(io.stderr, `Interrupted. Watch again with: ${watchHint(ctx, numbers)}`)
      return EXIT.interrupted
    }
    throw error
  }
}

function unfinished(rows: FleetRow[]): number[] {
  return rows
    .filter((row) => !isEnded(row) && row.number !== undefined)
    .map((row) => row.number as number)
}

/** The summary for a program: each task in its own object, others' text in its own fields. */
export function fleetJson(
  ctx: Context,
  rows: FleetRow[],
  stats: { requests: number; notModified: number },
) {
  const counts: Partial<Record<StatusKey, number>> = {}
  for (const row of rows) {
    const key = rowStatus(row).key
    counts[key] = (counts[key] ?? 0) + 1
  }
  return {
    repo: ctx.fullName,
    counts,
    requests: {
      sent: stats.requests,
      notModified: stats.notModified,
      counted: stats.requests - stats.notModified,
    },
    tasks: rows.map((row) => {
      const status = rowStatus(row)
      return {
        issue: row.issue ?? null,
        number: row.number ?? null,
        status: status.key,
        statusLabel: status.label,
        refused: row.refused ?? null,
        elapsedMs: row.elapsedMs ?? null,
        pull: row.snapshot ? snapshotJson(row.snapshot) : null,
      }
    }),
  }
}
