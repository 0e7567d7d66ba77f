// A loopback proxy between Claude Code and the model API. The CLI (and so
// everything the agent runs) only ever holds a per-run dummy key; the proxy,
// inside the action's process, swaps it for the real credential on the way out.
// Requests without the dummy key are refused, so another local process cannot
// use the proxy to spend on the user's account either.
//
// Agent code can read the dummy key from its own environment, so the proxy is
// also a deputy with the real key: it forwards only what Claude Code needs (see
// proxy-request.ts) and enforces the run's model, max_budget_usd and max_turns
// from its own accounting of what passed through (proxy-ledger.ts). Answers
// stream through untouched while their usage is read on the way (usage-stream.ts).

import { randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import {
  ProxyLedger,
  type Outcome,
  type ProxyLimits,
  type ProxyUsage,
  type Ticket,
} from './proxy-ledger.js'
import {
  MAX_BODY_BYTES,
  checkTarget,
  inspectBody,
  isRefusal,
  type Refusal,
} from './proxy-request.js'
import {
  emptyReading,
  usageReaderFor,
  type UsageReader,
  type UsageReading,
} from './usage-stream.js'

export type { ProxyLimits, ProxyUsage } from './proxy-ledger.js'

export interface ModelCredential {
  apiKey?: string
  oauthToken?: string
}

export interface ModelProxy {
  /** ANTHROPIC_BASE_URL for the CLI. */
  url: string
  /** The key the CLI presents; worthless outside this run. */
  dummyKey: string
  /** What went through so far: requests, turns, tokens and cost, by the proxy's own count. */
  usage(): ProxyUsage
  close(): Promise<void>
}

/**
 * The environment that makes Claude Code send every request with the run's model,
 * as found by logging 2.1.329's requests: without it `--model claude-opus-4-1` goes
 * out as claude-opus-5-5 (legacy remap), a subagent takes the Agent tool's `model`
 * argument (which the model itself picks), and WebFetch summaries take
 * ANTHROPIC_SMALL_FAST_MODEL. Without a `model` input, subagents inherit the main model.
 */
export function modelPinEnv(model: string | undefined): Record<string, string> {
  const subagents = { CLAUDE_CODE_SUBAGENT_MODEL_FORCE: '1' }
  if (!model) return { ...subagents, CLAUDE_CODE_SUBAGENT_MODEL: 'inherit' }
  return {
    ...subagents,
    CLAUDE_CODE_SUBAGENT_MODEL: model,
    CLAUDE_CODE_DISABLE_LEGACY_MODEL_REMAP: '1',
    ANTHROPIC_SMALL_FAST_MODEL: model,
  }
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
  'expect',
])
/** Set by the proxy itself on the way up. */
const REPLACED = new Set([
  'x-api-key',
  'authorization',
  'content-length',
  'content-encoding',
  'accept-encoding',
])

/**
 * Requests in flight at once. With a budget, one: the proxy can then stop at the
 * budget having overspent by at most one request, however many the agent's code
 * fires at once. Waiting requests queue (their bodies unread) up to a bound.
 */
const IN_FLIGHT = { budgeted: 1, unbudgeted: 8 }
const MAX_WAITING = 64

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

/** The client's text, made safe to quote in a message: printable ASCII, short. */
function quoted(text: string | undefined): string {
  const printable = (text ?? '').replace(/[^\x20-\x7e]/g, '?')
  return printable.length > 100 ? `${printable.slice(0, 100)}...` : printable
}

function sendError(res: http.ServerResponse, status: number, type: string, message: string): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = JSON.stringify({ type: 'error', error: { type, message } })
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

function sendRefusal(res: http.ServerResponse, refusal: Refusal, what: string): void {
  sendError(
    res,
    refusal.status,
    refusal.type,
    `async-pr's model proxy refused ${what}: ${refusal.reason}.`,
  )
}

