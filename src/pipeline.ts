// A run, as a short table of stages. Data flows one way: event -> trusted task
// -> workspace -> agent -> verify / review / fix -> deliver -> report. Each
// stage is a module of its own (src/stages/, src/run/ready.ts for the loop);
// side effects live in the modules they call (git/, github/, agent/).

import * as core from '@actions/core'
import { AgentHost, type HostGroundwork } from './agent/host.js'
import { Transcript } from './agent/transcript.js'
import { snapshotConfig } from './git/workspace.js'
import { StatusComment, STATUS_MARKER, type PostedComment } from './github/status-comment.js'
import type { Outcome } from './report/outcome.js'
import { reportFixEnd } from './run/ci-fix.js'
import { outcomeOf } from './run/outcome.js'
import { pickUp } from './run/continuity.js'
import { runToReady } from './run/ready.js'
import { startRun, type RunContext, type Skipped } from './run/start.js'
import type { Settings } from './settings.js'
import type { StageContext } from './stages/context.js'
import { closedWhileWorking, deliverWork } from './stages/deliver.js'
import { answerThreads } from './stages/answer-threads.js'
import { continueIfDue, settleStored } from './stages/finish.js'
import { publishReview } from './stages/post-review.js'
import { prepare, type Prepared } from './stages/prepare.js'
import { reportOnThreads } from './stages/thread-report.js'
import { steerRun, type Steering } from './steer/steering.js'
import { errorMessage } from './util/errors.js'

/** How long commit and push may take before the status comment says it is pushing. */
const SAVING_SHOWN_AFTER_MS = 30_000

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
  /** Called with the outcome as the final report goes (the job summary is written alongside). */
  onOutcome: (outcome: Outcome) => void = () => undefined,
): Promise<PipelineResult> {
  const started = await startRun(settings, runnerEnv, cancelled) // trust, task, status comment
  if (started.kind === 'skipped') return started
  const { run } = started
  const groundwork = startGroundwork(run) // the agent host's part that needs no checkout
  let outcome: Outcome
  try {
    const prepared = await prepare(run) // checkout ∥ first comment, recovery of a lost run's work
    if (prepared.kind === 'skipped') {
      await groundwork.end()
      await run.cleanup()
      return prepared
    }
    outcome = await work(run, prepared, groundwork.ready)
  } catch (error) {
    outcome = {
      conclusion: 'failure',
      task: run.task,
      links: run.links,
      reason: errorMessage(error),
      commits: [],
      files: [],
    }
  }
  const reported = report(run, outcome)
  onOutcome(outcome)
  try {
    return await reported
  } finally {
    // After the report: the removal is synchronous, and would hold the comment's request back.
    await groundwork.end() // nothing of it made in the scratch directory once that is gone
    await run.cleanup() // the agent's user removed (begun when its host closed), scratch gone
  }
}

/**
 * AgentHost.groundwork, made while the workspace is prepared, once the CLI and the workspace's
 * repository are known. `end` makes sure nothing of it is made after (a run that failed or was
 * skipped before its agent), waiting for what it is making: not for a download of the CLI.
 */
function startGroundwork(run: RunContext): {
  ready: Promise<HostGroundwork>
  end: () => Promise<void>
} {
  let ended = false
  let making = false
  const ready = Promise.all([run.claude, run.workspaceRepo]).then(([binary, repo]) => {
    if (ended) throw new Error('The run ended before its agent started.')
    making = true
    return AgentHost.groundwork({
      settings: run.settings,
      binary,
      workspace: run.git.cwd,
      gitDir: repo.gitDir,
      scratch: run.scratch,
      log: core.warning,
    })
  })
  ready.catch(() => undefined) // open() reports it; the CLI and the repository fail first
  return {
    ready,
    end: async () => {
      ended = true
      if (making) await Promise.allSettled([ready])
    },
  }
}

