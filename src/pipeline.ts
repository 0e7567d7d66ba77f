// A run, as a short table of stages. Data flows one way: event -> trusted task
// -> workspace -> agent -> verify / review / fix -> deliver -> report. Each
// stage is a module of its own (src/stages/, src/run/ready.ts for the loop);
// side effects live in the modules they call (git/, github/, agent/).

import * as core from '@actions/core'
import { AgentHost } from './agent/host.js'
import { restoreTranscript } from './agent/session-store.js'
import { Transcript } from './agent/transcript.js'
import { Checkpoints } from './git/checkpoint.js'
import { snapshotConfig } from './git/workspace.js'
import { StatusComment, STATUS_MARKER, type PostedComment } from './github/status-comment.js'
import type { Outcome } from './report/outcome.js'
import { reportFixEnd } from './run/ci-fix.js'
import { outcomeOf } from './run/outcome.js'
import { recoveredNote } from './prompts/continue.js'
import { recoveryLine, renderLostRun } from './report/recovery.js'
import { runToReady } from './run/ready.js'
import { startRun, type RunContext, type Skipped } from './run/start.js'
import type { Settings } from './settings.js'
import type { StageContext } from './stages/context.js'
import { deliverWork } from './stages/deliver.js'
import { continueIfDue, settleStored } from './stages/finish.js'
import { publishReview } from './stages/post-review.js'
import { prepare, type Prepared } from './stages/prepare.js'
import { errorMessage } from './util/errors.js'

export type PipelineResult =
  | Skipped
  | {
      kind: 'ran'
      outcome: Outcome
      comment?: PostedComment
      executionFile?: string
      progressUpdates?: number
    }

export async function runPipeline(
  settings: Settings,
  runnerEnv: Record<string, string | undefined>,
  cancelled: AbortSignal = new AbortController().signal,
): Promise<PipelineResult> {
  const started = await startRun(settings, runnerEnv, cancelled) // trust, task, status comment
  if (started.kind === 'skipped') return started
  const { run } = started
  let outcome: Outcome
  try {
    const prepared = await prepare(run) // checkout ∥ first comment, recovery of a lost run's work
    if (prepared.kind === 'skipped') return prepared
    outcome = await work(run, prepared)
  } catch (error) {
    outcome = {
      conclusion: 'failure',
      task: run.task,
      links: run.links,
      reason: errorMessage(error),
      commits: [],
      files: [],
    }
  } finally {
    await run.cleanup()
  }
  return report(run, outcome)
}

async function work(run: RunContext, prepared: Prepared): Promise<Outcome> {
  const { branch } = prepared
  const binary = await run.claude
  run.timings.mark('Claude Code ready')
  const chain = chainOf(run, prepared)
  if (prepared.recovery) {
    // The lost run's own comment stops saying "working".
    await run.status
      .settleLostRun(
        prepared.recovery.statusComment,
        prepared.recovery.fromRunUrl,
        renderLostRun(prepared.recovery, run.links, run.task),
      )
      .catch((error: unknown) =>
        core.warning(`Could not update the lost run's comment: ${errorMessage(error)}`),
      )
  }
  if (prepared.session) {
    const { meta, transcript } = prepared.session
    await restoreTranscript(AgentHost.configDirOf(run.scratch), run.git.cwd, meta, transcript)
  }
  // Without a user of its own the agent can write .git/config: undo that before git runs again.
  const restoreConfig = await snapshotConfig(run.git)
  const settings = { ...run.settings, maxBudgetUsd: chain.budgetLeft }
  const host = await AgentHost.open({
    settings,
    runnerEnv: run.runnerEnv,
    binary,
    workspace: run.git.cwd,
    gitDir: await run.git.output(['rev-parse', '--absolute-git-dir']),
    scratch: run.scratch,
    log: core.warning,
  })
  core.info(
    `Agent isolation: ${host.isolation === 'user' ? 'a separate user for this run' : 'none'}`,
  )
  // A dispatched continuation's commits carry its number: the next one counts from them.
  const task =
    chain.number > 0
      ? { ...run.task, continuation: { ...run.task.continuation, number: chain.number } }
      : run.task
  const ctx: StageContext = {
    settings,
    task,
    links: run.links,
    host,
    branch,
    status: run.status,
    executionFile: run.executionFile,
    cancelled: run.cancelled,
    secretForms: run.secretForms,
    deadline: Date.now() + run.settings.timeoutMs,
    worker: new Transcript(run.git.cwd),
    sessions: [],
    // checkpoint_minutes 0: nothing of the run is kept on the server, no session either.
    checkpoints:
      run.settings.checkpointMs > 0
        ? new Checkpoints(
            branch,
            {
              prNumber: run.task.prNumber,
              runUrl: run.links.runUrl,
              statusComment: run.task.followUp ? String(run.task.followUp.commentId) : 'main',
            },
            prepared.stored,
          )
        : undefined,
    spentBeforeUsd: chain.spentBefore,
    resumeSession: prepared.session?.meta.sessionId,
    recoveredNote:
      prepared.recovery &&
      recoveredNote(
        prepared.recovery.fromRunUrl,
        prepared.recovery.commitSha,
        prepared.recovery.files,
      ),
  }
  let record
  try {
    // agent → verify → fix → review → fix …, one commit per session's work
    record = await core.group('Claude Code', async () => runToReady(ctx, await previousResult(run)))
  } finally {
    await host.close()
    await restoreConfig()
  }
  const agentMs = ctx.sessions.reduce((total, session) => total + session.run.wallMs, 0)
  run.timings.mark(`agent finished (${agentMs} ms)`)
  run.status.progress('saving', ctx.worker)
  const delivery = await deliverWork(run, branch) // one push: lease, rebase, fallback
  const kept = await settleStored(ctx, record.verdict, delivery) // checkpoint gone, session kept if stopped
  const review = await publishReview(run, record, delivery) // the findings as a PR review
  const continuation = await continueIfDue(run, record.verdict, delivery, chain.number)
  const worker = ctx.sessions.find((session) => session.kind !== 'review') ?? ctx.sessions[0]
  if (!worker) throw new Error('The agent did not run.')
  return outcomeOf({
    task: run.task,
    links: run.links,
    record,
    sessions: ctx.sessions,
    worker: { ...worker, run: { ...worker.run, transcript: ctx.worker } },
    delivery,
    usage: host.usage(),
    review,
    maxFileBytes: run.settings.maxFileBytes,
    fixAttempts: run.settings.fixAttempts,
    recovery: prepared.recovery,
    continuation,
    handover: { command: `${run.settings.triggerPrefix} continue`, resumes: kept.sessionSaved },
    spentBeforeUsd: chain.spentBefore,
  })
}

