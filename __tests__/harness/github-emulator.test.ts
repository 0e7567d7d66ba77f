// Self-test of the GitHub REST emulator, driven by the real @octokit/rest client. Every emulator
// runs with checkResponses, so each test also proves its responses match GitHub's description.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'

const OWNER = 'octo-org'
const REPO = 'widgets'

let emu: GitHubEmulator
let alice: Octokit // repository owner (admin)
let bob: Octokit // collaborator with write
let actions: Octokit // the Actions installation token
const tempDirs: string[] = []

// Failed requests are expected here; keep Octokit's request log out of the test output.
const quiet = () => {}
const log = { debug: quiet, info: quiet, warn: quiet, error: quiet }

function client(token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: emu.url, log })
}

/** The HTTP error a request fails with (and fails the test if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<{
  status: number
  message: string
  headers: Record<string, string | undefined>
  data: unknown
}> {
  try {
    await promise
  } catch (error) {
    const e = error as {
      status?: number
      message: string
      response?: { headers: Record<string, string>; data: unknown }
    }
    if (typeof e.status !== 'number') throw error
    return {
      status: e.status,
      message: e.message,
      headers: e.response?.headers ?? {},
      data: e.response?.data,
    }
  }
  throw new Error('expected the request to fail')
}

/** Every test ends here: no unexpected violations and only schema-conformant responses. */
function expectClean(expectedViolations: RegExp[] = []) {
  expect(emu.responseProblems).toEqual([])
  expect(emu.violations).toHaveLength(expectedViolations.length)
  expectedViolations.forEach((pattern, i) => expect(emu.violations[i]).toMatch(pattern))
}

function git(gitDir: string, args: string[], input?: string): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    input,
    // Its own identity: a fresh machine has none configured for git.
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Tester',
      GIT_AUTHOR_EMAIL: 'tester@example.com',
      GIT_COMMITTER_NAME: 'Tester',
      GIT_COMMITTER_EMAIL: 'tester@example.com',
    },
    encoding: 'utf8',
    timeout: 10_000,
  }).trim()
}

function bareRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-emulator-'))
  tempDirs.push(dir)
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', dir], {
    timeout: 10_000,
  })
  return dir
}

beforeEach(async () => {
  emu = await startGitHubEmulator({ checkResponses: true })
  const s = emu.state
  s.addUser({ login: 'alice', name: 'Alice' })
  s.addRepo({
    owner: OWNER,
    name: REPO,
    ownerType: 'Organization',
    refs: { 'refs/heads/main': 'a'.repeat(40) },
  })
  s.addCollaborator(OWNER, REPO, 'alice', 'admin')
  s.addCollaborator(OWNER, REPO, 'bob', 'write')
  s.addCollaborator(OWNER, REPO, 'tess', 'triage')
  s.addUser({ login: 'mallory' })
  s.addToken('tok-alice', 'alice')
  s.addToken('tok-bob', 'bob')
  s.addToken('tok-mallory', 'mallory')
  s.addInstallationToken('tok-actions')
  alice = client('tok-alice')
  bob = client('tok-bob')
  actions = client('tok-actions')
})

