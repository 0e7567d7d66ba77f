// Conditional requests against the emulator: ETags on every GET, 304 for a matching
// If-None-Match, and per-token counters in which 304s are free, as on GitHub. The CLI's own
// reader (src/cli/github.ts) is driven against it too, since that is the code that relies on it.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { GitHubReader } from '../../src/cli/github.js'
import { createGitHub, tokenTrafficOf } from '../../src/github/client.js'
import { expectClean, failure, octokitFor } from './emulator-kit.js'
import { peakCountedPerWindow, startGitHubEmulator, type GitHubEmulator } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
let emu: GitHubEmulator
let clock = Date.parse('2030-01-01T00:00:00Z')

beforeEach(async () => {
  clock = Date.parse('2030-01-01T00:00:00Z')
  emu = await startGitHubEmulator({ checkResponses: true, now: () => new Date(clock) })
  emu.state.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
  emu.state.addCollaborator(OWNER, REPO, 'alice', 'write')
  emu.state.addToken('tok-alice', 'alice')
  emu.state.addToken('tok-bob', 'bob')
})

afterEach(() => emu.close())

async function rawGet(path: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${emu.url}${path}`, {
    headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', ...headers },
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

describe('conditional requests', () => {
  test('a GET carries a weak ETag; a matching If-None-Match is a 304 with no body', async () => {
    const pr = emu.state.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'f' } })
    const path = `/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`
    const first = await rawGet(path, 'tok-alice')
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/)
    expect(first.headers.get('vary')).toContain('Authorization')

    const again = await rawGet(path, 'tok-alice', { 'if-none-match': etag })
    expect(again).toMatchObject({ status: 304, text: '' })
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('content-type')).toBeNull()
    // A strong form of the same tag, or a list that holds it, matches too (weak comparison).
    expect((await rawGet(path, 'tok-alice', { 'if-none-match': etag.slice(2) })).status).toBe(304)
    expect((await rawGet(path, 'tok-alice', { 'if-none-match': `"x", ${etag}` })).status).toBe(304)

    // A change to the resource changes the tag.
    emu.state.addComment(OWNER, REPO, pr.number, { user: 'alice', body: 'new' })
    const changed = await rawGet(path, 'tok-alice', { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    // The tag varies with the caller, as GitHub's does (Vary: Authorization).
    const other = await rawGet(path, 'tok-bob')
    expect(other.headers.get('etag')).not.toBe(changed.headers.get('etag'))
    expectClean(emu)
  })

  test('304s are not counted against the rate limit; the ledger says what was spent', async () => {
    const path = `/repos/${OWNER}/${REPO}`
    const first = await rawGet(path, 'tok-alice')
    expect(first.headers.get('x-ratelimit-used')).toBe('1')
    const etag = first.headers.get('etag')!
    for (let i = 0; i < 3; i++) {
      clock += 20_000
      const hit = await rawGet(path, 'tok-alice', { 'if-none-match': etag })
      expect(hit.status).toBe(304)
      expect(hit.headers.get('x-ratelimit-used')).toBe('1')
      expect(hit.headers.get('x-ratelimit-remaining')).toBe('4999')
    }
    clock += 61_000
    const miss = await rawGet(path, 'tok-alice', { 'if-none-match': 'W/"stale"' })
    expect(miss.headers.get('x-ratelimit-used')).toBe('2')

    const counts = emu.requestCounts('tok-alice')
    expect(counts).toMatchObject({
      counted: 2,
      notModified: 3,
      byRoute: { 'GET /repos/{owner}/{repo}': { counted: 2, notModified: 3 } },
    })
    expect(counts.log.map((e) => [e.atMs - counts.log[0].atMs, e.status, e.counted])).toEqual([
      [0, 200, true],
      [20_000, 304, false],
      [40_000, 304, false],
      [60_000, 304, false],
      [121_000, 200, true],
    ])
    expect(peakCountedPerWindow(counts.log)).toBe(1)
    expect(emu.requestCounts('tok-bob').counted).toBe(0)
    expect(emu.requests.filter((r) => r.notModified)).toHaveLength(3)
    expectClean(emu)
  })

  test('Octokit sees a 304 as an error with status 304, and errors carry no ETag', async () => {
    const alice = octokitFor(emu, 'tok-alice')
    const { headers } = await alice.rest.repos.get({ owner: OWNER, repo: REPO })
    const notModified = await failure(
      alice.rest.repos.get({
        owner: OWNER,
        repo: REPO,
        headers: { 'if-none-match': headers.etag! },
      }),
    )
    expect(notModified.status).toBe(304)
    const missing = await failure(alice.rest.repos.get({ owner: OWNER, repo: 'nope' }))
    expect(missing.headers.etag).toBeUndefined()
    expectClean(emu)
  })

  test("the CLI's reader answers unchanged polls from its cache with free 304s", async () => {
    const pr = emu.state.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'f' } })
    const github = createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    const reader = new GitHubReader(github, { apiUrl: emu.url, tokenSource: 'test' })
    const params = { owner: OWNER, repo: REPO, pull_number: pr.number }
    const route = '/repos/{owner}/{repo}/pulls/{pull_number}'
    const first = await reader.get<{ title: string }>(route, params)
    const second = await reader.get<{ title: string }>(route, params)
    expect(second).toEqual(first)
    pr.title = 'Renamed'
    expect((await reader.get<{ title: string }>(route, params)).title).toBe('Renamed')
    expect(reader.stats).toEqual({ requests: 3, notModified: 1 })
    expect(emu.requestCounts('tok-alice')).toMatchObject({ counted: 2, notModified: 1 })
    expectClean(emu)
  })
})

describe('the token’s traffic, read off the answers', () => {
  test('a client sees other clients of its token in x-ratelimit-used, and no one in its own 304s', async () => {
    const pr = emu.state.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'f' } })
    const run = createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    const other = createGitHub({ token: 'tok-alice', baseUrl: emu.url })
    const stranger = createGitHub({ token: 'tok-bob', baseUrl: emu.url })
    const issue = { owner: OWNER, repo: REPO, issue_number: pr.number }
    const first = await run.rest.issues.get(issue)
    await run.rest.issues.get(issue)
    // Its own look that answers 304 is free, and says no one else is there.
    await run.rest.issues
      .get({ ...issue, headers: { 'if-none-match': String(first.headers.etag) } })
      .catch((error: { status?: number }) => expect(error.status).toBe(304))
    expect(tokenTrafficOf(run).clients()).toBe(1)
    // Another client on another token does not move this token's count.
    for (let i = 0; i < 5; i++) await stranger.rest.issues.get(issue)
    await run.rest.issues.get(issue)
    expect(tokenTrafficOf(run).clients()).toBe(1)
    // Another client of the same token does: six of its requests against the run's two since
    // its first answer.
    for (let i = 0; i < 6; i++) await other.rest.issues.get(issue)
    await run.rest.issues.get(issue)
    expect(tokenTrafficOf(run).othersSince()).toBe(6)
    expect(tokenTrafficOf(run).clients()).toBe(1 + 6 / 3)
    expectClean(emu)
  })
})
