// The emulator's GraphQL endpoint, driven by Octokit's own graphql client: documents validated
// against GitHub's published schema, review threads read with real pagination, resolve and
// unresolve with GitHub's permission rules, and unmodelled fields answered null and recorded.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import type { Octokit } from '@octokit/rest'
import { expectClean, graphqlFailure, octokitFor } from './emulator-kit.js'
import { createBareRepo, createBranch } from './git/index.js'
import { startGitHubEmulator, type GitHubEmulator, type PullRequest } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
const FULL = `${OWNER}/${REPO}`

let root: string
let emu: GitHubEmulator
let pr: PullRequest
let alice: Octokit // PR author (write)
let carol: Octokit // reader: may not resolve
let actions: Octokit

const THREADS = /* GraphQL */ `
  query Threads($owner: String!, $name: String!, $number: Int!, $first: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        reviewThreads(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            isResolved
            isOutdated
            path
            line
            originalLine
            startLine
            diffSide
            comments(first: 50) {
              nodes {
                id
                databaseId
                author {
                  login
                }
                body
                diffHunk
                createdAt
                url
                path
              }
            }
          }
        }
      }
    }
  }
`

interface ThreadPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        totalCount: number
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
        nodes: Array<{
          id: string
          isResolved: boolean
          isOutdated: boolean
          path: string
          line: number | null
          originalLine: number | null
          startLine: number | null
          diffSide: string
          comments: {
            nodes: Array<{
              id: string
              databaseId: number
              author: { login: string }
              body: string
              diffHunk: string
              createdAt: string
              url: string
              path: string
            }>
          }
        }>
      }
    }
  }
}

const RESOLVE = /* GraphQL */ `
  mutation Resolve($threadId: ID!) {
    resolveReviewThread(input: { threadId: $threadId }) {
      thread {
        id
        isResolved
      }
    }
  }
`

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gh-graphql-'))
  const base = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
  const { gitDir } = await createBareRepo(root, FULL, { files: { 'app.ts': base } })
  const head = await createBranch(root, FULL, 'feature', {
    files: { 'app.ts': base.replace('line 3\n', 'line 3 changed\n'), 'b.ts': 'b\n' },
  })
  emu = await startGitHubEmulator({ checkResponses: true })
  const s = emu.state
  s.addRepo({ owner: OWNER, name: REPO, gitDir })
  s.addCollaborator(OWNER, REPO, 'alice', 'write')
  s.addCollaborator(OWNER, REPO, 'bob', 'write')
  s.addCollaborator(OWNER, REPO, 'carol', 'read')
  s.addToken('tok-alice', 'alice')
  s.addToken('tok-carol', 'carol')
  s.addInstallationToken('tok-actions')
  pr = s.addPull({ owner: OWNER, repo: REPO, user: 'bob', head: { ref: 'feature', sha: head } })
  alice = octokitFor(emu, 'tok-alice')
  carol = octokitFor(emu, 'tok-carol')
  actions = octokitFor(emu, 'tok-actions')
})

afterEach(async () => {
  await emu.close()
  await rm(root, { recursive: true, force: true })
})

const vars = { owner: OWNER, name: REPO, number: 0 }

describe('review threads', () => {
  test('read with comments, resolved state and pagination, sharing the REST thread model', async () => {
    const s = emu.state
    await s.addReviewThread(OWNER, REPO, pr.number, {
      user: 'alice',
      path: 'app.ts',
      line: 3,
      body: 'Why changed?',
      replies: [{ user: 'bob', body: 'Asked for.' }],
    })
    await s.addReviewThread(OWNER, REPO, pr.number, {
      user: 'alice',
      path: 'app.ts',
      start_line: 1,
      line: 4,
      body: 'Range',
      resolved: true,
    })
    // A REST review by the Actions bot joins the same model.
    await actions.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: pr.number,
      event: 'COMMENT',
      comments: [{ path: 'b.ts', line: 1, body: 'bot note' }],
    })
    const page1 = await alice.graphql<ThreadPage>(THREADS, { ...vars, number: pr.number, first: 2 })
    const threads = page1.repository.pullRequest.reviewThreads
    expect(threads.totalCount).toBe(3)
    expect(threads.pageInfo.hasNextPage).toBe(true)
    expect(
      threads.nodes.map((t) => [t.path, t.line, t.startLine, t.isResolved, t.diffSide]),
    ).toEqual([
      ['app.ts', 3, null, false, 'RIGHT'],
      ['app.ts', 4, 1, true, 'RIGHT'],
    ])
    const [first] = threads.nodes
    expect(first.id).toBe(s.threadsOn(OWNER, REPO, pr.number)[0].node_id)
    expect(first.comments.nodes.map((c) => [c.author.login, c.body])).toEqual([
      ['alice', 'Why changed?'],
      ['bob', 'Asked for.'],
    ])
    const rest = (
      await alice.rest.pulls.listReviewComments({
        owner: OWNER,
        repo: REPO,
        pull_number: pr.number,
      })
    ).data
    expect(first.comments.nodes[0]).toMatchObject({
      id: rest[0].node_id,
      databaseId: rest[0].id,
      diffHunk: rest[0].diff_hunk,
      url: rest[0].html_url,
      path: 'app.ts',
    })

    const page2 = await alice.graphql<ThreadPage>(THREADS, {
      ...vars,
      number: pr.number,
      first: 2,
      after: threads.pageInfo.endCursor,
    })
    const second = page2.repository.pullRequest.reviewThreads
    expect(second.pageInfo.hasNextPage).toBe(false)
    // GraphQL drops "[bot]" from a Bot's login; REST keeps it.
    expect(second.nodes.map((t) => t.comments.nodes[0].author.login)).toEqual(['github-actions'])
    expectClean(emu)
  })

  test('resolve and unresolve: writers and the PR author may, a reader may not', async () => {
    const thread = await emu.state.addReviewThread(OWNER, REPO, pr.number, {
      user: 'alice',
      path: 'app.ts',
      line: 3,
      body: 'Fix this',
    })
    const refused = await graphqlFailure(carol.graphql(RESOLVE, { threadId: thread.node_id }))
    expect(refused.errors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        path: ['resolveReviewThread'],
        message: 'carol does not have the correct permissions to execute `ResolveReviewThread`',
      }),
    ])
    expect(refused.data).toEqual({ resolveReviewThread: null })
    expect(thread.resolved).toBe(false)

    const done = await alice.graphql<{ resolveReviewThread: { thread: { isResolved: boolean } } }>(
      RESOLVE,
      { threadId: thread.node_id },
    )
    expect(done.resolveReviewThread.thread.isResolved).toBe(true)
    expect(thread).toMatchObject({ resolved: true, resolved_by: 'alice' })
    await alice.graphql(
      `mutation($id: ID!) { unresolveReviewThread(input: { threadId: $id }) { thread { isResolved } } }`,
      { id: thread.node_id },
    )
    expect(thread.resolved).toBe(false)
    const missing = await graphqlFailure(alice.graphql(RESOLVE, { threadId: 'PRRT_kwDOnope' }))
    expect(missing.errors[0]).toMatchObject({ type: 'NOT_FOUND' })
    expectClean(emu)
  })

  test('an Actions token needs contents: write, not only pull-requests: write, to resolve', async () => {
    emu.state.addInstallationToken('tok-scoped', {
      permissions: { 'pull-requests': 'write', contents: 'read' },
    })
    const thread = await emu.state.addReviewThread(OWNER, REPO, pr.number, {
      user: 'alice',
      path: 'app.ts',
      line: 3,
      body: 'x',
    })
    const scoped = octokitFor(emu, 'tok-scoped')
    const refused = await graphqlFailure(scoped.graphql(RESOLVE, { threadId: thread.node_id }))
    expect(refused.errors[0]).toMatchObject({
      type: 'FORBIDDEN',
      message: 'Resource not accessible by integration',
    })
    await actions.graphql(RESOLVE, { threadId: thread.node_id })
    expect(thread.resolved_by).toBe('github-actions[bot]')
    expectClean(emu)
  })
})

