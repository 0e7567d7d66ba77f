// The HTTP pipeline: route → authorization present → request checks against the description →
// token → secondary rate limit → injected fault → handler. Each step that fails answers the way
// GitHub would; the ones GitHub would reject as malformed are also recorded as violations.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { entityTag, ifNoneMatchHits } from './conditional.js'
import { errorBody, HttpError } from './errors.js'
import type { FaultQueue } from './faults.js'
import { runGraphQL } from './graphql/endpoint.js'
import { handlers, type Handler } from './handlers/index.js'
import type { Links } from './links.js'
import type { LogServer } from './log-server.js'
import type { OpenApi, Operation } from './openapi.js'
import { unmetPermission } from './permissions.js'
import {
  SECONDARY_RATE_LIMIT_DOCS,
  SECONDARY_RATE_LIMIT_MESSAGE,
  type SecondaryRateLimiter,
} from './rate-limit.js'
import type { RequestLedger } from './request-ledger.js'
import type { EmulatorState, Identity } from './state.js'
import type { RecordedRequest } from './types.js'

const GENERIC_DOCS = 'https://docs.github.com/rest'
const GRAPHQL_DOCS = 'https://docs.github.com/graphql'
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface PipelineDeps {
  api: OpenApi
  state: EmulatorState
  links: Links
  faults: FaultQueue
  limiter: SecondaryRateLimiter
  requests: RecordedRequest[]
  ledger: RequestLedger
  violations: string[]
  responseProblems: string[]
  checkResponses: boolean
  logs: LogServer
  logUrlTtlMs: number
  /** Sleeps that close() can cut short. */
  sleep(ms: number): Promise<void>
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** `token X` and `bearer X` are what GitHub accepts for a token. */
function parseAuthorization(header: string): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

// Only clearly wrong media types are flagged; GitHub itself is lenient here.
function mediaTypeProblems(
  op: Operation,
  headers: Record<string, string>,
  hasBody: boolean,
): string[] {
  const problems: string[] = []
  const accept = headers.accept
  if (accept && !/json|\*\/\*|vnd\.github|diff|patch|sha/i.test(accept)) {
    problems.push(`${op.operationId}: Accept "${accept}" asks for something GitHub does not serve`)
  }
  const contentType = headers['content-type']
  if (hasBody && op.jsonBody && contentType && !/json/i.test(contentType)) {
    problems.push(`${op.operationId}: JSON body sent with Content-Type "${contentType}"`)
  }
  return problems
}

export function createPipeline(deps: PipelineDeps) {
  const { api, state, links, faults, limiter, requests, violations } = deps
  const used = new Map<string, number>()

  // Rate-limit use per login and resource (REST is "core", GraphQL has its own budget).
  const send = (
    res: ServerResponse,
    record: RecordedRequest,
    reply: Reply,
    identity?: Identity,
    token?: string,
  ): void => {
    const resource = record.route === 'POST /graphql' ? 'graphql' : 'core'
    let status = reply.status
    let text = reply.body === undefined || status === 204 ? undefined : JSON.stringify(reply.body)
    const conditional: Record<string, string> = {}
    if (record.method === 'GET' && status === 200 && text !== undefined) {
      conditional.etag = entityTag(text, [
        identity?.login ?? token,
        record.headers.accept,
        reply.headers?.link,
      ])
      conditional['cache-control'] = 'private, max-age=60, s-maxage=60'
      conditional.vary = 'Accept, Authorization, Cookie, X-GitHub-OTP'
      if (ifNoneMatchHits(record.headers['if-none-match'], conditional.etag)) {
        status = 304
        text = undefined
      }
    }
    const notModified = status === 304
    const key = `${identity?.login ?? ''}\u0000${resource}`
    const count = (used.get(key) ?? 0) + (notModified ? 0 : 1)
    used.set(key, count)
    const headers: Record<string, string> = {
      'x-github-request-id': randomUUID().toUpperCase(),
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(5000 - count, 0)),
      'x-ratelimit-used': String(count),
      'x-ratelimit-reset': String(Math.floor(state.nowMs() / 1000) + 3600),
      'x-ratelimit-resource': resource,
      // A 304 carries the validators and rate-limit headers, nothing of the entity.
      ...(notModified ? {} : reply.headers),
      ...conditional,
    }
    record.status = status
    if (notModified) record.notModified = true
    if (token !== undefined) {
      deps.ledger.add(token, {
        atMs: record.atMs,
        method: record.method,
        route: record.route ?? `${record.method} ${record.path}`,
        status,
        counted: !notModified,
      })
    }
    if (text === undefined) {
      res.writeHead(status, headers).end()
      return
    }
    headers['content-type'] = 'application/json; charset=utf-8'
    res.writeHead(status, headers).end(text)
  }

  const error = (
    status: number,
    message: string,
    docs = GENERIC_DOCS,
    extra?: HttpError,
  ): Reply => ({
    status,
    body: errorBody(status, message, docs, extra?.errors),
    headers: extra?.headers,
  })

  // GraphQL has one route and its own ways to fail; the rate limiter and faults apply as to REST.
  const graphqlReply = async (
    record: RecordedRequest,
    method: string,
    authorization: string | undefined,
    token: string | undefined,
    identity: Identity | undefined,
    body: unknown,
    bodyIsJson: boolean,
  ): Promise<Reply> => {
    const violate = (problem: string) => violations.push(problem)
    if (method !== 'POST') {
      violate(`unknown route: ${method} /graphql (GraphQL takes POST)`)
      return error(404, 'Not Found', GRAPHQL_DOCS)
    }
    if (authorization === undefined) {
      violate('graphql: no Authorization header')
      return error(401, 'This endpoint requires you to be authenticated.', GRAPHQL_DOCS)
    }
    if (token === undefined) {
      violate('graphql: Authorization is not "token X" or "bearer X"')
      return error(401, 'Bad credentials', GRAPHQL_DOCS)
    }
    if (!identity) return error(401, 'Bad credentials', GRAPHQL_DOCS)
    if (!bodyIsJson) {
      violate('graphql: body is not valid JSON')
      return error(400, 'Problems parsing JSON', GRAPHQL_DOCS)
    }
    const admission = limiter.admit(token, identity.login, method)
    if (!admission) {
      record.rateLimited = true
      const reply = error(403, `${SECONDARY_RATE_LIMIT_MESSAGE}${randomUUID().toUpperCase()}.`)
      reply.headers = { 'retry-after': String(limiter.retryAfterSeconds) }
      return reply
    }
    try {
      const fault = faults.take(method, '/graphql', '/graphql')
      if (fault) {
        record.fault = true
        if (fault.delayMs) await deps.sleep(fault.delayMs)
        const reply = error(fault.status, defaultMessage(fault.status), GRAPHQL_DOCS)
        if (fault.body !== undefined) reply.body = fault.body
        reply.headers = fault.headers
        return reply
      }
      return await runGraphQL({ state, links, identity, body, violation: violate })
    } catch (thrown) {
      violate(
        `emulator error in graphql: ${thrown instanceof Error ? thrown.stack : String(thrown)}`,
      )
      return error(500, 'emulator error', GRAPHQL_DOCS)
    } finally {
      admission.release()
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, links.api)
    const rawPath = rawUrl.split('?')[0]
    const headers = headerRecord(req)
    const authorization = headers.authorization
    const token = authorization === undefined ? undefined : parseAuthorization(authorization)
    const identity = token === undefined ? undefined : state.tokens.get(token)
    if (authorization !== undefined) {
      headers.authorization = identity ? `[token of ${identity.login}]` : '[unknown token]'
    }
    const record: RecordedRequest = {
      method,
      path: rawPath,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      status: 0,
      time: new Date().toISOString(),
      atMs: state.nowMs(),
      login: identity?.login,
    }
    requests.push(record)

    const violate = (problem: string) => violations.push(problem)
    const rawBody = await readBody(req)
    let body: unknown
    let bodyIsJson = true
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody)
      } catch {
        bodyIsJson = false
        body = rawBody
      }
    }
    record.body = body

    if (rawPath === '/graphql') {
      record.route = `${method} /graphql`
      record.operationId = 'graphql'
      const reply = await graphqlReply(
        record,
        method,
        authorization,
        token,
        identity,
        body,
        bodyIsJson,
      )
      return send(res, record, reply, identity, token)
    }

    const match = api.router.match(method, rawPath)
    if (match.kind === 'unknown') {
      violate(`unknown route: ${method} ${rawPath}`)
      return send(res, record, error(404, 'Not Found'), identity, token)
    }
    if (match.kind === 'method-not-allowed') {
      violate(
        `unknown route: ${method} ${rawPath} (${match.template} has ${match.allowed.join(', ')})`,
      )
      return send(res, record, error(404, 'Not Found'), identity, token)
    }
    const op = match.operation
    record.operationId = op.operationId
    record.route = `${method} ${op.template}`
    const docs = op.docsUrl

    if (authorization === undefined) {
      violate(`${op.operationId}: no Authorization header`)
      return send(res, record, error(401, 'Requires authentication', docs), identity, token)
    }
    if (token === undefined) {
      violate(`${op.operationId}: Authorization is not "token X" or "bearer X"`)
      return send(res, record, error(401, 'Bad credentials', docs), identity, token)
    }
    for (const problem of mediaTypeProblems(op, headers, body !== undefined)) violate(problem)

    if (!bodyIsJson && op.jsonBody) {
      violate(`${op.operationId}: body is not valid JSON`)
      return send(res, record, error(400, 'Problems parsing JSON', docs), identity, token)
    }
    const params: Record<string, unknown> = { ...match.params }
    const query: Record<string, unknown> = { ...record.query }
    const paramProblems = api.checkParameters(op, params, query)
    for (const problem of paramProblems.unknown) violate(`${op.operationId}: ${problem}`)
    if (paramProblems.path.length > 0) {
      violate(`${op.operationId}: ${paramProblems.path.join('; ')}`)
      return send(res, record, error(404, 'Not Found', docs), identity, token)
    }
    if (paramProblems.query.length > 0) {
      violate(`${op.operationId}: ${paramProblems.query.join('; ')}`)
      return send(
        res,
        record,
        error(422, `Invalid request.\n\n${paramProblems.query.join('\n')}`, docs),
        identity,
        token,
      )
    }
    if (op.jsonBody && (body !== undefined || op.jsonBody.required)) {
      const problems =
        body === undefined
          ? { invalid: ['body is required'], unknown: [] }
          : api.checkBody(op, body)
      for (const problem of problems.unknown) violate(`${op.operationId}: ${problem}`)
      if (problems.invalid.length > 0) {
        violate(`${op.operationId}: ${problems.invalid.join('; ')}`)
        const message = `Invalid request.\n\n${problems.invalid.join('\n')}`
        return send(res, record, error(422, message, docs), identity, token)
      }
    }

    if (!identity) return send(res, record, error(401, 'Bad credentials', docs), identity, token)

    const admission = limiter.admit(token, identity.login, method)
    if (!admission) {
      record.rateLimited = true
      const message = `${SECONDARY_RATE_LIMIT_MESSAGE}${randomUUID().toUpperCase()}.`
      const reply = error(403, message, SECONDARY_RATE_LIMIT_DOCS)
      reply.headers = { 'retry-after': String(limiter.retryAfterSeconds) }
      return send(res, record, reply, identity, token)
    }
    try {
      const fault = faults.take(method, rawPath, op.template)
      if (fault) {
        record.fault = true
        if (fault.delayMs) await deps.sleep(fault.delayMs)
        const reply = error(fault.status, defaultMessage(fault.status), docs)
        if (fault.body !== undefined) reply.body = fault.body
        reply.headers = fault.headers
        return send(res, record, reply, identity, token)
      }

      const handler = handlers[op.operationId] as Handler | undefined
      const unmet = handler ? unmetPermission(identity, op.operationId) : undefined
      if (unmet === 'no rule') {
        violate(`emulator: no permission rule for ${op.operationId} (permissions.ts)`)
      } else if (unmet) {
        const reply = error(403, 'Resource not accessible by integration', docs)
        reply.headers = { 'x-accepted-github-permissions': unmet.header }
        return send(res, record, reply, identity, token)
      }
      if (!handler) {
        violate(`not emulated: ${method} ${op.template}`)
        return send(
          res,
          record,
          error(501, `not emulated: ${op.operationId}`, docs),
          identity,
          token,
        )
      }
      let reply: Reply
      const afterwards: Array<() => unknown> = []
      try {
        reply = await handler({
          state,
          links,
          operation: op,
          params,
          query,
          body: (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>,
          identity,
          url,
          violation: (problem) => violate(problem),
          logs: deps.logs,
          logUrlTtlMs: deps.logUrlTtlMs,
          after: (task) => afterwards.push(task),
        })
      } catch (thrown) {
        if (!(thrown instanceof HttpError)) throw thrown
        reply = error(thrown.status, thrown.message, docs, thrown)
      }
      if (deps.checkResponses) {
        for (const problem of api.checkResponse(op, reply.status, reply.body)) {
          deps.responseProblems.push(`${op.operationId} ${reply.status}: ${problem}`)
        }
      }
      send(res, record, reply, identity, token)
      // Test hooks run once the client has its answer, as GitHub's side effects follow it.
      for (const task of afterwards) {
        setImmediate(() => {
          Promise.resolve()
            .then(task)
            .catch((error: unknown) =>
              violate(
                `hook after ${op.operationId} failed: ${error instanceof Error ? error.stack : String(error)}`,
              ),
            )
        })
      }
      return
    } catch (thrown) {
      // A bug in the emulator must not pass for a GitHub error.
      violate(
        `emulator error in ${op.operationId}: ${thrown instanceof Error ? thrown.stack : String(thrown)}`,
      )
      return send(res, record, error(500, 'emulator error', docs), identity, token)
    } finally {
      admission.release()
    }
  }
}

function defaultMessage(status: number): string {
  const messages: Record<number, string> = {
    400: 'Bad Request',
    401: 'Bad credentials',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Validation Failed',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  return messages[status] ?? `HTTP ${status}`
}
