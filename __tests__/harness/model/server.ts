// A scripted Anthropic Messages API on 127.0.0.1, good enough to drive the real Claude Code CLI
// through real tool executions. Each request that offers tools consumes one script step; side
// requests without tools get a short plain answer and leave the script where it is.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import {
  IdSource,
  buildMessage,
  errorBody,
  estimateTokens,
  streamEvents,
  type AssistantMessage,
} from './messages.js'
import {
  isFault,
  type MessagesRequest,
  type ModelScript,
  type Step,
  type TurnStep,
} from './script.js'
import { lastToolResults } from './tool-results.js'

export type RequestKind = 'turn' | 'side' | 'count_tokens' | 'other'

export interface RecordedModelRequest {
  method: string
  /** Path with query, e.g. `/v1/messages?beta=true`. */
  path: string
  /** As received, including `x-api-key` (tests may check which key reached the model). */
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body (kept whole: tests inspect every message the model was shown). */
  body: MessagesRequest | undefined
  kind: RequestKind
  /** Script step this request consumed (turns only). */
  step?: number
  /** What the server did: the step's fault name, or 'turn' / 'side' / 'done'. */
  answer: string
}

export interface ModelServerOptions {
  /** Plain text for side requests (no tools), default "OK". */
  sideReply?: string
  /** Text of the turn given once the script has run out, default "Done.". */
  finalText?: string
  /** Print one line per request to stderr (for finding out what the CLI sends). */
  log?: boolean
}

export interface ModelServer {
  url: string
  requests: RecordedModelRequest[]
  close(): Promise<void>
}

const MAX_BODY_BYTES = 64 * 1024 * 1024

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(raw)
    case 'deflate':
      return zlib.inflateSync(raw)
    case 'br':
      return zlib.brotliDecompressSync(raw)
    case 'zstd':
      return zlib.zstdDecompressSync(raw)
    default:
      return raw
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk)
  }
  return decode(Buffer.concat(chunks), req.headers['content-encoding'])
}

function parseJson(raw: Buffer): MessagesRequest | undefined {
  if (raw.length === 0) return undefined
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'))
    return typeof value === 'object' && value !== null ? (value as MessagesRequest) : undefined
  } catch {
    return undefined
  }
}

function sendJson(res: http.ServerResponse, status: number, body: object, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

function sendMessage(res: http.ServerResponse, message: AssistantMessage, stream: boolean): void {
  if (!stream) return sendJson(res, 200, message, { 'request-id': `req_${message.id}` })
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': `req_${message.id}`,
  })
  res.end(streamEvents(message).join(''))
}

export async function startModelServer(
  script: ModelScript,
  options: ModelServerOptions = {},
): Promise<ModelServer> {
  const requests: RecordedModelRequest[] = []
  const ids = new IdSource()
  const stalls = new Set<{ timer: NodeJS.Timeout; res: http.ServerResponse }>()
  let nextStep = 0
  let closing = false
  const finalTurn: TurnStep = { text: options.finalText ?? 'Done.' }

  function pickStep(body: MessagesRequest, step: number): Step | undefined {
    if (typeof script === 'function') {
      return script({ request: body, step, lastToolResults: lastToolResults(body) })
    }
    return script[step]
  }

  function answerTurn(
    res: http.ServerResponse,
    body: MessagesRequest,
    step: Step | undefined,
    record: RecordedModelRequest,
  ): void {
    const stream = body.stream === true
    const model = typeof body.model === 'string' ? body.model : 'claude-sonnet-4-5'
    const inputTokens = estimateTokens(body.messages)
    if (step === undefined) {
      record.answer = 'done'
      return sendMessage(res, buildMessage(finalTurn, ids, model, inputTokens), stream)
    }
    if (!isFault(step)) {
      record.answer = 'turn'
      return sendMessage(res, buildMessage(step, ids, model, inputTokens), stream)
    }
    record.answer = step.fault
    switch (step.fault) {
      case 'http_error': {
        const headers: Record<string, string> = { 'request-id': `req_fault_${record.step}` }
        if (step.retryAfter !== undefined) headers['retry-after'] = String(step.retryAfter)
        return sendJson(res, step.status, errorBody(step.status), headers)
      }
      case 'stall': {
        const entry = {
          res,
          timer: setTimeout(() => {
            stalls.delete(entry)
            answerTurn(res, body, step.then ?? finalTurn, { ...record })
          }, step.ms),
        }
        stalls.add(entry)
        res.on('close', () => {
          clearTimeout(entry.timer)
          stalls.delete(entry)
        })
        return
      }
      case 'cut': {
        const message = buildMessage({ text: 'This answer is cut off in the mid' }, ids, model, 1)
        const events = streamEvents(message)
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        // message_start, content_block_start and one text delta, then the connection dies.
        res.write(events.slice(0, 3).join(''), () => res.destroy())
        return
      }
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? '/'
    const pathname = new URL(path, 'http://127.0.0.1').pathname
    const body = parseJson(await readBody(req))
    const record: RecordedModelRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      kind: 'other',
      answer: 'other',
    }
    requests.push(record)
    const isPost = req.method === 'POST'

    if (isPost && pathname === '/v1/messages/count_tokens') {
      record.kind = 'count_tokens'
      record.answer = 'count_tokens'
      sendJson(res, 200, { input_tokens: estimateTokens(body?.messages) })
    } else if (isPost && pathname === '/v1/messages' && body) {
      const tools = Array.isArray(body.tools) ? body.tools : []
      if (tools.length === 0) {
        record.kind = 'side'
        record.answer = 'side'
        const model = typeof body.model === 'string' ? body.model : 'claude-haiku-4-5'
        const text = options.sideReply ?? 'OK'
        sendMessage(
          res,
          buildMessage({ text }, ids, model, estimateTokens(body.messages)),
          body.stream === true,
        )
      } else {
        record.kind = 'turn'
        record.step = nextStep++
        answerTurn(res, body, pickStep(body, record.step), record)
      }
    } else if (isPost && pathname === '/v1/messages') {
      sendJson(res, 400, errorBody(400))
    } else if (pathname === '/api/hello') {
      // Connectivity check the CLI sends (HEAD) unless nonessential traffic is disabled.
      record.answer = 'hello'
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(req.method === 'HEAD' ? undefined : 'hello\n')
    } else {
      sendJson(res, 404, errorBody(404))
    }
    if (options.log) {
      const step = record.step ?? '-'
      const tools = body?.tools?.length ?? 0
      process.stderr.write(
        `model-server: ${record.method} ${path} kind=${record.kind} step=${step} ` +
          `tools=${tools} answer=${record.answer}\n`,
      )
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: String(error) } })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      if (closing) return
      closing = true
      for (const stall of stalls) {
        clearTimeout(stall.timer)
        stall.res.destroy()
      }
      stalls.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
