// Thin: settings -> pipeline -> outputs, job summary, exit status. What leaves
// here is without credentials (the run's own and secret-shaped ones), and
// every value is logged on one line of its own.

import * as core from '@actions/core'
import { runPipeline, type PipelineResult } from './pipeline.js'
import { accountingOf } from './report/accounting.js'
import { redact, redactForPublishing } from './report/redact.js'
import { renderSkipSummary, renderSummary } from './report/summary.js'
import { readSettings, secretsOf } from './settings.js'
import { actionContext } from './github/run-context.js'
import { errorMessage } from './util/errors.js'
import { oneLine } from './util/sanitize.js'
import { secretForms } from './util/secrets.js'

const OUTPUTS = [
  'conclusion',
  'skip_reason',
  'commit_sha',
  'comment_id',
  'comment_url',
  'session_id',
  'cost_usd',
  'num_turns',
  'duration_ms',
  'execution_file',
  'verify_result',
  'review_verdict',
  'rounds',
] as const
type OutputName = (typeof OUTPUTS)[number]

/** The outputs, each one line without credentials (`knownSecrets`: the run's, see secretForms). */
export function outputsOf(
  result: PipelineResult,
  knownSecrets: readonly string[] = [],
): Record<OutputName, string> {
  const outputs = rawOutputsOf(result)
  for (const name of OUTPUTS) outputs[name] = oneLine(redact(outputs[name], knownSecrets).text)
  return outputs
}

function rawOutputsOf(result: PipelineResult): Record<OutputName, string> {
  const outputs = Object.fromEntries(OUTPUTS.map((name) => [name, ''])) as Record<
    OutputName,
    string
  >
  if (result.kind === 'skipped') {
    outputs.conclusion = 'skipped'
    outputs.skip_reason = result.reason
    outputs.verify_result = 'not_run'
    outputs.review_verdict = 'not_run'
    outputs.rounds = '0'
    return outputs
  }
  const { outcome, comment } = result
  const agentResult = outcome.agent?.result
  outputs.conclusion = outcome.conclusion
  outputs.commit_sha = outcome.commitSha ?? ''
  outputs.comment_id = comment ? String(comment.id) : ''
  outputs.comment_url = comment?.url ?? ''
  outputs.session_id = agentResult?.sessionId || outcome.agent?.sessionId || ''
  const counted = accountingOf(outcome.agent)
  outputs.cost_usd = counted ? String(counted.costUsd) : ''
  outputs.num_turns = counted ? String(counted.turns) : ''
  outputs.duration_ms = outcome.agent ? String(outcome.agent.wallMs || agentResult?.durationMs) : ''
  outputs.execution_file = result.executionFile ?? ''
  outputs.verify_result = outcome.verification?.result ?? 'not_run'
  outputs.review_verdict = outcome.review?.verdict ?? 'not_run'
  outputs.rounds = String(outcome.rounds ?? 0)
  return outputs
}

/** The job summary, without credentials; a failure to write it is a warning. */
async function writeSummary(text: string, knownSecrets: readonly string[]): Promise<void> {
  const summary = redactForPublishing(text, knownSecrets)
  if (summary.kinds.length > 0)
    core.warning(
      `async-pr removed ${summary.kinds.join(', ')} from its report (the status comment and the job summary): the agent read or wrote it.`,
    )
  await core.summary
    .addRaw(summary.text)
    .write()
    .catch((error: unknown) =>
      core.warning(`Could not write the job summary: ${errorMessage(error)}`),
    )
}

/**
 * When the job is cancelled the runner signals the process (SIGINT, then
 * SIGTERM) and kills it seconds later: stop the agent, save its work, report.
 */
function cancellation(): AbortSignal {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    core.warning(
      `Received ${signal}: stopping the agent, pushing its work in progress, and reporting.`,
    )
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return controller.signal
}

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  const cancelled = cancellation()
  try {
    const settings = readSettings(env, actionContext())
    for (const secret of secretsOf(settings)) core.setSecret(secret)
    const knownSecrets = secretForms(secretsOf(settings))
    // The job summary tells the outcome, not the comment: it is written while the comment goes.
    let summaryWritten: Promise<void> | undefined
    const result = await runPipeline(settings, env, cancelled, (outcome) => {
      summaryWritten = writeSummary(renderSummary(outcome), knownSecrets)
    })
    const outputs = outputsOf(result, knownSecrets)
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, value)
      if (value) core.info(`${name} = ${value}`)
    }
    if (result.kind === 'skipped') {
      core.notice(`Skipped: ${redact(result.message, knownSecrets).text}`)
      await writeSummary(renderSkipSummary(result.reason, result.message), knownSecrets)
      return
    }
    core.info(`Progress updates of the status comment: ${result.progressUpdates ?? 0}`)
    await (summaryWritten ?? writeSummary(renderSummary(result.outcome), knownSecrets))
    if (!['success', 'no_changes'].includes(result.outcome.conclusion)) {
      const reason = result.outcome.reason ?? `async-pr ended with ${result.outcome.conclusion}`
      core.setFailed(redact(reason, knownSecrets).text)
    }
  } catch (error) {
    core.setOutput('conclusion', 'failure')
    core.setFailed(errorMessage(error))
  }
}
