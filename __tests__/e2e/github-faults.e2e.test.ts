// GitHub answering badly: 5xx, rate limits, a deleted comment, a body too
// long, a token without permission; and re-runs and PRs closed mid-run.

import { afterEach, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { branchSha, fileAt } from '../harness/git/index.js'
import { say, stall, writeFile, type ModelScript } from '../harness/model/index.js'
import { createWorld, type World } from '../harness/world.js'
import { closeWorld, statusComments } from '../harness/status.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const commentsPath = (w: World) => `/repos/${w.owner}/${w.repo}/issues/${w.prNumber}/comments`
const writes = (w: World, method: string) =>
  w.emulator.requests.filter((r) => r.method === method && r.path.includes('/comments'))

/** Writes hello.txt; `meanwhile` runs while the agent is still working. */
function helloWhile(
  meanwhile: (w: World) => void = () => undefined,
  summary = 'Wrote hello.txt.',
): ModelScript {
  return ({ step }) => {
    if (step === 0) return writeFile(path.join(world!.checkout.workspace, 'hello.txt'), 'hello\n')
    if (step === 1) {
      meanwhile(world!)
      return stall(300, { text: summary })
    }
    return undefined
  }
}

describe('GitHub faults', () => {
  it('retries a 502 on posting the comment, and ends with one comment', async () => {
    world = await createWorld({ script: helloWhile() })
    world.emulator.faults.add({ method: 'POST', path: commentsPath(world), status: 502, times: 1 })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    expect(writes(world, 'POST').map((r) => r.status)).toEqual([502, 201])
    expect(statusComments(world)).toHaveLength(1)
  })

  it('waits out a 429 with retry-after on the final update', async () => {
    world = await createWorld({ script: helloWhile() })
    world.emulator.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 429,
      headers: { 'retry-after': '1' },
      times: 1,
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const patches = writes(world, 'PATCH')
    expect(patches.map((r) => r.status)).toEqual([429, 200])
    expect(Date.parse(patches[1]!.time) - Date.parse(patches[0]!.time)).toBeGreaterThanOrEqual(900)
    expect(statusComments(world)[0]!.body).toContain('✅')
  })

  it('on a secondary rate limit, holds progress for the pause GitHub asked for, then posts the final report once', async () => {
    const dir = () => world!.checkout.workspace
    world = await createWorld({
      script: ({ step }) => {
        if (step === 0) return writeFile(path.join(dir(), 'a.txt'), 'a\n')
        if (step === 1) return stall(1200, writeFile(path.join(dir(), 'b.txt'), 'b\n'))
        if (step === 2) return stall(1200, writeFile(path.join(dir(), 'c.txt'), 'c\n'))
        if (step === 3) return stall(300, { text: 'Wrote three files.' })
        return undefined
      },
    })
    world.emulator.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      headers: { 'retry-after': '3' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
      times: 1,
    })
    const run = await world.run({ inputs: { progress_interval_seconds: '0.5' } })
    expect(run.outputs.conclusion).toBe('success')
    const patches = writes(world, 'PATCH')
    const refused = patches.filter((r) => r.status === 403)
    expect(refused).toHaveLength(1)
    const refusedAt = Date.parse(refused[0]!.time)
    // Nothing written in the pause (the refused edit is not retried), the final report after it.
    const after = patches.filter((r) => Date.parse(r.time) > refusedAt)
    expect(after.length).toBeGreaterThan(0)
    for (const write of after) {
      expect(write.status).toBe(200)
      expect(Date.parse(write.time) - refusedAt).toBeGreaterThanOrEqual(2_900)
    }
    expect(statusComments(world)[0]!.body).toContain('✅')
    expect(run.stdout).toMatch(/no progress updates for 3s/)
  })

  it('keeps trying the final report after each pause GitHub asks for, past the client’s own three retries', async () => {
    world = await createWorld({ script: helloWhile() })
    world.emulator.faults.add({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
      times: 5,
    })
    // No progress edits: every PATCH is the final report.
    const run = await world.run({ inputs: { progress_interval_seconds: '600' } })
    expect(run.outputs.conclusion).toBe('success')
    const patches = writes(world, 'PATCH')
    expect(patches.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 200])
    for (let i = 1; i < patches.length; i++) {
      // Each try after the pause GitHub named (1 s), not into it.
      const gap = Date.parse(patches[i]!.time) - Date.parse(patches[i - 1]!.time)
      expect(gap).toBeGreaterThanOrEqual(950)
    }
    expect(statusComments(world)[0]!.body).toContain('✅')
    expect(run.stdout).not.toMatch(/Could not post the final status comment/)
  })

  it('recreates the status comment once if someone deleted it', async () => {
    world = await createWorld({
      script: helloWhile((w) => {
        for (const comment of statusComments(w)) w.emulator.state.deleteComment(comment.id)
      }),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const comments = statusComments(world)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('✅ async-pr finished the task')
    expect(run.outputs.comment_id).toBe(String(comments[0]!.id))
  })

  it('keeps a huge report under the comment limit, with the full text in the job summary', async () => {
    const long = `${'All work and no play. '.repeat(4000)}THE END`
    world = await createWorld({ script: helloWhile(() => undefined, long) })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const body = statusComments(world)[0]!.body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('full report is in the job summary')
    expect(body).toMatch(/<!-- async-pr:state .*"state":"success".* -->$/)
    expect(run.summary).toContain('THE END')
  })

  it('does not retry a permission 403, and says which permission is missing', async () => {
    world = await createWorld({ script: [say('never')] })
    world.emulator.faults.add({
      method: 'POST',
      path: commentsPath(world),
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 2,
    })
    const run = await world.run()
    expect(run.exitCode).toBe(1)
    expect(writes(world, 'POST')).toHaveLength(2) // the working comment, then the report: no retries
    expect(run.stdout).toContain('pull-requests: write')
    expect(world.model.requests).toHaveLength(0)
  })
})

describe('re-runs and PRs that change under the run', () => {
  it('a re-run after success changes nothing: no duplicate commit, no duplicate comment', async () => {
    world = await createWorld({ script: helloWhile() })
    const first = await world.run()
    expect(first.outputs.conclusion).toBe('success')
    const tip = await branchSha(world.gitRoot, world.fullName, world.headRef)
    const before = statusComments(world)[0]!.body
    const again = await world.run({ runAttempt: 2 })
    expect(again.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: 'already_done' })
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(tip)
    expect(statusComments(world)).toHaveLength(1)
    expect(statusComments(world)[0]!.body).toBe(before)
  })

  it('a PR reopened after its task was done does not repeat it, and says how to ask for more', async () => {
    world = await createWorld({ script: helloWhile() })
    expect((await world.run()).outputs.conclusion).toBe('success')
    const tip = (await branchSha(world.gitRoot, world.fullName, world.headRef))!
    const before = statusComments(world)[0]!.body
    const reopened = await world.run({
      payload: world.event({ action: 'reopened', headSha: tip }),
      runId: 5151,
    })
    expect(reopened.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: 'already_done' })
    expect(reopened.summary).toContain('/async-pr <instruction>')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(tip)
    expect(statusComments(world)[0]!.body).toBe(before)
  })

  it('leaves the branch of a PR closed while the agent worked, and keeps the work on a new branch', async () => {
    world = await createWorld({
      script: helloWhile((w) => {
        w.emulator.state.pull(w.owner, w.repo, w.prNumber)!.state = 'closed'
      }),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(world.headSha)
    expect(await fileAt(world.gitRoot, world.fullName, 'async-pr/1-4242-1', 'hello.txt')).toBe(
      'hello\n',
    )
    expect(statusComments(world)[0]!.body).toContain('was closed while the agent worked')
  })
})
