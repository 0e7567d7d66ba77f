// Pull request reviews and review comments through the emulator, on a real diff: a bare
// repository whose feature branch changes, deletes and adds lines, so that every placement
// rule (RIGHT/LEFT, context lines, multi-line ranges, positions, outdated threads) is exercised
// against what git says the diff is.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import type { Octokit } from '@octokit/rest'
import { expectClean, failure, octokitFor } from './emulator-kit.js'
import { advanceBranch, createBareRepo, createBranch } from './git/index.js'
import { startGitHubEmulator, type GitHubEmulator, type PullRequest } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
const FULL = `${OWNER}/${REPO}`
const lines = (n: number, edit: (i: number) => string | null = (i) => `line ${i}`) =>
  Array.from({ length: n }, (_, k) => edit(k + 1))
    .filter((l) => l !== null)
    .join('\n') + '\n'

let root: string
let emu: GitHubEmulator
let pr: PullRequest
let alice: Octokit // PR author, write
let bob: Octokit // reviewer, write
let actions: Octokit

// main: src/app.ts with "line 1".."line 30". feature: line 10 changed, line 20 deleted, a line
// added after 25, and src/new.ts added. With 3 lines of context that is two hunks in app.ts:
// @@ -7,7 +7,7 @@ (old/new 7..13) and @@ -17,12 +17,12 @@ (old 17..28, new 17..28).
const FEATURE_APP = lines(30, (i) =>
  i === 10 ? 'line 10 changed' : i === 20 ? null : `line ${i}`,
).replace('line 25\n', 'line 25\nnew line\n')

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gh-reviews-'))
  const { gitDir } = await createBareRepo(root, FULL, {
    files: { 'src/app.ts': lines(30), 'README.md': '# app\n' },
  })
  const head = await createBranch(root, FULL, 'feature', {
    files: { 'src/app.ts': FEATURE_APP, 'src/new.ts': 'one\ntwo\nthree\n' },
  })
  emu = await startGitHubEmulator({ checkResponses: true })
  const s = emu.state
  s.addRepo({ owner: OWNER, name: REPO, gitDir })
  s.addCollaborator(OWNER, REPO, 'alice', 'write')
  s.addCollaborator(OWNER, REPO, 'bob', 'write')
  s.addToken('tok-alice', 'alice')
  s.addToken('tok-bob', 'bob')
  s.addToken('tok-mallory', 'mallory')
  s.addInstallationToken('tok-actions')
  pr = s.addPull({ owner: OWNER, repo: REPO, user: 'alice', head: { ref: 'feature', sha: head } })
  alice = octokitFor(emu, 'tok-alice')
  bob = octokitFor(emu, 'tok-bob')
  actions = octokitFor(emu, 'tok-actions')
})

afterEach(async () => {
  await emu.close()
  await rm(root, { recursive: true, force: true })
})

const where = () => ({ owner: OWNER, repo: REPO, pull_number: pr.number })

