// Many tasks at once with the companion CLI, against the GitHub emulator and the real bundled
// action (real Claude Code, real git): dispatch from issues (refusing what is not a task),
// three runs in parallel, one table for all of them and the summary, cancel, logs, continue,
// and an interrupted watch on a real terminal.

import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { renderWorking } from '../../src/report/comment.js'
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
    const checklist = (done: number) =>
      todo(
        ['Write result.txt', 'Check it'].map((content, i) => ({
          content,
          status: i < done ? ('completed' as const) : ('in_progress' as const),
        })),
      )
    // Held, so the three runs are seen working at the same time; then one fails (held longer:
    // on a loaded machine the watch's looks came 3 s apart, and a run that failed 1.5 s into
    // its work was never seen working).
    const steps: Step[] = requestText(request).includes('FAIL-THIS-TASK')
      ? [checklist(0), stall(holdMs * 3, checklist(1)), httpError(500)]
      : [
          checklist(0),
          stall(holdMs, writeFile(file, 'done\n')),
          checklist(2),
          say('Wrote result.txt.'),
        ]
    return steps[step]
  }
}

function taskOf(w: CliWorld, number: number) {
  const pull = w.emulator.state.pull(w.owner, w.repo, number)!
  return {
    owner: w.owner,
    repo: w.repo,
    prNumber: number,
    prUrl: pull.html_url,
    title: pull.title,
    body: pull.body ?? '',
    author: { login: pull.user, type: 'User' as const },
    actor: { login: pull.user, type: 'User' as const },
    action: 'opened' as const,
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
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
    // The writes were spaced: a second apart as sent, nine of them. Arrival on a loaded machine
    // moves by a scheduling delay either way; without the spacing the gaps are about 250 ms.
    const writes = w.emulator.requests
      .filter((r) => r.method === 'POST')
      .map((r) => Date.parse(r.time))
    expect(writes).toHaveLength(9)
    for (let i = 1; i < writes.length; i++)
      expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(750)

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

describe('cancel, logs --follow and continue on a real run', () => {
  it('cancel stops the run through the API; the action pushes the work and reports cancelled', async () => {
    world = await createCliWorld({
      script: ({ request }) => {
        const step = (request.messages ?? []).filter((m) => m.role === 'assistant').length
        const file = path.join(workspaceOf(request), 'half-done.txt')
        return [
          todo([{ content: 'Write half-done.txt', status: 'in_progress' }]),
          writeFile(file, 'work in progress\n'),
          // The agent thinks for a long time: the run is cancelled meanwhile.
          stall(120_000, say('Finished.')),
        ][step]
      },
    })
    const w = world
    w.signalOnCancel()
    const number = await w.seedPull({ title: 'Write half of it', branch: 'async/half' })
    const action = w.runActionOn(number)
    await waitFor(
      () => existsSync(path.join(w.currentWorkspace(), 'half-done.txt')),
      'the agent to write its file',
    )
    // Follow the log while it runs: it ends by itself when the job does.
    const follow = w.spawnCli(
      ['logs', String(number), '--follow', '--interval', '0.2s', '--repo', w.fullName],
      { timeoutMs: 90_000 },
    )
    const cancel = await w.spawnCli(
      ['cancel', String(number), '--interval', '0.2s', '--timeout', '1m', '--repo', w.fullName],
      { timeoutMs: 90_000 },
    ).done
    expect(cancel.stderr).toMatch(
      /Asked GitHub to cancel run \d+ of #1; waiting for async-pr to report\./,
    )
    expect(cancel.exitCode).toBe(0)
    expect(cancel.stdout.split('\n')[0]).toBe('### 🛑 async-pr was cancelled')
    const ran = await action
    expect(ran.run.outputs.conclusion).toBe('cancelled')
    expect(ran.workflowRun.conclusion).toBe('cancelled')
    // The work in progress was pushed.
    const head = w.emulator.state.pull(w.owner, w.repo, number)!.head.ref
    expect(await fileAt(w.gitRoot, w.fullName, head, 'half-done.txt')).toBe('work in progress\n')
    expect(
      w.emulator.requests.filter((r) => r.operationId === 'actions/cancel-workflow-run'),
    ).toMatchObject([{ status: 202, login: w.user }])

    const followed = await follow.done
    expect(followed.exitCode).toBe(0)
    expect(followed.stdout).toContain('▸ Claude Code')
    expect(followed.stdout).toContain('conclusion = cancelled')
    expect(followed.stderr).toMatch(/job "task" \(cancelled\): the job has ended\.\n$/)
    // Each line once, in order, though the log was read again and again.
    const lines = followed.stdout.trim().split('\n')
    expect(lines.filter((text) => text === 'conclusion = cancelled')).toHaveLength(1)

    // Nothing left to cancel: said so, exit 0.
    const again = await w.spawnCli(['cancel', String(number), '--repo', w.fullName]).done
    expect(again.exitCode).toBe(0)
    expect(again.stderr).toContain('#1 is not running (failed (cancelled)): nothing to cancel.')
  }, 120_000)

  it('continue posts the follow-up comment and --watch follows the run that answers it', async () => {
    world = await createCliWorld({
      script: ({ request }) => {
        const step = (request.messages ?? []).filter((m) => m.role === 'assistant').length
        const dir = workspaceOf(request)
        if (requestText(request).includes('also write bye.txt'))
          return [writeFile(path.join(dir, 'bye.txt'), 'bye\n'), say('Added bye.txt.')][step]
        return [writeFile(path.join(dir, 'hello.txt'), 'hello\n'), say('Created hello.txt.')][step]
      },
    })
    const w = world
    const number = await w.seedPull({ title: 'Say hello', branch: 'async/hello' })
    expect((await w.runActionOn(number)).run.outputs.conclusion).toBe('success')

    const watch = w.spawnCli(
      [
        'continue',
        String(number),
        'also write bye.txt',
        '--watch',
        '--interval',
        '0.2s',
        '--timeout',
        '2m',
        '--repo',
        w.fullName,
      ],
      { timeoutMs: 150_000 },
    )
    const posted = () =>
      w.emulator.state
        .comments(w.owner, w.repo, number)
        .find((c) => c.body.startsWith('/async-pr continue'))
    await waitFor(() => posted() !== undefined, 'the follow-up comment')
    const comment = posted()!
    expect(comment).toMatchObject({ body: '/async-pr continue also write bye.txt', user: w.user })
    // The earlier report is not this run's end: watch waits for the run that answers the comment.
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(watch.child.exitCode).toBeNull()
    const followUp = await w.runActionOn(number, {
      followUp: { commentId: comment.id, body: comment.body, login: w.user },
    })
    expect(followUp.run.outputs.conclusion).toBe('success')
    const watched = await watch.done
    expect(watched.exitCode).toBe(0)
    expect(watched.stdout.split('\n')[0]).toBe(comment.html_url)
    expect(watched.stdout).toContain('Added bye.txt.')
    expect(watched.stderr).toContain(
      `waiting: Waiting for async-pr to take up comment ${comment.id}`,
    )
    const head = w.emulator.state.pull(w.owner, w.repo, number)!.head.ref
    expect(await fileAt(w.gitRoot, w.fullName, head, 'bye.txt')).toBe('bye\n')
  }, 150_000)
})

// The table's own redraw: up N lines, to the line's start, clear to the end of the screen.
// eslint-disable-next-line no-control-regex -- escapes are what this test looks at
const REDRAW = /\u001b\[\d+A\r\u001b\[0J/g

describe('watch of many on a real terminal', () => {
  it('redraws one table in place, and Ctrl-C exits 130 with the terminal left clean', async () => {
    world = await createCliWorld()
    const w = world
    const numbers: number[] = []
    for (const title of ['Fix the lint', 'Add a greeting \u001b]0;owned\u0007'])
      numbers.push(await w.seedPull({ title, branch: `async/${numbers.length}-task` }))
    for (const number of numbers) {
      const pull = w.emulator.state.pull(w.owner, w.repo, number)!
      const run = w.emulator.state.addWorkflowRun(w.owner, w.repo, {
        head_sha: pull.head.sha,
        head_branch: pull.head.ref,
        status: 'in_progress',
      })
      w.emulator.state.addComment(w.owner, w.repo, number, {
        user: 'github-actions[bot]',
        body: `${STATUS_MARKER}\n${renderWorking(taskOf(w, number), { serverUrl: w.git.url, runUrl: run.html_url })}`,
      })
    }
    // A real pseudo-terminal: util-linux `script` runs the CLI on one and copies what it shows.
    const command = [process.execPath, CLI_BUNDLE, 'watch', ...numbers.map(String)]
      .concat(['--interval', '0.2s', '--repo', w.fullName])
      .map((part) => `'${part}'`)
      .join(' ')
    const terminal = spawn(
      'script',
      ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'],
      {
        env: { ...w.env(), COLUMNS: '90', LINES: '30', TERM: 'xterm' } as NodeJS.ProcessEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    )
    let screen = ''
    terminal.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')))
    const closed = new Promise<number | null>((resolve) =>
      terminal.on('close', (code) => resolve(code)),
    )
    try {
      // The table, drawn and then redrawn in place (the clock ticks).
      await waitFor(() => (screen.match(REDRAW) ?? []).length >= 2, 'a redraw')
      expect(screen).toMatch(/PR +Task +State +Checklist +Elapsed +Cost/)
      expect(screen).toMatch(new RegExp(`#${numbers[0]} +Fix the lint +working`))
      expect(screen).toContain('Add a greeting \\x1b]0;owned\\x07')
      terminal.stdin.write('\u0003') // Ctrl-C, as a person types it
      const code = await closed
      expect(code).toBe(130)
    } finally {
      terminal.kill('SIGKILL')
    }
    expect(screen).toContain(
      `Interrupted. Watch again with: async-pr watch ${numbers.join(' ')} --repo octo/app`,
    )
    // Clean: the last thing shown ends a line, and the only escapes are the redraw's own (no
    // hidden cursor, no colours, no half-written sequence left behind).
    expect(screen.endsWith('\r\n')).toBe(true)
    const rest = screen.replace(REDRAW, '')
    expect(rest).not.toContain('\u001b')
    expect(rest).not.toContain('\u009b')
  }, 60_000)
})
