// The model proxy against a real upstream on 127.0.0.1 (the scripted model server,
// which records every request it gets): what it forwards, what it refuses before
// the upstream sees anything, and what it counts.

import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import zlib from 'node:zlib'
import {
  bash,
  cut,
  httpError,
  say,
  stall,
  startModelServer,
  type ModelScript,
  type ModelServer,
} from '../harness/model/index.js'
import { IdSource, buildMessage, streamEvents } from '../harness/model/messages.js'
import {
  modelPinEnv,
  startModelProxy,
  type ModelProxy,
  type ProxyLimits,
} from '../../src/agent/model-proxy.js'

const REAL_KEY = 'test-real-model-key-0123456789'
let upstream: ModelServer | undefined
let proxy: ModelProxy | undefined
const closers: Array<() => Promise<void>> = []

afterEach(async () => {
  await proxy?.close()
  await upstream?.close()
  for (const close of closers.splice(0)) await close()
  proxy = undefined
  upstream = undefined
})

async function start(script: ModelScript, limits: ProxyLimits = {}): Promise<ModelProxy> {
  upstream = await startModelServer(script)
  proxy = await startModelProxy(upstream.url, { apiKey: REAL_KEY }, limits)
  return proxy
}

const turn = (fields: Record<string, unknown> = {}) => ({
  model: 'claude-sonnet-4-5',
  max_tokens: 32000,
  stream: true,
  messages: [{ role: 'user', content: 'List the files.' }],
  tools: [{ name: 'Bash', description: 'Run a command', input_schema: { type: 'object' } }],
  ...fields,
})

interface Answer {
  status: number
  text: string
  headers: Headers
}

async function send(
  path: string,
  body: unknown,
  options: { key?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(proxy!.url + path, {
    method: options.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': options.key ?? proxy!.dummyKey,
      ...options.headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** Bytes on a socket, exactly as written: for request targets fetch would not send. */
function raw(request: string): Promise<string> {
  const { port } = new URL(proxy!.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    let answer = ''
    socket.setEncoding('latin1')
    socket.on('data', (data: string) => (answer += data))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')))
    // write, not end: a client that half-closes is taken to have gone away.
    socket.write(request)
  })
}

const head = (method: string, target: string, extra = '') =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${proxy!.dummyKey}\r\n` +
  `Connection: close\r\n${extra}\r\n`

describe('the model proxy forwards what Claude Code sends', () => {
  it('with the real key instead of the dummy one, and plain bytes asked for', async () => {
    await start([bash('ls')])
    const answer = await send('/v1/messages?beta=true', turn(), {
      headers: { 'accept-encoding': 'gzip, br', 'anthropic-beta': 'claude-code-20250219' },
    })
    expect(answer.status).toBe(200)
    expect(answer.text).toContain('event: message_stop')
    const [seen] = upstream!.requests
    expect(seen.path).toBe('/v1/messages?beta=true')
    expect(seen.headers['x-api-key']).toBe(REAL_KEY)
    expect(seen.headers['accept-encoding']).toBe('identity')
    expect(seen.headers['anthropic-beta']).toBe('claude-code-20250219')
    expect(JSON.stringify(seen.headers)).not.toContain(proxy!.dummyKey)
    expect(seen.body).toEqual(turn())
  })

  it('counts turns, tokens and cost from the stream as it passes', async () => {
    await start([bash('ls'), say('done')])
    await send('/v1/messages?beta=true', turn())
    await send('/v1/messages', turn({ stream: false }))
    await send('/v1/messages?beta=true', turn({ tools: [] }))
    const counted = await send('/v1/messages/count_tokens?beta=true', {
      model: 'claude-sonnet-4-5',
      messages: [],
    })
    expect(counted.status).toBe(200)
    const usage = proxy!.usage()
    expect(usage).toMatchObject({
      requests: 4,
      turns: 2,
      sideRequests: 1,
      refused: 0,
      estimated: false,
      models: ['claude-sonnet-4-5'],
    })
    // The scripted server's usage: 4 characters a token of the messages, an estimate of the output.
    const inputPerRequest = Math.ceil(JSON.stringify(turn().messages).length / 4)
    expect(usage.inputTokens).toBe(3 * inputPerRequest)
    expect(usage.outputTokens).toBeGreaterThan(3)
    expect(usage.costUsd).toBeCloseTo(
      (usage.inputTokens * 3 + usage.outputTokens * 15) / 1_000_000,
      10,
    )
  })

  it('refuses a client without the dummy key, saying nothing more', async () => {
    await start([say('hi')])
    const answer = await send('/v1/messages', turn(), { key: REAL_KEY })
    expect(answer.status).toBe(401)
    expect(answer.text).toContain('authentication_error')
    expect(upstream!.requests).toEqual([])
  })
})

describe('the model proxy and a kept-alive connection the API closes', () => {
  it('sends the request again on a new connection when the reused one is reset, once', async () => {
    // An upstream that answers the first request on each connection and drops the connection
    // when a second one comes on it (an API closing an idle keep-alive connection at that moment).
    let connections = 0
    let dropped = 0
    const upstreamServer = net.createServer((socket) => {
      connections++
      let requests = 0
      let buffered = ''
      socket.setEncoding('latin1')
      socket.on('error', () => undefined)
      socket.on('data', (chunk: string) => {
        buffered += chunk
        // One whole request: headers and a body of content-length bytes.
        const end = buffered.indexOf('\r\n\r\n')
        if (end < 0) return
        const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0)
        if (buffered.length < end + 4 + length) return
        buffered = buffered.slice(end + 4 + length)
        if (++requests > 1) {
          dropped++
          socket.destroy()
          return
        }
        const body = '{"type":"message"}'
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n` +
            `connection: keep-alive\r\n\r\n${body}`,
        )
      })
    })
    await new Promise<void>((resolve) => upstreamServer.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => upstreamServer.close(() => resolve())))
    const { port } = upstreamServer.address() as AddressInfo
    proxy = await startModelProxy(`http://127.0.0.1:${port}`, { apiKey: REAL_KEY })

    const first = await send('/v1/messages/count_tokens', turn())
    const second = await send('/v1/messages/count_tokens', turn())
    expect([first.status, second.status]).toEqual([200, 200])
    // The second went out on the kept connection, was dropped there, and went again on a new one.
    expect(dropped).toBe(1)
    expect(connections).toBe(2)
  })
})

