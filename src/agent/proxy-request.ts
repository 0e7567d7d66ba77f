// Which requests the model proxy forwards at all, judged before any limit: the two
// endpoints Claude Code 2.1.329 calls, spelled exactly as it spells them, with a
// body that is one JSON object naming a model. Everything else is refused with a
// reason. Pure.

export type Endpoint = 'messages' | 'count_tokens'

export interface Refusal {
  status: number
  /** Anthropic's error type, so clients show the message the way they show the API's own. */
  type:
    | 'permission_error'
    | 'invalid_request_error'
    | 'request_too_large'
    | 'billing_error'
    | 'rate_limit_error'
  reason: string
}

/**
 * What the CLI sends, observed by logging its requests: `POST /v1/messages?beta=true`.
 * `count_tokens` is allowed with the same spellings; nothing else is.
 */
const PATHS: Record<string, Endpoint> = {
  '/v1/messages': 'messages',
  '/v1/messages/count_tokens': 'count_tokens',
}
const QUERIES = new Set([undefined, 'beta=true'])
const ALLOWED = 'it forwards only POST /v1/messages and POST /v1/messages/count_tokens'

/** The Messages API's own request size limit. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

const refuse = (reason: string, status = 403): Refusal => ({
  status,
  type: status === 413 ? 'request_too_large' : 'permission_error',
  reason,
})

/** Why a request target is not one the proxy forwards, or which endpoint it is. */
export function checkTarget(
  method: string | undefined,
  target: string | undefined,
): { endpoint: Endpoint } | Refusal {
  const raw = target ?? ''
  if (!raw.startsWith('/')) {
    return refuse(`the request target must be a path; absolute or authority forms are refused`)
  }
  // Printable ASCII only: no spaces, controls, or bytes a server might decode another way.
  if (/[^\x21-\x7e]/.test(raw)) return refuse('the request target has characters outside ASCII')
  if (raw.includes('\\')) return refuse('the request target has a backslash')
  if (raw.includes('%')) return refuse('the request target has percent-encoding')
  if (raw.includes('#')) return refuse('the request target has a fragment')
  const question = raw.indexOf('?')
  const path = question < 0 ? raw : raw.slice(0, question)
  const query = question < 0 ? undefined : raw.slice(question + 1)
  if (path.includes('//')) return refuse('the request path has an empty segment (//)')
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    return refuse('the request path has a dot segment (. or ..)')
  }
  const endpoint = Object.hasOwn(PATHS, path) ? PATHS[path] : undefined
  if (!endpoint) return refuse(`${ALLOWED}, not ${method ?? '?'} ${path}`)
  if (!QUERIES.has(query)) return refuse(`the query "?${query}" is not one Claude Code sends`)
  if (method !== 'POST') return refuse(`${ALLOWED}, not ${method ?? '?'}`)
  return { endpoint }
}

export interface ModelRequest {
  endpoint: Endpoint
  model: string
  /** `max_tokens` (absent on count_tokens). */
  maxTokens?: number
  /** The request offers tools: one agent turn (what --max-turns counts). */
  offersTools: boolean
  stream: boolean
  /** The body forwarded upstream: re-serialised from what was checked, so both read the same. */
  body: Buffer
  /** Bytes received, for estimating a prompt whose usage never arrived. */
  receivedBytes: number
}

const BLOCK_CONTAINERS = ['messages', 'system'] as const

/** Content blocks that point at files stored with the account (the Files API). */
function referencesStoredFile(value: unknown, depth = 0): boolean {
  if (depth > 8 || typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some((item) => referencesStoredFile(item, depth + 1))
  const block = value as Record<string, unknown>
  if ('file_id' in block) return true
  const source = block.source as Record<string, unknown> | undefined
  if (source && typeof source === 'object' && (source.type === 'file' || 'file_id' in source)) {
    return true
  }
  return referencesStoredFile(block.content, depth + 1)
}

/**
 * The parts of a request body the proxy enforces limits on. Features that reach
 * beyond the conversation with the account's rights (stored files, MCP servers the
 * API connects to, code-execution containers) are refused: Claude Code does not use them.
 */
export function inspectBody(
  endpoint: Endpoint,
  raw: Buffer,
  headers: { contentType?: string; contentEncoding?: string },
): ModelRequest | Refusal {
  if (headers.contentEncoding && headers.contentEncoding.toLowerCase() !== 'identity') {
    return refuse(`a ${headers.contentEncoding}-encoded body is not what Claude Code sends`, 415)
  }
  if (!/^application\/json\b/i.test(headers.contentType ?? '')) {
    return refuse('the body must be application/json', 415)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    return { status: 400, type: 'invalid_request_error', reason: 'the body is not valid JSON' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { status: 400, type: 'invalid_request_error', reason: 'the body is not a JSON object' }
  }
  const body = parsed as Record<string, unknown>
  if (typeof body.model !== 'string' || body.model === '' || body.model.length > 200) {
    return { status: 400, type: 'invalid_request_error', reason: 'the body names no model' }
  }
  if ('mcp_servers' in body) return refuse('MCP servers run by the API are refused')
  if ('container' in body) return refuse('code-execution containers are refused')
  if (BLOCK_CONTAINERS.some((key) => referencesStoredFile(body[key]))) {
    return refuse('content from files stored with the account is refused')
  }
  let maxTokens: number | undefined
  if (endpoint === 'messages') {
    if (!Number.isSafeInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
      return {
        status: 400,
        type: 'invalid_request_error',
        reason: 'max_tokens must be a positive integer',
      }
    }
    maxTokens = body.max_tokens as number
  }
  return {
    endpoint,
    model: body.model,
    maxTokens,
    offersTools: Array.isArray(body.tools) && body.tools.length > 0,
    stream: body.stream === true,
    body: Buffer.from(JSON.stringify(body)),
    receivedBytes: raw.length,
  }
}

export function isRefusal(value: object): value is Refusal {
  return 'reason' in value && 'status' in value
}
