import { describe, expect, it } from '@jest/globals'
import type { Task } from '../../src/event.js'
import { fitComment, COMMENT_LIMIT } from '../../src/github/status-comment.js'
import { outputsOf } from '../../src/main.js'
import { renderFinal, renderWorking } from '../../src/report/comment.js'
import { describeToolCall, ruleToAllow } from '../../src/report/describe.js'
import { formatDuration } from '../../src/report/format.js'
import { codeSpan } from '../../src/report/markdown.js'
import type { Outcome } from '../../src/report/outcome.js'

const task: Task = {
  owner: 'octo',
  repo: 'app',
  prNumber: 3,
  prUrl: 'https://github.com/octo/app/pull/3',
  title: 'Add hello',
  body: 'Add hello.txt',
  author: { login: 'alice', type: 'User' },
  actor: { login: 'alice', type: 'User' },
  action: 'opened',
  headRef: 'task/hello',
  headSha: 'c'.repeat(40),
  baseRef: 'main',
}
const links = {
  serverUrl: 'https://github.com',
  runUrl: 'https://github.com/octo/app/actions/runs/1',
}

function outcome(overrides: Partial<Outcome> = {}): Outcome {
  return {
    conclusion: 'success',
    task,
    links,
    commits: [{ sha: 'd'.repeat(40), subject: 'Add hello' }],
    files: [{ path: 'hello.txt', added: 1, removed: 0 }],
    pushedTo: 'task/hello',
    commitSha: 'd'.repeat(40),
    agent: {
      result: {
        subtype: 'success',
        isError: false,
        text: 'Added hello.txt. Thanks @alice!',
        numTurns: 4,
        costUsd: 0.0123,
        durationMs: 83_000,
        sessionId: 'sess-1',
        inputTokens: 12_345,
        outputTokens: 678,
        permissionDenials: [],
      },
      todos: [
        { content: 'Create file', status: 'completed' },
        { content: 'Run tests', status: 'pending' },
      ],
      toolCalls: [{ id: '1', name: 'Write', detail: 'hello.txt', outcome: 'ok' }],
      toolCallCount: 1,
      sessionId: 'sess-1',
      wallMs: 90_000,
      denials: [{ toolName: 'Bash', detail: 'npm test -- --ci' }],
    },
    ...overrides,
  }
}

