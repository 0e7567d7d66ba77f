// The one-way flow: event -> task -> prompt -> agent run -> commit/push -> report.
// Each phase is a function of what the previous one produced; side effects
// live in the modules it calls (git/, github/, agent/).

import * as core from '@actions/core'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { agentEnv, claudeArgs } from './agent/command.js'
import { judgeAgentRun, type AgentVerdict } from './agent/judge.js'
import { locateClaude } from './agent/locate.js'
import { runAgent, type AgentRun } from './agent/run.js'
import type { Transcript } from './agent/transcript.js'
import { taskFromEvent, type SkipReason, type Task } from './event.js'
import { authEnv, remoteUrl } from './git/auth.js'
import { commitAll, commitsBetween, filesChanged, headSha, isAncestor } from './git/commit.js'
import { createGit, type Git } from './git/git.js'
import { pushHead } from './git/push.js'
import { checkoutHead, removePersistedCredentials, snapshotConfig } from './git/workspace.js'
import { createGitHub } from './github/client.js'
import { fitComment, StatusComment, type PostedComment } from './github/status-comment.js'
import { buildPrompt } from './prompt.js'
import { renderFinal, renderWorking } from './report/comment.js'
import type { AgentSummary, Conclusion, Outcome, RunLinks } from './report/outcome.js'
import type { Settings } from './settings.js'
import { describeToolCall } from './report/describe.js'
import { logSafe } from './util/sanitize.js'
import { errorMessage } from './util/errors.js'

export type PipelineResult =
  | { kind: 'skipped'; reason: SkipReason; message: string }
  | { kind: 'ran'; outcome: Outcome; comment?: PostedComment; executionFile?: string }

/** Wall-clock milestones, logged so overhead can be measured. */
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
): Promise<PipelineResult> {
  const timings = new Timings()
  const payload: unknown = JSON.parse(await readFile(settings.eventPath, 'utf8'))
  const event = taskFromEvent(settings.eventName, payload)
  if (event.kind === 'skip')
    return { kind: 'skipped', reason: event.reason, message: event.message }
  const task = event.task
  const links: RunLinks = {
    serverUrl: settings.serverUrl,
    runUrl: `${settings.serverUrl}/${settings.repository.owner}/${settings.repository.repo}/actions/runs/${settings.runId}`,
  }

  const github = createGitHub({
    token: settings.commentToken,
    baseUrl: settings.apiUrl,
    log: core.warning,
    debug: core.debug,
  })
  const status = new StatusComment(github, {
    owner: task.owner,
    repo: task.repo,
    issueNumber: task.prNumber,
  })
  await status.publish(renderWorking(task, links))
  timings.mark('first comment posted')

  const scratch = await mkdtemp(path.join(settings.runnerTemp, 'async-pr-'))
  const executionDir = path.join(settings.runnerTemp, 'async-pr')
  await mkdir(executionDir, { recursive: true })
  const executionFile = path.join(
    executionDir,
    `execution-${task.prNumber}-${settings.runId}-${settings.runAttempt}.jsonl`,
  )
  const git = createGit(settings.workspace, scratch)
  let outcome: Outcome
  try {
    outcome = await work({ settings, runnerEnv, task, links, git, scratch, executionFile, timings })
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
    fitComment(
      renderFinal(outcome),
      'cut to fit GitHub’s comment size limit; the full report is in the job summary.',
    ),
  )
  timings.mark('final report')
  return { kind: 'ran', outcome, comment, executionFile }
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
}

