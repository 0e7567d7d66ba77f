// A loopback proxy between Claude Code and the model API. The CLI (and so
// everything the agent runs) only ever holds a per-run dummy key; the proxy,
// inside the action's process, swaps it for the real credential on the way out.
// Requests without the dummy key are refused, so another local process cannot
// use the proxy to spend on the user's account either.

import { randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'

export interface ModelCredential {
  apiKey?: string
  oauthToken?: string
}

export interface ModelProxy {
  /** ANTHROPIC_BASE_URL for the CLI. */
  url: string
  /** The key the CLI presents; worthless outside this run. */
  dummyKey: string
  close(): Promise<void>
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
])

function presentedKey(req: http.IncomingMessage): string {
  const apiKey = req.headers['x-api-key']
  if (typeof apiKey === 'string') return apiKey
  const auth = req.headers.authorization ?? ''
  return auth.replace(/^Bearer\s+/i, '')
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export async function startModelProxy(
  upstream: string,
  credential: ModelCredential,
): Promise<ModelProxy> {
  const dummyKey = `async-pr-run-${randomBytes(16).toString('hex')}`
  const base = new URL(upstream)
  const client = base.protocol === 'https:' ? https : http
  const basePath = base.pathname.replace(/\/+$/, '')

  const server = http.createServer((req, res) => {
    if (!sameSecret(presentedKey(req), dummyKey)) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'authentication_error', message: 'invalid x-api-key' },
        }),
      )
      return
    }
    const headers: http.OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'x-api-key' && name !== 'authorization')
        headers[name] = value
    }
    if (credential.apiKey) headers['x-api-key'] = credential.apiKey
    else if (credential.oauthToken) headers.authorization = `Bearer ${credential.oauthToken}`
    const outgoing = client.request(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port || undefined,
        method: req.method,
        path: basePath + (req.url ?? '/'),
        headers,
      },
      (upstreamRes) => {
        const responseHeaders = { ...upstreamRes.headers }
        for (const name of HOP_BY_HOP) delete responseHeaders[name]
        res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders)
        upstreamRes.pipe(res)
        upstreamRes.on('error', () => res.destroy())
      },
    )
    outgoing.on('error', (error) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'api_error', message: `async-pr proxy: ${error.message}` },
        }),
      )
    })
    // The CLI closing its side (cancellation) ends the upstream request too.
    res.on('close', () => outgoing.destroy())
    req.pipe(outgoing)
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    dummyKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
