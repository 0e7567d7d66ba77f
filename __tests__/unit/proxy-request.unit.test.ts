import { describe, expect, it } from '@jest/globals'
import {
  checkTarget,
  inspectBody,
  isRefusal,
  type ModelRequest,
} from '../../src/agent/proxy-request.js'

const reasonFor = (method: string, target: string): string => {
  const checked = checkTarget(method, target)
  return isRefusal(checked) ? checked.reason : 'forwarded'
}

describe('checkTarget', () => {
  it('forwards the two endpoints Claude Code calls, as it spells them', () => {
    for (const target of [
      '/v1/messages',
      '/v1/messages?beta=true',
      '/v1/messages/count_tokens',
      '/v1/messages/count_tokens?beta=true',
    ]) {
      expect(checkTarget('POST', target)).toEqual({
        endpoint: target.includes('count_tokens') ? 'count_tokens' : 'messages',
      })
    }
  })

  it.each([
    ['GET', 'http://api.anthropic.com/v1/models', 'absolute'],
    ['POST', 'http://127.0.0.1:1/v1/messages', 'absolute'],
    ['CONNECT', 'api.anthropic.com:443', 'absolute or authority'],
    ['OPTIONS', '*', 'absolute or authority'],
    ['POST', '/v1/messages/../models', 'dot segment'],
    ['POST', '/v1/./messages', 'dot segment'],
    ['POST', '/v1/messages/..', 'dot segment'],
    ['POST', '/v1//messages', 'empty segment'],
    ['POST', '//v1/messages', 'empty segment'],
    ['POST', '/v1/%2e%2e/models', 'percent-encoding'],
    ['POST', '/v1/messages%2f..%2fmodels', 'percent-encoding'],
    ['POST', '/v1/messages%3Fbeta=true', 'percent-encoding'],
    ['POST', '/v1\\messages', 'backslash'],
    ['POST', '/v1/messages#x', 'fragment'],
    ['POST', '/v1/messages\t', 'outside ASCII'],
    ['POST', '/v1/méssages', 'outside ASCII'],
    ['POST', '/v1/messages ', 'outside ASCII'],
    ['POST', '/v1/messages/', 'not POST /v1/messages/'],
    ['POST', '/V1/messages', 'not POST /V1/messages'],
    ['POST', '/v1/messages;x', 'not POST'],
    ['GET', '/v1/models', 'not GET /v1/models'],
    ['GET', '/v1/files', 'not GET /v1/files'],
    ['GET', '/v1/organizations/api_keys', 'not GET /v1/organizations/api_keys'],
    ['POST', '/v1/messages/batches', 'not POST /v1/messages/batches'],
    ['GET', '/v1/messages/batches?limit=1', 'not GET /v1/messages/batches'],
    ['POST', '/v1/complete', 'not POST /v1/complete'],
    ['POST', '/api/hello', 'not POST /api/hello'],
    ['POST', '/v1/messages?beta=true&x=1', 'query'],
    ['POST', '/v1/messages?beta=false', 'query'],
    ['POST', '/v1/messages?', 'query'],
    ['GET', '/v1/messages?beta=true', 'not GET'],
    ['HEAD', '/v1/messages', 'not HEAD'],
    ['PUT', '/v1/messages/count_tokens', 'not PUT'],
  ])('refuses %s %s (%s)', (method, target, why) => {
    expect(reasonFor(method, target)).toContain(why)
    const checked = checkTarget(method, target)
    expect(isRefusal(checked) && checked.status).toBe(403)
  })
})

const json = { contentType: 'application/json' }
const body = (value: unknown) => Buffer.from(JSON.stringify(value))
const turn = {
  model: 'claude-sonnet-4-5',
  max_tokens: 32000,
  stream: true,
  messages: [{ role: 'user', content: 'hi' }],
  tools: [{ name: 'Bash', input_schema: {} }],
}

function inspected(value: unknown, endpoint: 'messages' | 'count_tokens' = 'messages') {
  return inspectBody(endpoint, typeof value === 'string' ? Buffer.from(value) : body(value), json)
}

