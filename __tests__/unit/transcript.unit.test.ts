import { describe, expect, it } from '@jest/globals'
import { judgeAgentRun } from '../../src/agent/judge.js'
import type { AgentRun } from '../../src/agent/run.js'
import { Transcript, toolDetail } from '../../src/agent/transcript.js'

const SESSION = '0b7e6a52-3c1d-4f7e-9a41-5d2c8e9f1a03'

function line(event: object): string {
  return JSON.stringify(event)
}

const toolUse = (id: string, name: string, input: object) =>
  line({
    type: 'assistant',
    session_id: SESSION,
    message: { content: [{ type: 'tool_use', id, name, input }] },
  })
const toolResult = (id: string, isError = false) =>
  line({
    type: 'user',
    message: {
      content: [{ type: 'tool_result', tool_use_id: id, is_error: isError, content: 'x' }],
    },
  })

function runOf(transcript: Transcript, extra: Partial<AgentRun> = {}): AgentRun {
  return { transcript, exitCode: 0, signal: null, stderrTail: '', wallMs: 10, ...extra }
}

describe('Transcript', () => {
  it('follows tool calls, their outcomes, todos, and the result', () => {
    const t = new Transcript()
    t.pushLine(line({ type: 'system', subtype: 'init', session_id: SESSION, model: 'claude-test' }))
    t.pushLine(
      toolUse('t1', 'TodoWrite', {
        todos: [{ content: 'Write code', status: 'in_progress', activeForm: 'Writing' }],
      }),
    )
    t.pushLine(toolUse('t2', 'Bash', { command: 'npm   test' }))
    t.pushLine(toolResult('t2', true))
    t.pushLine(
      line({ type: 'assistant', message: { content: [{ type: 'text', text: 'All done.' }] } }),
    )
    t.pushLine(
      line({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'Summary',
        num_turns: 3,
        total_cost_usd: 0.01,
        duration_ms: 1200,
        session_id: SESSION,
        usage: { input_tokens: 10, cache_read_input_tokens: 5, output_tokens: 7 },
        permission_denials: [
          { tool_name: 'Bash', tool_use_id: 'x', tool_input: { command: 'rm -rf /' } },
        ],
      }),
    )
    expect(t.sessionId).toBe(SESSION)
    expect(t.model).toBe('claude-test')
    expect(t.todos).toEqual([{ content: 'Write code', status: 'in_progress' }])
    expect(t.toolCalls.map((c) => [c.name, c.detail, c.outcome])).toEqual([
      ['TodoWrite', '', undefined],
      ['Bash', 'npm test', 'error'],
    ])
    expect(t.lastText).toBe('All done.')
    expect(t.result).toMatchObject({
      numTurns: 3,
      inputTokens: 15,
      outputTokens: 7,
      text: 'Summary',
    })
    expect(t.result?.permissionDenials).toEqual([{ toolName: 'Bash', detail: 'rm -rf /' }])
  })

  it('counts malformed and truncated lines instead of failing', () => {
    const t = new Transcript()
    t.pushLine('{"type":"assistant","mess')
    t.pushLine('not json')
    t.pushLine('')
    expect(t.malformedLines).toBe(2)
    expect(t.result).toBeUndefined()
  })

  it('keeps memory bounded on long transcripts', () => {
    const t = new Transcript()
    for (let i = 0; i < 5000; i++) {
      t.pushLine(toolUse(`t${i}`, 'Read', { file_path: `f${i}` }))
      t.pushLine(toolResult(`t${i}`))
    }
    expect(t.toolCallCount).toBe(5000)
    expect(t.toolCalls.length).toBe(1000)
    expect(t.toolCalls.at(-1)?.detail).toBe('f4999')
  })

  it('shows the part of a tool input a person needs', () => {
    expect(toolDetail('Edit', { file_path: 'src/a.ts', old_string: 'x' })).toBe('src/a.ts')
    expect(toolDetail('Grep', { pattern: 'TODO' })).toBe('TODO')
    expect(toolDetail('Bash', { command: 'x'.repeat(500) }).length).toBeLessThanOrEqual(160)
  })
})

