// Real stream-json transcripts printed by Claude Code 2.1.329 (see
// __tests__/fixtures/transcripts/README.md), read and rendered as the action does.

import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { judgeAgentRun } from '../../src/agent/judge.js'
import { Transcript } from '../../src/agent/transcript.js'
import { renderFinal } from '../../src/report/comment.js'
import type { Task } from '../../src/event.js'

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'transcripts',
)
const limits = { timeoutMs: 60_000, maxTurns: 2 }

function read(name: string): Transcript {
  const transcript = new Transcript('/tmp/async-pr-fixture/work')
  for (const line of readFileSync(path.join(fixtures, name), 'utf8').split('\n'))
    transcript.pushLine(line)
  return transcript
}

const task: Task = {
  owner: 'octo',
  repo: 'app',
  prNumber: 1,
  prUrl: 'u',
  title: 't',
  body: 'b',
  author: { login: 'a', type: 'User' },
  actor: { login: 'a', type: 'User' },
  action: 'opened',
  headRef: 'h',
  headSha: 'f'.repeat(40),
  baseRef: 'main',
}

function render(transcript: Transcript, conclusion: 'success' | 'failure' | 'timed_out') {
  return renderFinal({
    conclusion,
    task,
    links: {
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/octo/app/actions/runs/1',
    },
    commits: [],
    files: [],
    agent: {
      result: transcript.result,
      todos: transcript.todos,
      toolCalls: transcript.toolCalls,
      toolCallCount: transcript.toolCallCount,
      lastText: transcript.lastText,
      sessionId: transcript.sessionId,
      wallMs: 1000,
      denials: transcript.result?.permissionDenials ?? [],
    },
  })
}

const run = (transcript: Transcript) => ({
  transcript,
  exitCode: 0,
  signal: null,
  stderrTail: '',
  wallMs: 1,
})

describe('real transcripts', () => {
  it('a successful run: checklist, edits, a command, the summary and the cost', () => {
    const transcript = read('success-edit-bash-todo.jsonl')
    expect(transcript.malformedLines).toBe(0)
    expect(judgeAgentRun(run(transcript), limits)).toEqual({ kind: 'completed' })
    expect(transcript.todos.length).toBe(3)
    expect(transcript.toolCalls.map((call) => call.name)).toEqual(
      expect.arrayContaining(['TodoWrite', 'Bash']),
    )
    expect(transcript.toolCalls.every((call) => call.outcome !== undefined)).toBe(true)
    const body = render(transcript, 'success')
    // The agent's summary is quoted, its `<` escaped outside code (it reads the same).
    const summary = transcript.result!.text.trim().split('\n')[0]!
    expect(body).toContain(`> ${summary.replace('<name>', '&lt;name>')}`)
    expect(body).toMatch(
      /\d+ turns · .* · \$0\.\d{4} \(Claude Code’s count\) · session `[0-9a-f-]{36}`/,
    )
    expect(body).toContain('ran `ls')
    expect(body).not.toContain('/tmp/async-pr-fixture/work/')
  })

  it('a refused tool call appears with the rule that would allow it', () => {
    const transcript = read('permission-denied.jsonl')
    expect(transcript.result?.permissionDenials.length).toBeGreaterThan(0)
    const body = render(transcript, 'success')
    expect(body).toContain('**Not allowed:**')
    expect(body).toMatch(/`Bash\([^`]+:\*\)`/)
  })

  it('max turns ends as a limit', () => {
    expect(judgeAgentRun(run(read('max-turns.jsonl')), limits).kind).toBe('limit')
  })

  it('an API error is a failure although the subtype says success', () => {
    const transcript = read('api-error.jsonl')
    expect(transcript.result).toMatchObject({ subtype: 'success', isError: true })
    const verdict = judgeAgentRun(run(transcript), limits)
    expect(verdict.kind).toBe('failed')
    expect(render(transcript, 'failure')).toContain('❌')
  })
})
