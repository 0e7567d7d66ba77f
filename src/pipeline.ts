// The one-way flow: event -> trusted task -> workspace -> agent session ->
// commit/push -> report. Each phase is a function of what the previous one
// produced; side effects live in the modules it calls (git/, github/, agent/).

import * as core from '@actions/core'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { judgeAgentRun } from './agent/judge.js'
import { locateClaude } from './agent/locate.js'
import type { AgentRun } from './agent/run.js'
import { runSession } from './agent/session.js'
import type { Transcript } from './agent/transcript.js'
import type { Task } from './event.js'
import { authEnv, remoteUrl } from './git/auth.js'
import { TaskBranch } from './git/branch.js'
import { deliver } from './git/deliver.js'
import { createGit, prepareGitHome, type Git } from './git/git.js'
import { PublishRepo, upstreamRef } from './git/publish.js'
import {
  checkoutHead,
  taskDeliveredBy,
  removePersistedCredentials,
  snapshotConfig,
} from './git/workspace.js'
import { createGitHub, type GitHub } from './github/client.js'
import { StatusComment, STATUS_MARKER, type PostedComment } from './github/status-comment.js'
import { buildPrompt } from './prompt.js'
import { describeToolCall } from './report/describe.js'
import type { Outcome, RunLinks } from './report/outcome.js'
import { LiveStatus } from './run/live-status.js'
import { ciFixOptions, reportFixEnd, resolveWorkflowRun, type CiFixRun } from './run/ci-fix.js'
import { resolveTask } from './run/resolve.js'
import { commitMessage, conclusionFor, leftOut, summarize } from './run/verdict.js'
import { secretsOf, type Settings } from './settings.js'
import { initBinaries } from './util/binaries.js'
import { errorMessage } from './util/errors.js'
import { redactSecrets, secretForms } from './util/secrets.js'
import { logSafe } from './util/sanitize.js'

export type PipelineResult =
  | { kind: 'skipped'; reason: string; message: string }
  | {
      kind: 'ran'
      outcome: Outcome
      comment?: PostedComment
      executionFile?: string
      progressUpdates?: number
    }

/** Wall-clock milestones, logged so the action's own overhead can be measured. */
class Timings {
  private readonly start = Date.now()
  private last = this.start
  mark(phase: string): void {
    const now = Date.now()
    core.info(`async-pr timing: ${phase} ${now - this.last} ms (total ${now - this.start} ms)`)
    this.last = now
  }
}

interface RunContext {
  settings: Settings
  runnerEnv: Record<string, string | undefined>
  task: Task
  links: RunLinks
  github: GitHub
  status: LiveStatus
  /** git in the workspace: no credential ever (see src/git/README.md). */
  git: Git
  /** The clean repository that alone holds the PAT while fetching and pushing. */
  publish: PublishRepo
  /** The run's own secrets in every form they could be written down. */
  secretForms: string[]
  scratch: string
  /** Inside scratch, closed to the agent: the publish repository, git's home, the snapshot index. */
  actionDir: string
  executionFile: string
  timings: Timings
  /** The Claude Code binary, being located or installed. */
  claude: Promise<string>
  /** Aborted when the job is cancelled. */
  cancelled: AbortSignal
}

