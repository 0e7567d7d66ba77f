// Many tasks at once with the companion CLI, against the GitHub emulator and the real bundled
// action (real Claude Code, real git): dispatch from issues (refusing what is not a task),
// three runs in parallel, one table for all of them and the summary, cancel, logs, continue,
// and an interrupted watch on a real terminal.

import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { CLI_BUNDLE, createCliWorld, type CliWorld } from '../harness/cli-world.js'
import { fileAt } from '../harness/git/index.js'
import {
  httpError,
  say,
  stall,
  todo,
  writeFile,
  type MessagesRequest,
  type ModelScript,
  type Step,
} from '../harness/model/index.js'

let world: CliWorld | undefined

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run bundle first`)
})

afterEach(async () => {
  if (world) expect(world.emulator.violations).toEqual([])
  await world?.close()
  world = undefined
})

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every string in a request, to find what the CLI told the model. */
function requestText(request: MessagesRequest): string {
  return JSON.stringify([request.system, request.messages])
}

function workspaceOf(request: MessagesRequest): string {
  const match = /Primary working directory: (\S+?)(?:\\n|\s|")/.exec(requestText(request))
  if (!match) throw new Error('no working directory in the request')
  return match[1] as string
}

/**
 * One scripted agent for any number of parallel sessions: its step is the number of assistant
 * turns so far; a task that says FAIL-THIS-TASK gets an API error after its checklist.
 */
function parallelAgent(holdMs = 1500): ModelScript {
  return ({ request }) => {
    const step = (request.messages ?? []).filter((m) => m.role === 'assistant').length
    const file = path.join(workspaceOf(request), 'result.txt')
    const steps: Step[] = [
      todo([
        { content: 'Write result.txt', status: 'in_progress' },
        { content: 'Check it', status: 'pending' },
      ]),
      // Held, so the three runs are seen working at the same time; then one fails.
      requestText(request).includes('FAIL-THIS-TASK')
        ? httpError(500)
        : stall(holdMs, writeFile(file, 'done\n')),
      todo([
        { content: 'Write result.txt', status: 'completed' },
        { content: 'Check it', status: 'completed' },
      ]),
      say('Wrote result.txt.'),
    ]
    return steps[step]
  }
}

describe('many tasks from issues, end to end (bundled CLI, real action, real Claude Code)', () => {
  it('refuses a closed issue and a PR, runs the other three in parallel, and sums them up', async () => {
    world = await createCliWorld({ script: parallelAgent() })
    const w = world
    const s = w.emulator.state
    const issue = (title: string, body: string) =>
      s.addIssue({ owner: w.owner, repo: w.repo, user: 'bob', title, body }).number
    const first = issue('Add a greeting', 'Write a greeting to result.txt.')
    const second = issue('Add a farewell', 'Write a farewell to result.txt.')
    const failing = issue('Break the build', 'FAIL-THIS-TASK: this one cannot be done.')
    const closed = s.addIssue({
      owner: w.owner,
      repo: w.repo,
      user: 'bob',
      title: 'Old',
      state: 'closed',
    }).number
    const pr = await w.seedPull({ title: 'Someone’s PR', branch: 'feature/theirs' })

    const dispatch = await w.spawnCli(
      [
        'dispatch',
        '--issue',
        `${first},${closed}`,
        '--issue',
        String(pr),
        '-i',
        `${second},${failing}`,
        '--json',
        '--repo',
        w.fullName,
      ],
      { timeoutMs: 60_000 },
    ).done
    // Refused, one clear line each; the others went ahead.
    expect(dispatch.stderr).toContain(`#${closed} refused: the issue is closed.\n`)
    expect(dispatch.stderr).toContain(`#${pr} refused: it is a pull request, not an issue.\n`)
    expect(dispatch.stderr).toContain('Dispatched 3 of 5 task(s) in octo/app; 2 refused.')
    expect(dispatch.exitCode).toBe(2)
    const printed = dispatch.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))
    expect(printed.map((p) => [p.issue, p.status])).toEqual([
      [closed, 'refused'],
      [pr, 'refused'],
      [first, 'dispatched'],
      [second, 'dispatched'],
      [failing, 'dispatched'],
    ])
    const numbers = printed.filter((p) => p.status === 'dispatched').map((p) => p.number as number)
    // One PR per issue: its title, its text as the task, Closes #N and a link; branch async/N-...
    for (const [i, number] of numbers.entries()) {
      const pull = s.pull(w.owner, w.repo, number)!
      const from = [first, second, failing][i]!
      const source = s.issues.find((x) => x.number === from)!
      expect(pull.title).toBe(source.title)
      expect(pull.body).toBe(
        `${source.body}\n\n---\n\nCloses #${from} (${w.git.url}/${w.fullName}/issues/${from})`,
      )
      expect(pull.head.ref).toMatch(new RegExp(`^async/${from}-[a-z-]+-\\d{8}-\\d{6}-[0-9a-f]{6}$`))
    }
    // The writes were spaced: about a second apart, nine of them.
    const writes = w.emulator.requests
      .filter((r) => r.method === 'POST')
      .map((r) => Date.parse(r.time))
    expect(writes).toHaveLength(9)
    for (let i = 1; i < writes.length; i++)
      expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(900)

    // watch the three, not on a terminal: one line per change.
    const watch = w.spawnCli(
      [
        'watch',
        ...numbers.map(String),
        '--interval',
        '0.2s',
        '--timeout',
        '3m',
        '--repo',
        w.fullName,
      ],
      { timeoutMs: 200_000 },
    )
    let progress = ''
    watch.child.stderr?.on('data', (chunk: Buffer) => (progress += chunk.toString('utf8')))
    await waitFor(() => numbers.every((n) => progress.includes(`#${n} waiting`)), 'watch to start')
    const started = Date.now()
    const actions = await Promise.all(numbers.map((n) => w.runActionOn(n)))
    // Three runs at once: each started before any ended.
    const spans = actions.map((a) => {
      const end = Date.parse(a.workflowRun.updated_at)
      return { start: Date.parse(a.workflowRun.run_started_at), end }
    })
    expect(Math.max(...spans.map((x) => x.start))).toBeLessThanOrEqual(
      Math.min(...spans.map((x) => x.end)),
    )
    expect(Date.now() - started).toBeLessThan(actions.reduce((sum, a) => sum + a.run.durationMs, 0))
    expect(actions.map((a) => a.run.outputs.conclusion)).toEqual(['success', 'success', 'failure'])
    for (const n of numbers.slice(0, 2))
      expect(
        await fileAt(w.gitRoot, w.fullName, s.pull(w.owner, w.repo, n)!.head.ref, 'result.txt'),
      ).toBe('done\n')

    const watched = await watch.done
    expect(watched.exitCode).toBe(1)
    for (const n of numbers) {
      expect(watched.stderr).toMatch(new RegExp(`\\d\\d:\\d\\d:\\d\\d #${n} working`))
    }
    const costs = actions.map((a) => Number(a.run.outputs.cost_usd))
    const money = (usd: number) => `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`
    expect(watched.stdout).toBe(
      [
        '| Issue | PR | Status | Cost |',
        '| --- | --- | --- | --- |',
        `| #${first} | #${numbers[0]} | done | ${money(costs[0]!)} |`,
        `| #${second} | #${numbers[1]} | done | ${money(costs[1]!)} |`,
        `| #${failing} | #${numbers[2]} | failed | ${Number.isFinite(costs[2]) && actions[2]!.run.outputs.cost_usd !== '' ? money(costs[2]!) : '—'} |`,
        '',
        '2 done, 1 failed',
        '',
      ].join('\n'),
    )
    expect(watched.stderr).toMatch(/Requests: \d+ requests, \d+ answered 304 \(not counted\)\./)
    // Shared requests: the comments of all three came from the repository's list, never per PR.
    const mine = w.emulator.requests.filter((r) => r.login === w.user).map((r) => r.operationId)
    expect(mine).toContain('issues/list-comments-for-repo')
    expect(mine).not.toContain('issues/list-comments')

    // logs: the tail of the failed run's job log, readable.
    const logs = await w.spawnCli([
      'logs',
      String(numbers[2]),
      '--lines',
      '400',
      '--repo',
      w.fullName,
    ]).done
    expect(logs.exitCode).toBe(0)
    expect(logs.stderr).toMatch(
      new RegExp(
        `^#${numbers[2]}: run \\d+ \\(failure\\), job "task" \\(failure\\): \\d+ lines\\.\\n$`,
      ),
    )
    expect(logs.stdout).toContain('▸ Claude Code')
    expect(logs.stdout).not.toMatch(/^\d{4}-\d\d-\d\dT/m)
    const tail = await w.spawnCli(['logs', String(numbers[0]), '-n', '3', '--repo', w.fullName])
      .done
    expect(tail.stdout.trim().split('\n')).toHaveLength(3)
    expect(tail.stderr).toMatch(/the last 3 of \d+ lines\./)
    const all = await w.spawnCli([
      'logs',
      String(numbers[0]),
      '-n',
      '1000',
      '--json',
      '--repo',
      w.fullName,
    ]).done
    const asJson = JSON.parse(all.stdout)
    expect(asJson).toMatchObject({
      number: numbers[0],
      job: { name: 'task', conclusion: 'success' },
    })
    // The agent's tool calls are in it, as the action logged them.
    expect(asJson.lines).toContain('│ wrote `result.txt`')
    expect(asJson.lines).toContain('conclusion = success')
    expect(tail.stdout.trim().split('\n')).toEqual(asJson.lines.slice(-3))
  }, 240_000)
})