/** A fixed number of slots, and a bounded queue for the rest. */
class Gate {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly slots: number) {}

  /** A release function once a slot is free; 'full' when the queue is; 'gone' if the client left. */
  enter(res: http.ServerResponse): Promise<(() => void) | 'full' | 'gone'> {
    let released = false
    const release = () => {
      if (released) return
      released = true
      this.active--
      this.waiting.shift()?.()
    }
    if (this.active < this.slots) {
      this.active++
      return Promise.resolve(release)
    }
    if (this.waiting.length >= MAX_WAITING) return Promise.resolve('full')
    return new Promise((resolve) => {
      const grant = () => {
        res.off('close', gone)
        this.active++
        resolve(release)
      }
      const gone = () => {
        const index = this.waiting.indexOf(grant)
        if (index >= 0) this.waiting.splice(index, 1)
        resolve('gone')
      }
      res.once('close', gone)
      this.waiting.push(grant)
    })
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | 'too large'> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return 'too large'
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return 'too large'
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Compressed answers are kept (to this size) and decoded at the end, in one go. */
const MAX_COMPRESSED_BYTES = 32 * 1024 * 1024

type Decode = (data: Buffer) => Buffer
// Loaded only for a gateway that compresses anyway (the proxy asks for plain bytes): node:zlib
// costs its share of every run's start-up otherwise.
const zlib = () => process.getBuiltinModule('node:zlib')
/** Decoders that also read a truncated answer (a stream the API broke off). */
const DECODERS: Record<string, Decode> = {
  gzip: (data) => zlib().gunzipSync(data, { finishFlush: zlib().constants.Z_SYNC_FLUSH }),
  'x-gzip': (data) => zlib().gunzipSync(data, { finishFlush: zlib().constants.Z_SYNC_FLUSH }),
  deflate: (data) => zlib().inflateSync(data, { finishFlush: zlib().constants.Z_SYNC_FLUSH }),
  br: (data) =>
    zlib().brotliDecompressSync(data, {
      finishFlush: zlib().constants.BROTLI_OPERATION_FLUSH,
    }),
}

/**
 * Reads usage as the answer passes. The proxy asks for plain bytes; a gateway that
 * compresses anyway is read at the end instead (usage is only needed then).
 */
function tapUsage(upstreamRes: http.IncomingMessage): () => UsageReading {
  const reader: UsageReader = usageReaderFor(upstreamRes.headers['content-type'])
  const encoding = String(upstreamRes.headers['content-encoding'] ?? 'identity').toLowerCase()
  if (encoding === 'identity') {
    upstreamRes.on('data', (chunk: Buffer) => reader.feed(chunk))
    return () => reader.end()
  }
  const decode = Object.hasOwn(DECODERS, encoding) ? DECODERS[encoding] : undefined
  const chunks: Buffer[] = []
  let size = 0
  upstreamRes.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_COMPRESSED_BYTES) chunks.push(chunk)
  })
  return () => {
    if (!decode || size > MAX_COMPRESSED_BYTES) return { ...reader.end(), readable: false }
    try {
      reader.feed(decode(Buffer.concat(chunks)))
      return reader.end()
    } catch {
      return { ...reader.end(), readable: false }
    }
  }
}