describe('inspectBody', () => {
  it('reads the model, max_tokens, tools and stream of a turn', () => {
    const request = inspected(turn) as ModelRequest
    expect(request).toMatchObject({
      endpoint: 'messages',
      model: 'claude-sonnet-4-5',
      maxTokens: 32000,
      offersTools: true,
      stream: true,
    })
    expect(JSON.parse(request.body.toString())).toEqual(turn)
    expect((inspected({ ...turn, tools: [] }) as ModelRequest).offersTools).toBe(false)
    expect((inspected({ ...turn, tools: undefined }) as ModelRequest).offersTools).toBe(false)
  })

  it('forwards what it checked: of duplicated keys, the one it read', () => {
    const raw =
      '{"model":"claude-haiku-4-5","max_tokens":10,"messages":[],"model":"claude-opus-4-1"}'
    const request = inspected(raw) as ModelRequest
    expect(request.model).toBe('claude-opus-4-1')
    expect(request.body.toString()).not.toContain('claude-haiku-4-5')
    expect(request.receivedBytes).toBe(Buffer.byteLength(raw))
  })

  it('does not need max_tokens for count_tokens', () => {
    const { max_tokens: _unused, ...count } = turn
    expect(inspected(count, 'count_tokens')).toMatchObject({
      endpoint: 'count_tokens',
      model: turn.model,
    })
    expect(isRefusal(inspected(count))).toBe(true)
  })

  it.each([
    ['not JSON', '{"model":', 'not valid JSON'],
    ['an array', [turn], 'not a JSON object'],
    ['null', 'null', 'not a JSON object'],
    ['no model', { ...turn, model: undefined }, 'names no model'],
    ['an empty model', { ...turn, model: '' }, 'names no model'],
    ['a model that is not a string', { ...turn, model: ['claude-sonnet-4-5'] }, 'names no model'],
    ['max_tokens 0', { ...turn, max_tokens: 0 }, 'max_tokens'],
    ['max_tokens as text', { ...turn, max_tokens: '32000' }, 'max_tokens'],
    ['fractional max_tokens', { ...turn, max_tokens: 1.5 }, 'max_tokens'],
    ['MCP servers', { ...turn, mcp_servers: [{ type: 'url', url: 'https://x' }] }, 'MCP'],
    ['a container', { ...turn, container: 'container_1' }, 'container'],
    [
      'a stored file',
      {
        ...turn,
        messages: [
          {
            role: 'user',
            content: [{ type: 'document', source: { type: 'file', file_id: 'file_1' } }],
          },
        ],
      },
      'files stored',
    ],
    [
      'a stored file in a tool result',
      {
        ...turn,
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't',
                content: [{ type: 'image', source: { type: 'file', file_id: 'file_1' } }],
              },
            ],
          },
        ],
      },
      'files stored',
    ],
    [
      'a container upload',
      {
        ...turn,
        messages: [{ role: 'user', content: [{ type: 'container_upload', file_id: 'f' }] }],
      },
      'files stored',
    ],
  ])('refuses a body with %s', (_what, value, why) => {
    const result = inspected(value)
    expect(isRefusal(result) && result.reason).toContain(why)
  })

  it('refuses an encoded body or one that is not JSON', () => {
    const raw = body(turn)
    const gzip = inspectBody('messages', raw, { ...json, contentEncoding: 'gzip' })
    expect(isRefusal(gzip) && gzip.status).toBe(415)
    const text = inspectBody('messages', raw, { contentType: 'text/plain' })
    expect(isRefusal(text) && text.status).toBe(415)
    expect(isRefusal(inspectBody('messages', raw, { ...json, contentEncoding: 'identity' }))).toBe(
      false,
    )
    expect(
      isRefusal(inspectBody('messages', raw, { contentType: 'application/json; charset=utf-8' })),
    ).toBe(false)
  })

  it('lets tool inputs and text mention files freely', () => {
    const request = inspected({
      ...turn,
      messages: [
        { role: 'user', content: 'read "file_id" and {"type":"file"}' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't', name: 'Read', input: { file_id: 'x' } }],
        },
      ],
    })
    expect(isRefusal(request)).toBe(false)
  })
})
