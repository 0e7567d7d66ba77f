// Self-test of the git harness: real git clients against `git http-backend` behind the token
// check, seeding helpers, and the simulated actions/checkout workspace.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import {
  advanceBranch,
  branchSha,
  commitInfo,
  createBareRepo,
  createBranch,
  deleteBranch,
  extraHeaderConfig,
  fileAt,
  git,
  installRejectHook,
  removeRejectHook,
  simulateActionsCheckout,
  startGitServer,
  tokenEnv,
  tryGit,
  type GitServer,
} from './git/index.js'

const TOKEN = 'ghp_harnessToken0123456789abcdef'
const REPO = 'octo-org/demo'
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
}

let tmp: string
let root: string
let server: GitServer
let initialSha: string
let taskSha: string

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'async-pr-git-test-'))
  root = path.join(tmp, 'repos')
  initialSha = (
    await createBareRepo(root, REPO, {
      files: { 'README.md': '# demo\n', 'src/app.txt': 'version 1\n' },
    })
  ).sha
  // The PR branch starts with an empty commit, as users open task PRs.
  taskSha = await createBranch(root, REPO, 'task-1', { message: 'Task: add a greeting' })
  server = await startGitServer({ root, token: TOKEN })
})

afterAll(async () => {
  await server?.close()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

function dir(name: string): string {
  return path.join(tmp, name)
}

const remote = (): string => `${server.url}/${REPO}`

describe('seeding helpers', () => {
  it('creates the repository and an empty-commit branch', async () => {
    expect(await branchSha(root, REPO, 'main')).toBe(initialSha)
    expect(await branchSha(root, REPO, 'task-1')).toBe(taskSha)
    const task = await commitInfo(root, REPO, 'task-1')
    expect(task).toMatchObject({ parents: [initialSha], subject: 'Task: add a greeting' })
    expect(await fileAt(root, REPO, 'task-1', 'src/app.txt')).toBe('version 1\n')
    expect(await fileAt(root, REPO, 'task-1', 'missing.txt')).toBeUndefined()
  })

  it('advances and deletes branches', async () => {
    await createBranch(root, REPO, 'scratch', { files: { 'a.txt': 'a\n' } })
    const before = await branchSha(root, REPO, 'scratch')
    const after = await advanceBranch(root, REPO, 'scratch', { files: { 'b.txt': 'b\n' } })
    expect((await commitInfo(root, REPO, after)).parents).toEqual([before])
    expect((await commitInfo(root, REPO, after)).authorName).toBe('Someone Else')
    await deleteBranch(root, REPO, 'scratch')
    expect(await branchSha(root, REPO, 'scratch')).toBeUndefined()
  })
})

describe('git over smart HTTP with a token', () => {
  it('clones with the right token and never records it', async () => {
    const started = performance.now()
    const result = await tryGit(['clone', '--quiet', remote(), dir('clone-ok')], {
      env: tokenEnv(server.url, TOKEN),
    })
    const ms = performance.now() - started
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(dir('clone-ok'), 'src/app.txt'), 'utf8')).toBe('version 1\n')
    expect(ms).toBeLessThan(10_000)
    const requests = server.requests.filter((r) => r.path.startsWith(`/${REPO}/`))
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.every((r) => r.authorized && r.user === 'x-access-token')).toBe(true)
    const recorded = JSON.stringify(server.requests)
    expect(recorded).not.toContain(TOKEN)
    expect(recorded).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'))
  })

  it('refuses a clone with a wrong token (401)', async () => {
    const before = server.requests.length
    const result = await tryGit(['clone', '--quiet', remote(), dir('clone-wrong')], {
      env: tokenEnv(server.url, 'ghp_wrong'),
    })
    expect(result.code).not.toBe(0)
    const seen = server.requests.slice(before)
    expect(seen[0]).toMatchObject({ authorized: false, status: 401, user: 'x-access-token' })
    expect(seen.some((r) => r.authorized)).toBe(false)
  })

  it('refuses a clone without a token (401 with a Basic challenge)', async () => {
    const before = server.requests.length
    const result = await tryGit(['clone', '--quiet', remote(), dir('clone-none')])
    expect(result.code).not.toBe(0)
    expect(server.requests.slice(before)).toEqual([
      expect.objectContaining({ authorized: false, status: 401 }),
    ])
    const res = await fetch(`${remote()}.git/info/refs?service=git-upload-pack`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="GitHub"')
  })

  it('answers 400 to two Authorization headers, as GitHub does', async () => {
    const { key, value } = extraHeaderConfig(server.url, TOKEN)
    const twoHeaders = (firstKey: string) => ({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: firstKey,
      GIT_CONFIG_VALUE_0: value,
      GIT_CONFIG_KEY_1: 'http.extraheader',
      GIT_CONFIG_VALUE_1: value,
    })
    // Two values of one key: git sends both headers.
    const twice = await tryGit(['ls-remote', remote()], { env: twoHeaders('http.extraheader') })
    expect(twice.code).not.toBe(0)
    expect(server.requests.at(-1)).toMatchObject({ status: 400, authorized: false })
    // A URL-specific and a generic value: the URL-specific one wins, one header goes out.
    const specific = await tryGit(['ls-remote', remote()], { env: twoHeaders(key) })
    expect(specific.code).toBe(0)
    expect(server.requests.at(-1)).toMatchObject({ status: 200, authorized: true })
  })

  it('passes a gzip request body and protocol v2 through to http-backend', async () => {
    const body = gzipSync(Buffer.from('0014command=ls-refs\n0001' + '0000'))
    const auth = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    const text = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        `${remote()}.git/git-upload-pack`,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${auth}`,
            'content-type': 'application/x-git-upload-pack-request',
            'content-encoding': 'gzip',
            'git-protocol': 'version=2',
          },
          timeout: 10_000,
        },
        (res) => {
          let data = ''
          res.setEncoding('utf8').on('data', (d: string) => (data += d))
          res.on('end', () => resolve(`${res.statusCode} ${data}`))
        },
      )
      req.on('error', reject)
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.end(body)
    })
    expect(text).toMatch(/^200 /)
    expect(text).toContain(`${initialSha} refs/heads/main`)
  })

  it('pushes with the token, and a reject hook refuses with its message', async () => {
    const work = dir('clone-push')
    await git(['clone', '--quiet', remote(), work], { env: tokenEnv(server.url, TOKEN) })
    await git(['checkout', '--quiet', 'task-1'], { cwd: work })
    writeFileSync(path.join(work, 'greeting.txt'), 'hello\n')
    await git(['add', 'greeting.txt'], { cwd: work })
    await git(['commit', '--quiet', '-m', 'Add greeting'], { cwd: work, env: IDENTITY })
    const local = await git(['rev-parse', 'HEAD'], { cwd: work })

    const started = performance.now()
    const pushed = await tryGit(['push', 'origin', 'HEAD:refs/heads/task-1'], {
      cwd: work,
      env: tokenEnv(server.url, TOKEN),
    })
    const ms = performance.now() - started
    expect(pushed.code).toBe(0)
    expect(ms).toBeLessThan(10_000)
    expect(await branchSha(root, REPO, 'task-1')).toBe(local)
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/${REPO}/git-receive-pack`,
      authorized: true,
      status: 200,
    })

    await installRejectHook(root, REPO, {
      message: 'error: GH006: Protected branch update failed for refs/heads/task-1.',
    })
    try {
      writeFileSync(path.join(work, 'greeting.txt'), 'hello again\n')
      await git(['commit', '--quiet', '-am', 'Change greeting'], { cwd: work, env: IDENTITY })
      const refused = await tryGit(['push', 'origin', 'HEAD:refs/heads/task-1'], {
        cwd: work,
        env: tokenEnv(server.url, TOKEN),
      })
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain(
        'remote: error: GH006: Protected branch update failed for refs/heads/task-1.',
      )
      expect(refused.stderr).toContain('pre-receive hook declined')
      expect(await branchSha(root, REPO, 'task-1')).toBe(local)
    } finally {
      await removeRejectHook(root, REPO)
    }
  })

  it('refuses a push without the token', async () => {
    const work = dir('clone-push')
    const before = server.requests.length
    const refused = await tryGit(['push', 'origin', 'HEAD:refs/heads/task-1'], { cwd: work })
    expect(refused.code).not.toBe(0)
    expect(server.requests.slice(before)).toEqual([
      expect.objectContaining({ authorized: false, status: 401 }),
    ])
  })
})