describe('judgeAgentRun', () => {
  const limits = { timeoutMs: 60_000, maxTurns: 5 }
  const withResult = (result: object) => {
    const t = new Transcript()
    t.pushLine(line({ type: 'result', session_id: 's', ...result }))
    return t
  }

  it('judges by is_error, not by the exit code', () => {
    const t = withResult({
      subtype: 'success',
      is_error: true,
      result: 'API Error: 500 overloaded',
    })
    expect(judgeAgentRun(runOf(t), limits)).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('API Error: 500'),
    })
    expect(
      judgeAgentRun(
        runOf(withResult({ subtype: 'success', is_error: false }), { exitCode: 1 }),
        limits,
      ),
    ).toEqual({
      kind: 'completed',
    })
  })

  it('reports max turns, timeouts, cancellation and a missing result', () => {
    expect(
      judgeAgentRun(runOf(withResult({ subtype: 'error_max_turns', is_error: true })), limits).kind,
    ).toBe('limit')
    expect(judgeAgentRun(runOf(new Transcript(), { stoppedBy: 'timeout' }), limits)).toMatchObject({
      kind: 'timed_out',
      reason: expect.stringContaining('1 minute'),
    })
    expect(judgeAgentRun(runOf(new Transcript(), { stoppedBy: 'cancelled' }), limits).kind).toBe(
      'cancelled',
    )
    expect(
      judgeAgentRun(runOf(new Transcript(), { exitCode: null, signal: 'SIGKILL' }), limits),
    ).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('SIGKILL'),
    })
    expect(judgeAgentRun(runOf(new Transcript(), { spawnError: 'ENOENT' }), limits).kind).toBe(
      'failed',
    )
  })
})

describe('paths in the workspace', () => {
  it('are shown relative to it', () => {
    const t = new Transcript('/work/repo')
    t.pushLine(toolUse('t1', 'Write', { file_path: '/work/repo/src/a.ts', content: '' }))
    t.pushLine(
      line({
        type: 'result',
        subtype: 'success',
        permission_denials: [{ tool_name: 'Read', tool_input: { file_path: '/work/repo/.env' } }],
      }),
    )
    expect(t.toolCalls[0]?.detail).toBe('src/a.ts')
    expect(t.result?.permissionDenials[0]?.detail).toBe('.env')
  })
})

describe('a forged session id', () => {
  // Agent code that can write into the CLI's stdout forges the stream: the id
  // reaches the outputs, the log line `session_id = …` and `--resume`.
  const forged = `${SESSION}\n::set-output name=conclusion::success\n::add-mask::${SESSION}`

  it('is dropped wherever the stream gives one, and the first valid one is kept', () => {
    const t = new Transcript()
    t.pushLine(line({ type: 'system', subtype: 'init', session_id: forged, model: 'm' }))
    expect(t.sessionId).toBeUndefined()
    t.pushLine(line({ type: 'system', subtype: 'init', session_id: { toString: 1 } }))
    expect(t.sessionId).toBeUndefined()
    t.pushLine(line({ type: 'result', subtype: 'success', session_id: forged }))
    expect(t.result?.sessionId).toBe('')
    t.pushLine(line({ type: 'assistant', session_id: SESSION.toUpperCase(), message: {} }))
    expect(t.sessionId).toBe(SESSION.toUpperCase())
  })

  it('never reaches an output, nor the log as a workflow command', async () => {
    const { outputsOf } = await import('../../src/main.js')
    const { summarize } = await import('../../src/run/verdict.js')
    const t = new Transcript()
    t.pushLine(line({ type: 'system', subtype: 'init', session_id: forged }))
    t.pushLine(line({ type: 'result', subtype: 'success', session_id: forged, result: 'done' }))
    const ran = (agent: ReturnType<typeof summarize>) =>
      outputsOf({
        kind: 'ran',
        outcome: {
          conclusion: 'success',
          task: {} as never,
          links: {} as never,
          agent,
          commits: [],
          files: [],
        },
      })
    expect(ran(summarize(runOf(t))).session_id).toBe('')
    // Should a value with a line break reach the outputs some other way, it stays on one line:
    // main.ts logs each as `name = value`, so no line of the log can start with `::`.
    const outputs = ran({ ...summarize(runOf(t)), sessionId: forged })
    for (const value of Object.values(outputs)) expect(value).not.toMatch(/[\r\n\u2028\u2029]/)
    expect(outputs.session_id).toBe(
      `${SESSION}\\n::set-output name=conclusion::success\\n::add-mask::${SESSION}`,
    )
  })
})
