// A `workflow_run` event -> a CI fix this run may make, or why not; the CI
// line on the PR's status comment says what came of it. Nothing here calls the
// model: a success, a person's commit, a fork, attempts used up and duplicates
// all end here, and only a fix continues into the normal run, with what CI
// said in its task.
//
// Requests, in rounds: the PR; the trust checks, the branch's history, the
// failed jobs and the PR's comments side by side; then the CI line and the
// failed jobs' logs and annotations side by side.

import type { PullRequestData, Task } from '../event.js'
import {
  ciEventFrom,
  ciFixTask,
  pullOfEvent,
  readHistory,
  type CiEvent,
  type CiSkip,
  type CiSkipReason,
  type CommitRecord,
  type OwnWorkflow,
  workflowPathOf,
} from '../events/workflow-run.js'
import { checkLinks, failedJobs, readCiFailure, type CiRunRef } from '../github/ci-logs.js'
import type { GitHub } from '../github/client.js'
import {
  ciFixMarker,
  listComments,
  StatusComment,
  type IssueRef,
} from '../github/status-comment.js'
import { parseState } from '../report/state.js'
import type { Settings } from '../settings.js'
import { CiStatusLine } from './ci-status-line.js'
import { refusal } from './resolve.js'

export interface CiFixOptions {
  allowedBots: string[]
  /** ci_fix_attempts: fixes allowed since the last person's commit. */
  maxAttempts: number
  own: OwnWorkflow
  serverUrl: string
  /** The run's own credentials in every written form: never published. */
  knownSecrets: readonly string[]
}

export type CiResolved =
  | { kind: 'skipped'; reason: CiSkipReason | string; message: string }
  | {
      kind: 'task'
      task: Task
      /** The PR's comments, listed once: the fix's own status comment uses the same listing. */
      comments: ReturnType<typeof listComments>
      /** The line to update when the fix ends. */
      ciLine: CiStatusLine
    }

/** A fix that continues into the normal run. */
export type CiFixRun = Extract<CiResolved, { kind: 'task' }>

function skipped(skip: CiSkip | { reason: CiSkipReason; message: string }): CiResolved {
  return { kind: 'skipped', reason: skip.reason, message: skip.message }
}

export async function resolveWorkflowRun(
  github: GitHub,
  payload: unknown,
  options: CiFixOptions,
): Promise<CiResolved> {
  const parsed = ciEventFrom(payload, options.own)
  if (parsed.kind === 'skip') return skipped(parsed)
  const { event } = parsed
  const issue: IssueRef = { owner: event.owner, repo: event.repo, issueNumber: event.prNumber }
  const comments = listComments(github, issue)
  const ciLine = new CiStatusLine(
    github,
    issue,
    comments,
    options.knownSecrets,
    `${options.serverUrl}/${event.owner}/${event.repo}`,
  )
  if (event.conclusion === 'success') return passed(github, event, ciLine)

  const { data: pulls } = await github.rest.pulls.list({
    owner: event.owner,
    repo: event.repo,
    state: 'open',
    head: `${event.owner}:${event.headBranch}`,
    per_page: 100,
  })
  const found = pullOfEvent(event, pulls as PullRequestData[])
  if (found.kind === 'skip') return skipped(found)
  const { pull } = found
  const author = { login: pull.user?.login ?? 'ghost', type: pull.user?.type ?? 'User' }
  const ref: CiRunRef = {
    owner: event.owner,
    repo: event.repo,
    runId: event.runId,
    runAttempt: event.runAttempt,
  }
  const [refused, history, jobs, fixComment] = await Promise.all([
    refusal(github, event.owner, event.repo, author, event.triggeringActor, options.allowedBots),
    branchHistory(github, event, pull.head.sha),
    failedJobs(github, ref),
    earlierFix(github, issue, comments, event.headSha, options.knownSecrets),
    ciLine.load(),
  ])
  if (refused?.kind === 'skipped') return refused
  const verdict = readHistory(event, pull.head.sha, history)
  if (verdict.kind === 'skip') return skipped(verdict)
  const failed = checkLinks(jobs)
  const failing = ciLine.failingWith(event.headSha, event.workflowId, true)
  const short = event.headSha.slice(0, 7)

  if (verdict.used >= options.maxAttempts) {
    await ciLine.show({ kind: 'gave_up', sha: event.headSha, failed, fixes: verdict.used }, failing)
    return skipped({
      reason: 'ci_fix_attempts_used',
      message:
        options.maxAttempts === 0
          ? `CI failed on ${short}; ci_fix_attempts is 0, so async-pr does not fix it. Over to you.`
          : `CI is still failing on ${short} after ${verdict.used} ${verdict.used === 1 ? 'fix' : 'fixes'} (ci_fix_attempts: ${options.maxAttempts}). Over to you.`,
    })
  }
  if (fixComment === 'answered') {
    return skipped({
      reason: 'already_done',
      message: `async-pr already tried to fix CI on ${short} (a re-run of the CI run, or another workflow that failed on the same commit); see its report on the PR.`,
    })
  }

  const attempt = verdict.used + 1
  // The earlier result as it stood before this fix: without the line that says it is fixing.
  const previousResult = ciLine.previousResult
  const [failure] = await Promise.all([
    readCiFailure(github, ref, jobs),
    ciLine.show(
      { kind: 'fixing', sha: event.headSha, failed, attempt, of: options.maxAttempts },
      failing,
    ),
  ])
  const task = ciFixTask(event, pull, {
    attempt,
    maxAttempts: options.maxAttempts,
    failure,
    previousResult,
  })
  return { kind: 'task', task, comments, ciLine }
}