afterEach(async () => {
  await emu.close()
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('identity and permissions', () => {
  test('GET /user answers for a PAT and refuses the installation token', async () => {
    const { data } = await alice.rest.users.getAuthenticated()
    expect(data).toMatchObject({ login: 'alice', type: 'User', name: 'Alice' })
    const refused = await failure(actions.rest.users.getAuthenticated())
    expect(refused.status).toBe(403)
    expect(refused.message).toContain('Resource not accessible by integration')
    const { data: bot } = await alice.rest.users.getByUsername({ username: 'github-actions[bot]' })
    expect(bot).toMatchObject({ id: 41898282, type: 'Bot' })
    expectClean()
  })

  test('an unknown token is 401 Bad credentials; a request without one is a violation', async () => {
    const bad = await failure(client('nope').rest.repos.get({ owner: OWNER, repo: REPO }))
    expect(bad.status).toBe(401)
    expect(bad.message).toContain('Bad credentials')
    const anonymous = new Octokit({ baseUrl: emu.url, log })
    expect((await failure(anonymous.rest.repos.get({ owner: OWNER, repo: REPO }))).status).toBe(401)
    expect(emu.requests.map((r) => r.headers.authorization)).toEqual(['[unknown token]', undefined])
    expectClean([/repos\/get: no Authorization header/])
  })

  test('collaborator permission lookup reports the legacy permission and the role', async () => {
    const lookup = async (username: string) =>
      (
        await actions.rest.repos.getCollaboratorPermissionLevel({
          owner: OWNER,
          repo: REPO,
          username,
        })
      ).data
    expect(await lookup('alice')).toMatchObject({
      permission: 'admin',
      role_name: 'admin',
      user: { login: 'alice' },
    })
    expect(await lookup('bob')).toMatchObject({ permission: 'write', role_name: 'write' })
    expect(await lookup('tess')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await lookup('mallory')).toMatchObject({ permission: 'read', role_name: 'read' })
    expect((await failure(lookup('nobody-at-all'))).status).toBe(404)
    expectClean()
  })

  test('a private repository is 404 to a non-collaborator and visible to a collaborator', async () => {
    emu.state.addRepo({ owner: OWNER, name: 'secret', private: true })
    emu.state.addCollaborator(OWNER, 'secret', 'bob', 'read')
    expect(
      (await failure(client('tok-mallory').rest.repos.get({ owner: OWNER, repo: 'secret' })))
        .status,
    ).toBe(404)
    const { data } = await bob.rest.repos.get({ owner: OWNER, repo: 'secret' })
    expect(data).toMatchObject({
      full_name: `${OWNER}/secret`,
      private: true,
      permissions: { push: false, pull: true },
    })
    expectClean()
  })
})

describe('issue comments', () => {
  test('create, read, update and delete, with GitHub-shaped fields', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const { data: made, status } = await actions.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      body: 'working on it',
    })
    expect(status).toBe(201)
    expect(made.id).toBeGreaterThan(2 ** 31)
    expect(made.html_url).toBe(
      `https://github.test/${OWNER}/${REPO}/pull/${pr.number}#issuecomment-${made.id}`,
    )
    expect(made.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
    expect(emu.state.comments(OWNER, REPO, pr.number).map((c) => c.body)).toEqual(['working on it'])

    const { data: updated } = await actions.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: made.id,
      body: 'done',
    })
    expect(updated.body).toBe('done')
    expect(
      (await actions.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: made.id })).data
        .body,
    ).toBe('done')
    // Someone without write access may not edit another user's comment.
    const denied = await failure(
      client('tok-mallory').rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: made.id,
        body: 'x',
      }),
    )
    expect(denied.status).toBe(403)

    await actions.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: made.id })
    expect(emu.state.comments(OWNER, REPO, pr.number)).toEqual([])
    const gone = await failure(
      actions.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: made.id }),
    )
    expect(gone.status).toBe(404)
    expectClean()
  })

  test('lists page with Link headers that octokit.paginate follows, and filter by since', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    for (let i = 0; i < 65; i++)
      emu.state.addComment(OWNER, REPO, pr.number, { body: `c${i}`, user: 'bob' })

    const first = await bob.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      per_page: 30,
    })
    expect(first.data.map((c) => c.body)).toEqual(Array.from({ length: 30 }, (_, i) => `c${i}`))
    expect(first.headers.link).toMatch(/[?&]page=2[^>]*>; rel="next"/)
    expect(first.headers.link).toMatch(/[?&]page=3[^>]*>; rel="last"/)

    const all = await bob.paginate(bob.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      per_page: 30,
    })
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 65 }, (_, i) => `c${i}`))
    expect(emu.requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(4)

    const later = emu.state.comments(OWNER, REPO, pr.number)[64]
    later.updated_at = '2099-01-01T00:00:00Z'
    const since = await bob.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      since: '2098-01-01T00:00:00Z',
    })
    expect(since.data.map((c) => c.id)).toEqual([later.id])
    expectClean()
  })

  test('a body over 65536 characters is rejected with 422; exactly 65536 is accepted', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const params = { owner: OWNER, repo: REPO, issue_number: pr.number }
    await actions.rest.issues.createComment({ ...params, body: 'x'.repeat(65536) })
    const tooLong = await failure(
      actions.rest.issues.createComment({ ...params, body: 'x'.repeat(65537) }),
    )
    expect(tooLong.status).toBe(422)
    expect(tooLong.message.toLowerCase()).toContain('body is too long')
    expect(emu.state.comments(OWNER, REPO, pr.number)).toHaveLength(1)
    expectClean([/issues\/create-comment: body is too long \(65537 > 65536/])
  })

  test('comments on a missing issue number are 404', async () => {
    const missing = await failure(
      actions.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 99, body: 'x' }),
    )
    expect(missing.status).toBe(404)
    expectClean()
  })
})