export async function runPipeline(
  settings: Settings,
  runnerEnv: Record<string, string | undefined>,
  cancelled: AbortSignal = new AbortController().signal,
): Promise<PipelineResult> {
  const timings = new Timings()
  // Before anything runs: every program the action starts, from PATH entries the agent cannot write.
  initBinaries(runnerEnv.PATH, [settings.workspace, settings.runnerTemp])
  const payload: unknown = JSON.parse(await readFile(settings.eventPath, 'utf8'))
  const github = createGitHub({
    token: settings.commentToken,
    baseUrl: settings.apiUrl,
    log: core.warning,
    debug: core.debug,
  })
  // The run's own secrets in every form they could be written down: kept out of all it publishes.
  const knownSecrets = secretForms(secretsOf(settings))
  // CI finished (workflow_run): a fix continues as a normal run with CI's failure in its
  // task; everything else (a pass, a person's commit, attempts used up) ends here.
  const resolved =
    settings.eventName === 'workflow_run'
      ? await resolveWorkflowRun(github, payload, ciFixOptions(settings, knownSecrets))
      : await resolveTask(github, settings.eventName, payload, {
          prefix: settings.triggerPrefix,
          allowedBots: settings.allowedBots,
        })
  if (resolved.kind === 'skipped') return resolved
  const task = resolved.task
  const ciFix = 'ciLine' in resolved ? (resolved as CiFixRun) : undefined
  timings.mark('trust checked')

  // Provisioning the CLI (a download on a fresh runner) runs alongside the
  // first comment and the checkout: none of them waits for it.
  const claude = locateClaude({
    claudePath: settings.claudePath,
    version: settings.claudeCodeVersion,
    toolCache: settings.toolCache,
    searchPath: runnerEnv.PATH,
    log: core.info,
  })
  claude.catch(() => undefined)

  const { owner, repo } = settings.repository
  const links: RunLinks = {
    serverUrl: settings.serverUrl,
    runUrl: `${settings.serverUrl}/${owner}/${repo}/actions/runs/${settings.runId}`,
  }
  const status = new LiveStatus(
    github,
    task,
    links,
    settings.progressIntervalMs,
    core.warning,
    knownSecrets,
    ciFix?.comments,
  )
  if (task.followUp && (await status.alreadyAnswered())) {
    return {
      kind: 'skipped',
      reason: 'already_done',
      message: 'This instruction was already answered.',
    }
  }

  // Not under RUNNER_TEMP: that stays closed to the agent while it runs.
  const scratch = await mkdtemp(path.join(tmpdir(), 'async-pr-'))
  const executionDir = path.join(settings.runnerTemp, 'async-pr')
  await mkdir(executionDir, { recursive: true })
  // The action's own files (its git config, the publish repository): never the agent's to read.
  const actionDir = path.join(scratch, 'action')
  await mkdir(actionDir, { mode: 0o700 })
  const gitHome = prepareGitHome(actionDir)
  const context: RunContext = {
    settings,
    runnerEnv,
    task,
    links,
    github,
    status,
    git: createGit({ cwd: settings.workspace }, gitHome),
    publish: await PublishRepo.create(actionDir, gitHome, {
      url: remoteUrl(settings.serverUrl, task.owner, task.repo),
      auth: authEnv(settings.serverUrl, settings.pushToken),
    }),
    secretForms: knownSecrets,
    scratch,
    actionDir,
    executionFile: path.join(
      executionDir,
      `execution-${task.prNumber}-${settings.runId}-${settings.runAttempt}.jsonl`,
    ),
    timings,
    claude,
    cancelled,
  }

  let outcome: Outcome
  try {
    // The checkout and the first comment do not wait for each other.
    const [prepared] = await Promise.all([
      prepareWorkspace(context).catch((error: unknown) => ({ error })),
      status.start().then(() => timings.mark('first comment posted')),
    ])
    if ('error' in prepared) throw prepared.error
    if (prepared.delivered && !task.followUp && !task.ciFix) {
      // A re-run, a double trigger or a reopened PR: the work is on the branch already.
      await status.alreadyDone(prepared.delivered)
      return {
        kind: 'skipped',
        reason: 'already_done',
        message: `The branch already has this task's commits (${prepared.delivered}). Comment \`${settings.triggerPrefix} <instruction>\` to ask for more.`,
      }
    }
    timings.mark('workspace prepared')
    outcome = await work(context, prepared.branch)
  } catch (error) {
    outcome = {
      conclusion: 'failure',
      task,
      links,
      reason: errorMessage(error),
      commits: [],
      files: [],
    }
  } finally {
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined)
  }

  // The outputs and the job summary still tell the story if GitHub refuses the comment.
  const comment = await status.finish(outcome).catch((error: unknown) => {
    core.warning(`Could not post the final status comment: ${errorMessage(error)}`)
    return undefined
  })
  timings.mark('final report')
  if (ciFix) {
    await reportFixEnd(ciFix.ciLine, task, outcome, comment?.url).catch((error: unknown) =>
      core.warning(`Could not update the CI line: ${errorMessage(error)}`),
    )
  }
  return {
    kind: 'ran',
    outcome,
    comment,
    executionFile: context.executionFile,
    progressUpdates: status.updatesSent,
  }
}

/**
 * Puts the workspace on the PR branch, without the credentials checkout left.
 * Returns the run that already delivered this event's task, if the branch has
 * its commits (a re-run, or a second trigger for the same push).
 */
async function prepareWorkspace(context: RunContext): Promise<Prepared> {
  const { git, publish, task, settings } = context
  return core.group('Prepare the workspace', async () => {
    const keys = await removePersistedCredentials(git)
    if (keys.length > 0) core.info(`Removed persisted git credentials: ${keys.join(', ')}`)
    await checkoutHead(git, publish, { headRef: task.headRef, headSha: task.headSha })
    core.info(`On ${task.headRef} at ${task.headSha}`)
    const delivered = await taskDeliveredBy(publish.git, upstreamRef(task.headRef), task.prNumber)
    const commonDir = await git.output(['rev-parse', '--path-format=absolute', '--git-common-dir'])
    const branch = await TaskBranch.start({
      publish,
      workspaceIndex: path.join(commonDir, 'index'),
      scratch: context.actionDir,
      workTree: settings.workspace,
      branch: task.headRef,
      base: task.headSha,
      policy: {
        maxFileBytes: settings.maxFileBytes,
        allowWorkflowChanges: settings.allowWorkflowChanges,
        knownSecretForms: context.secretForms,
      },
    })
    return { delivered, branch }
  })
}

