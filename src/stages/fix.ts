// Stage: a fix round. The worker's own session is resumed (`--resume`, the same
// conversation and config directory) with what failed: a verify command and
// the end of its output, or the reviewer's findings.

import { reviewFixPrompt, verifyFixPrompt } from '../prompts/fix.js'
import { workerSession } from './agent.js'
import type { SessionRecord, StageContext } from './context.js'
import type { Finding } from './review-answer.js'
import type { CheckResult } from './verify.js'

function resumeId(ctx: StageContext): string | undefined {
  return ctx.worker.result?.sessionId || ctx.worker.sessionId
}

export function fixCheck(
  ctx: StageContext,
  failed: CheckResult,
  attempt: number,
  round: number,
): Promise<SessionRecord> {
  const of = ctx.settings.fixAttempts
  return workerSession(ctx, {
    kind: 'fix',
    label: `fix \`${failed.command}\` (round ${round})`,
    prompt: verifyFixPrompt(failed, { attempt, of }),
    phase: { stage: 'fixing-check', command: failed.command, attempt, of },
    resume: resumeId(ctx),
  })
}

export function fixReview(
  ctx: StageContext,
  findings: Finding[],
  cycle: number,
  round: number,
): Promise<SessionRecord> {
  const of = ctx.settings.reviewCycles
  return workerSession(ctx, {
    kind: 'fix',
    label: `address review (round ${round})`,
    prompt: reviewFixPrompt(findings, { cycle, of }),
    phase: { stage: 'fixing-review', round: cycle, of },
    resume: resumeId(ctx),
  })
}
