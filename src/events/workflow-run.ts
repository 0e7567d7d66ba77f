// A `workflow_run` event (the repository's CI finished) -> a request to fix
// CI on async-pr's own push, or the reason not to. Pure: the caller fetches the
// PR and the branch's history through the API and hands them in.
//
// Only a run that concluded failure or timed_out on a commit async-pr made
// for the PR is fixed; a red build on a commit a person pushed is theirs. A
// success only updates the CI line. A fork's run, and the workflow that runs
// async-pr itself, are never acted on.

import type { Account, PullRequestData, Task } from '../event.js'
import { ciFixNumberOf, taskNumbersOf } from '../git/trailers.js'

export type CiSkipReason =
  | 'unsupported_event'
  | 'own_workflow'
  | 'fork'
  | 'not_async_pr_commit'
  | 'closed'
  | 'draft'
  | 'default_branch'
  | 'outdated'
  | 'already_done'
  | 'ci_fix_attempts_used'
  | 'ci_passed'

export interface CiSkip {
  kind: 'skip'
  reason: CiSkipReason
  message: string
}

export interface CiEvent {
  owner: string
  repo: string
  runId: number
  runAttempt: number
  runUrl: string
  workflowId: number
  workflowName: string
  conclusion: 'failure' | 'timed_out' | 'success'
  headBranch: string
  headSha: string
  /** The PR the head commit's `Async-PR-Task` trailer names. */
  prNumber: number
  /** The head commit's `Async-PR-CI-Fix` attempt; 0 when it is not a fix. */
  fixNumber: number
  /** Who started this attempt of the CI run (a push's pusher, or whoever re-ran it). */
  triggeringActor: Account
  /** The PR's head as the run lists it, when it lists the PR (it may not: forks, and sometimes others). */
  listedHeadSha?: string
}

/** How the workflow that runs async-pr is told apart: its file (from GITHUB_WORKFLOW_REF), else its name. */
export interface OwnWorkflow {
  path?: string
  name?: string
}

/** `owner/repo/.github/workflows/x.yml@refs/heads/main` -> `.github/workflows/x.yml`. */
export function workflowPathOf(workflowRef: string | undefined): string | undefined {
  const match = /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(workflowRef ?? '')
  return match?.[1]
}

interface WorkflowRunPayload {
  action?: string
  workflow?: { id?: number; name?: string; path?: string }
  workflow_run?: {
    id: number
    name?: string | null
    path?: string
    run_attempt?: number
    html_url: string
    workflow_id: number
    status?: string
    conclusion: string | null
    head_branch: string | null
    head_sha: string
    head_commit?: { message?: string } | null
    head_repository?: { full_name: string } | null
    repository?: { full_name: string }
    triggering_actor?: Account | null
    actor?: Account | null
    pull_requests?: Array<{ number: number; head?: { sha?: string } }>
  }
  repository?: { full_name: string }
}

function skip(reason: CiSkipReason, message: string): CiSkip {
  return { kind: 'skip', reason, message }
}

const ACTED_ON = new Set(['failure', 'timed_out', 'success'])

export function ciEventFrom(
  payload: unknown,
  own: OwnWorkflow,
): { kind: 'ci'; event: CiEvent } | CiSkip {
  const event = payload as WorkflowRunPayload
  const run = event.workflow_run
  const repository = event.repository
  if (!run || !repository) return skip('unsupported_event', 'This workflow_run event has no run.')
  const name = run.name ?? event.workflow?.name ?? 'CI'
  if (event.action !== 'completed') {
    return skip(
      'unsupported_event',
      `async-pr acts on completed CI runs; this one was "${event.action}". Use \`types: [completed]\`.`,
    )
  }
  const path = event.workflow?.path ?? run.path
  if (
    (own.path !== undefined && path === own.path) ||
    (own.path === undefined && own.name === name)
  ) {
    return skip(
      'own_workflow',
      `"${name}" is the workflow that runs async-pr; async-pr never acts on its own runs. Name only your CI workflows under \`workflow_run.workflows\`.`,
    )
  }
  const headRepo = run.head_repository?.full_name
  if (!headRepo || headRepo.toLowerCase() !== repository.full_name.toLowerCase()) {
    return skip(
      'fork',
      `The CI run ${run.id} is for ${headRepo ? `the fork ${headRepo}` : 'a fork that no longer exists'}; async-pr only fixes CI on branches of ${repository.full_name}.`,
    )
  }
  const conclusion = run.conclusion ?? 'none'
  if (!ACTED_ON.has(conclusion)) {
    return skip(
      'unsupported_event',
      `The CI run "${name}" concluded ${conclusion}; async-pr acts on failure, timed_out and success.`,
    )
  }
  const message = run.head_commit?.message ?? ''
  const [prNumber] = taskNumbersOf(message)
  const shortSha = run.head_sha.slice(0, 7)
  if (prNumber === undefined || !run.head_branch) {
    return skip(
      'not_async_pr_commit',
      `CI ran on ${shortSha}, a commit async-pr did not make; a red build on a person's commit is theirs to fix.`,
    )
  }
  const [owner, repo] = repository.full_name.split('/') as [string, string]
  const actor = run.triggering_actor ?? run.actor
  const listed = run.pull_requests?.find((pr) => pr.number === prNumber)
  return {
    kind: 'ci',
    event: {
      owner,
      repo,
      runId: run.id,
      runAttempt: run.run_attempt ?? 1,
      runUrl: run.html_url,
      workflowId: run.workflow_id,
      workflowName: name,
      conclusion: conclusion as CiEvent['conclusion'],
      headBranch: run.head_branch,
      headSha: run.head_sha,
      prNumber,
      fixNumber: ciFixNumberOf(message) ?? 0,
      triggeringActor: { login: actor?.login ?? 'ghost', type: actor?.type ?? 'User' },
      listedHeadSha: listed?.head?.sha,
    },
  }
}

