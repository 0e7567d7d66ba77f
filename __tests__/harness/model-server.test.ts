// Self-test of the scripted model server: first on its own over HTTP, then driving the real
// Claude Code CLI (the pinned dev dependency) through real tool executions.

import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  bash,
  httpError,
  lastToolResults,
  runClaudeForTest,
  say,
  startModelServer,
  stall,
  cut,
  useTool,
  writeFile,
  type ModelScript,
  type ModelServer,
  type ToolResult,
} from './model/index.js'

const servers: ModelServer[] = []
const dirs: string[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function server(script: ModelScript): Promise<ModelServer> {
  const s = await startModelServer(script)
  servers.push(s)
  return s
}

function tempRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'async-pr-model-test-'))
  dirs.push(dir)
  execFileSync('git', ['init', '-q', dir])
  return dir
}

const TOOLS = [{ name: 'Bash', input_schema: { type: 'object' } }]

function post(url: string, body: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/messages?beta=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
}

function sseData(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>)
}

describe('model server over HTTP', () => {
  it('streams a tool use as SSE and records the request', async () => {
    const s = await server([bash('ls')])
    const res = await post(s.url, { model: 'm', stream: true, tools: TOOLS, messages: [] })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const events = sseData(await res.text())
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    const json = events
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => (e.delta as { partial_json: string }).partial_json)
      .join('')
    expect(JSON.parse(json)).toEqual({ command: 'ls' })
    expect(events[6]).toMatchObject({ delta: { stop_reason: 'tool_use' } })
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]).toMatchObject({ kind: 'turn', step: 0, answer: 'turn' })
  })

  it('answers side requests without tools and count_tokens without using a step', async () => {
    const s = await server([say('first step')])
    const side = await post(s.url, { model: 'm', messages: [{ role: 'user', content: 'title?' }] })
    expect(await side.json()).toMatchObject({ content: [{ type: 'text', text: 'OK' }] })
    const count = await fetch(`${s.url}/v1/messages/count_tokens?beta=true`, {
      method: 'POST',
      body: JSON.stringify({ messages: [] }),
    })
    expect(await count.json()).toEqual({ input_tokens: expect.any(Number) })
    const turn = await post(s.url, { model: 'm', tools: TOOLS, messages: [] })
    expect(await turn.json()).toMatchObject({
      content: [{ type: 'text', text: 'first step' }],
      stop_reason: 'end_turn',
    })
    const after = await post(s.url, { model: 'm', tools: TOOLS, messages: [] })
    expect(await after.json()).toMatchObject({ content: [{ text: 'Done.' }] })
    expect(s.requests.map((r) => r.kind)).toEqual(['side', 'count_tokens', 'turn', 'turn'])
    const other = await fetch(`${s.url}/v1/models`)
    expect(other.status).toBe(404)
  })

  it('hands a script function the tool results of the previous turn', async () => {
    const seen: ToolResult[][] = []
    const s = await server((ctx) => {
      seen.push(ctx.lastToolResults)
      return say(`step ${ctx.step}`)
    })
    await post(s.url, {
      model: 'm',
      tools: TOOLS,
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'ls' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'a.txt' }] },
          ],
        },
      ],
    })
    expect(seen[0]).toEqual([
      { toolUseId: 't1', name: 'Bash', input: { command: 'ls' }, content: 'a.txt', isError: false },
    ])
    expect(lastToolResults(s.requests[0]!.body!)).toEqual(seen[0])
  })

  it('answers http_error faults with the status, error body and retry-after', async () => {
    const s = await server([httpError(429, 7)])
    const res = await post(s.url, { model: 'm', stream: true, tools: TOOLS, messages: [] })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
  })

  it('cuts a stream in the middle of a message', async () => {
    const s = await server([cut()])
    const res = await post(s.url, { model: 'm', stream: true, tools: TOOLS, messages: [] })
    await expect(res.text()).rejects.toThrow()
  })

  it('holds a stalled request until the server closes', async () => {
    const s = await startModelServer([stall(60_000)])
    const pending = post(s.url, { model: 'm', stream: true, tools: TOOLS, messages: [] })
    const outcome = pending.then(
      (res) => res.text(),
      (error: unknown) => error,
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    await s.close()
    // fetch rejects (a TypeError from Node's realm, so no instanceof check across jest's vm).
    expect(String(await outcome)).toMatch(/fetch failed|terminated/)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('answers a stall with its follow-up turn once the time is up', async () => {
    const s = await server([stall(50, say('late'))])
    const res = await post(s.url, { model: 'm', tools: TOOLS, messages: [] })
    expect(await res.json()).toMatchObject({ content: [{ text: 'late' }] })
  })
})

// Each run of the real CLI takes well under two seconds here; the bound is for slow CI boxes.
const CLI_TIMEOUT = 60_000

describe('the real Claude Code CLI against the model server', () => {
  it(
    'writes a file, runs ls and ends with a summary',
    async () => {
      const repo = tempRepo()
      const file = path.join(repo, 'hello.txt')
      const summary = 'Created hello.txt and listed the directory.'
      const s = await server([
        writeFile(file, 'hello from the harness\n'),
        bash('ls'),
        say(summary),
      ])
      const run = await runClaudeForTest({
        cwd: repo,
        modelUrl: s.url,
        prompt: 'Create hello.txt',
        allowedTools: ['Read', 'Write', 'Bash(ls)'],
        maxTurns: 5,
      })
      expect(run.exitCode).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe('hello from the harness\n')
      expect(run.lines[0]).toMatchObject({ type: 'system', subtype: 'init' })
      expect(run.result).toMatchObject({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: summary,
        num_turns: 3,
        permission_denials: [],
        terminal_reason: 'completed',
      })
      const turns = s.requests.filter((r) => r.kind === 'turn')
      expect(turns).toHaveLength(3)
      // The model saw the real output of ls.
      const lsResult = lastToolResults(turns[2]!.body!)
      expect(lsResult).toEqual([expect.objectContaining({ name: 'Bash', isError: false })])
      expect(lsResult[0]!.content).toContain('hello.txt')
    },
    CLI_TIMEOUT,
  )

  it(
    'refuses a tool call outside the allow-list and lists it in permission_denials',
    async () => {
      const repo = tempRepo()
      const s = await server([bash('touch x'), say('Could not touch x.')])
      const run = await runClaudeForTest({
        cwd: repo,
        modelUrl: s.url,
        prompt: 'touch x',
        allowedTools: ['Read', 'Write'],
      })
      // A refusal does not end the run: exit 0, no error, the denial is on the result line.
      expect(run.exitCode).toBe(0)
      expect(run.result).toMatchObject({ is_error: false, result: 'Could not touch x.' })
      expect(run.result?.permission_denials).toEqual([
        { tool_name: 'Bash', tool_use_id: expect.any(String), tool_input: { command: 'touch x' } },
      ])
      expect(run.lines).toContainEqual(
        expect.objectContaining({
          type: 'system',
          subtype: 'permission_denied',
          tool_name: 'Bash',
        }),
      )
      const results = lastToolResults(s.requests.filter((r) => r.kind === 'turn')[1]!.body!)
      expect(results[0]).toMatchObject({ name: 'Bash', isError: true })
    },
    CLI_TIMEOUT,
  )

  it(
    'reports an API error (500) as is_error with CLAUDE_CODE_MAX_RETRIES=0',
    async () => {
      const repo = tempRepo()
      const s = await server(() => httpError(500))
      const run = await runClaudeForTest({
        cwd: repo,
        modelUrl: s.url,
        prompt: 'anything',
        allowedTools: ['Read'],
        env: { CLAUDE_CODE_MAX_RETRIES: '0' },
      })
      expect(run.exitCode).toBe(1)
      expect(run.result).toMatchObject({
        subtype: 'success',
        is_error: true,
        terminal_reason: 'api_error',
        api_error_status: 500,
      })
      expect(s.requests.filter((r) => r.kind === 'turn')).toHaveLength(1)
    },
    CLI_TIMEOUT,
  )

  it(
    'retries a 500 exactly CLAUDE_CODE_MAX_RETRIES times',
    async () => {
      const repo = tempRepo()
      const s = await server(() => httpError(500))
      const run = await runClaudeForTest({
        cwd: repo,
        modelUrl: s.url,
        prompt: 'anything',
        allowedTools: ['Read'],
        env: { CLAUDE_CODE_MAX_RETRIES: '1' },
      })
      expect(run.result).toMatchObject({ is_error: true, api_error_status: 500 })
      expect(s.requests.filter((r) => r.kind === 'turn')).toHaveLength(2)
      expect(run.lines).toContainEqual(
        expect.objectContaining({
          type: 'system',
          subtype: 'api_retry',
          attempt: 1,
          max_retries: 1,
        }),
      )
    },
    CLI_TIMEOUT,
  )

  it(
    'stops at --max-turns with error_max_turns',
    async () => {
      const repo = tempRepo()
      const s = await server(() => useTool('Bash', { command: 'ls' }))
      const run = await runClaudeForTest({
        cwd: repo,
        modelUrl: s.url,
        prompt: 'loop forever',
        allowedTools: ['Bash(ls)'],
        maxTurns: 1,
      })
      expect(run.exitCode).toBe(1)
      expect(run.result).toMatchObject({
        subtype: 'error_max_turns',
        is_error: true,
        terminal_reason: 'max_turns',
      })
    },
    CLI_TIMEOUT,
  )
})
