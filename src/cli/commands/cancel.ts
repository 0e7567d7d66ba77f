// cancel: cancels the pull request's running workflow run through the API.
// GitHub then signals the job, the action stops the agent, commits and pushes
// the work in progress and reports `cancelled`; cancel waits (bounded by
// --timeout) until the status comment says so, and prints that report.

import { statusOf } from '../../github/client.js'
import type { CancelCommand } from '../args.js'
import { createContext } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { json, line, type Io } from '../io.js'
import { loadPull, observe } from '../observe.js'
import { snapshotJson, stateLabel } from '../render.js'
import { isFinal, runIdFromUrl, type Snapshot } from '../snapshot.js'
import { terminalSafe } from '../terminal.js'
import { follow, hint } from './watch.js'

/** 0: the action reported cancelled; 1: the run ended some other way; 3 (from follow): not yet. */
function cancelExit(snapshot: Snapshot): number {
  return snapshot.state === 'cancelled' ? EXIT.ok : EXIT.runFailed
}

export async function cancelCommand(command: CancelCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  const number = command.pr.number
  const pull = await loadPull(ctx.reader, ctx.repo, number)
  const snapshot = await observe(ctx.reader, ctx.repo, pull)
  if (isFinal(snapshot)) {
    line(
      io.stderr,
      `#${number} is not running (${stateLabel(snapshot)}): nothing to cancel. ` +
        `Read the result: ${hint(ctx, 'result', number)}`,
    )
    if (command.json) json(io.stdout, snapshotJson(snapshot, { body: true }))
    return EXIT.ok
  }
  const runId =
    (snapshot.report?.runUrl ? runIdFromUrl(snapshot.report.runUrl) : undefined) ?? snapshot.run?.id
  if (runId === undefined)
    throw new CliError(
      `#${number} has no workflow run to cancel yet (${stateLabel(snapshot)}: ${terminalSafe(snapshot.summary)}). ` +
        `Close the pull request to stop it from starting, or check again with: ${hint(ctx, 'status', number)}`,
    )
  try {
    await ctx.reader.send('POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel', {
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      run_id: runId,
    })
    line(
      io.stderr,
      `Asked GitHub to cancel run ${runId} of #${number}; waiting for async-pr to report.`,
    )
  } catch (error) {
    // 409: the run completed in the meantime; its report tells how it ended.
    if (statusOf(error) !== 409) throw ctx.reader.explain(error, `cancel workflow run ${runId}`)
    line(io.stderr, `Run ${runId} of #${number} had already completed; reading its report.`)
  }
  return follow(ctx, number, command, io, command.json, { exitFor: cancelExit })
}
