// What every stage of a run works with, and the run's limits as they stand:
// time (timeout_minutes spans the whole run: every session and every check),
// turns and budget (the model proxy counts them across all sessions).

import * as core from '@actions/core'
import type { AgentHost } from '../agent/host.js'
import type { AgentVerdict } from '../agent/judge.js'
import type { LiveInput } from '../agent/live-input.js'
import type { AgentRun } from '../agent/run.js'
import type { SessionLimits } from '../agent/command.js'
import type { AgentResult, Transcript } from '../agent/transcript.js'
import type { Task } from '../event.js'
import type { TaskBranch } from '../git/branch.js'
import type { Checkpoints } from '../git/checkpoint.js'
import { describeToolCall } from '../report/describe.js'
import type { RunLinks } from '../report/outcome.js'
import type { Phase } from '../report/progress.js'
import type { LiveStatus } from '../run/live-status.js'
import type { Settings } from '../settings.js'
import { logSafe } from '../util/sanitize.js'
import { redactSecrets } from '../util/secrets.js'

export interface StageContext {
  settings: Settings
  task: Task
  links: RunLinks
  host: AgentHost
  branch: TaskBranch
  status: LiveStatus
  executionFile: string
  cancelled: AbortSignal
  secretForms: string[]
  /** When timeout_minutes is up, for the run as a whole. */
  deadline: number
  /** The worker's conversation, across its first pass and its fixes. */
  worker: Transcript
  /** Every session so far, in order (the worker's and the reviewer's). */
  sessions: SessionRecord[]
  /** The work in progress kept on the server while the agent works (checkpoint_minutes). */
  checkpoints?: Checkpoints
  /**
   * Cost already spent by the runs this one continues (a dispatched
   * continuation's chain); `settings.maxBudgetUsd` is what is left of the budget.
   */
  spentBeforeUsd: number
  /** The first pass resumes this stored session (`/async-pr continue`, a continuation). */
  resumeSession?: string
  /** Lines the first prompt carries about work recovered from a run that was lost. */
  recoveredNote?: string
  /** Messages from the PR for the worker while it runs (src/steer/). */
  steering?: LiveInput
}

export type SessionKind = 'worker' | 'fix' | 'review' | 'report'

export interface SessionRecord {
  kind: SessionKind
  /** In words, for the report: "first pass", "fix `npm test` (round 1)", "review 1". */
  label: string
  run: AgentRun
  verdict: AgentVerdict
  /** This session's own result line (a resumed session's transcript goes on to the next one's). */
  result?: AgentResult
}

export function remainingMs(ctx: StageContext): number {
  return ctx.deadline - Date.now()
}

/** Turns and budget left for the next session, from the proxy's count (or the stream's without one). */
export function sessionLimits(ctx: StageContext): SessionLimits {
  const used = ctx.host.usage()
  const turns = used?.turns ?? sum(ctx.sessions, (s) => s.run.transcript.result?.numTurns ?? 0)
  const cost = used?.costUsd ?? sum(ctx.sessions, (s) => s.run.transcript.result?.costUsd ?? 0)
  const { maxTurns, maxBudgetUsd } = ctx.settings
  return {
    maxTurns: maxTurns - turns,
    maxBudgetUsd:
      maxBudgetUsd === undefined
        ? undefined
        : Math.max(0, Math.round((maxBudgetUsd - cost) * 1e4) / 1e4),
  }
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0)
}

/** Why no further session may start, if one may not. */
export function outOfRoom(ctx: StageContext): AgentVerdict | undefined {
  if (ctx.cancelled.aborted) return { kind: 'cancelled', reason: 'The job was cancelled.' }
  if (remainingMs(ctx) < 1_000) {
    return {
      kind: 'timed_out',
      reason: `The run used its time (timeout_minutes) before the checks and fixes were done.`,
    }
  }
  const limits = sessionLimits(ctx)
  if (limits.maxTurns < 1) {
    return {
      kind: 'limit',
      reason: `The run used all ${ctx.settings.maxTurns} turns (max_turns) before the checks and fixes were done.`,
      limit: 'max_turns',
    }
  }
  if (limits.maxBudgetUsd !== undefined && limits.maxBudgetUsd <= 0) {
    return {
      kind: 'limit',
      reason: `The run reached the spending limit of $${ctx.settings.maxBudgetUsd} (max_budget_usd) before the checks and fixes were done.`,
      limit: 'max_budget_usd',
    }
  }
  return undefined
}

/**
 * Live progress for a session on `transcript`: its new tool calls into the
 * log (a resumed session's earlier ones are there already), the comment
 * updated (throttled).
 */
export function progressFor(
  ctx: StageContext,
  phase: Phase,
  transcript: Transcript,
): (transcript: Transcript) => void {
  let logged = transcript.toolCallCount
  return (current) => {
    const calls = current.toolCalls
    const fresh = Math.min(current.toolCallCount - logged, calls.length)
    for (const call of calls.slice(calls.length - fresh)) {
      core.info(logSafe(redactSecrets(describeToolCall(call), ctx.secretForms)))
    }
    logged = current.toolCallCount
    ctx.status.progress(phase, current)
  }
}