describe('reactions', () => {
  test('201 for a new reaction, 200 for a repeat, listed per subject', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const comment = emu.state.addComment(OWNER, REPO, pr.number, { body: '/do it', user: 'bob' })

    const first = await actions.rest.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
      content: 'eyes',
    })
    expect(first.status).toBe(201)
    const again = await actions.rest.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
      content: 'eyes',
    })
    expect(again.status).toBe(200)
    expect(again.data.id).toBe(first.data.id)
    await bob.rest.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
      content: '+1',
    })
    const issueReaction = await actions.rest.reactions.createForIssue({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
      content: 'rocket',
    })
    expect(issueReaction.status).toBe(201)

    const onComment = await alice.rest.reactions.listForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
    })
    expect(onComment.data.map((r) => [r.content, r.user?.login])).toEqual([
      ['eyes', 'github-actions[bot]'],
      ['+1', 'bob'],
    ])
    const eyesOnly = await alice.rest.reactions.listForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
      content: 'eyes',
    })
    expect(eyesOnly.data).toHaveLength(1)
    const onIssue = await alice.rest.reactions.listForIssue({
      owner: OWNER,
      repo: REPO,
      issue_number: pr.number,
    })
    expect(onIssue.data.map((r) => r.content)).toEqual(['rocket'])
    const { data: rendered } = await alice.rest.issues.getComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id,
    })
    expect(rendered.reactions).toMatchObject({ total_count: 2, eyes: 1, '+1': 1 })
    expectClean()
  })
})

