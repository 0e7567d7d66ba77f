// One loopback GitHub for many runs at once: one REST emulator (one comment token, so
// GitHub's per-token secondary limits apply to all runs together), one git server with one
// repository and a branch per PR, one model server, and a workspace checked out like
// actions/checkout for each PR. __tests__/harness/world.ts builds the one-PR version of this.

import { randomBytes } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction, type ActionRun } from '../../__tests__/harness/action-runner.js'
import { pullRequestEvent } from '../../__tests__/harness/events.js'
import {
  branchSha,
  createBareRepo,
  createBranch,
  simulateActionsCheckout,
  type GitServer,
} from '../../__tests__/harness/git/index.js'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type SecondaryRateLimitOptions,
} from '../../__tests__/harness/github/index.js'
import {
  startModelServer,
  type ModelScript,
  type ModelServer,
} from '../../__tests__/harness/model/index.js'
import { CLAUDE_BINARY } from '../../__tests__/harness/world.js'
import { startGitServerProcess } from './git-server-process.js'

export interface PrSlot {
  number: number
  headRef: string
  headSha: string
  baseSha: string
  workspace: string
  runnerTemp: string
}

export interface SharedWorld {
  owner: string
  repo: string
  fullName: string
  gitRoot: string
  emulator: GitHubEmulator
  git: GitServer
  model: ModelServer
  secrets: { pat: string; actionsToken: string; modelKey: string }
  prs: PrSlot[]
  run(slot: PrSlot, options: SlotRunOptions): Promise<ActionRun>
  branchSha(slot: PrSlot): Promise<string | undefined>
  close(): Promise<void>
}

export interface SlotRunOptions {
  runId: number
  inputs?: Record<string, string>
  env?: Record<string, string>
  timeoutMs?: number
  onSpawn?: Parameters<typeof runAction>[0]['onSpawn']
}

const secret = (kind: string) => `test-${kind}-${randomBytes(12).toString('hex')}`

/** Runs `task` over `items` with at most `limit` at a time (set-up only, never the measurement). */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = []
  for (let i = 0; i < items.length; i += limit)
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))))
  return results
}

export async function createSharedWorld(options: {
  count: number
  script: ModelScript
  secondaryRateLimit?: SecondaryRateLimitOptions
}): Promise<SharedWorld> {
  const owner = 'octo'
  const repo = 'app'
  const fullName = `${owner}/${repo}`
  const author = 'alice'
  const secrets = { pat: secret('pat'), actionsToken: secret('actions'), modelKey: secret('key') }
  const root = await mkdtemp(path.join(tmpdir(), 'async-pr-bench-'))
  // Traversable, like a runner's work directory. Left private (mkdtemp's 0700), the runs would
  // share an ancestor that each one's sandbox opens for its agent user and closes again when
  // it finishes, under the agents of the runs still working (EACCES, no changes): a race in
  // src/agent/sandbox.ts that BENCH_SCALE_PRIVATE_ROOT=1 reproduces.
  if (process.env.BENCH_SCALE_PRIVATE_ROOT !== '1') await chmod(root, 0o711)
  const gitRoot = path.join(root, 'git')
  await mkdir(gitRoot, { recursive: true })

  const git = await startGitServerProcess({ root: gitRoot, token: secrets.pat })
  const emulator = await startGitHubEmulator({
    serverUrl: git.url,
    secondaryRateLimit: options.secondaryRateLimit,
  })
  const model = await startModelServer(options.script)
  const { gitDir, sha: baseSha } = await createBareRepo(gitRoot, fullName, {
    files: { 'README.md': '# app\n' },
  })
  const state = emulator.state
  state.addUser({ login: author, type: 'User' })
  state.addUser({ login: 'automation', type: 'User' })
  state.addRepo({ owner, name: repo, gitDir, private: true })
  state.addCollaborator(owner, repo, author, 'write')
  state.addCollaborator(owner, repo, 'automation', 'write')
  state.addToken(secrets.pat, 'automation')
  state.addInstallationToken(secrets.actionsToken)

  const indexes = Array.from({ length: options.count }, (_, i) => i + 1)
  // Branches one by one: each is a compare-and-swap on the same bare repository.
  const heads: Array<{ headRef: string; headSha: string }> = []
  for (const i of indexes) {
    const headRef = `task/bench-${i}`
    heads.push({ headRef, headSha: await createBranch(gitRoot, fullName, headRef) })
  }
  const prs = await inBatches(indexes, 5, async (i) => {
    const { headRef, headSha } = heads[i - 1] as { headRef: string; headSha: string }
    const pull = state.addPull({
      owner,
      repo,
      user: author,
      head: { ref: headRef },
      base: { ref: 'main' },
      title: `Bench task ${i}`,
      body: 'Create `hello.txt` containing a friendly greeting.',
      number: i,
    })
    const workspace = path.join(root, `run-${i}`, 'workspace')
    const runnerTemp = path.join(root, `run-${i}`, 'runner-temp')
    await simulateActionsCheckout({
      serverUrl: git.url,
      repo: fullName,
      token: secrets.pat,
      workspace,
      runnerTemp,
      prNumber: pull.number,
      headRef,
      baseRef: 'main',
    })
    return { number: pull.number, headRef, headSha, baseSha, workspace, runnerTemp }
  })

  return {
    owner,
    repo,
    fullName,
    gitRoot,
    emulator,
    git,
    model,
    secrets,
    prs,
    run(slot, run) {
      return runAction({
        inputs: {
          github_token: secrets.pat,
          anthropic_api_key: secrets.modelKey,
          claude_path: CLAUDE_BINARY,
          ...run.inputs,
        },
        eventName: 'pull_request',
        payload: pullRequestEvent({
          action: 'opened',
          owner,
          repo,
          number: slot.number,
          title: `Bench task ${slot.number}`,
          body: 'Create `hello.txt` containing a friendly greeting.',
          headRef: slot.headRef,
          headSha: slot.headSha,
          baseRef: 'main',
          baseSha: slot.baseSha,
          author: { login: author, type: 'User' },
          serverUrl: git.url,
        }),
        repository: fullName,
        workspace: slot.workspace,
        apiUrl: emulator.url,
        serverUrl: git.url,
        githubToken: secrets.actionsToken,
        runId: run.runId,
        runnerTemp: slot.runnerTemp,
        timeoutMs: run.timeoutMs,
        onSpawn: run.onSpawn,
        env: { ANTHROPIC_BASE_URL: model.url, CLAUDE_CODE_MAX_RETRIES: '0', ...run.env },
      })
    },
    branchSha: (slot) => branchSha(gitRoot, fullName, slot.headRef),
    async close() {
      await Promise.allSettled([model.close(), emulator.close(), git.close()])
      await rm(root, { recursive: true, force: true })
    },
  }
}
