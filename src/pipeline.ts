// The one-way flow: event -> task -> trust -> prompt -> agent session ->
// commit/push -> report. Each phase is a function of what the previous one
// produced; side effects live in the modules it calls (git/, github/, agent/).

import * as core from '@actions/core'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { judgeAgentRun, type AgentVerdict } from './agent/judge.js'
import { locateClaude } from './agent/locate.js'
import type { AgentRun } from './agent/run.js'
import { runSession } from './agent/session.js'
import type { Transcript } from './agent/transcript.js'
import { taskFromEvent, type Task } from './event.js'
import { authEnv, encodedForms, remoteUrl } from './git/auth.js'
import { deliver } from './git/deliver.js'
import { createGit, type Git } from './git/git.js'
import {
  checkoutHead,
  deliveredSince,
  removePersistedCredentials,
  snapshotConfig,
} from './git/workspace.js'
import { accountInfo } from './github/accounts.js'
import { createGitHub, type GitHub } from './github/client.js'
import { StatusComment, type PostedComment } from './github/status-comment.js'
import { buildPrompt } from './prompt.js'
import { renderFinal, renderWorking } from './report/comment.js'
import { describeToolCall } from './report/describe.js'
import type { AgentSummary, Conclusion, Outcome, RunLinks } from './report/outcome.js'
import { secretsOf, type Settings } from './settings.js'
import { authorize } from './trust.js'
import { errorMessage } from './util/errors.js'
import { logSafe } from './util/sanitize.js'

export type PipelineResult =
  | { kind: 'skipped'; reason: string; message: string }
  | { kind: 'ran'; outcome: Outcome; comment?: PostedComment; executionFile?: string }

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