async function work(context: WorkContext): Promise<Outcome> {
  const { settings, task, links, git, timings } = context
  const remote = remoteUrl(settings.serverUrl, task.owner, task.repo)
  const auth = authEnv(settings.serverUrl, settings.pushToken)

  await core.group('Prepare the workspace', async () => {
    const keys = await removePersistedCredentials(git)
    if (keys.length > 0) core.info(`Removed persisted git credentials: ${keys.join(', ')}`)
    await checkoutHead(git, {
      remoteUrl: remote,
      auth,
      headRef: task.headRef,
      headSha: task.headSha,
    })
    core.info(`On ${task.headRef} at ${task.headSha}`)
  })
  const binary = await locateClaude({
    claudePath: settings.claudePath,
    version: settings.claudeCodeVersion,
    toolCache: settings.toolCache,
    searchPath: context.runnerEnv.PATH,
    log: core.info,
  })
  timings.mark('workspace prepared')

  const run = await core.group('Claude Code', () => runClaude(context, binary))
  timings.mark(`agent finished (${run.wallMs} ms)`)
  const verdict = judgeAgentRun(run, {
    timeoutMs: settings.timeoutMs,
    maxTurns: settings.maxTurns,
    maxBudgetUsd: settings.maxBudgetUsd,
  })

  const delivered = await core.group('Commit and push', () =>
    deliver(context, remote, auth, verdict),
  )
  timings.mark('commit and push')
  const { pushError, ...changes } = delivered
  return {
    conclusion: pushError ? 'failure' : conclusionFor(verdict, changes.commits.length > 0),
    task,
    links,
    reason:
      [pushError, 'reason' in verdict ? verdict.reason : undefined].filter(Boolean).join('\n\n') ||
      undefined,
    agent: summarize(run),
    ...changes,
  }
}

async function runClaude(context: WorkContext, binary: string): Promise<AgentRun> {
  const { settings, task, git, scratch } = context
  const home = path.join(scratch, 'home')
  const configDir = path.join(scratch, 'claude-config')
  const tmpDir = path.join(scratch, 'tmp')
  await Promise.all([home, configDir, tmpDir].map((dir) => mkdir(dir, { recursive: true })))

  // Undo whatever the agent writes into .git/config before git runs again.
  const restoreConfig = await snapshotConfig(git)
  let logged = 0
  const logProgress = (transcript: Transcript) => {
    const calls = transcript.toolCalls
    const fresh = Math.min(transcript.toolCallCount - logged, calls.length)
    for (const call of calls.slice(calls.length - fresh)) core.info(logSafe(describeToolCall(call)))
    logged = transcript.toolCallCount
  }
  try {
    return await runAgent({
      binary,
      args: claudeArgs(settings),
      env: agentEnv(settings, { home, configDir, tmpDir, runnerEnv: context.runnerEnv }),
      cwd: git.cwd,
      prompt: buildPrompt(task),
      executionFile: context.executionFile,
      timeoutMs: settings.timeoutMs,
      onProgress: logProgress,
    })
  } finally {
    await restoreConfig()
  }
}

interface Delivered {
  commits: Outcome['commits']
  files: Outcome['files']
  pushedTo?: string
  commitSha?: string
  /** Why the push failed; the commits stay in the workspace. */
  pushError?: string
}

/** Commits what the agent left and pushes everything new to the PR branch. */
async function deliver(
  context: WorkContext,
  remote: string,
  auth: Record<string, string>,
  verdict: AgentVerdict,
): Promise<Delivered> {
  const { task, git, links } = context
  const finished = verdict.kind === 'completed'
  const subject = finished ? task.title : `WIP: ${task.title}`
  const message = [
    subject.replace(/\s+/g, ' ').trim(),
    '',
    `${finished ? 'Work' : 'Work in progress'} by Claude Code on #${task.prNumber}, committed by async-pr.`,
    '',
    `Async-PR-Run: ${links.runUrl}`,
  ].join('\n')
  await commitAll(git, message)

  const head = await headSha(git)
  if (head !== task.headSha && !(await isAncestor(git, task.headSha, head))) {
    throw new Error(`The agent moved the branch away from ${task.headSha}; nothing was pushed.`)
  }
  const commits = await commitsBetween(git, task.headSha, head)
  if (commits.length === 0) return { commits: [], files: [] }
  const files = await filesChanged(git, task.headSha, head)
  try {
    await pushHead(git, { remoteUrl: remote, auth, branch: task.headRef })
  } catch (error) {
    return { commits, files, pushError: errorMessage(error) }
  }
  core.info(`Pushed ${commits.length} commit(s) to ${task.headRef}: ${head}`)
  return { commits, files, pushedTo: task.headRef, commitSha: head }
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
