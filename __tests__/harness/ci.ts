// The repository's CI in a world: a workflow run on a commit of the PR's branch (with jobs,
// steps, logs and annotations in the emulator), and the `workflow_run` event GitHub sends when
// it completes, as GitHub builds it (pull_requests listed for a same-repository run).

import path from 'node:path'
import { workflowRunEvent } from './events.js'
import { branchSha, git as runGit } from './git/index.js'
import type { JobInput } from './github/actions-model.js'
import type { WorkflowRun } from './github/state.js'
import type { World } from './world.js'

export interface CiRunOptions {
  conclusion: 'success' | 'failure' | 'timed_out' | 'cancelled'
  /** Default: the branch's tip now. */
  headSha?: string
  workflowName?: string
  jobs?: JobInput[]
  /** Who pushed (default the PAT's account: async-pr pushed). */
  actor?: string
  triggeringActor?: string
  /** A fork's run: another repository as the head. */
  headRepo?: string
  /** Leave the PR out of the payload's pull_requests (GitHub sometimes does). */
  unlisted?: boolean
  /** A re-run: the same run id, a later attempt. */
  rerunOf?: WorkflowRun
}

/** A job that fails in its test step, with the step's output and an annotation. */
export function failingTestJob(name: string, output: string[], annotation?: string): JobInput {
  return {
    name,
    conclusion: 'failure',
    steps: [
      { name: 'Run actions/checkout@v5' },
      { name: 'Install', run: 'npm ci', log: ['added 12 packages in 1s'] },
      { name: 'Test', run: 'npm test', conclusion: 'failure', log: output, exit_code: 1 },
    ],
    annotations: annotation
      ? [{ path: 'test/greeting.test.js', start_line: 3, message: annotation }]
      : [],
  }
}

export const passingJob = (name: string): JobInput => ({
  name,
  conclusion: 'success',
  steps: [{ name: 'Test', run: 'npm test', log: ['1 passing'] }],
})

/** The commit's message, as the payload's head_commit carries it. */
async function messageOf(w: World, sha: string): Promise<string> {
  const gitDir = path.join(w.gitRoot, `${w.fullName}.git`)
  return (await runGit(['log', '-1', '--format=%B', sha], { env: { GIT_DIR: gitDir } })).replace(
    /\n+$/,
    '',
  )
}

export async function ciRun(
  w: World,
  options: CiRunOptions,
): Promise<{ run: WorkflowRun; payload: Record<string, unknown> }> {
  const state = w.emulator.state
  const headSha = options.headSha ?? (await branchSha(w.gitRoot, w.fullName, w.headRef))!
  const name = options.workflowName ?? 'CI'
  const actor = options.actor ?? w.patLogin
  let run: WorkflowRun
  if (options.rerunOf) {
    run = options.rerunOf
    run.run_attempt += 1
    run.triggering_actor = options.triggeringActor ?? actor
    for (const job of options.jobs ?? []) state.addWorkflowJob(run.id, job)
    state.completeWorkflowRun(run.id, options.conclusion)
  } else {
    run = state.addWorkflowRun(w.owner, w.repo, {
      name,
      path: `.github/workflows/${name.toLowerCase()}.yml`,
      head_sha: headSha,
      head_branch: w.headRef,
      head_repository: options.headRepo ?? w.fullName,
      event: 'push',
      status: 'completed',
      conclusion: options.conclusion,
      actor,
      triggering_actor: options.triggeringActor ?? actor,
      jobs: options.jobs ?? [],
    })
  }
  const pull = state.pull(w.owner, w.repo, w.prNumber)
  const listed = !options.unlisted && !options.headRepo && pull?.state === 'open'
  const payload = workflowRunEvent({
    owner: w.owner,
    repo: w.repo,
    conclusion: options.conclusion,
    runId: run.id,
    runAttempt: run.run_attempt,
    workflowId: run.workflow_id,
    workflowName: name,
    workflowPath: run.path,
    headBranch: w.headRef,
    headSha,
    headCommit: { message: await messageOf(w, headSha) },
    headRepo: options.headRepo,
    pullRequests: listed
      ? [{ number: w.prNumber, headSha: (await branchSha(w.gitRoot, w.fullName, w.headRef))! }]
      : [],
    actor: { login: actor },
    triggeringActor: { login: options.triggeringActor ?? actor },
    serverUrl: w.git.url,
    apiUrl: w.emulator.url,
  })
  return { run, payload }
}

/** The step of this run's conversation (turns the agent has had in it so far). */
export function turnOf(messages: Array<{ role: string }> | undefined): number {
  return (messages ?? []).filter((message) => message.role === 'assistant').length
}

/** The first message of the conversation: the prompt. */
export function promptOf(messages: Array<{ content: unknown }> | undefined): string {
  const first = messages?.[0]?.content
  if (typeof first === 'string') return first
  return (Array.isArray(first) ? first : [])
    .map((block: { text?: string }) => block.text ?? '')
    .join('\n')
}