/**
 * Where this run stands in a chain of continuations: which one it is, what the
 * chain spent before it (from the dispatching run's own report), what is left
 * of max_budget_usd for it. Also says so on the status comment.
 */
function chainOf(run: RunContext, prepared: Prepared) {
  const number = prepared.continuationNumber ?? 0
  const spentBefore =
    number > 0 ? (run.status.chainCostBefore(run.task.continuation?.fromRunId) ?? 0) : 0
  const max = run.settings.maxBudgetUsd
  const budgetLeft =
    max === undefined ? undefined : Math.max(0.0001, Math.round((max - spentBefore) * 1e4) / 1e4)
  if (number > 0) {
    run.status.note(
      `🔁 This run is **continuing (${number} of ${run.settings.maxContinuations})**: the earlier run stopped on its time or turns and started this one, which ${prepared.session ? 'resumes its session' : 'starts afresh from its report'}.${spentBefore > 0 ? ` Spent so far across the chain: $${spentBefore.toFixed(4)}.` : ''}`,
    )
  }
  if (prepared.recovery)
    run.status.note(recoveryLine(prepared.recovery, run.links.serverUrl, run.task))
  return { number, spentBefore, budgetLeft }
}

async function report(run: RunContext, outcome: Outcome): Promise<PipelineResult> {
  // The outputs and the job summary still tell the story if GitHub refuses the comment.
  const comment = await run.status.finish(outcome).catch((error: unknown) => {
    core.warning(`Could not post the final status comment: ${errorMessage(error)}`)
    return undefined
  })
  run.timings.mark('final report')
  if (run.ciFix) {
    await reportFixEnd(run.ciFix.ciLine, run.task, outcome, comment?.url).catch((error: unknown) =>
      core.warning(`Could not update the CI line: ${errorMessage(error)}`),
    )
  }
  return {
    kind: 'ran',
    outcome,
    comment,
    executionFile: run.executionFile,
    progressUpdates: run.status.updatesSent,
  }
}

/** A follow-up's or continuation's context: what the PR's status comment reported, without its hidden lines. */
async function previousResult({ github, task, status }: RunContext): Promise<string | undefined> {
  if (!task.followUp && !task.continuation) return undefined
  const issue = { owner: task.owner, repo: task.repo, issueNumber: task.prNumber }
  const main = new StatusComment(github, issue, STATUS_MARKER, status.comments)
  await main.find()
  return main.previousText
    ?.split('\n')
    .filter((line) => !line.startsWith('<!-- async-pr:'))
    .join('\n')
}