describe('validation against the OpenAPI description', () => {
  test('a body of the wrong type is a violation and a 422', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const bad = await failure(
      actions.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: OWNER,
        repo: REPO,
        issue_number: pr.number,
        body: 123 as unknown as string,
      }),
    )
    expect(bad.status).toBe(422)
    expect(emu.state.comments(OWNER, REPO, pr.number)).toEqual([])
    expectClean([/issues\/create-comment: body\/body must be string/])
  })

  test('an enum outside its values and a missing required field are violations', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    // Routes given as plain strings skip Octokit's types, as a careless caller might.
    const reaction = await failure(
      actions.request(`POST /repos/${OWNER}/${REPO}/issues/${pr.number}/reactions`, {
        content: 'thumbsup',
      }),
    )
    expect(reaction.status).toBe(422)
    await failure(actions.request(`POST /repos/${OWNER}/${REPO}/git/refs`, { ref: 'refs/heads/x' }))
    expectClean([
      /reactions\/create-for-issue: body\/content must be equal to one of the allowed values/,
      /git\/create-ref: body must have required property 'sha'/,
    ])
  })

  test('an unknown body property is answered as GitHub would (ignored) but is a violation', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
      draft: true,
    })
    const { status } = await bob.request(`PATCH /repos/${OWNER}/${REPO}/pulls/${pr.number}`, {
      draft: false,
      title: 'Ready',
    })
    expect(status).toBe(200)
    expect(pr).toMatchObject({ draft: true, title: 'Ready' })
    expectClean([/pulls\/update: body has unknown property 'draft' \(GitHub ignores it\)/])
  })

  test('bad and unknown query parameters are violations', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const wrongType = await failure(
      actions.request(`GET /repos/${OWNER}/${REPO}/issues/${pr.number}/comments?per_page=lots`),
    )
    expect(wrongType.status).toBe(422)
    await actions.request(`GET /repos/${OWNER}/${REPO}/issues/${pr.number}/comments?perPage=100`)
    const notNumber = await failure(actions.request(`GET /repos/${OWNER}/${REPO}/pulls/first`))
    expect(notNumber.status).toBe(404)
    expectClean([
      /issues\/list-comments: query\/per_page must be integer/,
      /issues\/list-comments: unknown query parameter 'perPage'/,
      /pulls\/get: path\/pull_number must be integer/,
    ])
  })

  test('a route GitHub does not have is a 404 violation; one not emulated is a 501 violation', async () => {
    expect(
      (
        await failure(
          actions.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: OWNER, repo: REPO }),
        )
      ).status,
    ).toBe(404)
    expect((await failure(actions.request('PUT /user'))).status).toBe(404)
    const gap = await failure(actions.rest.issues.listLabelsForRepo({ owner: OWNER, repo: REPO }))
    expect(gap.status).toBe(501)
    expectClean([
      /unknown route: GET \/repos\/octo-org\/widgets\/no-such-thing/,
      /unknown route: PUT \/user/,
      /not emulated: GET \/repos\/\{owner\}\/\{repo\}\/labels/,
    ])
  })

  test('the pulls list head filter must be owner:branch', async () => {
    emu.state.addPull({ owner: OWNER, repo: REPO, user: 'bob', head: { ref: 'feature' } })
    emu.state.addPull({ owner: OWNER, repo: REPO, user: 'bob', head: { ref: 'other' } })
    const { data } = await actions.rest.pulls.list({
      owner: OWNER,
      repo: REPO,
      head: `${OWNER}:feature`,
    })
    expect(data.map((p) => p.head.ref)).toEqual(['feature'])
    const ignored = await actions.rest.pulls.list({ owner: OWNER, repo: REPO, head: 'feature' })
    expect(ignored.data).toHaveLength(2)
    expectClean([/pulls\/list: head="feature" must be "owner:branch"/])
  })
})

