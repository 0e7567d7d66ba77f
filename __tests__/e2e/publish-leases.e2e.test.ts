// The leases on what async-pr keeps on the server beside the branch (a PR's checkpoint and saved
// session): an update goes through only where the server still has what the run last saw there,
// so two runs on one PR never overwrite each other's work. Real git, over smart HTTP, to a bare
// repository that checks the token.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { authEnv, remoteUrl } from '../../src/git/auth.js'
import { DEFAULT_IDENTITY, identityEnv } from '../../src/git/commit.js'
import { prepareGitHome } from '../../src/git/git.js'
import { PublishRepo, storedRef } from '../../src/git/publish.js'
import { initBinaries } from '../../src/util/binaries.js'
import { branchSha, createBareRepo, startGitServer, type GitServer } from '../harness/git/index.js'

const TOKEN = 'test-pat-publish-leases'
const CHECKPOINT = storedRef(7, 'checkpoint')
const SESSION = storedRef(7, 'session')

let root: string
let server: GitServer
let publish: PublishRepo
let base: string

/** A new commit on `base` in the publish repository (siblings: never a fast-forward of each other). */
async function commitOnBase(message: string): Promise<string> {
  return publish.git.output(['commit-tree', `${base}^{tree}`, '-p', base, '-m', message], {
    env: identityEnv(DEFAULT_IDENTITY),
  })
}

const onServer = (ref: string) => branchSha(path.join(root, 'git'), 'octo/app', ref)

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'async-pr-leases-'))
  initBinaries(process.env.PATH, [])
  server = await startGitServer({ root: path.join(root, 'git'), token: TOKEN })
  await createBareRepo(path.join(root, 'git'), 'octo/app', { files: { 'README.md': '# app\n' } })
  const scratch = path.join(root, 'scratch')
  publish = await PublishRepo.create(scratch, prepareGitHome(scratch), {
    url: remoteUrl(server.url, 'octo', 'app'),
    auth: authEnv(server.url, TOKEN),
  })
  const fetched = await publish.fetchBranch('main')
  base = fetched!.tip
})

afterAll(async () => {
  await server?.close()
  await rm(root, { recursive: true, force: true })
})

describe("leases on a PR's stored refs", () => {
  it('creates a ref only where there is none, and moves it only from what the run last saw', async () => {
    const first = await commitOnBase('checkpoint 1')
    expect(await publish.pushRefs([{ sha: first, ref: CHECKPOINT, lease: '' }])).toEqual({
      ok: true,
    })
    expect(await onServer(CHECKPOINT)).toBe(first)

    // "Absent" is a lease too: a second run that thinks there is none does not overwrite it.
    const other = await commitOnBase('another run')
    expect((await publish.pushRefs([{ sha: other, ref: CHECKPOINT, lease: '' }])).ok).toBe(false)
    expect(await onServer(CHECKPOINT)).toBe(first)

    // The owner moves it on, even to a commit that is not a fast-forward of the last.
    const second = await commitOnBase('checkpoint 2')
    expect(await publish.pushRefs([{ sha: second, ref: CHECKPOINT, lease: first }])).toEqual({
      ok: true,
    })
    expect(await onServer(CHECKPOINT)).toBe(second)

    // A stale lease (the run last saw `first`; someone else wrote `second`) is refused.
    const stale = await commitOnBase('stale')
    const refused = await publish.pushRefs([{ sha: stale, ref: CHECKPOINT, lease: first }])
    expect(refused.ok).toBe(false)
    expect(await onServer(CHECKPOINT)).toBe(second)
  })

  it('updates several refs together or none of them', async () => {
    const session = await commitOnBase('session')
    const checkpoint = await commitOnBase('checkpoint 3')
    const now = await onServer(CHECKPOINT)
    const pushed = await publish.pushRefs([
      { sha: session, ref: SESSION, lease: '' },
      { sha: checkpoint, ref: CHECKPOINT, lease: base }, // stale: the server has `now`
    ])
    expect(pushed.ok).toBe(false)
    expect(await onServer(SESSION)).toBeUndefined()
    expect(await onServer(CHECKPOINT)).toBe(now)
  })
})
