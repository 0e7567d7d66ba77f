// The comment watcher against the GitHub emulator: an unchanged PR costs a
// 304 and nothing else; a new comment costs one look and one listing; what the
// run knew, and its own comments, are never news.

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHub, type GitHub } from '../../src/github/client.js'
import { CommentWatcher } from '../../src/steer/watch.js'
import { expectClean } from '../harness/emulator-kit.js'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github/index.js'

const OWNER = 'octo'
const REPO = 'app'
const TOKEN = 'ghs_watcher0000000000000000000000000000'
let emu: GitHubEmulator
let github: GitHub
let number: number

beforeEach(async () => {
  emu = await startGitHubEmulator({ checkResponses: true })
  emu.state.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
  emu.state.addCollaborator(OWNER, REPO, 'alice', 'write')
  emu.state.addInstallationToken(TOKEN)
  number = emu.state.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'f' } }).number
  github = createGitHub({ token: TOKEN, baseUrl: emu.url })
})

afterEach(async () => {
  expectClean(emu)
  await emu.close()
})

const issue = () => ({ owner: OWNER, repo: REPO, issueNumber: number })
const counts = () => {
  const c = emu.requestCounts(TOKEN)
  return { counted: c.counted, notModified: c.notModified }
}

describe('CommentWatcher', () => {
  it('costs one counted look, then 304s while nothing changes', async () => {
    const old = emu.state.addComment(OWNER, REPO, number, { user: 'alice', body: '/async-pr old' })
    const watcher = new CommentWatcher(github, issue(), [old])
    expect(await watcher.check()).toEqual([])
    for (let i = 0; i < 5; i++) expect(await watcher.check()).toEqual([])
    expect(counts()).toEqual({ counted: 1, notModified: 5 })
    expect(watcher.requests).toEqual({ counted: 1, notModified: 5 })
  })

  it('finds a new comment with one look and one listing from the newest known one', async () => {
    const old = emu.state.addComment(OWNER, REPO, number, { user: 'alice', body: 'old' })
    const watcher = new CommentWatcher(github, issue(), [old])
    await watcher.check()
    const fresh = emu.state.addComment(OWNER, REPO, number, {
      user: 'alice',
      body: '/async-pr also X',
    })
    const found = await watcher.check()
    expect(found).toEqual([
      {
        id: fresh.id,
        url: fresh.html_url,
        body: '/async-pr also X',
        login: 'alice',
        type: 'User',
      },
    ])
    const listing = emu.requests.filter((r) => r.operationId === 'issues/list-comments')
    expect(listing).toHaveLength(1)
    expect(listing[0]!.query.since).toBe(old.created_at)
    // Seen once: not news again.
    expect(await watcher.check()).toEqual([])
    expect(counts()).toEqual({ counted: 3, notModified: 1 })
  })

  it('a change that is not a new comment (a reaction, its own status comment) lists nothing', async () => {
    const own = emu.state.addComment(OWNER, REPO, number, {
      user: 'github-actions[bot]',
      body: '<!-- async-pr:status -->\nworking',
    })
    const watcher = new CommentWatcher(github, issue(), [], () => [own.id])
    expect(await watcher.check()).toEqual([])
    emu.state.addReaction(
      { type: 'issue', repo: `${OWNER}/${REPO}`, number },
      { content: 'heart', user: 'alice' },
    )
    expect(await watcher.check()).toEqual([])
    expect(emu.requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(0)
  })
})
