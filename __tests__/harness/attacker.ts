// An "attacker" endpoint on loopback: hostile agent scripts send what they
// found here, so a test can assert that nothing secret ever arrived.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Attacker {
  url: string
  received: string[]
  close(): Promise<void>
}

export async function startAttacker(): Promise<Attacker> {
  const received: string[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push(
        `${req.method} ${req.url} ${JSON.stringify(req.headers)}\n${Buffer.concat(chunks).toString('latin1')}`,
      )
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
