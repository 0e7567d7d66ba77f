// watch: poll until the run ends, show progress on standard error, print the
// result on standard output, and exit with what happened. Every wait is
// bounded by --timeout; every request by its own deadline.

import { setTimeout as sleep } from 'node:timers/promises'
import type { WatchCommand, WatchTiming } from '../args.js'
import { createContext, type Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { formatDuration } from '../../report/format.js'
import { json, line, type Io } from '../io.js'
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

export async function follow(
  ctx: Context,
  number: number,
  timing: WatchTiming,
  io: Io,
  asJson: boolean,
): Promise<number> {
  const now = () => (io.now ?? (() => new Date()))().getTime()
  const started = now()
  const deadline = started + timing.timeoutMs
  const display = createDisplay(io.stderr, { live: io.stderr.isTTY === true, now })
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
  return exitCodeFor(final)
}

export async function watchCommand(command: WatchCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  return follow(ctx, command.pr.number, command, io, command.json)
}
