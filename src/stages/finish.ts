// Stage: what the server keeps once a run has delivered. The checkpoint goes
// (its work is on a branch now); the agent's session stays when the run
// stopped early — its time, its turns, its budget, a cancellation — so that
// `/async-pr continue` resumes it, and goes otherwise; and a run that ran out
// of time or turns starts the next job itself while max_continuations allow.

import * as core from '@actions/core'
import type { AgentVerdict } from '../agent/judge.js'
import { dispatchPayload, CONTINUE_EVENT_TYPE } from '../events/dispatch.js'
import type { Delivery } from '../git/deliver.js'
import { createGitHub } from '../github/client.js'
import type { RunContext } from '../run/start.js'
import { errorMessage } from '../util/errors.js'
import { currentSession } from './checkpoint.js'
import type { StageContext } from './context.js'

/** The run stopped before its work was done, in a way the same session can pick up. */
export function stoppedEarly(verdict: AgentVerdict): boolean {
  return verdict.kind === 'timed_out' || verdict.kind === 'limit' || verdict.kind === 'cancelled'
}

export interface Kept {
  /** The session was saved for `/async-pr continue`. */
  sessionSaved: boolean
}

export async function settleStored(
  ctx: StageContext,
  verdict: AgentVerdict,
  delivery: Delivery,
): Promise<Kept> {
  const checkpoints = ctx.checkpoints
  if (!checkpoints) return { sessionSaved: false }
  try {
    let sessionSaved = false
    // checkpoint_minutes 0: nothing of the run is kept on the server, its session neither.
    if (stoppedEarly(verdict) && ctx.settings.checkpointMs > 0) {
      const session = await currentSession(ctx, ctx.worker)
      sessionSaved = session ? await checkpoints.saveSession(session) : false
    }
    // Nothing reached a branch (a refused push): the checkpoint still holds the work.
    const delivered = delivery.commits.length === 0 || delivery.pushedTo !== undefined
    await checkpoints.clear([
      ...(delivered ? (['checkpoint'] as const) : []),
      ...(sessionSaved ? [] : (['session'] as const)),
    ])
    return { sessionSaved }
  } catch (error) {
    core.warning(`Could not tidy the checkpoint and the saved session: ${errorMessage(error)}`)
    return { sessionSaved: false }
  }
}

export interface ContinuationNote {
  /** This run's continuation number in the chain (0 when it is not a continuation). */
  number: number
  of: number
  /** The next run was started. */
  dispatched: boolean
  /** Why not, when it was not. */
  why?: string
}

/**
 * Starts the next job (a `repository_dispatch` with only the PR and this run
 * in its payload) when this one ran out of time or turns, pushed progress, and
 * the chain has room; the next job checks all of it again from GitHub. It
 * resumes the session when one was kept, and starts afresh from the handover
 * when not (checkpoint_minutes 0 keeps none).
 */
export async function continueIfDue(
  run: RunContext,
  verdict: AgentVerdict,
  delivery: Delivery,
  number: number,
): Promise<ContinuationNote | undefined> {
  const of = run.settings.maxContinuations
  if (of === 0) return undefined
  const outOfTimeOrTurns =
    verdict.kind === 'timed_out' || (verdict.kind === 'limit' && verdict.limit === 'max_turns')
  if (!outOfTimeOrTurns) return number > 0 ? { number, of, dispatched: false } : undefined
  if (number >= of) {
    return { number, of, dispatched: false, why: `max_continuations (${of}) are used up.` }
  }
  if (!delivery.pushedTo || delivery.fallbackReason || delivery.commits.length === 0) {
    return { number, of, dispatched: false, why: 'this run pushed no progress to the branch.' }
  }
  // Sent with the PAT: it can write to the repository already, so the workflow's own token
  // needs no `contents: write` (which would let it push).
  const withPat = createGitHub({
    token: run.settings.pushToken,
    baseUrl: run.settings.apiUrl,
    log: core.warning,
    debug: core.debug,
  })
  try {
    await withPat.rest.repos.createDispatchEvent({
      owner: run.task.owner,
      repo: run.task.repo,
      event_type: CONTINUE_EVENT_TYPE,
      client_payload: dispatchPayload(run.task.prNumber, run.settings.runId),
    })
    return { number, of, dispatched: true }
  } catch (error) {
    return {
      number,
      of,
      dispatched: false,
      why: `GitHub refused the dispatch (${errorMessage(error)}); github_token needs write access to the repository (Contents: read and write).`,
    }
  }
}