describe('validation against the published schema', () => {
  test('a field GitHub does not have is a violation answered with GraphQL errors', async () => {
    const bad = await graphqlFailure(
      alice.graphql(
        `query { repository(owner: "octo", name: "app") { pullRequest(number: 1) { reviewThreadz { totalCount } } } }`,
      ),
    )
    expect(bad.errors[0].message).toContain('Cannot query field "reviewThreadz"')
    expect(bad.errors[0].locations).toEqual([{ line: 1, column: 75 }])
    const syntax = await graphqlFailure(alice.graphql('query { repository('))
    expect(syntax.errors[0].message).toMatch(/^Syntax Error/)
    const variables = await graphqlFailure(
      alice.graphql(THREADS, { ...vars, number: 'one', first: 1 }),
    )
    expect(variables.errors[0].message).toContain('Int cannot represent')
    expectClean(emu, [
      /graphql: Cannot query field "reviewThreadz"/,
      /graphql: Syntax Error/,
      /graphql: Variable "\$number"/,
    ])
  })

  test('a connection without first or last, or over 100, is refused as GitHub refuses it', async () => {
    const q = (args: string) =>
      graphqlFailure(
        alice.graphql(
          `query { repository(owner: "octo", name: "app") { pullRequest(number: ${pr.number}) { reviewThreads${args} { totalCount } } } }`,
        ),
      )
    const none = await q('')
    expect(none.errors[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      message:
        'You must provide a `first` or `last` value to properly paginate the `reviewThreads` connection.',
    })
    const many = await q('(first: 101)')
    expect(many.errors[0].message).toBe(
      'Requesting 101 records on the `reviewThreads` connection exceeds the `first` limit of 100 records.',
    )
    expectClean(emu, [/graphql: You must provide/, /graphql: Requesting 101 records/])
  })

  test('a schema field the emulator does not model answers null and is recorded', async () => {
    const result = await alice.graphql<{
      repository: { pullRequest: { title: string; milestone: null } }
    }>(
      `query($n: Int!) { repository(owner: "octo", name: "app") { pullRequest(number: $n) { title milestone { title } } } }`,
      { n: pr.number },
    )
    expect(result.repository.pullRequest).toEqual({ title: pr.title, milestone: null })
    expectClean(emu, [/not emulated: GraphQL PullRequest\.milestone/])
  })

  test('GraphQL needs a token; it is counted on its own rate-limit resource', async () => {
    const anonymous = await fetch(`${emu.url}/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    })
    expect(anonymous.status).toBe(401)
    const { viewer } = await actions.graphql<{ viewer: { login: string } }>('{ viewer { login } }')
    expect(viewer.login).toBe('github-actions[bot]')
    const last = emu.requests.at(-1)!
    expect(last).toMatchObject({ route: 'POST /graphql', status: 200 })
    expect(emu.requestCounts('tok-actions').byRoute['POST /graphql']).toEqual({
      counted: 1,
      notModified: 0,
    })
    const missingRepo = await graphqlFailure(
      alice.graphql('{ repository(owner: "octo", name: "nope") { id } }'),
    )
    expect(missingRepo.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      message: "Could not resolve to a Repository with the name 'octo/nope'.",
    })
    expectClean(emu, [/graphql: no Authorization header/])
  })
})
