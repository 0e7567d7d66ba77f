// What this run picks up from the ones before it, and keeps for the ones after:
// the work a lost run left (its dead comment settled), the stopped session to
// resume, where it stands in a chain of continuations (its number, the cost so
// far, what is left of max_budget_usd), and the checkpoints it keeps while
// the agent works. Read by the pipeline before the agent starts.

import * as core from '@actions/core'
import { AgentHost } from '../agent/host.js'
import { restoreTranscript } from '../agent/session-store.js'
import type { Task } from '../event.js'
import { Checkpoints } from '../git/checkpoint.js'
import { recoveredNote } from '../prompts/continue.js'
import { keptCheckpointLine, recoveryLine, renderLostRun } from '../report/recovery.js'
import type { Prepared } from '../stages/prepare.js'
import { errorMessage } from '../util/errors.js'
import type { RunContext } from './start.js'

export interface Continuity {
  /** The task, with its continuation number when it is one (its commits carry it). */
  task: Task
  /** Which automatic continuation this is; 0 when none. */
  number: number
  /** What the chain spent before this run. */
  spentBefore: number
  /** What is left of max_budget_usd for this run (the whole chain shares it). */
  budgetLeft?: number
  checkpoints: Checkpoints
  /** The stored session the first pass resumes. */
  resumeSession?: string
  /** What the first prompt says about work restored from a lost run. */
  recoveredNote?: string
}

export async function pickUp(run: RunContext, prepared: Prepared): Promise<Continuity> {
  const { recovery, session } = prepared
  const number = prepared.continuationNumber ?? 0
  const spentBefore = number > 0 ? (prepared.chainSpentUsd ?? 0) : 0
  const max = run.settings.maxBudgetUsd
  const budgetLeft =
    max === undefined ? undefined : Math.max(0.0001, Math.round((max - spentBefore) * 1e4) / 1e4)
  if (number > 0) {
    run.status.note(
      `🔁 This run is **continuing (${number} of ${run.settings.maxContinuations})**: the earlier run stopped on its time or turns and started this one, which ${session ? 'resumes its session' : 'starts afresh from its report'}.${spentBefore > 0 ? ` Spent so far across the chain: $${spentBefore.toFixed(4)}.` : ''}`,
    )
  }
  if (recovery) run.status.note(recoveryLine(recovery, run.links.serverUrl, run.task))
  // Comments of runs that died without reporting stop saying "working" (the recovered one's too).
  await run.status
    .settleDeadRuns((deadRunUrl, previous) =>
      renderLostRun(
        deadRunUrl,
        recovery?.fromRunUrl === deadRunUrl ? recovery : undefined,
        run.links,
        run.task,
        previous,
        `${run.settings.triggerPrefix} continue`,
      ),
    )
    .catch((error: unknown) =>
      core.warning(`Could not update a lost run's comment: ${errorMessage(error)}`),
    )
  if (prepared.keptCheckpoint) {
    run.status.note(keptCheckpointLine(prepared.keptCheckpoint, run.task.prNumber))
  }
  if (session) {
    await restoreTranscript(
      AgentHost.configDirOf(run.scratch),
      run.git.cwd,
      session.meta,
      session.transcript,
    )
  }
  return {
    task:
      number > 0 ? { ...run.task, continuation: { ...run.task.continuation, number } } : run.task,
    number,
    spentBefore,
    budgetLeft,
    // With checkpoint_minutes 0 none are taken and no session is kept, but what an
    // earlier run stored still goes when this one delivers.
    checkpoints: new Checkpoints(
      prepared.branch,
      {
        prNumber: run.task.prNumber,
        runUrl: run.links.runUrl,
        statusComment: run.task.followUp ? String(run.task.followUp.commentId) : 'main',
      },
      prepared.stored,
      !prepared.keptCheckpoint,
    ),
    resumeSession: session?.meta.sessionId,
    recoveredNote:
      recovery && recoveredNote(recovery.fromRunUrl, recovery.commitSha, recovery.files),
  }
}