describe('creating a review', () => {
  test('inline comments on changed, context, deleted and new-file lines; one thread each', async () => {
    const { data, status } = await bob.rest.pulls.createReview({
      ...where(),
      event: 'COMMENT',
      body: 'A few notes',
      comments: [
        { path: 'src/app.ts', line: 10, body: 'changed line' },
        { path: 'src/app.ts', line: 8, side: 'RIGHT', body: 'context line' },
        { path: 'src/app.ts', line: 20, side: 'LEFT', body: 'deleted line' },
        { path: 'src/app.ts', start_line: 17, line: 22, body: 'a range' },
        { path: 'src/new.ts', line: 2, body: 'new file' },
        { path: 'src/app.ts', position: 5, body: 'by position' },
        { path: 'src/app.ts', line: 25, side: 'LEFT', body: 'old context line' },
      ],
    })
    expect(status).toBe(200)
    expect(data).toMatchObject({ state: 'COMMENTED', body: 'A few notes', user: { login: 'bob' } })
    expect(data.commit_id).toBe(pr.head.sha)
    expect(data.submitted_at).toEqual(expect.any(String))

    const { data: comments } = await bob.rest.pulls.listReviewComments(where())
    expect(comments.map((c) => [c.path, c.side, c.start_line, c.line, c.position])).toEqual([
      ['src/app.ts', 'RIGHT', null, 10, 5],
      ['src/app.ts', 'RIGHT', null, 8, 2],
      ['src/app.ts', 'LEFT', null, 20, 13],
      ['src/app.ts', 'RIGHT', 17, 22, 16],
      ['src/new.ts', 'RIGHT', null, 2, 2],
      ['src/app.ts', 'RIGHT', null, 10, 5],
      ['src/app.ts', 'LEFT', null, 25, 18],
    ])
    expect(comments[0].diff_hunk).toBe(
      '@@ -7,7 +7,7 @@ line 6\n line 7\n line 8\n line 9\n-line 10\n+line 10 changed',
    )
    expect(comments[2].diff_hunk.split('\n').at(-1)).toBe('-line 20')
    expect(comments[4].diff_hunk).toBe('@@ -0,0 +1,3 @@\n+one\n+two')
    expect(comments.every((c) => c.pull_request_review_id === data.id)).toBe(true)
    expect(comments[0].html_url).toBe(`${pr.html_url}#discussion_r${comments[0].id}`)
    expect(emu.state.threadsOn(OWNER, REPO, pr.number)).toHaveLength(7)
    expectClean(emu)
  })

  test('one comment off the diff rejects the whole review with GitHub’s 422', async () => {
    const off = await failure(
      bob.rest.pulls.createReview({
        ...where(),
        event: 'COMMENT',
        body: 'notes',
        comments: [
          { path: 'src/app.ts', line: 10, body: 'fine' },
          { path: 'src/app.ts', line: 15, body: 'not in any hunk' },
        ],
      }),
    )
    expect(off.status).toBe(422)
    expect(off.data).toEqual({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
      documentation_url:
        'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    })
    expect(emu.state.reviews).toEqual([])
    expect(emu.state.reviewComments).toEqual([])

    const reasons = async (comment: Record<string, unknown>) =>
      (
        (
          await failure(
            bob.rest.pulls.createReview({
              ...where(),
              event: 'COMMENT',
              comments: [{ path: 'src/app.ts', body: 'x', ...comment }],
            }),
          )
        ).data as { errors: string[] }
      ).errors
    // An added file has no old lines to comment on.
    expect(await reasons({ path: 'src/new.ts', line: 1, side: 'LEFT' })).toEqual([
      expect.stringContaining('line must be part of the diff'),
    ])
    expect(await reasons({ path: 'README.md', line: 1 })).toEqual(['Path could not be resolved'])
    expect(await reasons({ start_line: 8, line: 18 })).toEqual([
      'Pull request review thread start line must be part of the same hunk as the line.',
    ])
    expect(await reasons({ start_line: 15, line: 16 })).toEqual([
      "Pull request review thread line must be part of the diff, Pull request review thread start line must be part of the same hunk as the line., and Pull request review thread diff hunk can't be blank",
    ])
    expect(await reasons({ start_line: 12, line: 9 })).toEqual([
      'Pull request review thread start line must precede the end line.',
    ])
    expect(await reasons({ position: 99 })).toEqual([
      "Pull request review thread position is invalid and Pull request review thread diff hunk can't be blank",
    ])
    expect(await reasons({ path: 'nope.ts', position: 1 })).toEqual([
      "Pull request review thread path is invalid and Pull request review thread diff hunk can't be blank",
    ])
    expect(emu.state.reviews).toEqual([])
    expectClean(emu)
  })

  test('approving: not your own PR, not with the Actions token unless the repository allows it', async () => {
    const own = await failure(alice.rest.pulls.createReview({ ...where(), event: 'APPROVE' }))
    expect(own.status).toBe(422)
    expect((own.data as { errors: string[] }).errors).toEqual([
      'Can not approve your own pull request',
    ])
    const bot = await failure(actions.rest.pulls.createReview({ ...where(), event: 'APPROVE' }))
    expect((bot.data as { errors: string[] }).errors).toEqual([
      'GitHub Actions is not permitted to approve pull requests.',
    ])
    emu.state.repo(OWNER, REPO)!.actions_can_approve = true
    expect(
      (await actions.rest.pulls.createReview({ ...where(), event: 'APPROVE' })).data.state,
    ).toBe('APPROVED')
    const { data: changes } = await bob.rest.pulls.createReview({
      ...where(),
      event: 'REQUEST_CHANGES',
      body: 'Please fix',
    })
    expect(changes.state).toBe('CHANGES_REQUESTED')
    const { data: listed } = await alice.rest.pulls.listReviews(where())
    expect(listed.map((r) => [r.user?.login, r.state])).toEqual([
      ['github-actions[bot]', 'APPROVED'],
      ['bob', 'CHANGES_REQUESTED'],
    ])
    const { data: one } = await alice.rest.pulls.getReview({ ...where(), review_id: changes.id })
    expect(one.body).toBe('Please fix')
    expectClean(emu)
  })

  test('a pending review is its author’s alone until submitted', async () => {
    const { data: pending } = await bob.rest.pulls.createReview({
      ...where(),
      comments: [{ path: 'src/app.ts', line: 10, body: 'draft note' }],
    })
    expect(pending.state).toBe('PENDING')
    expect(pending.submitted_at).toBeUndefined()
    expect((await alice.rest.pulls.listReviewComments(where())).data).toEqual([])
    expect((await bob.rest.pulls.listReviewComments(where())).data).toHaveLength(1)
    const { data: submitted } = await bob.rest.pulls.submitReview({
      ...where(),
      review_id: pending.id,
      event: 'COMMENT',
      body: 'done',
    })
    expect(submitted.state).toBe('COMMENTED')
    expect((await alice.rest.pulls.listReviewComments(where())).data).toHaveLength(1)
    expectClean(emu)
  })
})

describe('single comments and replies', () => {
  test('a single comment, a reply by in_reply_to and by the replies endpoint, in one thread', async () => {
    const { data: first, status } = await bob.rest.pulls.createReviewComment({
      ...where(),
      body: 'Why this?',
      commit_id: pr.head.sha,
      path: 'src/app.ts',
      line: 10,
      side: 'RIGHT',
    })
    expect(status).toBe(201)
    expect(first).toMatchObject({ line: 10, original_line: 10, position: 5, subject_type: 'line' })
    const { data: byParam } = await alice.rest.pulls.createReviewComment({
      ...where(),
      body: 'Because.',
      commit_id: pr.head.sha,
      path: 'src/app.ts',
      in_reply_to: first.id,
    })
    const { data: byRoute } = await bob.rest.pulls.createReplyForReviewComment({
      ...where(),
      comment_id: first.id,
      body: 'Thanks',
    })
    expect(byParam.in_reply_to_id).toBe(first.id)
    expect(byRoute.in_reply_to_id).toBe(first.id)
    expect(byRoute.diff_hunk).toBe(first.diff_hunk)
    const { data: got } = await alice.rest.pulls.getReviewComment({
      owner: OWNER,
      repo: REPO,
      comment_id: byRoute.id,
    })
    expect(got.body).toBe('Thanks')
    const threads = emu.state.threadsOn(OWNER, REPO, pr.number)
    expect(threads).toHaveLength(1)
    expect(emu.state.commentsInThread(threads[0].id).map((c) => c.body)).toEqual([
      'Why this?',
      'Because.',
      'Thanks',
    ])
    // Replying to a reply is documented as unsupported: it lands in the thread, and is recorded.
    await bob.rest.pulls.createReplyForReviewComment({
      ...where(),
      comment_id: byRoute.id,
      body: 'again',
    })
    expect(emu.state.commentsInThread(threads[0].id).at(-1)?.in_reply_to_id).toBe(first.id)
    expectClean(emu, [/replies to replies are not supported/])
  })

  test('a single comment off the diff is a 422 with field errors', async () => {
    const off = await failure(
      bob.rest.pulls.createReviewComment({
        ...where(),
        body: 'x',
        commit_id: pr.head.sha,
        path: 'src/app.ts',
        line: 15,
      }),
    )
    expect(off.status).toBe(422)
    expect(off.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequestReviewComment',
          code: 'custom',
          field: 'pull_request_review_thread.line',
          message: 'could not be resolved',
        },
      ],
    })
    const stale = await failure(
      bob.rest.pulls.createReviewComment({
        ...where(),
        body: 'x',
        commit_id: 'b'.repeat(40),
        path: 'src/app.ts',
        line: 10,
      }),
    )
    expect(JSON.stringify(stale.data)).toContain('end_commit_oid is not part of the pull request')
    // The description requires commit_id and path even with in_reply_to: leaving them out is a
    // violation here, though GitHub ignores everything but body then.
    await failure(
      bob.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', {
        ...where(),
        body: 'reply',
        in_reply_to: 1,
      } as never),
    )
    expectClean(emu, [/create-review-comment: body must have required property/])
  })
})

