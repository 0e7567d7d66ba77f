// Stage: after the push, each review thread the follow-up was given gets its
// answer: a thread the agent reports addressed, with the work on the PR's
// branch, gets a reply saying what changed (with the commit) and is resolved;
// any other gets a reply saying why and stays open. No readable report, no
// replies at all (the status comment says why). Best effort: a refused write
// is reported, the rest go on.

import * as core from '@actions/core'
import type { Delivery } from '../git/deliver.js'
import {
  replyInThread,
  resolveThread,
  type PullRef,
  type ReviewThread,
} from '../github/review-threads.js'
import { statusOf } from '../github/client.js'
import { threadLabel } from '../prompts/threads.js'
import { redactForPublishing } from '../report/redact.js'
import { threadReply, type ThreadReply, type ThreadsSummary } from '../report/thread-reply.js'
import type { RunContext } from '../run/start.js'
import { errorMessage } from '../util/errors.js'
import type { ThreadReport } from './thread-report.js'
import type { ThreadAnswer } from './thread-report-answer.js'

function replyFor(
  answer: ThreadAnswer | undefined,
  delivery: Delivery,
  commitUrl: (sha: string) => string,
): ThreadReply {
  if (!answer) return { kind: 'not_reported' }
  if (!answer.addressed) return { kind: 'not_addressed', why: answer.what }
  const why = delivery.refused ?? delivery.fallbackReason
  if (why) return { kind: 'not_on_branch', what: answer.what, why }
  const sha = delivery.commits.length > 0 ? delivery.commitSha : undefined
  return {
    kind: 'addressed',
    what: answer.what,
    commit: sha ? { sha, url: commitUrl(sha) } : undefined,
  }
}

function refusal(action: string, thread: ReviewThread, error: unknown): string {
  const status = statusOf(error)
  const hint =
    action === 'resolve' &&
    (status === 403 || /FORBIDDEN|not accessible/i.test(errorMessage(error)))
      ? ' (resolving needs `contents: write` and `pull-requests: write` for the workflow token)'
      : ''
  return `Could not ${action} the thread on ${thread.path}: ${errorMessage(error)}${hint}`
}

export async function answerThreads(
  run: RunContext,
  report: ThreadReport | undefined,
  delivery: Delivery,
): Promise<ThreadsSummary | undefined> {
  const threads = run.task.reviewThreads ?? []
  if (!report || threads.length === 0) return undefined
  const summary: ThreadsSummary = { total: threads.length, resolved: 0, replied: 0, failures: [] }
  if (report.kind === 'none') return { ...summary, why: report.why }
  const pr: PullRef = { owner: run.task.owner, repo: run.task.repo, number: run.task.prNumber }
  const repoUrl = `${run.settings.serverUrl}/${pr.owner}/${pr.repo}`
  for (const [index, thread] of threads.entries()) {
    const answer = report.answers.find((entry) => entry.id === threadLabel(index))
    const reply = replyFor(answer, delivery, (sha) => `${repoUrl}/commit/${sha}`)
    const body = redactForPublishing(threadReply(reply, run.links.runUrl), run.secretForms).text
    try {
      await replyInThread(run.github, pr, thread, body)
      summary.replied++
    } catch (error) {
      summary.failures.push(refusal('reply in', thread, error))
      continue
    }
    if (reply.kind !== 'addressed') continue
    try {
      if (await resolveThread(run.github, run.settings.graphqlUrl, thread)) summary.resolved++
    } catch (error) {
      summary.failures.push(refusal('resolve', thread, error))
    }
  }
  for (const failure of summary.failures) core.warning(failure)
  return summary
}
