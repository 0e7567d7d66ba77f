// Conditional requests: a poll that finds nothing new is a 304 answered from
// the cache. GitHub's emulator sends no ETags, so a tiny server here does.

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GitHubReader } from '../../src/cli/github.js'
import { createGitHub } from '../../src/github/client.js'

let server: Server
let url: string
let seen: IncomingHttpHeaders[]
let version: number

beforeEach(async () => {
  seen = []
  version = 1
  server = createServer((req, res) => {
    seen.push(req.headers)
    if (req.url?.startsWith('/repos/octo/app/pulls/404')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Not Found' }))
      return
    }
    if (req.url?.startsWith('/user')) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Bad credentials' }))
      return
    }
    const etag = `"v${version}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag })
      res.end()
      return
    }
    res.writeHead(200, { etag, 'content-type': 'application/json' })
    res.end(JSON.stringify({ version }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function reader(apiUrl = url) {
  const github = createGitHub({ token: 'test-token', baseUrl: apiUrl })
  return new GitHubReader(github, { apiUrl, tokenSource: 'GITHUB_TOKEN', requestTimeoutMs: 5000 })
}

describe('GitHubReader', () => {
  it('sends If-None-Match with the last ETag and answers a 304 from its cache', async () => {
    const r = reader()
    const route = '/repos/{owner}/{repo}/pulls/{pull_number}'
    const params = { owner: 'octo', repo: 'app', pull_number: 1 }
    expect(await r.get(route, params)).toEqual({ version: 1 })
    expect(await r.get(route, params)).toEqual({ version: 1 })
    version = 2
    expect(await r.get(route, params)).toEqual({ version: 2 })
    expect(seen.map((h) => h['if-none-match'])).toEqual([undefined, '"v1"', '"v1"'])
    expect(r.stats).toEqual({ requests: 3, notModified: 1 })
    // Another resource has its own ETag.
    await r.get(route, { ...params, pull_number: 2 })
    expect(seen.at(-1)?.['if-none-match']).toBeUndefined()
  })

  it('explains failures in words that say what to do', async () => {
    const r = reader()
    const unauthorized = await r.get('/user').catch((error: unknown) => error)
    expect(r.explain(unauthorized, 'read the user').message).toBe(
      'GitHub rejected the token from GITHUB_TOKEN (401 Bad credentials). Use a valid token: set GITHUB_TOKEN or GH_TOKEN, or run "gh auth login".',
    )
    const missing = await r
      .get('/repos/{owner}/{repo}/pulls/{pull_number}', {
        owner: 'octo',
        repo: 'app',
        pull_number: 404,
      })
      .catch((error: unknown) => error)
    expect(r.explain(missing, 'read #404').message).toBe(
      'GitHub refused to read #404 (404 Not Found).',
    )

    // Octokit reports a request that got no answer as a 500 without a response (and retries
    // it first, which is too slow for a unit test), so the error is made here.
    const refused = Object.assign(new Error('fetch failed'), {
      status: 500,
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    })
    expect(r.explain(refused, 'read the user').message).toBe(
      `Could not read the user: no answer from the GitHub API at ${url} (fetch failed: connect ECONNREFUSED 127.0.0.1:9). ` +
        'Check the network, and GITHUB_API_URL for GitHub Enterprise Server.',
    )
  })
})