describe('fault injection', () => {
  test('a 503 answers once, changes nothing, and the retry succeeds', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    emu.faults.add({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 503,
    })
    const params = { owner: OWNER, repo: REPO, issue_number: pr.number, body: 'hello' }
    expect((await failure(actions.rest.issues.createComment(params))).status).toBe(503)
    expect(emu.state.comments(OWNER, REPO, pr.number)).toEqual([])
    expect((await actions.rest.issues.createComment(params)).status).toBe(201)
    expect(emu.requests.map((r) => [r.status, r.fault ?? false])).toEqual([
      [503, true],
      [201, false],
    ])
    expect(emu.faults.pending()).toEqual([])
    expectClean()
  })

  test('429 with retry-after, a RegExp path, times and a delay', async () => {
    emu.faults.add({ path: /\/pulls$/, times: 2, status: 429, headers: { 'retry-after': '7' } })
    const limited = await failure(actions.rest.pulls.list({ owner: OWNER, repo: REPO }))
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('7')
    expect((await failure(actions.rest.pulls.list({ owner: OWNER, repo: REPO }))).status).toBe(429)
    expect((await actions.rest.pulls.list({ owner: OWNER, repo: REPO })).status).toBe(200)

    emu.faults.add({
      method: 'GET',
      path: `/repos/${OWNER}/${REPO}`,
      status: 404,
      delayMs: 150,
      body: { message: 'gone' },
    })
    const started = Date.now()
    const slow = await failure(actions.rest.repos.get({ owner: OWNER, repo: REPO }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(slow).toMatchObject({ status: 404, data: { message: 'gone' } })
    expectClean()
  })
  test('close() cuts an injected delay short instead of waiting it out', async () => {
    emu.faults.add({ path: `/repos/${OWNER}/${REPO}`, status: 500, delayMs: 60_000 })
    const pending = actions.rest.repos.get({ owner: OWNER, repo: REPO }).catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    await emu.close()
    expect(Date.now() - started).toBeLessThan(2_000)
    await pending
    expectClean()
  })
})

describe('secondary rate limit', () => {
  test('writes beyond the per-minute budget get 403 with retry-after and are counted', async () => {
    await emu.close()
    let now = Date.parse('2030-01-01T00:00:00Z')
    emu = await startGitHubEmulator({
      checkResponses: true,
      now: () => new Date(now),
      secondaryRateLimit: { maxWritesPerMinute: 2, retryAfterSeconds: 3 },
    })
    emu.state.addRepo({ owner: OWNER, name: REPO })
    emu.state.addInstallationToken('tok-actions')
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
    })
    const bot = client('tok-actions')
    const issue = { owner: OWNER, repo: REPO, issue_number: pr.number }
    const params = { ...issue, body: 'hi' }
    await bot.rest.issues.createComment(params)
    await bot.rest.issues.createComment(params)
    const refused = await failure(bot.rest.issues.createComment(params))
    expect(refused.status).toBe(403)
    expect(refused.message).toContain('You have exceeded a secondary rate limit')
    expect(refused.headers['retry-after']).toBe('3')
    expect((await bot.rest.issues.listComments(issue)).data).toHaveLength(2) // reads still pass
    expect(emu.secondaryRateLimitHits).toEqual({ total: 1, byLogin: { 'github-actions[bot]': 1 } })
    now += 61_000
    expect((await bot.rest.issues.createComment(params)).status).toBe(201)
    expectClean()
  })

  test('too many concurrent requests per token get 403', async () => {
    await emu.close()
    emu = await startGitHubEmulator({
      checkResponses: true,
      secondaryRateLimit: { maxConcurrent: 1 },
    })
    emu.state.addRepo({ owner: OWNER, name: REPO })
    emu.state.addInstallationToken('tok-actions')
    const bot = client('tok-actions')
    emu.faults.add({ path: `/repos/${OWNER}/${REPO}`, status: 200, body: {}, delayMs: 200 })
    const slow = bot.request('GET /repos/{owner}/{repo}', { owner: OWNER, repo: REPO })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const second = await failure(bot.rest.repos.get({ owner: OWNER, repo: REPO }))
    expect(second.status).toBe(403)
    expect((await slow).status).toBe(200)
    expect(emu.secondaryRateLimitHits.total).toBe(1)
    expectClean()
  })
})

describe('pull requests', () => {
  test('get, list, create and update', async () => {
    emu.state.repo(OWNER, REPO)!.refs['refs/heads/feature'] = 'b'.repeat(40)
    const seeded = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'bob',
      head: { ref: 'feature' },
      title: 'Seeded',
    })
    emu.state.addIssue({ owner: OWNER, repo: REPO, user: 'bob' }) // takes number 2
    const { data: got } = await bob.rest.pulls.get({
      owner: OWNER,
      repo: REPO,
      pull_number: seeded.number,
    })
    expect(got).toMatchObject({
      number: 1,
      title: 'Seeded',
      state: 'open',
      merged: false,
      user: { login: 'bob' },
      head: { ref: 'feature', sha: 'b'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'main', sha: 'a'.repeat(40) },
      html_url: `https://github.test/${OWNER}/${REPO}/pull/1`,
    })

    emu.state.repo(OWNER, REPO)!.refs['refs/heads/second'] = 'c'.repeat(40)
    const missing = await failure(
      bob.rest.pulls.create({
        owner: OWNER,
        repo: REPO,
        title: 't',
        head: 'no-such-branch',
        base: 'main',
      }),
    )
    expect(missing.status).toBe(422)
    const { data: made, status } = await bob.rest.pulls.create({
      owner: OWNER,
      repo: REPO,
      title: 'Second',
      head: 'second',
      base: 'main',
      body: 'please',
      draft: true,
    })
    expect(status).toBe(201)
    expect(made).toMatchObject({
      number: 3,
      draft: true,
      body: 'please',
      head: { sha: 'c'.repeat(40) },
    })
    const duplicate = await failure(
      bob.rest.pulls.create({
        owner: OWNER,
        repo: REPO,
        title: 'again',
        head: 'second',
        base: 'main',
      }),
    )
    expect(duplicate.message).toContain('A pull request already exists')

    const { data: listed } = await bob.rest.pulls.list({ owner: OWNER, repo: REPO })
    expect(listed.map((p) => p.number)).toEqual([3, 1]) // newest first
    expect(listed[0]).not.toHaveProperty('merged') // lists return the simple shape, as on GitHub

    const { data: closed } = await bob.rest.pulls.update({
      owner: OWNER,
      repo: REPO,
      pull_number: 3,
      state: 'closed',
    })
    expect(closed.state).toBe('closed')
    expect(
      (await bob.rest.pulls.list({ owner: OWNER, repo: REPO, state: 'closed' })).data.map(
        (p) => p.number,
      ),
    ).toEqual([3])
    expectClean()
  })

  test('a deleted head fork renders as head.repo null', async () => {
    emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'eve',
      head: { ref: 'x', sha: 'd'.repeat(40), repo: null },
    })
    const { data } = await alice.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
    expect(data.head).toMatchObject({ repo: null, sha: 'd'.repeat(40), label: 'eve:x' })
    expectClean()
  })
})