export async function runPipeline(
  settings: Settings,
  runnerEnv: Record<string, string | undefined>,
  cancelled: AbortSignal = new AbortController().signal,
): Promise<PipelineResult> {
  const timings = new Timings()
  const payload: unknown = JSON.parse(await readFile(settings.eventPath, 'utf8'))
  const event = taskFromEvent(settings.eventName, payload)
  if (event.kind === 'skip')
    return { kind: 'skipped', reason: event.reason, message: event.message }
  const task = event.task
  const github = createGitHub({
    token: settings.commentToken,
    baseUrl: settings.apiUrl,
    log: core.warning,
    debug: core.debug,
  })
  const refusal = await checkTrust(github, task, settings.allowedBots)
  if (refusal) return refusal
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

  const links: RunLinks = {
    serverUrl: settings.serverUrl,
    runUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}/actions/runs/${settings.runId}`,
  }
  const status = new StatusComment(github, {
    owner: task.owner,
    repo: task.repo,
    issueNumber: task.prNumber,
  })
  const scratch = await mkdtemp(path.join(settings.runnerTemp, 'async-pr-'))
  const executionDir = path.join(settings.runnerTemp, 'async-pr')
  await mkdir(executionDir, { recursive: true })
  const executionFile = path.join(
    executionDir,
    `execution-${task.prNumber}-${settings.runId}-${settings.runAttempt}.jsonl`,
  )
  const git = createGit(settings.workspace, scratch)
  const remote = remoteUrl(settings.serverUrl, task.owner, task.repo)
  const auth = authEnv(settings.serverUrl, settings.pushToken)

  let outcome: Outcome
  try {
    // The checkout and the first comment do not wait for each other.
    const [prepared] = await Promise.all([
      prepareWorkspace(git, remote, auth, task).then(
        (delivered) => ({ delivered }),
        (error: unknown) => ({ error }),
      ),
      status.publish(renderWorking(task, links)).then(() => timings.mark('first comment posted')),
    ])
    if ('error' in prepared) throw prepared.error
    if (prepared.delivered) {
      // A re-run, or a second trigger for the same push: the work is on the branch already.
      await status.restorePrevious()
      return {
        kind: 'skipped',
        reason: 'already_done',
        message: `The branch already has the result of this task (${prepared.delivered}); nothing to do.`,
      }
    }
    timings.mark('workspace prepared')
    outcome = await work({
      settings,
      runnerEnv,
      task,
      links,
      git,
      scratch,
      executionFile,
      timings,
      claude,
      cancelled,
      github,
      remote,
      auth,
    })
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

  const comment = await status.publish(
    renderFinal(outcome),
    'cut to fit GitHub’s comment size limit; the full report is in the job summary.',
  )
  timings.mark('final report')
  return { kind: 'ran', outcome, comment, executionFile }
}

/**
 * Puts the workspace on the PR branch, without the credentials checkout left.
 * Returns the run that already delivered this event's task, if the branch has
 * its commits (a re-run, or a second trigger for the same push).
 */
async function prepareWorkspace(
  git: Git,
  remote: string,
  auth: Record<string, string>,
  task: Task,
): Promise<string | undefined> {
  return core.group('Prepare the workspace', async () => {
    const keys = await removePersistedCredentials(git)
    if (keys.length > 0) core.info(`Removed persisted git credentials: ${keys.join(', ')}`)
    await checkoutHead(git, {
      remoteUrl: remote,
      auth,
      headRef: task.headRef,
      headSha: task.headSha,
    })
    core.info(`On ${task.headRef} at ${task.headSha}`)
    return deliveredSince(git, task.headSha, `refs/remotes/origin/${task.headRef}`)
  })
}

/** Refuses the run (spending nothing) unless the author and the actor may start one. */
async function checkTrust(
  github: GitHub,
  task: Task,
  allowedBots: string[],
): Promise<PipelineResult | undefined> {
  const author = await accountInfo(github, task.owner, task.repo, task.author.login)
  const actor =
    task.actor.login.toLowerCase() === task.author.login.toLowerCase()
      ? author
      : await accountInfo(github, task.owner, task.repo, task.actor.login)
  const decision = authorize(author, actor, allowedBots)
  return decision.allowed
    ? undefined
    : { kind: 'skipped', reason: decision.reason, message: decision.message }
}

interface WorkContext {
  settings: Settings
  runnerEnv: Record<string, string | undefined>
  task: Task
  links: RunLinks
  git: Git
  scratch: string
  executionFile: string
  timings: Timings
  /** The Claude Code binary, being located or installed. */
  claude: Promise<string>
  /** Aborted when the job is cancelled. */
  cancelled: AbortSignal
  github: GitHub
  remote: string
  auth: Record<string, string>
}

async function work(context: WorkContext): Promise<Outcome> {
  const { settings, task, links, git, timings, remote, auth } = context
  const binary = await context.claude
  timings.mark('Claude Code ready')

  const run = await core.group('Claude Code', () => runClaude(context, binary))
  timings.mark(`agent finished (${run.wallMs} ms)`)
  const verdict = judgeAgentRun(run, {
    timeoutMs: settings.timeoutMs,
    maxTurns: settings.maxTurns,
    maxBudgetUsd: settings.maxBudgetUsd,
  })

  const closed = await closedWhileWorking(context.github, task)
  const delivery = await core.group('Commit and push', () =>
    deliver({
      forceFallback: closed,
      git,
      remoteUrl: remote,
      auth,
      branch: task.headRef,
      base: task.headSha,
      message: commitMessage(task, links, verdict),
      fallbackBranch: `async-pr/${task.prNumber}-${settings.runId}-${settings.runAttempt}`,
      allowWorkflowChanges: settings.allowWorkflowChanges,
      maxFileBytes: settings.maxFileBytes,
      secrets: [...secretsOf(settings), ...encodedForms(settings.pushToken)],
    }),
  )
  timings.mark('commit and push')
  const { refused, ...changes } = delivery
  const reasons = [
    refused,
    changes.fallbackReason,
    'reason' in verdict ? verdict.reason : undefined,
  ].filter(Boolean)
  return {
    conclusion:
      refused || changes.fallbackReason
        ? 'failure'
        : conclusionFor(verdict, changes.commits.length > 0),
    task,
    links,
    reason: reasons.join('\n\n') || undefined,
    agent: summarize(run),
    ...changes,
  }
}

async function runClaude(context: WorkContext, binary: string): Promise<AgentRun> {
  const { git } = context
  // With a separate user the agent cannot write .git at all; without one, undo
  // whatever it writes into .git/config before git runs again.
  const restoreConfig = await snapshotConfig(git)
  let logged = 0
  const logProgress = (transcript: Transcript) => {
    const calls = transcript.toolCalls
    const fresh = Math.min(transcript.toolCallCount - logged, calls.length)
    for (const call of calls.slice(calls.length - fresh)) core.info(logSafe(describeToolCall(call)))
    logged = transcript.toolCallCount
  }
  try {
    const session = await runSession({
      settings: context.settings,
      runnerEnv: context.runnerEnv,
      binary,
      workspace: git.cwd,
      scratch: context.scratch,
      prompt: buildPrompt(context.task),
      executionFile: context.executionFile,
      onProgress: logProgress,
      signal: context.cancelled,
      log: core.warning,
    })
    core.info(
      `Agent isolation: ${session.isolation === 'user' ? 'a separate user for this run' : 'none'}`,
    )
    return session.run
  } finally {
    await restoreConfig()
  }
}

/** Whether the PR was closed (or merged) while the agent worked, and how to say so. */
async function closedWhileWorking(github: GitHub, task: Task): Promise<string | undefined> {
  const { data: pr } = await github.rest.pulls.get({
    owner: task.owner,
    repo: task.repo,
    pull_number: task.prNumber,
  })
  if (pr.state === 'open') return undefined
  return `PR #${task.prNumber} was ${pr.merged_at ? 'merged' : 'closed'} while the agent worked, so its branch was left alone.`
}

function commitMessage(task: Task, links: RunLinks, verdict: AgentVerdict): string {
  const finished = verdict.kind === 'completed'
  const subject = (finished ? task.title : `WIP: ${task.title}`).replace(/\s+/g, ' ').trim()
  return [
    subject,
    '',
    `${finished ? 'Work' : 'Work in progress'} by Claude Code on #${task.prNumber}, committed by async-pr.`,
    '',
    `Async-PR-Run: ${links.runUrl}`,
  ].join('\n')
}

function conclusionFor(verdict: AgentVerdict, changed: boolean): Conclusion {
  switch (verdict.kind) {
    case 'completed':
      return changed ? 'success' : 'no_changes'
    case 'limit':
    case 'timed_out':
      return 'timed_out'
    case 'cancelled':
      return 'cancelled'
    case 'failed':
      return 'failure'
  }
}

function summarize(run: AgentRun): AgentSummary {
  const transcript = run.transcript
  return {
    result: transcript.result,
    todos: transcript.todos,
    toolCalls: transcript.toolCalls,
    toolCallCount: transcript.toolCallCount,
    lastText: transcript.lastText,
    sessionId: transcript.sessionId,
    wallMs: run.wallMs,
    denials: transcript.result?.permissionDenials ?? [],
  }
}
