// The `action` job of .github/workflows/ci.yml, run here as far as this machine
// allows: the runner's environment as GitHub sets it (and a workflow cannot
// change), a pull_request event from GitHub's webhook examples for this
// repository, a checkout of this repository as actions/checkout leaves it, and
// the job's own steps read from the workflow file: the loopback world started
// by its `run:` step from that event and checkout, the action (`uses: ./`) with
// its `with:` as written, and the check step. "GitHub" itself is a server that
// answers nothing and counts what reaches it: the action must reach the world
// through the inputs api_url and server_url, never through GITHUB_API_URL.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT } from '../harness/action-runner.js'
import { pullRequestEvent } from '../harness/events.js'
import {
  git,
  simulateActionsCheckout,
  startGitServer,
  type GitServer,
} from '../harness/git/index.js'
import { runWorkflowJob, type JobResult } from '../harness/workflow-job.js'

const OWNER = 'async-pr'
const REPO = 'async-pr'
const PR_NUMBER = 16
const HEAD_REF = 'ci/loopback-check'

interface Trap {
  url: string
  requests: string[]
  close(): Promise<void>
}

/** Stands in for api.github.com: every request is a failure of the test. */
async function startTrap(): Promise<Trap> {
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    response.writeHead(503).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * GitHub's copy of this repository: main at this checkout's HEAD, and the PR's
 * branch one commit on, holding the working tree as it is now (so the job runs
 * the code being tested, committed or not; node_modules and the like stay out
 * through .gitignore).
 */
async function publishThisRepository(gitRoot: string): Promise<{ base: string; head: string }> {
  const gitDir = path.join(gitRoot, OWNER, `${REPO}.git`)
  await mkdir(gitDir, { recursive: true })
  const env = { GIT_DIR: gitDir }
  await git(['init', '--quiet', '--bare', gitDir])
  await git(['fetch', '--quiet', '--no-tags', ROOT, 'HEAD:refs/heads/main'], { env })
  await git(['symbolic-ref', 'HEAD', 'refs/heads/main'], { env })
  const base = await git(['rev-parse', 'refs/heads/main'], { env })
  const index = {
    ...env,
    GIT_WORK_TREE: ROOT,
    GIT_INDEX_FILE: path.join(gitRoot, 'snapshot-index'),
  }
  await git(['read-tree', base], { env: index })
  await git(['add', '--all'], { env: index })
  const tree = await git(['write-tree'], { env: index })
  const head = await git(
    ['commit-tree', tree, '-p', base, '-m', 'Check the action job on loopback'],
    {
      env: {
        ...env,
        GIT_AUTHOR_NAME: 'Octo Cat',
        GIT_AUTHOR_EMAIL: 'octocat@example.com',
        GIT_COMMITTER_NAME: 'Octo Cat',
        GIT_COMMITTER_EMAIL: 'octocat@example.com',
      },
    },
  )
  await git(['update-ref', `refs/heads/${HEAD_REF}`, head], { env })
  return { base, head }
}

/** `npm ci`, done here by linking this repository's installed packages. */
async function linkDependencies(workspace: string): Promise<void> {
  const into = path.join(workspace, 'node_modules')
  await mkdir(into)
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    await symlink(path.join(ROOT, 'node_modules', entry), path.join(into, entry))
  }
}

let root: string
let github: GitServer
let trap: Trap
let shas: { base: string; head: string }
const githubToken = `test-github-token-${randomBytes(8).toString('hex')}`

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'async-pr-ci-job-'))
  const gitRoot = path.join(root, 'github')
  shas = await publishThisRepository(gitRoot)
  github = await startGitServer({ root: gitRoot, token: githubToken })
  trap = await startTrap()
})

afterAll(async () => {
  await Promise.allSettled([github?.close(), trap?.close()])
  if (root) await rm(root, { recursive: true, force: true })
})

interface JobRun {
  job: JobResult
  /** How many requests GitHub's git server had had when the checkout was done. */
  requestsAfterCheckout: number
}