interface Prepared {
  /** The run that already delivered this task, when the branch has its commits. */
  delivered?: string
  branch: TaskBranch
}

async function work(context: RunContext, branch: TaskBranch): Promise<Outcome> {
  const { settings, task, links, timings, status } = context
  const binary = await context.claude
  timings.mark('Claude Code ready')

  const run = await core.group('Claude Code', () => runClaude(context, binary))
  timings.mark(`agent finished (${run.wallMs} ms)`)
  const verdict = judgeAgentRun(run, {
    timeoutMs: settings.timeoutMs,
    maxTurns: settings.maxTurns,
    maxBudgetUsd: settings.maxBudgetUsd,
  })

  status.progress('saving', run.transcript)
  const closed = await closedWhileWorking(context.github, task)
  const delivery = await core.group('Commit and push', async () => {
    await branch.commit(commitMessage(task, links, verdict))
    return deliver(branch, {
      fallbackBranch: `async-pr/${task.prNumber}-${settings.runId}-${settings.runAttempt}`,
      forceFallback: closed,
    })
  })
  timings.mark('commit and push')
  const { refused, ...changes } = delivery
  const delivered = !refused && !changes.fallbackReason
  const left = leftOut(changes.excluded, settings.maxFileBytes)
  const reasons = [
    refused,
    changes.fallbackReason,
    left,
    'reason' in verdict ? verdict.reason : undefined,
  ]
  return {
    conclusion: conclusionFor(verdict, {
      changed: changes.commits.length > 0 || left !== undefined,
      delivered,
      incomplete: left !== undefined,
    }),
    task,
    links,
    reason: reasons.filter(Boolean).join('\n\n') || undefined,
    agent: summarize(run),
    ...changes,
  }
}

async function runClaude(context: RunContext, binary: string): Promise<AgentRun> {
  const { git, status, task } = context
  // With a separate user the agent cannot write .git at all; without one, undo
  // whatever it writes into .git/config before git runs again.
  const restoreConfig = await snapshotConfig(git)
  let logged = 0
  const onProgress = (transcript: Transcript) => {
    const calls = transcript.toolCalls
    const fresh = Math.min(transcript.toolCallCount - logged, calls.length)
    for (const call of calls.slice(calls.length - fresh)) {
      core.info(logSafe(redactSecrets(describeToolCall(call), context.secretForms)))
    }
    logged = transcript.toolCallCount
    status.progress('working', transcript)
  }
  try {
    const previous = task.followUp ? await previousResult(context) : undefined
    const session = await runSession({
      settings: context.settings,
      runnerEnv: context.runnerEnv,
      binary,
      workspace: git.cwd,
      gitDir: await git.output(['rev-parse', '--absolute-git-dir']),
      scratch: context.scratch,
      prompt: buildPrompt(task, previous),
      executionFile: context.executionFile,
      onProgress,
      signal: context.cancelled,
      log: core.warning,
      redact: (line) => redactSecrets(line, context.secretForms),
    })
    core.info(
      `Agent isolation: ${session.isolation === 'user' ? 'a separate user for this run' : 'none'}`,
    )
    return session.run
  } finally {
    await restoreConfig()
  }
}

/** A follow-up's context: what the PR's status comment reported, without its hidden lines. */
async function previousResult({ github, task, status }: RunContext): Promise<string | undefined> {
  const issue = { owner: task.owner, repo: task.repo, issueNumber: task.prNumber }
  const main = new StatusComment(github, issue, STATUS_MARKER, status.comments)
  await main.find()
  return main.previousText
    ?.split('\n')
    .filter((line) => !line.startsWith('<!-- async-pr:'))
    .join('\n')
}

/** Whether the PR was closed (or merged) while the agent worked, and how to say so. */
async function closedWhileWorking(github: GitHub, task: Task): Promise<string | undefined> {
  // If GitHub cannot say, the PR is taken as open: the lease still keeps the branch safe.
  return prState(github, task).catch((error: unknown) => {
    core.warning(
      `Could not check whether PR #${task.prNumber} is still open: ${errorMessage(error)}`,
    )
    return undefined
  })
}

async function prState(github: GitHub, task: Task): Promise<string | undefined> {
  const { data: pr } = await github.rest.pulls.get({
    owner: task.owner,
    repo: task.repo,
    pull_number: task.prNumber,
  })
  if (pr.state === 'open') return undefined
  return `PR #${task.prNumber} was ${pr.merged_at ? 'merged' : 'closed'} while the agent worked, so its branch was left alone.`
}
