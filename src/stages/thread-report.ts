// Stage: after the work, the worker reports on each review thread it was
// given. Its own conversation is resumed (it knows what it did) with read-only
// tools and a structured answer (`--json-schema`, as the reviewer answers):
// thread by thread, addressed or not, and what changed or why not. An answer
// that does not fit is asked for once more; then there is no report.

import { reviewerArgs } from '../agent/command.js'
import { judgeAgentRun } from '../agent/judge.js'
import { Transcript } from '../agent/transcript.js'
import { threadLabel } from '../prompts/threads.js'
import type { RunRecord } from '../run/ready.js'
import { redactSecrets } from '../util/secrets.js'
import { outOfRoom, progressFor, remainingMs, sessionLimits, type StageContext } from './context.js'
import { readThreadReport, threadReportSchema, type ThreadAnswer } from './thread-report-answer.js'

export type ThreadReport =
  | { kind: 'report'; answers: ThreadAnswer[] }
  /** No report: nothing is resolved, and the status comment says why. */
  | { kind: 'none'; why: string }

function reportPrompt(ids: readonly string[]): string {
  return [
    `Report on the review threads you were given (${ids.join(', ')}), one entry per thread, with`,
    'the StructuredOutput tool: `addressed` is true only when your change does what the thread',
    'asks; `what` says what you changed for it, or why you did not change anything. This is a',
    'report only: do not change any file now.',
  ].join('\n')
}

const ASK_AGAIN =
  'Your report did not reach async-pr in the required shape. Call the StructuredOutput tool now with `threads` as described.'

export async function reportOnThreads(
  ctx: StageContext,
  record: RunRecord,
): Promise<ThreadReport | undefined> {
  const threads = ctx.task.reviewThreads ?? []
  if (threads.length === 0) return undefined
  if (record.verdict.kind !== 'completed')
    return { kind: 'none', why: `the work did not finish (${record.verdict.kind})` }
  const ids = threads.map((_, index) => threadLabel(index))
  const transcript = new Transcript(ctx.branch.workTree)
  let resume = ctx.worker.result?.sessionId || ctx.worker.sessionId
  for (let attempt = 1; attempt <= 2; attempt++) {
    const stop = outOfRoom(ctx)
    if (stop) return { kind: 'none', why: 'reason' in stop ? stop.reason : stop.kind }
    if (!resume) break
    const run = await ctx.host.runClaude({
      args: reviewerArgs(ctx.settings, {
        jsonSchema: threadReportSchema(ids),
        limits: sessionLimits(ctx),
        resume,
      }),
      prompt: attempt === 1 ? reportPrompt(ids) : ASK_AGAIN,
      executionFile: ctx.executionFile,
      timeoutMs: Math.max(1_000, remainingMs(ctx)),
      transcript,
      onProgress: progressFor(ctx, { stage: 'reporting-threads', threads: ids.length }, transcript),
      signal: ctx.cancelled,
      redact: (line) => redactSecrets(line, ctx.secretForms),
    })
    const verdict = judgeAgentRun(run, {
      timeoutMs: ctx.settings.timeoutMs,
      maxTurns: ctx.settings.maxTurns,
      maxBudgetUsd: ctx.settings.maxBudgetUsd,
    })
    ctx.sessions.push({
      kind: 'report',
      label: attempt === 1 ? 'review threads report' : 'review threads report, asked again',
      run,
      verdict,
      result: run.transcript.result,
    })
    const answers = readThreadReport(run.transcript.result?.structured, ids)
    if (answers) return { kind: 'report', answers }
    if (verdict.kind !== 'completed') return { kind: 'none', why: verdict.reason }
    resume = run.transcript.sessionId ?? resume
  }
  return { kind: 'none', why: 'the agent’s report on the threads could not be read' }
}