describe('the model proxy refuses, before the upstream sees anything,', () => {
  it.each([
    ['GET', '/v1/models'],
    ['GET', '/v1/files'],
    ['GET', '/v1/files/file_011CNha8iCJcU1wXNR6q4V8w/content'],
    ['GET', '/v1/organizations/api_keys'],
    ['POST', '/v1/messages/batches'],
    ['GET', '/v1/messages/batches'],
    ['DELETE', '/v1/messages'],
    ['GET', '/v1/messages?beta=true'],
  ])('%s %s', async (method, path) => {
    await start([say('hi')])
    const answer = await send(path, method === 'GET' ? undefined : turn(), { method })
    expect(answer.status).toBe(403)
    const error = JSON.parse(answer.text) as {
      type: string
      error: { type: string; message: string }
    }
    expect(error.type).toBe('error')
    expect(error.error.type).toBe('permission_error')
    expect(error.error.message).toMatch(
      /^async-pr's model proxy refused \w+ \/v1\/\S+: it forwards only POST \/v1\/messages and POST \/v1\/messages\/count_tokens/,
    )
    expect(upstream!.requests).toEqual([])
    expect(proxy!.usage()).toMatchObject({ refused: 1, requests: 0 })
  })

  it.each([
    ['an absolute-form target', 'GET', 'http://api.anthropic.com/v1/models', 'absolute'],
    ['an absolute-form target for messages', 'POST', 'http://127.0.0.1:9/v1/messages', 'absolute'],
    ['a dot-dot path', 'POST', '/v1/messages/../models', 'dot segment'],
    ['an encoded dot-dot path', 'POST', '/v1/messages/%2e%2e/models', 'percent-encoding'],
    ['an encoded slash', 'POST', '/v1/messages%2Fcount_tokens', 'percent-encoding'],
    ['a backslash', 'POST', '/v1\\messages', 'backslash'],
    ['a double slash', 'POST', '//v1/messages', 'empty segment'],
    ['another query', 'POST', '/v1/messages?beta=true&model=x', 'query'],
  ])('%s', async (_what, method, target, why) => {
    await start([say('hi')])
    const body = JSON.stringify(turn())
    const answer = await raw(
      head(method, target, `content-type: application/json\r\ncontent-length: ${body.length}\r\n`) +
        body,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 403 /)
    expect(answer).toContain("async-pr's model proxy refused")
    expect(answer).toContain(why)
    expect(upstream!.requests).toEqual([])
  })

  it('another model, a huge max_tokens, or a body that is not what Claude Code sends', async () => {
    await start([say('hi')], { model: 'claude-sonnet-4-5' })
    const other = await send('/v1/messages', turn({ model: 'claude-opus-4-1', max_tokens: 32000 }))
    expect(other.status).toBe(403)
    expect(other.text).toContain(
      'this run uses claude-sonnet-4-5 (the model input); claude-opus-4-1 is refused',
    )
    const huge = await send('/v1/messages', turn({ max_tokens: 1_000_000 }))
    expect(huge.status).toBe(403)
    expect(huge.text).toContain("above the proxy's ceiling")
    const files = await send(
      '/v1/messages',
      turn({
        messages: [
          {
            role: 'user',
            content: [{ type: 'document', source: { type: 'file', file_id: 'file_1' } }],
          },
        ],
      }),
    )
    expect(files.status).toBe(403)
    expect((await send('/v1/messages', 'not json')).status).toBe(400)
    expect(
      (await send('/v1/messages', turn(), { headers: { 'content-encoding': 'gzip' } })).status,
    ).toBe(415)
    expect(upstream!.requests).toEqual([])
    expect(proxy!.usage().refused).toBe(5)
  })

  it('a body larger than the API takes, without reading it', async () => {
    await start([say('hi')])
    const answer = await raw(
      head(
        'POST',
        '/v1/messages',
        'content-type: application/json\r\ncontent-length: 40000000\r\n',
      ),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('request_too_large')
    expect(upstream!.requests).toEqual([])
  })
})

describe('the model proxy holds the run to its limits', () => {
  it('refuses turns past max_turns, with a 402 the CLI stops at', async () => {
    await start(() => bash('ls'), { maxTurns: 2 })
    expect((await send('/v1/messages', turn())).status).toBe(200)
    expect((await send('/v1/messages', turn())).status).toBe(200)
    const third = await send('/v1/messages', turn())
    expect(third.status).toBe(402)
    expect(JSON.parse(third.text)).toEqual({
      type: 'error',
      error: {
        type: 'billing_error',
        message:
          "async-pr's model proxy refused this request: the run has used all 2 turns (max_turns), as the proxy counted them (subagents' turns and the agent's own model calls included).",
      },
    })
    expect(upstream!.requests).toHaveLength(2)
    expect(proxy!.usage()).toMatchObject({ turns: 2, limit: { name: 'max_turns' } })
  })

  it('gives back the turn of an answer the API failed or broke off', async () => {
    await start([httpError(500), cut(), bash('ls')], { maxTurns: 1 })
    expect((await send('/v1/messages', turn())).status).toBe(500)
    await expect(send('/v1/messages', turn())).rejects.toThrow()
    expect((await send('/v1/messages', turn())).status).toBe(200)
    expect(proxy!.usage()).toMatchObject({ turns: 1, requests: 3, estimated: true })
    expect((await send('/v1/messages', turn())).status).toBe(402)
  })

  it('refuses everything once its own count of the cost reaches max_budget_usd', async () => {
    // 40,000 characters: 10,000 input tokens of Claude Sonnet 4.5, $0.03 a request.
    const big = turn({ messages: [{ role: 'user', content: 'x'.repeat(40_000) }] })
    await start(() => say('ok'), { maxBudgetUsd: 0.05 })
    expect((await send('/v1/messages', big)).status).toBe(200)
    expect((await send('/v1/messages', turn({ tools: [] }))).status).toBe(200)
    expect((await send('/v1/messages', big)).status).toBe(200)
    const over = await send('/v1/messages', turn())
    expect(over.status).toBe(402)
    expect(over.text).toMatch(/the run has spent \$0\.06\d+ of its \$0\.05 \(max_budget_usd\)/)
    expect(upstream!.requests).toHaveLength(3)
  })

  it('with a budget, forwards one request at a time, so it cannot be outrun', async () => {
    await start(() => stall(300, { text: 'late' }), { maxBudgetUsd: 10 })
    const started = Date.now()
    const answers = Promise.all([1, 2, 3].map(() => send('/v1/messages', turn())))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(upstream!.requests).toHaveLength(1)
    expect((await answers).map((answer) => answer.status)).toEqual([200, 200, 200])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('refuses requests beyond the bounded queue, rather than holding them all', async () => {
    await start(() => stall(1_000, { text: 'late' }), { maxBudgetUsd: 10 })
    const first = send('/v1/messages', turn())
    await new Promise((resolve) => setTimeout(resolve, 100))
    const queued = Array.from({ length: 64 }, () =>
      send('/v1/messages', turn()).catch(() => undefined),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const beyond = await send('/v1/messages', turn())
    expect(beyond.status).toBe(429)
    expect(beyond.text).toContain('more than 64 requests are waiting')
    expect(upstream!.requests).toHaveLength(1)
    await proxy!.close()
    await Promise.allSettled([first, ...queued])
  })

  it('without a budget, forwards requests side by side', async () => {
    await start(() => stall(300, { text: 'late' }))
    const answers = Promise.all([1, 2, 3].map(() => send('/v1/messages', turn())))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(upstream!.requests).toHaveLength(3)
    await answers
  })

  it('charges a client that walks away mid-answer as if the model wrote max_tokens', async () => {
    await start(() => stall(5_000), {})
    const aborted = new AbortController()
    const request = fetch(proxy!.url + '/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': proxy!.dummyKey },
      body: JSON.stringify(turn({ max_tokens: 1000 })),
      signal: aborted.signal,
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    aborted.abort()
    await expect(request).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(proxy!.usage()).toMatchObject({ turns: 1, outputTokens: 1000, estimated: true })
  })
})

describe('the model proxy reads usage', () => {
  it.each([
    ['gzip', zlib.gzipSync],
    ['br', zlib.brotliCompressSync],
  ])('from an answer a gateway compressed anyway (%s)', async (encoding, compress) => {
    const message = buildMessage({ text: 'hello' }, new IdSource(), 'claude-sonnet-4-5', 777)
    const gateway = http.createServer((req, res) => {
      req.resume()
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': encoding })
      res.end(compress(Buffer.from(streamEvents(message).join(''))))
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => gateway.close(() => resolve())))
    const port = (gateway.address() as AddressInfo).port
    proxy = await startModelProxy(`http://127.0.0.1:${port}`, { apiKey: REAL_KEY })
    const answer = await send('/v1/messages', turn())
    expect(answer.text).toContain('message_stop')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(proxy.usage()).toMatchObject({ inputTokens: 777, estimated: false })
  })
})

describe('modelPinEnv', () => {
  it('makes the CLI send every request with the model input', () => {
    expect(modelPinEnv('claude-sonnet-4-5')).toEqual({
      CLAUDE_CODE_SUBAGENT_MODEL: 'claude-sonnet-4-5',
      CLAUDE_CODE_SUBAGENT_MODEL_FORCE: '1',
      CLAUDE_CODE_DISABLE_LEGACY_MODEL_REMAP: '1',
      ANTHROPIC_SMALL_FAST_MODEL: 'claude-sonnet-4-5',
    })
    expect(modelPinEnv(undefined)).toEqual({
      CLAUDE_CODE_SUBAGENT_MODEL: 'inherit',
      CLAUDE_CODE_SUBAGENT_MODEL_FORCE: '1',
    })
  })
})
