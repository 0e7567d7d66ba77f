// Stage: the agent's first pass at the task (or at a follow-up instruction),
// and the worker's later sessions, which resume the same conversation.

import { claudeArgs } from '../agent/command.js'
import { judgeAgentRun } from '../agent/judge.js'
import { LIVE_INPUT_ARGS } from '../agent/live-input.js'
import { buildPrompt } from '../prompt.js'
import { continuePrompt } from '../prompts/continue.js'
import type { Phase } from '../report/progress.js'
import { redactSecrets } from '../util/secrets.js'
import { checkpointWhile } from './checkpoint.js'
import {
  progressFor,
  remainingMs,
  sessionLimits,
  type SessionKind,
  type SessionRecord,
  type StageContext,
} from './context.js'

/** One session of the worker: the first pass, or (with `resume`) a fix in the same conversation. */
export async function workerSession(
  ctx: StageContext,
  options: { kind: SessionKind; label: string; prompt: string; phase: Phase; resume?: string },
): Promise<SessionRecord> {
  const limits = sessionLimits(ctx)
  const args = claudeArgs(ctx.settings, { resume: options.resume, limits })
  const checkpoints = checkpointWhile(ctx, ctx.worker)
  const run = await ctx.host
    .runClaude({
      // While the worker runs, what people write on the PR can reach it (src/steer/).
      args: ctx.steering ? [...args, ...LIVE_INPUT_ARGS] : args,
      live: ctx.steering,
      prompt: options.prompt,
      executionFile: ctx.executionFile,
      timeoutMs: Math.max(1_000, remainingMs(ctx)),
      transcript: ctx.worker,
      onProgress: progressFor(ctx, options.phase, ctx.worker),
      signal: ctx.cancelled,
      redact: (line) => redactSecrets(line, ctx.secretForms),
    })
    .finally(() => checkpoints.stop())
  const verdict = judgeAgentRun(run, {
    timeoutMs: ctx.settings.timeoutMs,
    maxTurns: ctx.settings.maxTurns,
    maxBudgetUsd: ctx.settings.maxBudgetUsd,
  })
  const record: SessionRecord = {
    kind: options.kind,
    label: options.label,
    run,
    verdict,
    result: run.transcript.result,
  }
  ctx.sessions.push(record)
  return record
}

export function firstPass(ctx: StageContext, previousResult?: string): Promise<SessionRecord> {
  if (ctx.resumeSession) {
    // A stopped run's own conversation, resumed: it knows the task; say only what is new.
    return workerSession(ctx, {
      kind: 'worker',
      label: 'continued session',
      prompt: continuePrompt(ctx.task, ctx.recoveredNote),
      phase: 'working',
      resume: ctx.resumeSession,
    })
  }
  const prompt = buildPrompt(ctx.task, previousResult)
  return workerSession(ctx, {
    kind: 'worker',
    label: ctx.task.continuation ? 'continuation' : ctx.task.followUp ? 'follow-up' : 'first pass',
    prompt: ctx.recoveredNote ? `${prompt}\n\n${ctx.recoveredNote}` : prompt,
    phase: 'working',
  })
}
