// Issues through the emulator, as the CLI's dispatch-from-issues reads them: get and list with
// filters, pull requests showing up as issues with `pull_request`, create and close.

import { afterEach, beforeEach, expect, test } from '@jest/globals'
import type { Octokit } from '@octokit/rest'
import { expectClean, failure, octokitFor } from './emulator-kit.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
let emu: GitHubEmulator
let alice: Octokit
let mallory: Octokit

beforeEach(async () => {
  emu = await startGitHubEmulator({ checkResponses: true })
  emu.state.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
  emu.state.addCollaborator(OWNER, REPO, 'alice', 'write')
  emu.state.addToken('tok-alice', 'alice')
  emu.state.addToken('tok-mallory', 'mallory')
  alice = octokitFor(emu, 'tok-alice')
  mallory = octokitFor(emu, 'tok-mallory')
})

afterEach(() => emu.close())

test('get and list issues: open/closed, labels, creator, and pull requests as issues', async () => {
  const s = emu.state
  const bug = s.addIssue({ owner: OWNER, repo: REPO, user: 'bob', title: 'Bug', labels: ['bug'] })
  const done = s.addIssue({ owner: OWNER, repo: REPO, user: 'bob', title: 'Done', state: 'closed' })
  const pr = s.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'feature' } })
  s.addComment(OWNER, REPO, bug.number, { user: 'alice', body: 'seen' })

  const { data: one } = await alice.rest.issues.get({
    owner: OWNER,
    repo: REPO,
    issue_number: bug.number,
  })
  expect(one).toMatchObject({
    number: bug.number,
    title: 'Bug',
    state: 'open',
    comments: 1,
    labels: [{ name: 'bug' }],
    user: { login: 'bob' },
  })
  expect(one.pull_request).toBeUndefined()
  const { data: asIssue } = await alice.rest.issues.get({
    owner: OWNER,
    repo: REPO,
    issue_number: pr.number,
  })
  expect(asIssue.pull_request?.html_url).toBe(pr.html_url)
  expect(
    (await failure(alice.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: 99 }))).status,
  ).toBe(404)

  const list = async (params: Record<string, string>) =>
    (await alice.rest.issues.listForRepo({ owner: OWNER, repo: REPO, ...params })).data.map(
      (i) => i.number,
    )
  expect(await list({})).toEqual([pr.number, bug.number]) // open, newest first
  expect(await list({ state: 'closed' })).toEqual([done.number])
  expect(await list({ state: 'all', direction: 'asc' })).toEqual([
    bug.number,
    done.number,
    pr.number,
  ])
  expect(await list({ labels: 'BUG' })).toEqual([bug.number])
  expect(await list({ creator: 'alice' })).toEqual([pr.number])
  expectClean(emu)
})

test('create and close an issue; labels from a non-triager are dropped, as GitHub does', async () => {
  const { data: made, status } = await alice.rest.issues.create({
    owner: OWNER,
    repo: REPO,
    title: 'Task',
    body: 'Do it',
    labels: ['async'],
  })
  expect(status).toBe(201)
  expect(made.labels).toMatchObject([{ name: 'async' }])
  const { data: closed } = await alice.rest.issues.update({
    owner: OWNER,
    repo: REPO,
    issue_number: made.number,
    state: 'closed',
    state_reason: 'not_planned',
  })
  expect(closed).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
  expect(closed.closed_by?.login).toBe('alice')
  // Someone else may not close it.
  expect(
    (
      await failure(
        mallory.rest.issues.update({
          owner: OWNER,
          repo: REPO,
          issue_number: made.number,
          state: 'open',
        }),
      )
    ).status,
  ).toBe(403)
  const { data: theirs } = await mallory.rest.issues.create({
    owner: OWNER,
    repo: REPO,
    title: 'Spam',
    labels: ['urgent'],
  })
  expect(theirs.labels).toEqual([])
  expectClean(emu, [/labels from someone without triage access are dropped/])
})

test('the repository’s comments: since, sorted by update, one conditional request for all', async () => {
  let now = Date.parse('2030-01-01T10:00:00Z')
  const clocked = await startGitHubEmulator({ checkResponses: true, now: () => new Date(now) })
  try {
    const s = clocked.state
    s.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
    s.addRepo({ owner: OWNER, name: 'other', refs: { 'refs/heads/main': 'a'.repeat(40) } })
    s.addCollaborator(OWNER, REPO, 'alice', 'write')
    s.addToken('tok-alice', 'alice')
    const client = octokitFor(clocked, 'tok-alice')
    const first = s.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'a' } })
    const second = s.addIssue({ owner: OWNER, repo: REPO, user: 'bob', title: 'Bug' })
    const old = s.addComment(OWNER, REPO, first.number, { user: 'alice', body: 'old' })
    now += 60_000
    const newer = s.addComment(OWNER, REPO, second.number, { user: 'bob', body: 'newer' })
    const elsewhere = s.addIssue({ owner: OWNER, repo: 'other', user: 'bob', title: 'Other' })
    s.addComment(OWNER, 'other', elsewhere.number, { user: 'bob', body: 'elsewhere' })
    now += 60_000
    // Edited last: first in `sort=updated&direction=desc`.
    old.body = 'edited'
    old.updated_at = s.now()

    const list = (params: Record<string, string | number> = {}) =>
      client.rest.issues.listCommentsForRepo({ owner: OWNER, repo: REPO, ...params })
    expect((await list()).data.map((c) => c.id)).toEqual([old.id, newer.id])
    const byUpdate = await list({ sort: 'updated', direction: 'desc', per_page: 100 })
    expect(byUpdate.data.map((c) => [c.id, c.body, c.issue_url.split('/').at(-1)])).toEqual([
      [old.id, 'edited', String(first.number)],
      [newer.id, 'newer', String(second.number)],
    ])
    const since = await list({ since: '2030-01-01T10:02:00Z' })
    expect(since.data.map((c) => c.id)).toEqual([old.id])

    // Nothing changed: a 304 that is not counted; an edit anywhere changes the answer.
    const etag = byUpdate.headers.etag as string
    const again = await failure(
      list({
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        headers: { 'if-none-match': etag },
      } as never),
    )
    expect(again.status).toBe(304)
    newer.body = 'edited too'
    newer.updated_at = s.now()
    const changed = await list({
      sort: 'updated',
      direction: 'desc',
      per_page: 100,
      headers: { 'if-none-match': etag },
    } as never)
    expect(changed.status).toBe(200)
    const counts = clocked.requestCounts('tok-alice')
    expect(counts.byRoute['GET /repos/{owner}/{repo}/issues/comments']).toEqual({
      counted: 4,
      notModified: 1,
    })
    expectClean(clocked)
  } finally {
    await clocked.close()
  }
})
