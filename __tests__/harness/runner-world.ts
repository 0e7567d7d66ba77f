// A loopback world built from a real Actions job's own event and checkout: the
// project's CI cannot point GITHUB_API_URL or GITHUB_SERVER_URL anywhere (GitHub
// ignores a step's `env:` for GITHUB_*), so the job keeps the runner's event,
// workspace and repository, and hands the action this world through the inputs
// `api_url` and `server_url`. The world serves that repository and that PR:
//  - a GitHub emulator seeded with the repository and the event's PR (same
//    number, title, body, author, head and base);
//  - a git server whose bare repository is cloned from the job's checkout, with
//    the PR's head and base branches at the event's commits (so the checkout
//    needs them: `fetch-depth: 0`);
//  - the scripted model, which writes one file.
// After the action, `verify` says whether what the world saw matches what the
// event asks of the action (see expectedOutcome).

import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { git, startGitServer, tryGit, type GitServer } from './git/index.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'
import { say, startModelServer, writeFile, type ModelServer } from './model/index.js'

/** What the action reads from the runner, which a workflow cannot change. */
export interface RunnerEnv {
  GITHUB_EVENT_NAME?: string
  GITHUB_EVENT_PATH?: string
  GITHUB_REPOSITORY?: string
  GITHUB_WORKSPACE?: string
}

interface Account {
  login: string
  type?: string
}

interface PullRequestEvent {
  action?: string
  sender?: Account
  repository?: { full_name?: string; default_branch?: string; private?: boolean }
  pull_request?: {
    number: number
    title: string
    body: string | null
    state: string
    draft?: boolean
    user: Account
    head: { ref: string; sha: string; repo: { full_name: string } | null }
    base: { ref: string; sha: string; repo: { full_name: string; default_branch?: string } }
  }
}

export type ExpectedOutcome =
  { conclusion: 'success' } | { conclusion: 'skipped'; skipReason: string }

/**
 * What the README promises for a pull_request event, written out independently
 * of src/event.ts: a run for an open, ready PR of this repository with a task,
 * when it was opened, reopened or marked ready; otherwise a skip and its reason.
 * The world makes its author and sender writers, so trust never refuses.
 */
export function expectedOutcome(event: PullRequestEvent): ExpectedOutcome {
  const pr = event.pull_request
  if (!pr || !['opened', 'reopened', 'ready_for_review'].includes(event.action ?? '')) {
    return { conclusion: 'skipped', skipReason: 'unsupported_event' }
  }
  if (pr.state !== 'open') return { conclusion: 'skipped', skipReason: 'closed' }
  if (pr.draft) return { conclusion: 'skipped', skipReason: 'draft' }
  if (pr.head.repo?.full_name !== pr.base.repo.full_name) {
    return { conclusion: 'skipped', skipReason: 'fork' }
  }
  if (pr.head.ref === pr.base.repo.default_branch) {
    return { conclusion: 'skipped', skipReason: 'default_branch' }
  }
  if ((pr.body ?? '').trim() === '') return { conclusion: 'skipped', skipReason: 'empty_task' }
  if ([pr.user, event.sender].some((who) => who?.type === 'Bot')) {
    return { conclusion: 'skipped', skipReason: 'bot' }
  }
  return { conclusion: 'success' }
}

/** The file the scripted agent writes into the workspace. */
export const AGENT_FILE = 'async-pr-loopback-check.txt'
export const AGENT_TEXT = 'Written by the scripted model of the loopback world.\n'

export interface RunnerWorld {
  root: string
  owner: string
  repo: string
  prNumber: number
  headRef: string
  headSha: string
  baseRef: string
  baseSha: string
  workspace: string
  expected: ExpectedOutcome
  emulator: GitHubEmulator
  git: GitServer
  gitDir: string
  model: ModelServer
  secrets: { pat: string; actionsToken: string; modelKey: string }
  /** What the world saw, against what the event asks; empty when all is well. */
  verify(outputs: Record<string, string>): Promise<string[]>
  close(): Promise<void>
}