describe('git data against a real bare repository', () => {
  test('create commits and refs through the API, read them back, see real pushes', async () => {
    const gitDir = bareRepo()
    emu.state.addRepo({ owner: 'alice', name: 'real', gitDir })
    const repo = { owner: 'alice', repo: 'real' }
    const emptyTree = git(gitDir, ['hash-object', '-t', 'tree', '-w', '--stdin'], '')

    const { data: root, status } = await actions.rest.git.createCommit({
      ...repo,
      message: 'root\n\nwith a body',
      tree: emptyTree,
      parents: [],
      author: { name: 'Ann', email: 'ann@example.test', date: '2030-01-02T03:04:05Z' },
    })
    expect(status).toBe(201)
    expect(git(gitDir, ['cat-file', '-t', root.sha])).toBe('commit')
    expect(root).toMatchObject({
      message: 'root\n\nwith a body',
      tree: { sha: emptyTree },
      parents: [],
      author: { name: 'Ann', email: 'ann@example.test', date: '2030-01-02T03:04:05Z' },
      committer: { name: 'Ann' },
    })

    const { data: ref } = await actions.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/main',
      sha: root.sha,
    })
    expect(ref).toMatchObject({ ref: 'refs/heads/main', object: { sha: root.sha, type: 'commit' } })
    expect(git(gitDir, ['rev-parse', 'refs/heads/main'])).toBe(root.sha)
    const exists = await failure(
      actions.rest.git.createRef({ ...repo, ref: 'refs/heads/main', sha: root.sha }),
    )
    expect(exists.status).toBe(422)
    expect(exists.message).toContain('Reference already exists')

    const { data: child } = await actions.rest.git.createCommit({
      ...repo,
      message: 'child',
      tree: emptyTree,
      parents: [root.sha],
    })
    expect(child.author.email).toMatch(/^41898282\+github-actions\[bot\]@users\.noreply\./)
    await actions.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: child.sha })
    expect((await actions.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha).toBe(
      child.sha,
    )

    const backwards = await failure(
      actions.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: root.sha }),
    )
    expect(backwards.status).toBe(422)
    expect(backwards.message).toContain('fast forward')
    await actions.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: root.sha, force: true })
    expect(git(gitDir, ['rev-parse', 'refs/heads/main'])).toBe(root.sha)

    // A ref name with a slash, written by real git, found by prefix and read back both ways.
    git(gitDir, ['update-ref', 'refs/heads/feature/one', child.sha])
    const matching = await actions.rest.git.listMatchingRefs({ ...repo, ref: 'heads/feat' })
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/feature/one'])
    expect(
      (await actions.request(`GET /repos/alice/real/git/ref/heads/feature/one`)).data.object.sha,
    ).toBe(child.sha)

    const { data: commit } = await actions.rest.git.getCommit({ ...repo, commit_sha: child.sha })
    expect(commit.parents.map((p) => p.sha)).toEqual([root.sha])
    const { data: branch } = await actions.rest.repos.getBranch({ ...repo, branch: 'feature/one' })
    expect(branch).toMatchObject({ name: 'feature/one', commit: { sha: child.sha } })
    const { data: byName } = await actions.rest.repos.getCommit({ ...repo, ref: 'main' })
    expect(byName.sha).toBe(root.sha)

    // A pull request's head follows its branch as real git moves it.
    emu.state.addPull({ owner: 'alice', repo: 'real', user: 'alice', head: { ref: 'feature/one' } })
    expect((await actions.rest.pulls.get({ ...repo, pull_number: 1 })).data.head.sha).toBe(
      child.sha,
    )
    const { data: third } = await actions.rest.git.createCommit({
      ...repo,
      message: 'third',
      tree: emptyTree,
      parents: [child.sha],
    })
    git(gitDir, ['update-ref', 'refs/heads/feature/one', third.sha])
    expect((await actions.rest.pulls.get({ ...repo, pull_number: 1 })).data.head.sha).toBe(
      third.sha,
    )

    await actions.rest.git.deleteRef({ ...repo, ref: 'heads/feature/one' })
    expect(
      (await failure(actions.rest.git.getRef({ ...repo, ref: 'heads/feature/one' }))).status,
    ).toBe(404)
    expectClean()
  })

  test('pulls.create checks branches in git and refuses an empty diff', async () => {
    const gitDir = bareRepo()
    emu.state.addRepo({ owner: 'alice', name: 'real', gitDir })
    const tree = git(gitDir, ['hash-object', '-t', 'tree', '-w', '--stdin'], '')
    const base = git(gitDir, ['commit-tree', tree, '-m', 'base'])
    git(gitDir, ['update-ref', 'refs/heads/main', base])
    git(gitDir, ['update-ref', 'refs/heads/same', base])
    const params = { owner: 'alice', repo: 'real', title: 't', base: 'main' }
    const missing = await failure(alice.rest.pulls.create({ ...params, head: 'absent' }))
    expect(missing.status).toBe(422)
    const empty = await failure(alice.rest.pulls.create({ ...params, head: 'same' }))
    expect(empty.message).toContain('No commits between main and same')
    const work = git(gitDir, ['commit-tree', tree, '-p', base, '-m', 'work'])
    git(gitDir, ['update-ref', 'refs/heads/work', work])
    expect((await alice.rest.pulls.create({ ...params, head: 'alice:work' })).data.head.sha).toBe(
      work,
    )
    expectClean()
  })
})