export async function startModelProxy(
  upstream: string,
  credential: ModelCredential,
  limits: ProxyLimits = {},
): Promise<ModelProxy> {
  const dummyKey = `async-pr-run-${randomBytes(16).toString('hex')}`
  const base = new URL(upstream)
  const client = base.protocol === 'https:' ? https : http
  const basePath = base.pathname.replace(/\/+$/, '')
  const ledger = new ProxyLedger(limits)
  const gate = new Gate(
    limits.maxBudgetUsd === undefined ? IN_FLIGHT.unbudgeted : IN_FLIGHT.budgeted,
  )

  function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
    ledger.recordRefusal(req.method ?? '?', req.url ?? '', refusal)
    const what =
      refusal.status === 402 ? 'this request' : `${quoted(req.method)} ${quoted(req.url)}`
    sendRefusal(res, refusal, what)
  }

  function upstreamHeaders(req: http.IncomingMessage, length: number): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && !REPLACED.has(name)) headers[name] = value
    }
    if (credential.apiKey) headers['x-api-key'] = credential.apiKey
    else if (credential.oauthToken) headers.authorization = `Bearer ${credential.oauthToken}`
    headers['content-length'] = length
    // Plain bytes back, so usage can be read from the stream as it passes.
    headers['accept-encoding'] = 'identity'
    return headers
  }

  /** Sends an admitted request upstream and the answer back; resolves once it is settled. */
  function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    ticket: Ticket,
  ): Promise<void> {
    const { request } = ticket
    return new Promise<void>((resolve) => {
      let settled = false
      let upstreamRes: http.IncomingMessage | undefined
      let read: (() => UsageReading) | undefined
      const settle = (kind: Outcome['kind']) => {
        if (settled) return
        settled = true
        // A client gone before the answer began is charged as if the model wrote it all.
        const reading =
          read?.() ?? (kind === 'abandoned' && !upstreamRes ? emptyReading() : undefined)
        ledger.settle(
          ticket,
          kind === 'rejected' || !reading ? { kind: 'rejected' } : { kind, reading },
        )
        resolve()
      }
      const onAnswer = (response: http.IncomingMessage) => {
        upstreamRes = response
        const status = response.statusCode ?? 502
        const responseHeaders = { ...response.headers }
        for (const name of HOP_BY_HOP) delete responseHeaders[name]
        res.writeHead(status, responseHeaders)
        const generated = status >= 200 && status < 300
        if (generated && request.endpoint === 'messages') read = tapUsage(response)
        response.pipe(res)
        response.on('error', () => undefined)
        response.on('close', () => {
          if (response.complete) return
          // The API broke off: the client sees the same break.
          settle(generated ? 'cut' : 'rejected')
          res.destroy()
        })
        res.on('finish', () => settle(generated ? 'answered' : 'rejected'))
      }
      let outgoing: http.ClientRequest
      const sendUpstream = (mayRetry: boolean) => {
        const attempt = client.request(
          {
            protocol: base.protocol,
            hostname: base.hostname,
            port: base.port || undefined,
            method: 'POST',
            path: basePath + (req.url ?? '/'),
            headers: upstreamHeaders(req, request.body.length),
          },
          onAnswer,
        )
        outgoing = attempt
        attempt.on('error', (error: NodeJS.ErrnoException) => {
          if (upstreamRes) return
          // A kept-alive connection the API closed just as it was reused: the request never
          // got an answer; once more, on a connection of its own (Node's advice for this race).
          if (mayRetry && attempt.reusedSocket && error.code === 'ECONNRESET' && !res.destroyed)
            return sendUpstream(false)
          sendError(res, 502, 'api_error', `async-pr's model proxy: ${error.message}`)
          settle('rejected')
        })
        attempt.end(request.body)
      }
      sendUpstream(true)
      // The client closing its side (cancellation) ends the upstream request too.
      res.on('close', () => {
        if (!res.writableFinished) {
          settle('abandoned')
          outgoing.destroy()
        }
      })
    })
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!sameSecret(presentedKey(req), dummyKey)) {
      sendError(res, 401, 'authentication_error', 'invalid x-api-key')
      return
    }
    const target = checkTarget(req.method, req.url)
    if (isRefusal(target)) return refuse(req, res, target)
    const entered = await gate.enter(res)
    if (entered === 'gone') return
    if (entered === 'full') {
      return refuse(req, res, {
        status: 429,
        type: 'rate_limit_error',
        reason: `more than ${MAX_WAITING} requests are waiting`,
      })
    }
    try {
      const raw = await readBody(req)
      if (raw === 'too large') {
        // The rest of the body is not read: the connection cannot be reused.
        res.setHeader('connection', 'close')
        return refuse(req, res, {
          status: 413,
          type: 'request_too_large',
          reason: `the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`,
        })
      }
      const inspected = inspectBody(target.endpoint, raw, {
        contentType: req.headers['content-type'],
        contentEncoding: req.headers['content-encoding'],
      })
      if (isRefusal(inspected)) return refuse(req, res, inspected)
      const admitted = ledger.admit(inspected)
      if (isRefusal(admitted)) return refuse(req, res, admitted)
      await forward(req, res, admitted)
    } finally {
      entered()
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      sendError(res, 500, 'api_error', `async-pr's model proxy: ${error.message}`)
    })
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    dummyKey,
    usage: () => ledger.usage(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
