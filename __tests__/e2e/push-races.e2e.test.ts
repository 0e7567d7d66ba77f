// A push that never clobbers: the branch moved, conflicted, was deleted, or is
// protected. In every case the work ends up on a branch, and the comment says where.

import { afterEach, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import {
  advanceBranch,
  branchSha,
  deleteBranch,
  fileAt,
  git as runGit,
  installRejectHook,
} from '../harness/git/index.js'
import { stall, writeFile, type ModelScript } from '../harness/model/index.js'
import { createWorld, type World } from '../harness/world.js'
import { closeWorld, statusBody } from '../harness/status.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const FALLBACK = 'async-pr/1-4242-1'

/** An agent that writes `file`; while it works, `meanwhile` changes the remote. */
function agentWhile(
  file: string,
  content: string,
  meanwhile: (w: World) => Promise<unknown>,
): ModelScript {
  let change: Promise<unknown> | undefined
  return ({ step }) => {
    if (step === 0) return writeFile(path.join(world!.checkout.workspace, file), content)
    if (step === 1) {
      change = meanwhile(world!)
      return stall(800, { text: 'Done while the branch moved.' })
    }
    void change
    return undefined
  }
}

describe('pushing when the branch changed under the agent', () => {
  it('rebases onto commits pushed meanwhile, and says so', async () => {
    world = await createWorld({
      script: agentWhile('hello.txt', 'hello\n', (w) =>
        advanceBranch(w.gitRoot, w.fullName, w.headRef, { files: { 'other.txt': 'theirs\n' } }),
      ),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe('hello\n')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'other.txt')).toBe('theirs\n')
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    const authors = await runGit(['log', '--format=%an', `${world.headSha}..${world.headRef}`], {
      env: { GIT_DIR: gitDir },
    })
    expect(authors.split('\n')).toEqual(['github-actions[bot]', 'Someone Else'])
    expect(run.outputs.commit_sha).toBe(
      await branchSha(world.gitRoot, world.fullName, world.headRef),
    )
    expect(statusBody(world)).toMatch(/rebased onto `[0-9a-f]{7}`/)
  })

  it('puts conflicting work on a fallback branch and leaves the PR branch alone', async () => {
    let theirs: string | undefined
    world = await createWorld({
      script: agentWhile('hello.txt', 'agent version\n', async (w) => {
        theirs = await advanceBranch(w.gitRoot, w.fullName, w.headRef, {
          files: { 'hello.txt': 'their version\n' },
        })
      }),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(theirs)
    expect(await fileAt(world.gitRoot, world.fullName, FALLBACK, 'hello.txt')).toBe(
      'agent version\n',
    )
    expect(run.outputs.commit_sha).toBe(await branchSha(world.gitRoot, world.fullName, FALLBACK))
    const body = statusBody(world)
    expect(body).toContain(`safe on a new branch, [\`${FALLBACK}\`]`)
    expect(body).toContain(`/compare/${world.headRef}...${FALLBACK}`)
    expect(body).toContain('conflict')
  })

  it('never recreates a deleted branch: the work goes to a fallback branch', async () => {
    world = await createWorld({
      script: agentWhile('hello.txt', 'hello\n', (w) =>
        deleteBranch(w.gitRoot, w.fullName, w.headRef),
      ),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBeUndefined()
    expect(await fileAt(world.gitRoot, world.fullName, FALLBACK, 'hello.txt')).toBe('hello\n')
    expect(statusBody(world)).toContain('was deleted while the agent worked')
  })

  it('reports a protected branch without retrying, and keeps the work on a fallback branch', async () => {
    world = await createWorld({
      script: agentWhile('hello.txt', 'hello\n', (w) =>
        installRejectHook(w.gitRoot, w.fullName, {
          message: 'error: GH006: Protected branch update failed for refs/heads/task/greeting.',
          refs: [`refs/heads/${w.headRef}`],
        }),
      ),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(world.headSha)
    expect(await fileAt(world.gitRoot, world.fullName, FALLBACK, 'hello.txt')).toBe('hello\n')
    expect(statusBody(world)).toContain('branch protection rule')
    // (The harness's own setup pushes the merge ref without .git; the action's pushes use .git.)
    const pushes = world.git.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('.git/git-receive-pack'),
    )
    expect(pushes).toHaveLength(2) // the refused one, and the fallback: no retries
  })
})
