// A runner behind an HTTP proxy. The bundle leaves undici out of its start-up (src/github/
// undici-on-demand.ts): without a proxy Node's fetch calls GitHub, with one the real undici
// (dist/undici.js, loaded then) tunnels through it. The proxy is chosen for `api_url`, the URL
// the action calls, not for the runner's GITHUB_API_URL.

import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import path from 'node:path'
import { say, writeFile } from '../harness/model/index.js'
import { closeWorld } from '../harness/status.js'
import { createWorld, type World } from '../harness/world.js'

let world: World | undefined
let proxy: Server | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
  proxy?.closeAllConnections()
  await new Promise((resolve) => proxy?.close(resolve) ?? resolve(undefined))
  proxy = undefined
})

/** A name no resolver knows: only the proxy can reach it (it sends it to the emulator). */
const API_HOST = 'api.github.test'

/** An HTTP proxy that tunnels every CONNECT for API_HOST to `target` and records it. */
async function startProxy(target: URL): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  proxy = createServer((_request, response) => {
    // Plain proxied requests are not how the toolkit sends them: refuse, so a test sees it.
    response.writeHead(405).end()
  })
  proxy.on('connect', (request, client: Socket) => {
    tunnels.push(request.url ?? '')
    if (request.url !== `${API_HOST}:80`) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => sockets.delete(socket))
    }
  })
  proxy.on('close', () => sockets.forEach((socket) => socket.destroy()))
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, tunnels }
}

describe('a runner behind an HTTP proxy', () => {
  it('calls api_url through HTTP_PROXY, and the run ends as without one', async () => {
    world = await createWorld({
      script: ({ step }) =>
        [
          writeFile(path.join(world!.checkout.workspace, 'hello.txt'), 'hello\n'),
          say('Wrote hello.txt.'),
        ][step],
    })
    const through = await startProxy(new URL(world.emulator.url))
    const run = await world.run({
      inputs: { api_url: `http://${API_HOST}` },
      env: { HTTP_PROXY: through.url },
    })

    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.commit_sha).toMatch(/^[0-9a-f]{40}$/)
    // Every call the action made reached the emulator through the tunnel to API_HOST.
    expect(through.tunnels.length).toBeGreaterThan(0)
    expect(new Set(through.tunnels)).toEqual(new Set([`${API_HOST}:80`]))
    const kinds = world.emulator.requests.map((r) => r.operationId)
    expect(kinds).toContain('issues/create-comment')
    expect(kinds).toContain('issues/update-comment')
    expect(world.emulator.requests.every((r) => r.headers.host === API_HOST)).toBe(true)
    expect(world.emulator.violations).toEqual([])
  })
})
