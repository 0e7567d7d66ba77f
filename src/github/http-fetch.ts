// The fetch Octokit's requests go through: node:http(s), with the toolkit's
// HttpClient choosing the agent (its proxy rules: HTTPS_PROXY, HTTP_PROXY,
// NO_PROXY). Node's own fetch loads and warms up undici on a run's first
// request, a fifth of the start-up's CPU before the agent can start (measured
// in `npm run bench`); Octokit needs only what is here. The CI log downloads
// stream through proxy-fetch.ts, a real fetch.

import { HttpClient } from '@actions/http-client'
import http from 'node:http'
import https from 'node:https'

/** The part of a fetch Response that @octokit/request reads. */
export interface HttpResponse {
  status: number
  statusText: string
  url: string
  headers: ResponseHeaders
  text(): Promise<string>
  arrayBuffer(): Promise<ArrayBuffer>
}

export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null
}

export interface HttpInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | null
  /** 'manual': a redirect is the answer; otherwise it is followed, as fetch does. */
  redirect?: string
  signal?: AbortSignal | null
}

/**
 * HttpClient keeps its agents (one direct, one through the proxy) between requests, so
 * connections to the API stay open; an agent is made for one protocol, hence one client each.
 */
const clients = new Map<string, HttpClient>()
function agentFor(url: URL): http.Agent {
  let client = clients.get(url.protocol)
  if (!client)
    clients.set(url.protocol, (client = new HttpClient('async-pr', [], { keepAlive: true })))
  return client.getAgent(url.href)
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

class Headers implements ResponseHeaders {
  private readonly map = new Map<string, string>()
  constructor(raw: http.IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1))[Symbol.iterator]()
  }
}

interface Answer {
  status: number
  statusText: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function send(url: URL, init: HttpInit): Promise<Answer> {
  const transport = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: withLength(init),
        agent: agentFor(url),
        // The proxy's tunnel agent names no default port: Host would say `:443` (or `:80`).
        defaultPort: url.protocol === 'https:' ? 443 : 80,
        signal: init.signal ?? undefined,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(init.body ?? undefined)
  })
}

/** A body's length is said, as fetch says it (not sent in chunks). */
function withLength(init: HttpInit): Record<string, string> | undefined {
  const { body, headers } = init
  if (body === undefined || body === null) return headers
  if (Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'content-length'))
    return headers
  return { ...headers, 'content-length': String(Buffer.byteLength(body)) }
}

/** fetch's failure: a TypeError whose cause is what went wrong (Octokit reports the cause). */
function failed(error: unknown): Error {
  if ((error as Error | undefined)?.name === 'AbortError') return error as Error
  return new TypeError('fetch failed', { cause: error })
}

export async function httpFetch(input: string, init: HttpInit = {}): Promise<HttpResponse> {
  let url = new URL(input)
  let request = { ...init, headers: { ...init.headers } }
  let answer: Answer
  for (let hops = 0; ; hops++) {
    answer = await send(url, request).catch((error: unknown) => {
      throw failed(error)
    })
    const location = answer.headers.location
    if (request.redirect === 'manual' || !REDIRECTS.has(answer.status) || !location) break
    if (hops === MAX_REDIRECTS) throw failed(new Error(`more than ${MAX_REDIRECTS} redirects`))
    const next = new URL(location, url)
    // As fetch: a 303 (or a 301/302 after a POST) is followed with a GET and no body, and the
    // token does not go to another origin.
    const asGet =
      answer.status === 303 || ([301, 302].includes(answer.status) && request.method === 'POST')
    const headers = { ...request.headers }
    if (next.origin !== url.origin) {
      for (const name of Object.keys(headers))
        if (name.toLowerCase() === 'authorization') delete headers[name]
    }
    if (asGet) {
      for (const name of Object.keys(headers))
        if (/^content-(type|length)$/i.test(name)) delete headers[name]
    }
    request = asGet
      ? { ...request, method: 'GET', body: undefined, headers }
      : { ...request, headers }
    url = next
  }
  const { body } = answer
  return {
    status: answer.status,
    statusText: answer.statusText,
    url: url.href,
    headers: new Headers(answer.headers),
    text: async () => body.toString('utf8'),
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  }
}
