// The short-lived URLs GET .../actions/jobs/{job_id}/logs redirects to. On GitHub they point at
// another host and carry a signature and an expiry ("This link expires after 1 minute"); here
// they point at a second server on another port (so a client that forwards its Authorization
// header across the redirect is caught) and expire by the emulator's clock.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LogServer {
  url: string
  /** A signed URL serving `text` until `ttlMs` from now (emulator clock). */
  publish(jobId: number, text: string, ttlMs: number): string
  close(): Promise<void>
}

export async function startLogServer(options: {
  nowMs: () => number
  violation: (problem: string) => void
}): Promise<LogServer> {
  const secret = randomBytes(32)
  const texts = new Map<string, string>()
  const sign = (jobId: string, expires: string) =>
    createHmac('sha256', secret).update(`${jobId}\u0000${expires}`).digest('base64url')

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const match = /^\/_apis\/pipelines\/1\/jobs\/(\d+)\/signedlogcontent$/.exec(url.pathname)
    const expires = url.searchParams.get('urlExpires') ?? ''
    const signature = url.searchParams.get('urlSignature') ?? ''
    if (req.headers.authorization !== undefined) {
      options.violation(
        'job log download sent an Authorization header to the log host (a token must not follow the redirect)',
      )
    }
    if (!match || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
      return
    }
    const expected = Buffer.from(sign(match[1], expires))
    const given = Buffer.from(signature)
    const text = texts.get(signature)
    if (
      expected.length !== given.length ||
      !timingSafeEqual(expected, given) ||
      text === undefined
    ) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Signature is invalid.')
      return
    }
    if (options.nowMs() > Date.parse(expires)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('The signed URL has expired.')
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
  const base = `http://127.0.0.1:${port}`
  return {
    url: base,
    publish(jobId, text, ttlMs) {
      const expires = new Date(options.nowMs() + ttlMs).toISOString()
      const signature = sign(String(jobId), expires)
      texts.set(signature, text)
      const query = new URLSearchParams({
        urlExpires: expires,
        urlSigningMethod: 'HMACV1',
        urlSignature: signature,
      })
      return `${base}/_apis/pipelines/1/jobs/${jobId}/signedlogcontent?${query}`
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