describe('threads as the head moves', () => {
  test('lines shift with edits above them; a thread whose line changed is outdated', async () => {
    const { data: review } = await bob.rest.pulls.createReview({
      ...where(),
      event: 'COMMENT',
      comments: [
        { path: 'src/app.ts', line: 10, body: 'will be rewritten' },
        { path: 'src/app.ts', line: 25, body: 'will move down' },
      ],
    })
    // A new commit: line 10 rewritten again, and a line inserted near the top.
    const next = FEATURE_APP.replace('line 10 changed', 'line 10 rewritten').replace(
      'line 2\n',
      'line 2\ninserted\n',
    )
    const head = await advanceBranch(root, FULL, 'feature', { files: { 'src/app.ts': next } })
    const { data: comments } = await bob.rest.pulls.listCommentsForReview({
      ...where(),
      review_id: review.id,
    })
    expect(
      comments.map((c) => [c.line, c.original_line, c.position, c.commit_id === head]),
    ).toEqual([
      [null, 10, null, false],
      [26, 25, expect.any(Number), true],
    ])
    expect(comments[1].original_commit_id).toBe(review.commit_id)
    expectClean(emu)
  })
})

describe('seeding reviews by people', () => {
  test('addReviewThread with replies and a resolution; addReview refuses a line off the diff', async () => {
    const thread = await emu.state.addReviewThread(OWNER, REPO, pr.number, {
      user: 'carol',
      path: 'src/app.ts',
      line: 10,
      body: 'Rename this',
      replies: [{ user: 'alice', body: 'Will do' }],
      resolved: 'alice',
    })
    expect(thread).toMatchObject({ resolved: true, resolved_by: 'alice', original_line: 10 })
    expect(thread.node_id).toMatch(/^PRRT_kwDO/)
    const { data } = await alice.rest.pulls.listReviewComments(where())
    expect(data.map((c) => [c.user?.login, c.body, c.in_reply_to_id ?? null])).toEqual([
      ['carol', 'Rename this', null],
      ['alice', 'Will do', data[0].id],
    ])
    await expect(
      emu.state.addReview(OWNER, REPO, pr.number, {
        user: 'carol',
        comments: [{ path: 'src/app.ts', line: 3, body: 'off' }],
      }),
    ).rejects.toThrow('line must be part of the diff')
    expectClean(emu)
  })
})