async function runTheJob(action: 'opened' | 'synchronize', name: string): Promise<JobRun> {
  const workspace = path.join(root, name, 'work', REPO, REPO)
  const runnerTemp = path.join(root, name, 'temp')
  await mkdir(runnerTemp, { recursive: true })
  const payload = pullRequestEvent({
    action,
    owner: OWNER,
    repo: REPO,
    number: PR_NUMBER,
    title: 'Check the action job on loopback',
    body: 'Write a file, so the loopback world sees a commit.',
    headRef: HEAD_REF,
    headSha: shas.head,
    baseRef: 'main',
    baseSha: shas.base,
    author: { login: 'octocat', id: 583231 },
    serverUrl: github.url,
  })
  // This repository's default branch is main (the examples' is master).
  for (const repository of [payload.repository, payload.pull_request.base.repo]) {
    repository.default_branch = 'main'
  }
  let requestsAfterCheckout = -1
  const job = await runWorkflowJob({
    workflowFile: path.join(ROOT, '.github', 'workflows', 'ci.yml'),
    jobId: 'action',
    workspace,
    runnerTemp,
    eventName: 'pull_request',
    payload,
    repository: `${OWNER}/${REPO}`,
    github: { token: githubToken, api_url: trap.url, server_url: github.url },
    uses: {
      'actions/checkout': async (inputs) => {
        await simulateActionsCheckout({
          serverUrl: github.url,
          repo: `${OWNER}/${REPO}`,
          token: githubToken,
          workspace,
          runnerTemp,
          prNumber: PR_NUMBER,
          headRef: HEAD_REF,
          baseRef: 'main',
          fetchDepth: Number(inputs['fetch-depth'] ?? 1),
        })
        requestsAfterCheckout = github.requests.length
      },
      'actions/setup-node': async (inputs) => {
        expect(inputs['node-version']).toBe(process.versions.node.split('.')[0])
      },
    },
    runs: { 'npm ci': () => linkDependencies(workspace) },
    stepTimeoutMs: 120_000,
  })
  return { job, requestsAfterCheckout }
}

function report(job: JobResult): string {
  return job.steps.map((s) => `## ${s.name}: ${s.outcome}\n${s.log.slice(-4000)}`).join('\n')
}

describe('the CI workflow’s action job', () => {
  it('runs the whole pipeline on the pull request’s own event and checkout, reaching the world through api_url and server_url', async () => {
    const { job, requestsAfterCheckout } = await runTheJob('opened', 'opened')
    expect(job.ran).toBe(true)
    const outcomes = job.steps.map((s) => [s.name, s.outcome])
    expect({ outcomes, log: report(job) }).toMatchObject({
      outcomes: job.steps.map((s) => [s.name, 'success']),
    })
    const action = job.steps.find((s) => s.action)?.action
    expect(action?.exitCode).toBe(0)
    expect(action?.outputs.conclusion).toBe('success')
    expect(action?.outputs.commit_sha).toMatch(/^[0-9a-f]{40}$/)
    expect(action?.summary).toContain('async-pr')
    // The check step saw the world agree with the outputs (it fails the job otherwise).
    expect(job.steps.at(-1)?.log).toContain('the world agrees')
    // Nothing went to "GitHub": not its API, and past the checkout not its git server either.
    expect(trap.requests).toEqual([])
    expect(requestsAfterCheckout).toBeGreaterThan(0)
    expect(github.requests.slice(requestsAfterCheckout)).toEqual([])
    expect(job.leftovers).toBe(0)
  }, 180_000)

  it('checks the skip a push to the pull request asks for', async () => {
    const { job } = await runTheJob('synchronize', 'synchronize')
    expect(job.ran).toBe(true)
    expect({ log: report(job), outcomes: job.steps.map((s) => s.outcome) }).toMatchObject({
      outcomes: job.steps.map(() => 'success'),
    })
    const action = job.steps.find((s) => s.action)?.action
    expect(action?.outputs).toMatchObject({
      conclusion: 'skipped',
      skip_reason: 'unsupported_event',
    })
    expect(job.steps.at(-1)?.log).toContain('the world agrees')
    expect(trap.requests).toEqual([])
    expect(job.leftovers).toBe(0)
  }, 180_000)
})
