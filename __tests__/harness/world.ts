// A whole GitHub on loopback for one test or one demo run: the REST emulator,
// a bare repository behind smart HTTP that demands the PAT, the scripted model
// server, a PR whose branch is checked out the way actions/checkout leaves it,
// and a function that runs the bundled action against all of it.

import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction, ROOT, type ActionRun } from './action-runner.js'
import { pullRequestEvent, type PullRequestEventOptions } from './events.js'
import {
  createBareRepo,
  advanceBranch,
  createBranch,
  simulateActionsCheckout,
  startGitServer,
  type GitServer,
  type RepoFiles,
  type SimulatedCheckout,
} from './git/index.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'
import { startModelServer, type ModelScript, type ModelServer } from './model/index.js'

export const CLAUDE_BINARY = path.join(ROOT, 'node_modules', '.bin', 'claude')

/** Fake credentials, fresh per world: recognisable, never real. */
function fakeSecret(kind: string): string {
  return `test-${kind}-${randomBytes(12).toString('hex')}`
}

export interface WorldOptions {
  script: ModelScript
  owner?: string
  repo?: string
  files?: RepoFiles
  title?: string
  body?: string
  draft?: boolean
  headRef?: string
  /** The PR author's login and permission. */
  author?: string
  authorPermission?: 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
  authorType?: 'User' | 'Bot'
  /** Give the workflow's token GitHub's installation-token form (`ghs_…`), as GITHUB_TOKEN has. */
  installationToken?: boolean
  /** Commits on the head branch before the PR's last one (a history deeper than a shallow fetch). */
  branchHistory?: number
}

export interface World {
  root: string
  owner: string
  repo: string
  fullName: string
  prNumber: number
  headRef: string
  baseSha: string
  headSha: string
  checkout: SimulatedCheckout
  emulator: GitHubEmulator
  git: GitServer
  gitRoot: string
  model: ModelServer
  secrets: { pat: string; actionsToken: string; modelKey: string }
  /** The PAT's own account, as GET /user reports it. */
  patLogin: string
  author: string
  event(overrides?: Partial<PullRequestEventOptions>): Record<string, unknown>
  run(options?: RunOptions): Promise<ActionRun>
  /**
   * A new machine for the next run: the workspace and RUNNER_TEMP emptied and
   * the PR checked out again as actions/checkout does (after a lost runner).
   */
  freshRunner(): Promise<void>
  close(): Promise<void>
}

export interface RunOptions {
  inputs?: Record<string, string>
  eventName?: string
  payload?: unknown
  env?: Record<string, string>
  runId?: number
  runAttempt?: number
  timeoutMs?: number
  onSpawn?: Parameters<typeof runAction>[0]['onSpawn']
  /** Another copy of the action (its action.yml and dist/) to run, to compare two builds. */
  actionPath?: string
}

export async function createWorld(options: WorldOptions): Promise<World> {
  const owner = options.owner ?? 'octo'
  const repo = options.repo ?? 'app'
  const fullName = `${owner}/${repo}`
  const headRef = options.headRef ?? 'task/greeting'
  const author = options.author ?? 'alice'
  const patLogin = 'automation'
  const secrets = {
    pat: fakeSecret('pat'),
    actionsToken: options.installationToken
      ? `ghs_${randomBytes(18).toString('hex')}`
      : fakeSecret('actions'),
    modelKey: fakeSecret('model-key'),
  }

  const root = await mkdtemp(path.join(tmpdir(), 'async-pr-world-'))
  const gitRoot = path.join(root, 'git')
  const workspace = path.join(root, 'workspace')
  const runnerTemp = path.join(root, 'runner-temp')
  await Promise.all([gitRoot, workspace, runnerTemp].map((dir) => mkdir(dir, { recursive: true })))

  const git = await startGitServer({ root: gitRoot, token: secrets.pat })
  const emulator = await startGitHubEmulator({ serverUrl: git.url })
  const model = await startModelServer(options.script)

  const { gitDir, sha: baseSha } = await createBareRepo(gitRoot, fullName, {
    files: options.files ?? { 'README.md': '# app\n' },
  })
  let headSha = await createBranch(gitRoot, fullName, headRef, {
    message: 'chore: trigger async task',
  })
  for (let i = 1; i <= (options.branchHistory ?? 0); i++) {
    headSha = await advanceBranch(gitRoot, fullName, headRef, {
      files: { 'history.txt': `${i}\n` },
      message: `Step ${i}`,
    })
  }

  const state = emulator.state
  state.addUser({ login: author, type: options.authorType ?? 'User' })
  state.addUser({ login: patLogin, type: 'User' })
  state.addRepo({ owner, name: repo, gitDir, private: true })
  if (options.authorPermission !== 'none') {
    state.addCollaborator(owner, repo, author, options.authorPermission ?? 'write')
  }
  state.addCollaborator(owner, repo, patLogin, 'write')
  state.addToken(secrets.pat, patLogin)
  state.addInstallationToken(secrets.actionsToken)
  const title = options.title ?? 'Add a greeting'
  const body = options.body ?? 'Create `hello.txt` containing a friendly greeting.'
  const pull = state.addPull({
    owner,
    repo,
    user: author,
    head: { ref: headRef },
    base: { ref: 'main' },
    title,
    body,
    draft: options.draft ?? false,
  })

  const checkoutOptions = {
    serverUrl: git.url,
    repo: fullName,
    token: secrets.pat,
    workspace,
    runnerTemp,
    prNumber: pull.number,
    headRef,
    baseRef: 'main',
  }
  const checkout = await simulateActionsCheckout(checkoutOptions)

  const world: World = {
    root,
    owner,
    repo,
    fullName,
    prNumber: pull.number,
    headRef,
    baseSha,
    headSha,
    checkout,
    emulator,
    git,
    gitRoot,
    model,
    secrets,
    patLogin,
    author,
    event(overrides = {}) {
      return pullRequestEvent({
        action: 'opened',
        owner,
        repo,
        number: pull.number,
        title,
        body,
        draft: options.draft ?? false,
        headRef,
        headSha,
        baseRef: 'main',
        baseSha,
        author: { login: author, type: options.authorType ?? 'User' },
        serverUrl: git.url,
        ...overrides,
      })
    },
    run(runOptions = {}) {
      return runAction({
        inputs: {
          github_token: secrets.pat,
          anthropic_api_key: secrets.modelKey,
          claude_path: CLAUDE_BINARY,
          ...runOptions.inputs,
        },
        eventName: runOptions.eventName ?? 'pull_request',
        payload: runOptions.payload ?? world.event(),
        repository: fullName,
        workspace,
        apiUrl: emulator.url,
        serverUrl: git.url,
        githubToken: secrets.actionsToken,
        runId: runOptions.runId,
        runAttempt: runOptions.runAttempt,
        runnerTemp,
        timeoutMs: runOptions.timeoutMs,
        onSpawn: runOptions.onSpawn,
        actionPath: runOptions.actionPath,
        env: {
          ANTHROPIC_BASE_URL: model.url,
          // The CLI retries API errors with backoff; one retry keeps error tests quick.
          CLAUDE_CODE_MAX_RETRIES: '0',
          ...runOptions.env,
        },
      })
    },
    async freshRunner() {
      for (const dir of [workspace, runnerTemp]) {
        await rm(dir, { recursive: true, force: true })
        await mkdir(dir, { recursive: true })
      }
      world.checkout = await simulateActionsCheckout(checkoutOptions)
    },
    async close() {
      await Promise.allSettled([model.close(), emulator.close(), git.close()])
      await rm(root, { recursive: true, force: true })
    },
  }
  return world
}
