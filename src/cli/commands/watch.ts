// watch: poll until the run ends, show progress on standard error, print the
// result on standard output, and exit with what happened. Every wait is
// bounded by --timeout; every request by its own deadline.

import { setTimeout as sleep } from 'node:timers/promises'
import type { WatchCommand, WatchTiming } from '../args.js'
import { createContext, type Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { formatDuration } from '../../report/format.js'
import { json, jsonLine, line, type Io } from '../io.js'
import { followMany } from '../fleet/follow.js'
import { namedMembers, openMembers } from '../fleet/members.js'
import { FleetPoller, type Member } from '../fleet/poller.js'
import type { PrRef } from '../repo-ref.js'
import { createDisplay } from '../live.js'
import { loadPull, observe } from '../observe.js'
import { resultText, snapshotJson, stateLabel } from '../render.js'
import { exitCodeFor, isFinal, type Snapshot } from '../snapshot.js'

/** Polls in a row that may fail (network, 5xx after retries) before watch gives up. */
const FAILURES_TOLERATED = 3
/** How long without any run or comment before saying the workflow may not be set up. */
const NO_RUN_HINT_MS = 3 * 60_000

export function hint(ctx: Context, command: string, number: number): string {
  return `async-pr ${command} ${number} --repo ${ctx.fullName}`
}

export interface FollowOptions {
  /**
   * Follow the run that answers this comment (continue): until the status comment names it, an
   * earlier report is not this run's end.
   */
  awaitInstruction?: number
  /** The exit code for the final snapshot (default: 0 done, 1 failed). */
  exitFor?: (snapshot: Snapshot) => number
}

/** A snapshot as seen by someone waiting for the run that answers comment `id`. */
export function awaitingInstruction(snapshot: Snapshot, id: number): Snapshot {
  if (snapshot.report?.instructionId === id) return snapshot
  const active = snapshot.run && snapshot.run.status !== 'completed' ? snapshot.run : undefined
  return {
    ...snapshot,
    phase: active ? 'queued' : 'waiting',
    state: null,
    checklist: [],
    summary: `Waiting for async-pr to take up comment ${id}; the status comment still shows the earlier run (${snapshot.state ?? snapshot.phase}).`,
  }
}

export async function follow(
  ctx: Context,
  number: number,
  timing: WatchTiming,
  io: Io,
  asJson: boolean,
  options: FollowOptions = {},
): Promise<number> {
  const now = () => (io.now ?? (() => new Date()))().getTime()
  const started = now()
  const deadline = started + timing.timeoutMs
  const display = createDisplay(io.stderr, {
    live: io.stderr.isTTY === true,
    now,
    quiet: timing.quiet,
  })
  let pull = await loadPull(ctx.reader, ctx.repo, number)
  let snapshot: Snapshot | undefined
  let final: Snapshot | undefined
  let failures = 0
  let hinted = false
  try {
    for (;;) {
      try {
        // The PR matters (draft, closed) only until the action has reported.
        if (snapshot && !snapshot.comment) pull = await loadPull(ctx.reader, ctx.repo, number)
        snapshot = await observe(ctx.reader, ctx.repo, pull)
        if (options.awaitInstruction !== undefined)
          snapshot = awaitingInstruction(snapshot, options.awaitInstruction)
        failures = 0
        display.show(snapshot)
      } catch (error) {
        if (io.signal?.aborted) throw error
        if (!(error instanceof CliError) || ++failures > FAILURES_TOLERATED) throw error
        display.note(`Poll failed (${error.message}); trying again.`)
      }
      if (snapshot && isFinal(snapshot)) {
        final = snapshot
        break
      }
      const quiet = snapshot?.phase === 'waiting' && !snapshot.pull.draft
      if (quiet && !hinted && now() - started > NO_RUN_HINT_MS) {
        hinted = true
        display.note(
          'Still no workflow run or status comment. Is the async-pr workflow installed on the base branch, ' +
            'triggered by pull_request (opened, ready_for_review)?',
        )
      }
      const left = deadline - now()
      if (left <= 0) {
        display.stop()
        line(
          io.stderr,
          `Stopped watching after ${formatDuration(timing.timeoutMs)}: #${number} is ${snapshot ? stateLabel(snapshot) : 'unknown'}. ` +
            `Watch again with: ${hint(ctx, 'watch', number)}`,
        )
        if (asJson && snapshot) json(io.stdout, snapshotJson(snapshot, { body: true }))
        return EXIT.pending
      }
      await sleep(Math.min(timing.intervalMs, left), undefined, { signal: io.signal })
    }
  } catch (error) {
    display.stop()
    if (io.signal?.aborted) {
      line(io.stderr, `Interrupted. Watch again with: ${hint(ctx, 'watch', number)}`)
      return EXIT.interrupted
    }
    throw error
  }
  display.stop()
  if (asJson) json(io.stdout, snapshotJson(final, { body: true }))
  else line(io.stdout, resultText(final))
  return (options.exitFor ?? exitCodeFor)(final)
}

export async function watchCommand(command: WatchCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  if (!command.all && command.prs.length === 1)
    return follow(ctx, (command.prs[0] as PrRef).number, command, io, command.json)
  let members: Member[]
  if (command.all) {
    const open = await openMembers(ctx)
    const now = (io.now ?? (() => new Date()))().getTime()
    const commented = await new FleetPoller(ctx.reader, ctx.repo, open, now).withStatusComment()
    members = open.filter(
      (m) => m.pull.headRef.startsWith(command.prefix) || commented.has(m.pull.number),
    )
    if (members.length === 0) {
      if (command.json) jsonLine(io.stdout, { repo: ctx.fullName, counts: {}, tasks: [] })
      else line(io.stdout, 'No open async pull requests.')
      return EXIT.ok
    }
  } else {
    members = await namedMembers(
      ctx,
      command.prs.map((pr) => pr.number),
    )
  }
  return followMany(ctx, { members }, command, io, command.json)
}