function fakeSecret(kind: string): string {
  return `test-${kind}-${randomBytes(12).toString('hex')}`
}

function need(env: RunnerEnv, name: keyof RunnerEnv): string {
  const value = env[name]
  if (!value) throw new Error(`${name} is not set: run this inside an Actions job (or its test).`)
  return value
}

async function hasCommit(gitDir: string, sha: string): Promise<boolean> {
  const found = await tryGit(['cat-file', '-e', `${sha}^{commit}`], { env: { GIT_DIR: gitDir } })
  return found.code === 0
}

/** A bare repository cloned from the job's checkout, with the PR's branches at the event's commits. */
async function bareRepoFromCheckout(
  gitRoot: string,
  fullName: string,
  workspace: string,
  branches: Record<string, string>,
  defaultBranch: string,
): Promise<string> {
  const gitDir = path.join(gitRoot, `${fullName}.git`)
  await mkdir(path.dirname(gitDir), { recursive: true })
  // A local clone copies the whole object store, so every commit the checkout has is served.
  await git(['clone', '--quiet', '--bare', '--no-tags', workspace, gitDir])
  const env = { GIT_DIR: gitDir }
  await git(['remote', 'remove', 'origin'], { env })
  for (const [branch, sha] of Object.entries(branches)) {
    if (!(await hasCommit(gitDir, sha))) {
      throw new Error(
        `The checkout in ${workspace} does not have commit ${sha} (${branch}) of the event: check out with \`fetch-depth: 0\` so the loopback git server can be built from it.`,
      )
    }
    await git(['update-ref', `refs/heads/${branch}`, sha], { env })
  }
  await git(['symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`], { env })
  return gitDir
}

export async function createRunnerWorld(env: RunnerEnv): Promise<RunnerWorld> {
  const eventName = need(env, 'GITHUB_EVENT_NAME')
  if (eventName !== 'pull_request') {
    throw new Error(
      `The loopback world serves pull_request events; this job runs on ${eventName}, where async-pr only skips (run the job on pull_request).`,
    )
  }
  const event = JSON.parse(
    await readFile(need(env, 'GITHUB_EVENT_PATH'), 'utf8'),
  ) as PullRequestEvent
  const pr = event.pull_request
  if (!pr) throw new Error('The pull_request event has no pull_request.')
  const fullName = need(env, 'GITHUB_REPOSITORY')
  const [owner, repo] = fullName.split('/') as [string, string]
  const workspace = path.resolve(need(env, 'GITHUB_WORKSPACE'))
  const defaultBranch = event.repository?.default_branch ?? pr.base.ref
  const secrets = {
    pat: fakeSecret('pat'),
    actionsToken: fakeSecret('actions'),
    modelKey: fakeSecret('model-key'),
  }
  const patLogin = 'async-pr-loopback-automation'

  const root = await mkdtemp(path.join(tmpdir(), 'async-pr-runner-world-'))
  const gitRoot = path.join(root, 'git')
  const branches: Record<string, string> = { [pr.base.ref]: pr.base.sha }
  if (pr.head.ref !== pr.base.ref) branches[pr.head.ref] = pr.head.sha
  const gitDir = await bareRepoFromCheckout(gitRoot, fullName, workspace, branches, defaultBranch)

  const gitServer = await startGitServer({ root: gitRoot, token: secrets.pat })
  const emulator = await startGitHubEmulator({ serverUrl: gitServer.url })
  const agentFile = path.join(workspace, AGENT_FILE)
  const model = await startModelServer(
    ({ step }) =>
      [writeFile(agentFile, AGENT_TEXT), say(`Wrote ${AGENT_FILE} in the loopback world.`)][step],
  )

  const state = emulator.state
  for (const who of [pr.user, event.sender]) {
    if (!who || state.user(who.login)) continue
    state.addUser({ login: who.login, type: who.type === 'Bot' ? 'Bot' : 'User' })
  }
  state.addUser({ login: patLogin, type: 'User' })
  state.addRepo({
    owner,
    name: repo,
    gitDir,
    default_branch: defaultBranch,
    private: event.repository?.private ?? false,
  })
  for (const who of [pr.user, event.sender]) {
    if (who) state.addCollaborator(owner, repo, who.login, 'write')
  }
  state.addCollaborator(owner, repo, patLogin, 'write')
  state.addToken(secrets.pat, patLogin)
  state.addInstallationToken(secrets.actionsToken)
  state.addPull({
    owner,
    repo,
    number: pr.number,
    user: pr.user.login,
    head: { ref: pr.head.ref, sha: pr.head.sha },
    base: { ref: pr.base.ref, sha: pr.base.sha },
    title: pr.title,
    body: pr.body,
    draft: pr.draft ?? false,
    state: pr.state === 'closed' ? 'closed' : 'open',
  })

  const expected = expectedOutcome(event)
  const world: RunnerWorld = {
    root,
    owner,
    repo,
    prNumber: pr.number,
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    baseSha: pr.base.sha,
    workspace,
    expected,
    emulator,
    git: gitServer,
    gitDir,
    model,
    secrets,
    async verify(outputs) {
      const problems = emulator.violations.map((v) => `GitHub would reject: ${v}`)
      const tip = await inRepo(['rev-parse', `refs/heads/${pr.head.ref}`])
      const statusComments = state
        .comments(owner, repo, pr.number)
        .filter((c) => c.body.includes('<!-- async-pr:status -->'))
      if (outputs.conclusion !== expected.conclusion) {
        problems.push(
          `conclusion is "${outputs.conclusion ?? ''}"; this event asks for ${expected.conclusion}`,
        )
      }
      if (expected.conclusion === 'skipped') {
        if (outputs.skip_reason !== expected.skipReason) {
          problems.push(`skip_reason is "${outputs.skip_reason ?? ''}", not ${expected.skipReason}`)
        }
        if (tip !== pr.head.sha) problems.push(`a skipped run moved ${pr.head.ref} to ${tip}`)
        if (statusComments.length > 0) problems.push('a skipped run posted a status comment')
        return problems
      }
      if (!outputs.commit_sha || outputs.commit_sha !== tip) {
        problems.push(`commit_sha "${outputs.commit_sha ?? ''}" is not ${pr.head.ref}'s tip ${tip}`)
      } else {
        const parent = await inRepo(['rev-parse', `${tip}^`])
        if (parent !== pr.head.sha) problems.push(`the commit's parent is ${parent}, not the head`)
        const written = await inRepo(['show', `${tip}:${AGENT_FILE}`]).catch(() => undefined)
        if (written !== AGENT_TEXT.trimEnd()) problems.push(`${AGENT_FILE} is not in the commit`)
      }
      const [comment, ...more] = statusComments
      if (!comment || more.length > 0) {
        problems.push(`${statusComments.length} status comments on #${pr.number}, not one`)
      } else {
        if (comment.user !== 'github-actions[bot]') {
          problems.push(`the status comment is by ${comment.user}, not the comment token's bot`)
        }
        if (!comment.body.includes('✅')) problems.push('the status comment does not say success')
        if (outputs.comment_id !== String(comment.id)) {
          problems.push(`comment_id "${outputs.comment_id ?? ''}" is not ${comment.id}`)
        }
      }
      return problems
    },
    async close() {
      await Promise.allSettled([model.close(), emulator.close(), gitServer.close()])
      await rm(root, { recursive: true, force: true })
    },
  }
  function inRepo(args: string[]): Promise<string> {
    return git(args, { env: { GIT_DIR: gitDir } })
  }
  return world
}