/** CI passed: only the CI line changes. The PR is the one the run lists, else asked for. */
async function passed(github: GitHub, event: CiEvent, ciLine: CiStatusLine): Promise<CiResolved> {
  const short = event.headSha.slice(0, 7)
  let head = event.listedHeadSha
  if (head === undefined) {
    const { data: pr } = await github.rest.pulls.get({
      owner: event.owner,
      repo: event.repo,
      pull_number: event.prNumber,
    })
    if (pr.state !== 'open' || pr.head.ref !== event.headBranch)
      return skipped({
        reason: 'closed',
        message: `PR #${event.prNumber} is not open on ${event.headBranch}; nothing to update.`,
      })
    head = pr.head.sha
  }
  if (head !== event.headSha) {
    return skipped({
      reason: 'outdated',
      message: `CI passed on ${short}, but the branch has moved on to ${head.slice(0, 7)}; the CI run on the new head decides.`,
    })
  }
  if (!(await ciLine.load())) {
    return skipped({
      reason: 'ci_passed',
      message: `CI passed on ${short}; PR #${event.prNumber} has no status comment to update.`,
    })
  }
  const failing = ciLine.failingWith(event.headSha, event.workflowId, false)
  // Another workflow still fails on this commit: the line stays red, without this one.
  const view =
    failing.length === 0
      ? { kind: 'passed' as const, sha: event.headSha, fixes: event.fixNumber }
      : undefined
  await ciLine.show(view, failing)
  return skipped({
    reason: 'ci_passed',
    message:
      failing.length === 0
        ? `CI passed on ${short}; the status comment says so.`
        : `${event.workflowName} passed on ${short}; another workflow still fails there.`,
  })
}

/** The branch's recent history from the PR's head, as the commits API lists it (one page). */
async function branchHistory(
  github: GitHub,
  event: CiEvent,
  headSha: string,
): Promise<CommitRecord[]> {
  const { data } = await github.rest.repos.listCommits({
    owner: event.owner,
    repo: event.repo,
    sha: headSha,
    per_page: 100,
  })
  return data.map((commit) => ({
    sha: commit.sha,
    parents: commit.parents.map((parent) => parent.sha),
    message: commit.commit.message,
  }))
}

/**
 * Whether a fix for this commit already reported: its status comment is
 * there with a final state. A comment still `working` is an earlier fix run
 * that died: this run takes it over.
 */
async function earlierFix(
  github: GitHub,
  issue: IssueRef,
  comments: ReturnType<typeof listComments>,
  headSha: string,
  knownSecrets: readonly string[],
): Promise<'answered' | undefined> {
  const comment = new StatusComment(github, issue, ciFixMarker(headSha), comments, knownSecrets)
  if (!(await comment.find())) return undefined
  const state = comment.previousText ? parseState(comment.previousText) : undefined
  return state && state.state !== 'working' ? 'answered' : undefined
}

/** After the fix run: the CI line says what it pushed (CI runs again on it), or that it pushed nothing. */
export async function reportFixEnd(
  ciLine: CiStatusLine,
  task: Task,
  outcome: { commits: unknown[]; pushedTo?: string; fallbackReason?: string; commitSha?: string },
  reportUrl?: string,
): Promise<void> {
  const fix = task.ciFix
  if (!fix) return
  const pushed =
    outcome.commits.length > 0 && outcome.pushedTo === task.headRef && !outcome.fallbackReason
  if (pushed && outcome.commitSha) {
    await ciLine.show(
      { kind: 'pushed', sha: outcome.commitSha, attempt: fix.attempt, of: fix.maxAttempts },
      [],
    )
    return
  }
  const failed = fix.failure.checks.map((check) => ({ name: check.name, url: check.url }))
  await ciLine.show(
    {
      kind: 'fix_ended',
      sha: fix.headSha,
      failed,
      attempt: fix.attempt,
      of: fix.maxAttempts,
      reportUrl,
    },
    ciLine.state?.failing ?? [],
  )
}

export function ciFixOptions(settings: Settings, knownSecrets: readonly string[]): CiFixOptions {
  return {
    allowedBots: settings.allowedBots,
    maxAttempts: settings.ciFixAttempts,
    own: { path: workflowPathOf(settings.workflowRef), name: settings.workflowName },
    serverUrl: settings.serverUrl,
    knownSecrets,
  }
}
