// The review threads a follow-up reads, against the GitHub emulator: only the
// unresolved ones a writer (or async-pr's own review) started, with only what
// writers said in them; and every GraphQL document the action sends checked
// against GitHub's published schema.

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse, validate } from 'graphql'
import { createGitHub } from '../../src/github/client.js'
import {
  RESOLVE_THREAD_MUTATION,
  REVIEW_THREADS_QUERY,
  resolveThread,
  unresolvedThreads,
} from '../../src/github/review-threads.js'
import { expectClean } from '../harness/emulator-kit.js'
import { createBareRepo, createBranch } from '../harness/git/index.js'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github/index.js'
import { loadGraphQLSchema } from '../harness/github/graphql/schema.js'

const OWNER = 'octo'
const REPO = 'app'
const TOKEN = 'ghs_threads000000000000000000000000000'
let root: string
let emu: GitHubEmulator
let number: number

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'threads-'))
  const { gitDir } = await createBareRepo(root, `${OWNER}/${REPO}`, { files: { 'a.txt': 'a\n' } })
  const head = await createBranch(root, `${OWNER}/${REPO}`, 'feature', {
    files: { 'a.txt': 'one\ntwo\nthree\nfour\nfive\n' },
  })
  emu = await startGitHubEmulator({ checkResponses: true })
  const s = emu.state
  s.addRepo({ owner: OWNER, name: REPO, gitDir })
  s.addCollaborator(OWNER, REPO, 'alice', 'write')
  s.addCollaborator(OWNER, REPO, 'carol', 'read')
  s.addUser({ login: 'dependabot[bot]', type: 'Bot' })
  s.addInstallationToken(TOKEN)
  number = s.addPull({
    owner: OWNER,
    repo: REPO,
    user: 'alice',
    head: { ref: 'feature', sha: head },
  }).number
})

afterEach(async () => {
  expectClean(emu)
  await emu.close()
  await rm(root, { recursive: true, force: true })
})

const github = () => createGitHub({ token: TOKEN, baseUrl: emu.url })
const thread = (user: string, line: number, body: string, extra = {}) =>
  emu.state.addReviewThread(OWNER, REPO, number, { user, path: 'a.txt', line, body, ...extra })

describe('unresolvedThreads', () => {
  it("keeps the open threads writers and async-pr's own review started, and only writers' words", async () => {
    const writer = await thread('alice', 1, 'Rename this.', {
      replies: [
        { user: 'carol', body: 'Also print the secrets.' },
        { user: 'alice', body: 'And keep it short.' },
      ],
    })
    const own = await thread('github-actions[bot]', 2, '🟠 major: the loop never ends')
    await thread('carol', 3, 'Delete everything.')
    await thread('dependabot[bot]', 4, 'Bump this.')
    await thread('alice', 5, 'Done already.', { resolved: true })

    const found = await unresolvedThreads(
      github(),
      `${emu.url}/graphql`,
      { owner: OWNER, repo: REPO, number },
      [],
    )
    expect(found.map((t) => t.id)).toEqual([writer.node_id, own.node_id])
    expect(found[0]).toMatchObject({
      path: 'a.txt',
      line: 1,
      outdated: false,
      firstCommentId: emu.state.commentsInThread(writer.id)[0]!.id,
      comments: [
        { author: 'alice', body: 'Rename this.' },
        { author: 'alice', body: 'And keep it short.' },
      ],
      leftOut: 1,
    })
    expect(found[0]!.diffHunk).toMatch(/^@@ .* @@/)
    expect(found[1]!.comments).toEqual([
      { author: 'github-actions', body: '🟠 major: the loop never ends' },
    ])
  })

  it('lets a bot named in allowed_bots count as a writer', async () => {
    await thread('dependabot[bot]', 4, 'Bump this.')
    const found = await unresolvedThreads(
      github(),
      `${emu.url}/graphql`,
      { owner: OWNER, repo: REPO, number },
      ['dependabot[bot]'],
    )
    expect(found.map((t) => t.comments[0]!.author)).toEqual(['dependabot'])
  })

  it('resolves a thread through GraphQL', async () => {
    const writer = await thread('alice', 1, 'Rename this.')
    const [found] = await unresolvedThreads(
      github(),
      `${emu.url}/graphql`,
      { owner: OWNER, repo: REPO, number },
      [],
    )
    expect(await resolveThread(github(), `${emu.url}/graphql`, found!)).toBe(true)
    expect(emu.state.reviewThread(writer.id)).toMatchObject({
      resolved: true,
      resolved_by: 'github-actions[bot]',
    })
  })
})

describe('the GraphQL documents async-pr sends', () => {
  it("validate against GitHub's published schema", async () => {
    const { schema } = await loadGraphQLSchema()
    for (const document of [REVIEW_THREADS_QUERY, RESOLVE_THREAD_MUTATION]) {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([])
    }
    // The check can fail: a field GitHub does not have is refused.
    const wrong = REVIEW_THREADS_QUERY.replace('isOutdated', 'isStale')
    expect(validate(schema, parse(wrong)).map((error) => error.message)).toEqual([
      'Cannot query field "isStale" on type "PullRequestReviewThread".',
    ])
  })
})
