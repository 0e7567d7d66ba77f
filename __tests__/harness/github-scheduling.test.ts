// The client's scheduling: Octokit's retry and throttling plugins run every request through
// Bottleneck, whose zero-length yields src/github/bottleneck-yield.ts makes microtasks. What the
// plugins are there for must hold all the same, against the emulator: writes one at a time and
// spaced, a server error retried, GitHub's waits kept.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
// @ts-expect-error -- bottleneck types only its main entry; light.js has the same API.
import BottleneckLight from 'bottleneck/light.js'
import { quickenBottleneck } from '../../src/github/bottleneck-yield.js'
import { createGitHub } from '../../src/github/client.js'
import { expectClean } from './emulator-kit.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
let emu: GitHubEmulator

beforeEach(async () => {
  emu = await startGitHubEmulator({ checkResponses: true })
  emu.state.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
  emu.state.addCollaborator(OWNER, REPO, 'alice', 'write')
  emu.state.addToken('tok-alice', 'alice')
})

afterEach(() => emu.close())

interface Store {
  yieldLoop(ms?: number): Promise<void>
}
const storeOf = (): Store => new (BottleneckLight as new () => { _store: Store })()._store

describe('Bottleneck under the client', () => {
  test('a zero-length yield is a microtask once a client exists; a timed wait keeps its timer', async () => {
    createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    expect(quickenBottleneck()).toBe(true)
    const order: string[] = []
    setTimeout(() => order.push('timer'), 0)
    await storeOf().yieldLoop()
    order.push('yield')
    expect(order).toEqual(['yield'])

    const waited = storeOf()
      .yieldLoop(40)
      .then(() => order.push('40 ms'))
    setTimeout(() => order.push('10 ms'), 10)
    await waited
    expect(order).toEqual(['yield', 'timer', '10 ms', '40 ms'])
  })

  test('a job free to start now starts in a microtask; one with a wait or an expiration keeps its timers', async () => {
    createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    expect(quickenBottleneck()).toBe(true)
    type Light = {
      schedule<T>(options: object, task: () => Promise<T>): Promise<T>
    }
    const Limiter = BottleneckLight as new (options?: object) => Light
    const order: string[] = []
    setTimeout(() => order.push('timer'), 0)
    await new Limiter().schedule({}, async () => order.push('job'))
    expect(order).toEqual(['job'])

    // minTime: the second job waits its 30 ms on a timer.
    const spaced = new Limiter({ minTime: 30 })
    const started: number[] = []
    await Promise.all(
      [1, 2].map(() => spaced.schedule({}, async () => started.push(performance.now()))),
    )
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(25)
    // An expiration still ends a job that runs too long.
    await expect(
      new Limiter().schedule({ expiration: 20 }, () => new Promise((r) => setTimeout(r, 200))),
    ).rejects.toThrow(/timed out/)
    expect(order).toEqual(['job', 'timer'])
  })

  test('writes still go one at a time and a quarter second apart; a server error is retried', async () => {
    const github = createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    const pr = emu.state.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'f' } })
    const comment = emu.state.addComment(OWNER, REPO, pr.number, { user: 'alice', body: 'zero' })
    const edit = (body: string) =>
      github.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: comment.id, body })
    // The spacing is between sends, seen here as arrivals: a first request's connection (slow on
    // a loaded machine) is made before, so it cannot delay the first write's arrival.
    await github.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: pr.number })
    await Promise.all([edit('one'), edit('two'), edit('three')])
    const writes = emu.requests.filter((r) => r.operationId === 'issues/update-comment')
    expect(writes.map((r) => r.status)).toEqual([200, 200, 200])
    for (let i = 1; i < writes.length; i++)
      expect(writes[i]!.atMs - writes[i - 1]!.atMs).toBeGreaterThanOrEqual(200) // 250 ms slots; arrival jitters a little

    emu.faults.add({
      method: 'GET',
      path: '/repos/{owner}/{repo}/pulls/{pull_number}',
      status: 502,
    })
    const got = await github.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: pr.number })
    expect(got.status).toBe(200)
    const reads = emu.requests.filter((r) => r.operationId === 'pulls/get')
    expect(reads.map((r) => r.status)).toEqual([502, 200])
    expectClean(emu)
  })
})