describe('simulateActionsCheckout', () => {
  it('leaves a shallow detached merge commit, token persisted through includeIf', async () => {
    await createBranch(root, REPO, 'task-2', { message: 'Task: two' })
    const headSha = (await branchSha(root, REPO, 'task-2'))!
    // main moves on after the branch was cut, so the merge is a real two-parent merge.
    const baseSha = await advanceBranch(root, REPO, 'main', { files: { 'later.txt': 'later\n' } })
    const workspace = dir('workspace')
    const runnerTemp = dir('runner-temp')
    const checkout = await simulateActionsCheckout({
      serverUrl: server.url,
      repo: REPO,
      token: TOKEN,
      workspace,
      runnerTemp,
      prNumber: 7,
      headRef: 'task-2',
      baseRef: 'main',
    })
    expect(checkout).toMatchObject({ headSha, baseSha })
    const inWs = { cwd: workspace }

    // Detached HEAD at the merge commit, parents base then PR head, message as GitHub writes it.
    expect((await tryGit(['symbolic-ref', '-q', 'HEAD'], inWs)).code).not.toBe(0)
    expect(await git(['rev-parse', 'HEAD'], inWs)).toBe(checkout.mergeSha)
    const raw = await git(['cat-file', '-p', 'HEAD'], inWs)
    const parents = [...raw.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1])
    expect(parents).toEqual([baseSha, headSha])
    expect(raw).toContain(`Merge ${headSha} into ${baseSha}`)
    expect(await git(['rev-parse', '--is-shallow-repository'], inWs)).toBe('true')
    expect(readFileSync(path.join(workspace, 'later.txt'), 'utf8')).toBe('later\n')
    expect(await branchSha(root, REPO, 'refs/pull/7/merge')).toBe(checkout.mergeSha)
    expect(await branchSha(root, REPO, 'refs/pull/7/head')).toBe(headSha)

    // origin carries no token; the header comes from the file under RUNNER_TEMP via includeIf.
    expect(await git(['remote', 'get-url', 'origin'], inWs)).toBe(`${server.url}/${REPO}`)
    const key = `http.${server.url}/.extraheader`
    expect(checkout.extraHeaderKey).toBe(key)
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    const expected = `AUTHORIZATION: basic ${basic}`
    expect(await git(['config', '--get-all', key], inWs)).toBe(expected)
    expect((await tryGit(['config', '--local', '--get-all', key], inWs)).code).not.toBe(0)
    expect(path.dirname(checkout.credentialsPath)).toBe(runnerTemp)
    expect(path.basename(checkout.credentialsPath)).toMatch(
      /^git-credentials-[0-9a-f-]{36}\.config$/,
    )
    expect(readFileSync(checkout.credentialsPath, 'utf8')).toContain(expected)
    const includes = await git(['config', '--local', '--get-regexp', '^includeif\\.'], inWs)
    expect(includes).toContain(
      `includeif.gitdir:${workspace}/.git.path ${checkout.credentialsPath}`,
    )
    expect(includes).toContain('includeif.gitdir:/github/workspace/.git.path /github/runner_temp/')
    expect((await tryGit(['config', 'user.name'], inWs)).code).not.toBe(0)

    // And the persisted token works: fetching the PR head from the workspace is authorized.
    const before = server.requests.length
    await git(['fetch', '--quiet', 'origin', 'task-2'], inWs)
    expect(server.requests.slice(before).every((r) => r.authorized)).toBe(true)
  })
})
