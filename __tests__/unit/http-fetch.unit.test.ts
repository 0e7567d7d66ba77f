// Octokit's fetch over node:http (src/github/http-fetch.ts): what fetch would answer, against
// two real servers on 127.0.0.1 (two origins, for the redirect rules).

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpFetch } from '../../src/github/http-fetch.js'

interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

function serve(handler: (req: Seen, res: http.ServerResponse) => void) {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      seen.push(entry)
      handler(entry, res)
    })
  })
  return {
    seen,
    server,
    get origin() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
  }
}

const other = serve((req, res) => {
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ at: 'other', authorization: req.headers.authorization ?? null }))
})
const api = serve((req, res) => {
  if (req.url === '/to-other') {
    res.writeHead(302, { location: `${other.origin}/landing` })
    res.end()
    return
  }
  if (req.url === '/see-other') {
    res.writeHead(303, { location: '/landed' })
    res.end()
    return
  }
  if (req.url === '/slow') return // never answers: for the abort
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('x-ratelimit-used', '7')
  res.setHeader('set-cookie', ['a=1', 'b=2'])
  res.statusCode = req.url === '/missing' ? 404 : 200
  res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body }))
})

beforeAll(async () => {
  for (const { server } of [api, other])
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const { server } of [api, other]) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

describe('httpFetch', () => {
  it('sends the method, headers and body, with its length, and answers as a Response does', async () => {
    const response = await httpFetch(`${api.origin}/repos/o/r/issues/1/comments`, {
      method: 'POST',
      headers: { authorization: 'token x', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'héllo' }),
    })
    expect(response.status).toBe(200)
    expect(response.url).toBe(`${api.origin}/repos/o/r/issues/1/comments`)
    expect(response.headers.get('X-RateLimit-Used')).toBe('7')
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2')
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-ratelimit-used': '7' })
    expect(JSON.parse(await response.text())).toEqual({
      method: 'POST',
      url: '/repos/o/r/issues/1/comments',
      body: '{"body":"héllo"}',
    })
    const sent = api.seen.at(-1)!
    expect(sent.headers['content-length']).toBe(String(Buffer.byteLength('{"body":"héllo"}')))
    expect(sent.headers['transfer-encoding']).toBeUndefined()
    expect(sent.headers.host).toBe(new URL(api.origin).host)
  })

  it('answers an error status as it is, with its body', async () => {
    const response = await httpFetch(`${api.origin}/missing`)
    expect(response.status).toBe(404)
    expect(JSON.parse(await response.text())).toMatchObject({ url: '/missing' })
  })

  it('follows a redirect to another origin without the token, and a 303 as a GET', async () => {
    const away = await httpFetch(`${api.origin}/to-other`, {
      headers: { authorization: 'token secret' },
    })
    expect(away.url).toBe(`${other.origin}/landing`)
    expect(JSON.parse(await away.text())).toEqual({ at: 'other', authorization: null })

    const seeOther = await httpFetch(`${api.origin}/see-other`, {
      method: 'POST',
      headers: { authorization: 'token x', 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(JSON.parse(await seeOther.text())).toEqual({ method: 'GET', url: '/landed', body: '' })
    // Same origin: the token goes along.
    expect(api.seen.at(-1)!.headers.authorization).toBe('token x')
  })

  it("leaves a redirect alone when asked to ('manual'), as Octokit's log download asks", async () => {
    const response = await httpFetch(`${api.origin}/to-other`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`${other.origin}/landing`)
    expect(other.seen.filter((r) => r.url === '/landing')).toHaveLength(1) // only the one above
  })

  it('fails as fetch does: a TypeError with the cause, or the AbortError of its signal', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const refused = await httpFetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TypeError)
    expect(((refused as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED')

    const controller = new AbortController()
    const slow = httpFetch(`${api.origin}/slow`, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(slow).rejects.toMatchObject({ name: 'AbortError' })
  })
})
