// What a run ended with, from what the stages produced: the loop's record,
// the delivery, the review posted, the proxy's count. Pure.

import type { ProxyUsage } from '../agent/proxy-ledger.js'
import type { Delivery } from '../git/deliver.js'
import type { PostedReview } from '../github/reviews.js'
import { accountingOf } from '../report/accounting.js'
import { codeSpan } from '../report/markdown.js'
import type { Outcome, RunLinks, SessionSummary } from '../report/outcome.js'
import type { Task } from '../event.js'
import type { SessionRecord } from '../stages/context.js'
import type { ContinuationNote } from '../stages/finish.js'
import type { RunRecord } from './ready.js'
import type { Recovery } from './recover.js'
import { conclusionFor, leftOut, summarize } from './verdict.js'

function sessionSummary(session: SessionRecord): SessionSummary {
  const counted = accountingOf({
    ...summarize(session.run),
    result: session.result,
    usage: session.run.usage,
  })
  return {
    kind: session.kind,
    label: session.label,
    wallMs: session.run.wallMs,
    turns: counted?.turns ?? 0,
    inputTokens: counted?.inputTokens ?? 0,
    outputTokens: counted?.outputTokens ?? 0,
    costUsd: counted?.costUsd ?? 0,
    summary: session.result?.text?.trim() || undefined,
  }
}

function checksFailedReason(record: RunRecord, fixAttempts: number): string | undefined {
  if (record.verify.result !== 'failed') return undefined
  const failed = record.verify.attempts.at(-1)?.checks.at(-1)
  if (!failed) return undefined
  const how = failed.timedOut
    ? 'ran past verify_timeout_minutes'
    : failed.signal
      ? `was killed by ${failed.signal}`
      : `exits with status ${failed.exitCode}`
  const fixes = record.verify.attempts.length - 1
  const after =
    fixes === 0
      ? fixAttempts === 0
        ? ' (fix_attempts is 0)'
        : ''
      : ` after ${fixes} fix attempt${fixes === 1 ? '' : 's'}`
  return `${codeSpan(failed.command)} still fails${after}: it ${how}. The work is pushed; the end of its output is under Verification below.`
}

/**
 * Work restored from a lost run's checkpoint is this run's change too: when
 * the agent added nothing to it, the recovered commit is what the run pushed.
 */
function withRecovery(delivery: Delivery, recovery: Recovery | undefined): Delivery {
  if (!recovery || recovery.fallbackReason || delivery.commits.length > 0) return delivery
  const subject = `WIP: recovered from run ${/\/runs\/(\d+)/.exec(recovery.fromRunUrl)?.[1] ?? ''}`
  return {
    ...delivery,
    commits: [{ sha: recovery.commitSha, subject: subject.trim() }],
    files: recovery.changes,
    pushedTo: recovery.pushedTo,
    commitSha: recovery.commitSha,
  }
}

export function outcomeOf(input: {
  task: Task
  links: RunLinks
  record: RunRecord
  sessions: SessionRecord[]
  worker: SessionRecord
  delivery: Delivery
  usage?: ProxyUsage
  review?: PostedReview
  maxFileBytes: number
  fixAttempts: number
  recovery?: Recovery
  continuation?: ContinuationNote
  handover?: { command: string; resumes: boolean }
  spentBeforeUsd?: number
}): Outcome {
  const { record } = input
  const { refused, ...changes } = withRecovery(input.delivery, input.recovery)
  const delivered = !refused && !changes.fallbackReason
  const left = leftOut(changes.excluded, input.maxFileBytes)
  const checks = checksFailedReason(record, input.fixAttempts)
  const reasons = [
    refused,
    changes.fallbackReason,
    left,
    'reason' in record.verdict ? record.verdict.reason : undefined,
    checks,
  ]
  const workerRuns = input.sessions.filter((s) => s.kind !== 'review' && s.kind !== 'report')
  const results = workerRuns.flatMap((s) => (s.result ? [s.result] : []))
  const agent = {
    ...summarize(input.worker.run),
    // The first pass says what was done; the fix rounds' own words are listed with the rounds.
    result: workerRuns[0]?.result ?? input.worker.run.transcript.result,
    denials: results.flatMap((result) => result.permissionDenials),
    reports: results.map((result) => result.text),
    wallMs: workerRuns.reduce((total, s) => total + s.run.wallMs, 0),
    usage: input.usage,
  }
  const lastAttempt = record.verify.attempts.at(-1)
  return {
    conclusion: conclusionFor(record.verdict, {
      changed: changes.commits.length > 0 || left !== undefined,
      delivered,
      incomplete: left !== undefined,
      checksFailed: record.verify.result === 'failed',
    }),
    task: input.task,
    links: input.links,
    reason: reasons.filter(Boolean).join('\n\n') || undefined,
    agent,
    ...changes,
    sessions: input.sessions.map(sessionSummary),
    verification: {
      result: record.verify.result,
      attempts: record.verify.attempts.length,
      checks: (lastAttempt?.checks ?? []).map((check) => ({
        command: check.command,
        passed: check.passed,
        exitCode: check.exitCode,
        signal: check.signal,
        timedOut: check.timedOut,
        durationMs: check.durationMs,
        tail: check.tail,
        lineCount: check.lineCount,
      })),
    },
    review: record.review && {
      verdict: record.review.answer.verdict,
      findings: record.review.answer.findings,
      readable: record.review.readable,
      reviews: record.review.reviews,
      url: input.review?.url,
    },
    rounds: record.rounds,
    recovery: input.recovery,
    stoppedBy: record.verdict.kind === 'limit' ? record.verdict.limit : undefined,
    continuation: input.continuation,
    handover: input.handover,
    spentBeforeUsd: input.spentBeforeUsd,
  }
}