async function work(
  run: RunContext,
  prepared: Prepared,
  groundwork: Promise<HostGroundwork>,
): Promise<Outcome> {
  const { branch } = prepared
  const binary = await run.claude
  run.timings.mark('Claude Code ready')
  const picked = await pickUp(run, prepared) // a lost run's work, a stopped session, the chain
  // Without a user of its own the agent can write .git/config: undo that before git runs again.
  const restoreConfig = await snapshotConfig(run.git, prepared.repo.commonDir)
  const settings = { ...run.settings, maxBudgetUsd: picked.budgetLeft }
  const host = await AgentHost.open({
    settings,
    runnerEnv: run.runnerEnv,
    binary,
    workspace: run.git.cwd,
    gitDir: prepared.repo.gitDir,
    scratch: run.scratch,
    log: core.warning,
    sandbox: run.sandbox,
    groundwork,
  })
  core.info(
    `Agent isolation: ${host.isolation === 'user' ? 'a separate user for this run' : 'none'}`,
  )
  // While it works, a writer's comment reaches the agent, and `/async-pr stop` stops the run.
  let steering: Steering
  try {
    steering = steerRun(run)
  } catch (error) {
    // The host holds the agent's user and the proxy; the error to report is the watcher's.
    await host
      .close()
      .catch((closing: unknown) =>
        core.warning(`Closing the agent's host: ${errorMessage(closing)}`),
      )
    await restoreConfig()
    throw error
  }
  const ctx: StageContext = {
    settings,
    task: picked.task,
    links: run.links,
    host,
    branch,
    status: run.status,
    executionFile: run.executionFile,
    cancelled: steering.signal,
    secretForms: run.secretForms,
    deadline: Date.now() + run.settings.timeoutMs,
    worker: new Transcript(run.git.cwd),
    sessions: [],
    checkpoints: picked.checkpoints,
    spentBeforeUsd: picked.spentBefore,
    resumeSession: picked.resumeSession,
    recoveredNote: picked.recoveredNote,
    steering: steering.inbox,
  }
  // The host closes whatever the watcher does: it holds the agent's user and the proxy.
  const closeAll = async () => {
    await steering
      .close()
      .catch((error: unknown) =>
        core.warning(`Watching the PR ended with an error: ${errorMessage(error)}`),
      )
    await host.close()
    await restoreConfig()
  }
  let record
  let threadReport
  let prState: Promise<string | undefined> | undefined
  try {
    // Still open? Asked once no session of the agent's can follow: while the last is committed.
    const askPrState = () => (prState ??= closedWhileWorking(run))
    const threadsFollow = (ctx.task.reviewThreads ?? []).length > 0
    // agent → verify → fix → review → fix …, one commit per session's work
    record = await core.group('Claude Code', async () =>
      runToReady(ctx, await previousResult(run), threadsFollow ? undefined : askPrState),
    )
    threadReport = await reportOnThreads(ctx, record) // a follow-up's review threads, one by one
    askPrState()
  } catch (error) {
    await closeAll()
    throw error
  }
  const agentMs = ctx.sessions.reduce((total, session) => total + session.run.wallMs, 0)
  run.timings.mark(`agent finished (${agentMs} ms)`)
  // Every process of the agent's is gone (each session ends with the host's killAll) and the
  // commits are in the publish repository, so the push need not wait for the workspace to be
  // handed back and the user removed: it goes while the host closes.
  // A failure to close is held until the push is done, so the report can say both.
  const closed = closeAll().then(
    () => undefined,
    (error: unknown) => errorMessage(error),
  )
  // Said only when the push is slow: a push of a second would spend a write (80 a minute for
  // every run on the token) the final report needs, moments before it.
  run.status.progress('saving', ctx.worker, SAVING_SHOWN_AFTER_MS)
  const delivery = await deliverWork(run, branch, prState).catch(async (error: unknown) => {
    const closing = await closed
    if (closing) core.warning(`Cleaning up after the agent: ${closing}`)
    throw error
  }) // one push: lease, rebase, fallback
  const closeFailure = await closed
  record = { ...record, verdict: steering.verdictOf(record.verdict) }
  const kept = await settleStored(ctx, record.verdict, delivery) // checkpoint gone, session kept if stopped
  const review = await publishReview(run, record, delivery) // the findings as a PR review
  const continuation = await continueIfDue(run, record.verdict, delivery, picked.number)
  const threads = await answerThreads(run, threadReport, delivery) // replies; resolve what was fixed
  const worker = ctx.sessions.find((session) => session.kind !== 'review') ?? ctx.sessions[0]
  if (!worker) throw new Error('The agent did not run.')
  const outcome = outcomeOf({
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
    spentBeforeUsd: picked.spentBefore,
  })
  const reported = threads ? { ...outcome, threads } : outcome
  if (!closeFailure) return reported
  // The work is on its branch; the workspace may not be as the job's later steps expect.
  const why = `Cleaning up after the agent failed, after its work was pushed: ${closeFailure}`
  return {
    ...reported,
    conclusion: 'failure',
    reason: reported.reason ? `${reported.reason} ${why}` : why,
  }
}

async function report(run: RunContext, outcome: Outcome): Promise<PipelineResult> {
  // The outputs and the job summary still tell the story if GitHub refuses the comment.
  const comment = await run.status.finish(outcome, run.cancelled).catch((error: unknown) => {
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
