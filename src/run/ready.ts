// The loop that makes a run's result review-ready, as a short list of stages:
// the agent's first pass; then verify, and while a check fails, a fix (the
// worker's session resumed) and verify again (fix_attempts); then a review,
// and while it asks for changes, a fix and verify and review again
// (review_cycles). Each session's work is one commit; everything is bounded
// by the run's time, turns and budget. Nothing is pushed here (see deliver).

import type { AgentVerdict } from '../agent/judge.js'
import { firstPass } from '../stages/agent.js'
import { outOfRoom, type StageContext } from '../stages/context.js'
import { fixCheck, fixReview } from '../stages/fix.js'
import { review } from '../stages/review.js'
import type { ReviewAnswer } from '../stages/review-answer.js'
import { verify, type VerifyAttempt } from '../stages/verify.js'
import { commitMessage } from './verdict.js'

export type VerifyResult = 'passed' | 'failed' | 'not_run'

export interface RunRecord {
  /** How the work itself ended: completed, or where and why it stopped. */
  verdict: AgentVerdict
  verify: { result: VerifyResult; attempts: VerifyAttempt[] }
  /** The last review, when one ran. */
  review?: { answer: ReviewAnswer; readable: boolean; reviews: number }
  /** Fix rounds of either kind. */
  rounds: number
}

/**
 * `lastSession` is called as soon as it is sure that no other session follows the first
 * pass (nothing to verify or review, or the pass did not complete): what waits for the
 * agent's end (the PR's state) can then be asked while the pass is committed.
 */
export async function runToReady(
  ctx: StageContext,
  previousResult?: string,
  lastSession?: () => void,
): Promise<RunRecord> {
  const first = await firstPass(ctx, previousResult)
  const more =
    first.verdict.kind === 'completed' &&
    (ctx.settings.verify.length > 0 || ctx.settings.reviewCycles > 0)
  if (!more) lastSession?.()
  await ctx.branch.commit(commitMessage(ctx.task, ctx.links, first.verdict))
  const record: RunRecord = {
    verdict: first.verdict,
    verify: { result: 'not_run', attempts: [] },
    rounds: 0,
  }
  if (first.verdict.kind !== 'completed') return record

  let checkFixes = 0
  let reviewFixes = 0
  let reviews = 0
  for (;;) {
    // Verify; while a check fails and attempts remain, fix and verify again.
    while (ctx.settings.verify.length > 0) {
      const attempt = await verify(ctx)
      record.verify.attempts.push(attempt)
      record.verify.result = attempt.passed ? 'passed' : 'failed'
      if (attempt.passed) break
      const failed = attempt.checks.at(-1)
      if (!failed) break
      if (failed.cancelled)
        return {
          ...record,
          verdict: { kind: 'cancelled', reason: 'The job was cancelled while the checks ran.' },
        }
      if (failed.outOfRunTime) {
        return {
          ...record,
          verdict: {
            kind: 'timed_out',
            reason: `The run's time (timeout_minutes) ran out while \`${failed.command}\` was running.`,
          },
        }
      }
      if (checkFixes >= ctx.settings.fixAttempts) return record
      const stop = outOfRoom(ctx)
      if (stop) return { ...record, verdict: stop }
      checkFixes++
      record.rounds++
      const fixed = await fixCheck(ctx, failed, checkFixes, record.rounds)
      await ctx.branch.commit(
        commitMessage(
          ctx.task,
          ctx.links,
          fixed.verdict,
          `Fix: ${failed.command} (round ${record.rounds})`,
        ),
      )
      if (fixed.verdict.kind !== 'completed') return { ...record, verdict: fixed.verdict }
    }

    // Review; while it asks for changes and cycles remain, fix, then verify and review again.
    if (ctx.settings.reviewCycles === 0) return record
    const roomToReview = outOfRoom(ctx)
    if (roomToReview) return { ...record, verdict: roomToReview }
    reviews++
    const round = await review(ctx, reviews)
    record.review = { ...round, reviews }
    if (round.answer.verdict === 'approved') return record
    if (reviewFixes >= ctx.settings.reviewCycles) return record
    const stop = outOfRoom(ctx)
    if (stop) return { ...record, verdict: stop }
    reviewFixes++
    record.rounds++
    const addressed = await fixReview(ctx, round.answer.findings, reviewFixes, record.rounds)
    await ctx.branch.commit(
      commitMessage(
        ctx.task,
        ctx.links,
        addressed.verdict,
        `Address review (round ${record.rounds})`,
      ),
    )
    if (addressed.verdict.kind !== 'completed') return { ...record, verdict: addressed.verdict }
  }
}