describe('renderFinal', () => {
  it('leads with the outcome and tells what changed, what was refused, and the cost', () => {
    const body = renderFinal(outcome())
    expect(body.split('\n')[0]).toBe('### ✅ async-pr finished the task')
    expect(body).toContain('Added hello.txt.')
    expect(body).toContain(
      `[\`ddddddd\`](https://github.com/octo/app/commit/${'d'.repeat(40)}) Add hello`,
    )
    expect(body).toContain('| `hello.txt` | 1 | 0 |')
    expect(body).toContain('- [x] Create file')
    expect(body).toContain('- [ ] Run tests')
    expect(body).toContain('`Bash(npm test:*)`')
    expect(body).toMatch(
      /4 turns · 1m 23s · 12\.3k tokens in, 678 out · \$0\.0123 \(Claude Code’s count\) · session `sess-1`/,
    )
    expect(body).toContain('wrote `hello.txt`')
  })

  it('never mentions people from agent text', () => {
    expect(renderFinal(outcome())).not.toMatch(/(^|\s)@alice/)
  })

  it('says why a run failed and shows the last message when there is no summary', () => {
    const failed = outcome({
      conclusion: 'failure',
      reason: 'Claude Code reported an error: API Error: 500',
      commits: [],
      files: [],
      pushedTo: undefined,
    })
    failed.agent = { ...failed.agent!, result: undefined, lastText: 'I was halfway', denials: [] }
    const body = renderFinal(failed)
    expect(body.split('\n')[0]).toContain('❌')
    expect(body).toContain('API Error: 500')
    expect(body).toContain('I was halfway')
    expect(body).not.toContain('Pushed to')
  })

  it('shows a run with no changes as such', () => {
    expect(
      renderFinal(
        outcome({ conclusion: 'no_changes', commits: [], files: [], pushedTo: undefined }),
      ),
    ).toMatch(/^### ☑️ .*no changes/)
  })
})

describe('renderWorking', () => {
  it('links the workflow run', () => {
    expect(renderWorking(task, links)).toContain('(https://github.com/octo/app/actions/runs/1)')
  })
})

describe('helpers', () => {
  it('suggests the allowed_tools entry for a denied call', () => {
    expect(ruleToAllow({ toolName: 'Bash', detail: 'npm test' })).toBe('Bash(npm test:*)')
    expect(ruleToAllow({ toolName: 'Bash', detail: 'ls -la' })).toBe('Bash(ls:*)')
    expect(ruleToAllow({ toolName: 'WebFetch', detail: 'https://x' })).toBe('WebFetch')
  })

  it('describes tool calls in plain words', () => {
    expect(describeToolCall({ id: '1', name: 'Bash', detail: 'npm test', outcome: 'error' })).toBe(
      'ran `npm test`: failed',
    )
    expect(describeToolCall({ id: '1', name: 'Edit', detail: 'src/x.ts' })).toBe(
      'edited `src/x.ts`',
    )
  })

  it('formats code spans that contain backticks, and durations', () => {
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(formatDuration(59_400)).toBe('59s')
    expect(formatDuration(3_725_000)).toBe('1h 2m')
  })

  it('fits a comment under GitHub’s limit', () => {
    const fitted = fitComment('x'.repeat(COMMENT_LIMIT + 10), 'see the job summary')
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(fitted).toMatch(/see the job summary$/)
    expect(fitComment('short', 'n')).toBe('short')
    const withState = `${'y'.repeat(COMMENT_LIMIT)}\n<!-- async-pr:state {"v":1} -->`
    expect(fitComment(withState, 'cut').endsWith('\n<!-- async-pr:state {"v":1} -->')).toBe(true)
    expect(fitComment(withState, 'cut').length).toBeLessThanOrEqual(COMMENT_LIMIT)
  })
})

describe('outputsOf', () => {
  it('sets every output of a finished run', () => {
    const outputs = outputsOf({
      kind: 'ran',
      outcome: outcome(),
      comment: { id: 7, url: 'u' },
      executionFile: '/x.jsonl',
    })
    expect(outputs).toEqual({
      conclusion: 'success',
      skip_reason: '',
      commit_sha: 'd'.repeat(40),
      comment_id: '7',
      comment_url: 'u',
      session_id: 'sess-1',
      cost_usd: '0.0123',
      num_turns: '4',
      // The agent's wall time across its sessions (the first pass and any fixes).
      duration_ms: '90000',
      execution_file: '/x.jsonl',
      verify_result: 'not_run',
      review_verdict: 'not_run',
      rounds: '0',
    })
  })

  it('gives the skip reason', () => {
    expect(outputsOf({ kind: 'skipped', reason: 'draft', message: 'm' })).toMatchObject({
      conclusion: 'skipped',
      skip_reason: 'draft',
    })
  })
})

describe('the hidden state line', () => {
  it('round-trips through the comment, even with dashes that would close an HTML comment', async () => {
    const { parseState } = await import('../../src/report/state.js')
    const body = renderFinal(outcome({ pushedTo: 'task--x' }))
    const state = parseState(body)
    expect(state).toMatchObject({
      v: 1,
      state: 'success',
      branch: 'task--x',
      commitSha: 'd'.repeat(40),
      costUsd: 0.0123,
    })
    expect(body.match(/<!--/g)?.length).toBe(body.match(/-->/g)?.length)
    expect(parseState(renderWorking(task, links))).toMatchObject({ state: 'working' })
    expect(parseState('no state here')).toBeUndefined()
  })
})