describe('workflow runs', () => {
  test('list with filters and get by id', async () => {
    const s = emu.state
    const ok = s.addWorkflowRun(OWNER, REPO, { head_sha: 'e'.repeat(40), head_branch: 'feature' })
    s.addWorkflowRun(OWNER, REPO, {
      head_sha: 'f'.repeat(40),
      head_branch: 'other',
      conclusion: 'failure',
    })
    s.addWorkflowRun(OWNER, REPO, {
      head_sha: 'e'.repeat(40),
      head_branch: 'feature',
      status: 'in_progress',
      event: 'issue_comment',
    })
    const list = async (filters: Record<string, string>) =>
      (await actions.rest.actions.listWorkflowRunsForRepo({ owner: OWNER, repo: REPO, ...filters }))
        .data
    expect((await list({})).total_count).toBe(3)
    expect((await list({ branch: 'feature' })).workflow_runs).toHaveLength(2)
    expect((await list({ status: 'failure' })).workflow_runs.map((r) => r.head_branch)).toEqual([
      'other',
    ])
    expect(
      (await list({ event: 'issue_comment', head_sha: 'e'.repeat(40) })).workflow_runs.map(
        (r) => r.status,
      ),
    ).toEqual(['in_progress'])
    const { data } = await actions.rest.actions.getWorkflowRun({
      owner: OWNER,
      repo: REPO,
      run_id: ok.id,
    })
    expect(data).toMatchObject({
      id: ok.id,
      conclusion: 'success',
      html_url: `https://github.test/${OWNER}/${REPO}/actions/runs/${ok.id}`,
    })
    expectClean()
  })
})