/** The PR of the event among the open PRs whose head is the run's branch, or why none is. */
export function pullOfEvent(
  event: CiEvent,
  pulls: PullRequestData[],
): { kind: 'pull'; pull: PullRequestData } | CiSkip {
  const pull = pulls.find((candidate) => candidate.number === event.prNumber)
  const short = event.headSha.slice(0, 7)
  if (!pull) {
    const others = pulls.map((candidate) => `#${candidate.number}`).join(', ')
    return others
      ? skip(
          'not_async_pr_commit',
          `${short} is async-pr's commit for #${event.prNumber}, but the branch ${event.headBranch} is the head of ${others}.`,
        )
      : skip(
          'closed',
          `No open pull request has ${event.headBranch} as its head (#${event.prNumber} is closed?); nothing to fix.`,
        )
  }
  const baseRepo = pull.base.repo.full_name
  if (!pull.head.repo || pull.head.repo.full_name !== baseRepo) {
    return skip(
      'fork',
      `PR #${pull.number} comes from a fork; async-pr only works on branches of ${baseRepo}.`,
    )
  }
  if (pull.draft) {
    return skip(
      'draft',
      `PR #${pull.number} is a draft; async-pr leaves its CI alone until it is ready for review.`,
    )
  }
  const defaultBranch = pull.base.repo.default_branch
  if (defaultBranch && pull.head.ref === defaultBranch) {
    return skip(
      'default_branch',
      `PR #${pull.number} is opened from ${defaultBranch}, the default branch; async-pr only pushes to task branches.`,
    )
  }
  return { kind: 'pull', pull }
}

/** A commit of the branch's history, as the commits API lists it. */
export interface CommitRecord {
  sha: string
  parents: string[]
  message: string
}

/** How many CI fixes the branch has had since its last commit by a person, or why not to fix again. */
export type HistoryVerdict = { kind: 'fixable'; used: number } | CiSkip

/** The most commits walked: more than any chain of async-pr commits on one branch. */
const WALK_LIMIT = 200

/**
 * Reads the branch's history from the PR's head down. When the head has
 * moved on since CI ran, the event is stale: a fix was already pushed on top
 * of it (`already_done`), or someone pushed since (`outdated`). Otherwise the
 * commit CI ran on must be async-pr's for this PR, and the attempts used are
 * the `Async-PR-CI-Fix` commits since the last commit that is not async-pr's.
 */
export function readHistory(
  event: CiEvent,
  prHeadSha: string,
  commits: CommitRecord[],
): HistoryVerdict {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]))
  const short = (sha: string) => sha.slice(0, 7)
  if (prHeadSha !== event.headSha) {
    let at = bySha.get(prHeadSha)
    for (let walked = 0; at && walked < WALK_LIMIT; walked++) {
      const parent = at.parents[0]
      if (parent === event.headSha && ciFixNumberOf(at.message) !== undefined) {
        return skip(
          'already_done',
          `CI failed on ${short(event.headSha)}, and async-pr already pushed a fix for it (${short(at.sha)}).`,
        )
      }
      at = parent ? bySha.get(parent) : undefined
    }
    return skip(
      'outdated',
      `CI ran on ${short(event.headSha)}, but the branch has moved on to ${short(prHeadSha)}; the CI run on the new head decides.`,
    )
  }
  const head = bySha.get(event.headSha)
  if (!head || !taskNumbersOf(head.message).includes(event.prNumber)) {
    return skip(
      'not_async_pr_commit',
      `CI ran on ${short(event.headSha)}, which is not a commit async-pr made for #${event.prNumber}; a red build on a person's commit is theirs to fix.`,
    )
  }
  let used = 0
  let at: CommitRecord | undefined = head
  for (let walked = 0; at && walked < WALK_LIMIT; walked++) {
    if (!taskNumbersOf(at.message).includes(event.prNumber)) break // a person's commit
    if (ciFixNumberOf(at.message) !== undefined) used++
    at = at.parents[0] ? bySha.get(at.parents[0]) : undefined
  }
  return { kind: 'fixable', used }
}

/** The fix run's task: the PR's own task, run again with CI's failure as what to do now. */
export function ciFixTask(
  event: CiEvent,
  pull: PullRequestData,
  fix: Omit<
    NonNullable<Task['ciFix']>,
    'runId' | 'runAttempt' | 'runUrl' | 'workflowName' | 'headSha' | 'conclusion'
  >,
): Task {
  return {
    owner: event.owner,
    repo: event.repo,
    prNumber: pull.number,
    prUrl: pull.html_url,
    title: pull.title,
    body: pull.body ?? '',
    author: { login: pull.user?.login ?? 'ghost', type: pull.user?.type ?? 'User' },
    actor: event.triggeringActor,
    action: 'ci_fix',
    headRef: pull.head.ref,
    headSha: event.headSha,
    baseRef: pull.base.ref,
    ciFix: {
      runId: event.runId,
      runAttempt: event.runAttempt,
      runUrl: event.runUrl,
      workflowName: event.workflowName,
      headSha: event.headSha,
      conclusion: event.conclusion,
      ...fix,
    },
  }
}
