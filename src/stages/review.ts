// Stage: an independent review of the run's change. A separate Claude Code
// session with a fresh context and read-only tools reads the task, its
// acceptance criteria and the diff, and answers in a fixed JSON shape. An
// answer that does not fit is asked for once more, then counted as changes
// requested: an unreadable review is never an approval.

import { reviewerArgs } from '../agent/command.js'
import { judgeAgentRun } from '../agent/judge.js'
import { Transcript } from '../agent/transcript.js'
import { reviewPrompt } from '../prompts/review.js'
import { redactSecrets } from '../util/secrets.js'
import { progressFor, remainingMs, sessionLimits, type StageContext } from './context.js'
import {
  readReviewAnswer,
  REVIEW_SCHEMA,
  unreadableReview,
  type ReviewAnswer,
} from './review-answer.js'

export interface ReviewRound {
  answer: ReviewAnswer
  /** False when the reviewer's answer could not be read (then it counts as changes requested). */
  readable: boolean
}

const ASK_AGAIN =
  'Your answer did not reach async-pr in the required shape. Call the StructuredOutput tool now with `verdict` and `findings` as described.'

/** The run's change as a diff against where the run started, from the publish repository. */
async function changeSoFar(ctx: StageContext): Promise<{ diff: string; files: string[] }> {
  const git = ctx.branch.publish.git
  const range = [ctx.branch.base, ctx.branch.head]
  const common = ['--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=all']
  const [diff, names] = await Promise.all([
    git.output(['diff', ...common, ...range]),
    git.output(['diff', '--name-only', '-z', ...common, ...range]),
  ])
  return { diff, files: names.split('\0').filter(Boolean) }
}

export async function review(ctx: StageContext, cycle: number): Promise<ReviewRound> {
  const { diff, files } = await changeSoFar(ctx)
  const transcript = new Transcript(ctx.branch.workTree)
  let sessionId: string | undefined
  for (let attempt = 1; attempt <= 2; attempt++) {
    const run = await ctx.host.runClaude({
      args: reviewerArgs(ctx.settings, {
        jsonSchema: REVIEW_SCHEMA,
        limits: sessionLimits(ctx),
        resume: sessionId,
      }),
      prompt:
        attempt === 1
          ? reviewPrompt(ctx.task, redactSecrets(diff, ctx.secretForms), files)
          : ASK_AGAIN,
      executionFile: ctx.executionFile,
      timeoutMs: Math.max(1_000, remainingMs(ctx)),
      transcript,
      onProgress: progressFor(ctx, { stage: 'reviewing', cycle }, transcript),
      signal: ctx.cancelled,
      redact: (line) => redactSecrets(line, ctx.secretForms),
    })
    const verdict = judgeAgentRun(run, {
      timeoutMs: ctx.settings.timeoutMs,
      maxTurns: ctx.settings.maxTurns,
      maxBudgetUsd: ctx.settings.maxBudgetUsd,
    })
    ctx.sessions.push({
      kind: 'review',
      label: attempt === 1 ? `review ${cycle}` : `review ${cycle}, asked again`,
      run,
      verdict,
      result: run.transcript.result,
    })
    const answer = readReviewAnswer(run.transcript.result?.structured)
    if (answer) return { answer, readable: true }
    if (verdict.kind !== 'completed') {
      return {
        answer: unreadableReview(`The reviewer stopped: ${verdict.reason}`),
        readable: false,
      }
    }
    sessionId = run.transcript.sessionId
    if (!sessionId) break
  }
  return {
    answer: unreadableReview(
      'The reviewer answered twice, but not in the review’s required shape.',
    ),
    readable: false,
  }
}
