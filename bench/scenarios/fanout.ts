// fanout: what the CLI costs when it hands off many tasks. Two figures, both from the bundled
// CLI (dist/cli.js) run as a user runs it, against the GitHub emulator with GitHub's secondary
// limits on (80 writes a minute, 100 requests in flight):
//
// - dispatch: 20 tasks from one --tasks file, with the CLI's default spacing of a write a
//   second: wall time, the busiest minute's writes, limit hits;
// - watch: `watch` of 10 PRs with the default --interval (10 s) while an emulated action works
//   on each the way the real one writes its status comment (a "working" comment, the checklist
//   advanced every 20 s, progress_interval_seconds, then the final report and the run
//   completed), staggered over a few minutes: counted requests per minute (GitHub counts all
//   but 304s), the busiest minute, and the 304s.

import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { renderFinal } from '../../src/report/comment.js'
import { renderProgress } from '../../src/report/progress.js'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { createCliWorld, type CliWorld } from '../../__tests__/harness/cli-world.js'
import { peakCountedPerWindow } from '../../__tests__/harness/github/index.js'

export interface FanoutDispatch {
  tasks: number
  ok: number
  wallMs: number
  writes: number
  maxWritesPerMinute: number
  limitHits: number
  spacingMs: number
}

export interface FanoutWatch {
  prs: number
  intervalMs: number
  wallMs: number
  exitCode: number
  requests: number
  counted: number
  notModified: number
  /** Counted requests of the first look (it reads everything once). */
  firstLookCounted: number
  countedPerMinute: number
  /** The same after the first look, over the time after it. */
  countedPerMinuteAfterFirstLook: number
  /** The most counted requests in any 60 s, and the same without the first look. */
  peakPerMinute: number
  peakPerMinuteAfterFirstLook: number
  commentEdits: number
  summary: string
}

export interface FanoutQuiet {
  wallMs: number
  exitCode: number
  counted: number
  countedAfterFirstLook: number
  notModified: number
}

export interface FanoutResult {
  dispatch?: FanoutDispatch
  watch?: FanoutWatch
  quiet?: FanoutQuiet
}

const LIMITS = { maxWritesPerMinute: 80, maxConcurrent: 100 }
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

async function dispatchTwenty(log: (line: string) => void): Promise<FanoutDispatch> {
  const world = await createCliWorld({ secondaryRateLimit: LIMITS })
  try {
    const tasks = Array.from(
      { length: 20 },
      (_, i) =>
        `## Task ${i + 1}: tidy module ${i + 1}\n\nRemove the dead code in src/m${i + 1}.ts.\n`,
    )
    await writeFile(path.join(world.root, 'tasks.md'), tasks.join('\n'))
    const result = await world.spawnCli(
      ['dispatch', '--tasks', 'tasks.md', '--json', '--repo', world.fullName],
      {
        timeoutMs: 5 * 60_000,
      },
    ).done
    const docs = result.stdout
      .trim()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as { status: string })
    const writes = world.emulator
      .requestCounts(world.userToken)
      .log.filter((entry) => WRITES.has(entry.method))
    const ok = docs.filter((d) => d.status === 'dispatched').length
    log(`fanout: dispatched ${ok}/20 in ${(result.durationMs / 1000).toFixed(1)} s`)
    return {
      tasks: 20,
      ok,
      wallMs: result.durationMs,
      writes: writes.length,
      maxWritesPerMinute: peakCountedPerWindow(writes, 60_000),
      limitHits: world.emulator.secondaryRateLimitHits.total,
      spacingMs: 1000,
    }
  } finally {
    await world.close()
  }
}

function taskOf(world: CliWorld, number: number) {
  const pull = world.emulator.state.pull(world.owner, world.repo, number)!
  return {
    owner: world.owner,
    repo: world.repo,
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

const PARTS = 5

/**
 * The action's side of one PR: queued, then a "working" comment, the checklist advanced every
 * 20 s, then the final report and the run completed after `workMs`.
 */
function emulateAction(world: CliWorld, number: number, startMs: number, workMs: number) {
  const state = world.emulator.state
  const timers: NodeJS.Timeout[] = []
  let edits = 0
  const pull = state.pull(world.owner, world.repo, number)!
  const task = taskOf(world, number)
  let commentId: number | undefined
  const write = (body: string) => {
    edits++
    const text = `${STATUS_MARKER}\n${body}`
    const existing = commentId === undefined ? undefined : state.comment(commentId)
    if (existing) {
      existing.body = text
      existing.updated_at = state.now()
    } else
      commentId = state.addComment(world.owner, world.repo, number, {
        user: 'github-actions[bot]',
        body: text,
      }).id
  }
  timers.push(
    setTimeout(() => {
      const run = state.addWorkflowRun(world.owner, world.repo, {
        head_sha: pull.head.sha,
        head_branch: pull.head.ref,
        status: 'queued',
      })
      const links = { serverUrl: world.git.url, runUrl: run.html_url }
      const progress = (done: number) =>
        renderProgress(task, links, {
          phase: 'working',
          todos: Array.from({ length: PARTS }, (_, i) => ({
            content: `Part ${i + 1}`,
            status: i < done ? 'completed' : i === done ? 'in_progress' : 'pending',
          })) as never,
          recent: [],
          toolCallCount: done * 3,
          elapsedMs: done * 20_000,
        })
      timers.push(
        setTimeout(() => {
          run.status = 'in_progress'
          write(progress(0))
          let done = 0
          const tick = setInterval(() => {
            if (done < PARTS - 1) write(progress(++done))
          }, 20_000)
          timers.push(tick as unknown as NodeJS.Timeout)
          timers.push(
            setTimeout(() => {
              clearInterval(tick)
              write(
                renderFinal({
                  conclusion: 'success',
                  task,
                  links,
                  commits: [{ sha: 'd'.repeat(40), subject: 'Tidy' }],
                  files: [{ path: 'a.ts', added: 1, removed: 3 }],
                  pushedTo: task.headRef,
                  commitSha: 'd'.repeat(40),
                }),
              )
              state.completeWorkflowRun(run.id, 'success')
            }, workMs),
          )
        }, 3000),
      )
    }, startMs),
  )
  return { stop: () => timers.forEach((t) => clearTimeout(t)), edits: () => edits }
}

async function watchTen(minutes: number, log: (line: string) => void): Promise<FanoutWatch> {
  const world = await createCliWorld({ secondaryRateLimit: LIMITS })
  const actions: Array<ReturnType<typeof emulateAction>> = []
  try {
    const numbers: number[] = []
    for (let i = 1; i <= 10; i++)
      numbers.push(
        await world.seedPull({ title: `Task ${i}: tidy module ${i}`, branch: `async/${i}-tidy` }),
      )
    // Staggered: the first ends after 60 % of the time, the last at its end.
    const totalMs = minutes * 60_000
    numbers.forEach((number, i) => {
      const start = i * 2000
      actions.push(emulateAction(world, number, start, totalMs * (0.6 + 0.04 * i) - start))
    })
    log(`fanout: watching 10 PRs for about ${minutes} min at the default interval`)
    const result = await world.spawnCli(
      ['watch', ...numbers.map(String), '--repo', world.fullName],
      {
        timeoutMs: totalMs + 5 * 60_000,
      },
    ).done
    const counts = world.emulator.requestCounts(world.userToken)
    const counted = counts.log.filter((e) => e.counted)
    // The first look: everything up to the first comment list answered, and what came with it.
    const firstList = counts.log.findIndex((e) => e.route.endsWith('/issues/comments'))
    const firstLookEnd = counts.log.findIndex(
      (e, i) => i > firstList && e.route.endsWith('/issues/comments'),
    )
    const firstLook = counts.log.slice(0, firstLookEnd < 0 ? counts.log.length : firstLookEnd)
    const afterFirst = counts.log.slice(firstLook.length)
    const spanMs = (counts.log.at(-1)?.atMs ?? 0) - (counts.log[0]?.atMs ?? 0)
    const afterSpanMs = (counts.log.at(-1)?.atMs ?? 0) - (afterFirst[0]?.atMs ?? 0)
    log(`fanout: watch ended (${result.exitCode}) after ${(result.durationMs / 1000).toFixed(0)} s`)
    return {
      prs: 10,
      intervalMs: 10_000,
      wallMs: result.durationMs,
      exitCode: result.exitCode,
      requests: counts.log.length,
      counted: counted.length,
      notModified: counts.notModified,
      firstLookCounted: firstLook.filter((e) => e.counted).length,
      countedPerMinute: spanMs > 0 ? (counted.length / spanMs) * 60_000 : NaN,
      countedPerMinuteAfterFirstLook:
        afterSpanMs > 0 ? (afterFirst.filter((e) => e.counted).length / afterSpanMs) * 60_000 : NaN,
      peakPerMinute: peakCountedPerWindow(counts.log, 60_000),
      peakPerMinuteAfterFirstLook: peakCountedPerWindow(afterFirst, 60_000),
      commentEdits: actions.reduce((sum, a) => sum + a.edits(), 0),
      summary: result.stdout.trim(),
    }
  } finally {
    for (const action of actions) action.stop()
    await world.close()
  }
}

/**
 * 10 PRs whose agents think for a long time: every comment says "working" and none changes, so
 * every look after the first should be answered 304. Ends at --timeout (exit 3).
 */
async function watchQuiet(minutes: number, log: (line: string) => void): Promise<FanoutQuiet> {
  const world = await createCliWorld({ secondaryRateLimit: LIMITS })
  try {
    const numbers: number[] = []
    for (let i = 1; i <= 10; i++) {
      const number = await world.seedPull({ title: `Task ${i}`, branch: `async/${i}-think` })
      numbers.push(number)
      const pull = world.emulator.state.pull(world.owner, world.repo, number)!
      const run = world.emulator.state.addWorkflowRun(world.owner, world.repo, {
        head_sha: pull.head.sha,
        head_branch: pull.head.ref,
        status: 'in_progress',
      })
      world.emulator.state.addComment(world.owner, world.repo, number, {
        user: 'github-actions[bot]',
        body: `${STATUS_MARKER}\n${renderProgress(taskOf(world, number), { serverUrl: world.git.url, runUrl: run.html_url }, { phase: 'working', todos: [], recent: [], toolCallCount: 0, elapsedMs: 0 })}`,
      })
    }
    const seconds = Math.round(minutes * 60)
    log(`fanout: a quiet watch of 10 PRs for ${seconds} s`)
    const result = await world.spawnCli(
      ['watch', ...numbers.map(String), '--timeout', `${seconds}s`, '--repo', world.fullName],
      { timeoutMs: (seconds + 60) * 1000 },
    ).done
    const log_ = world.emulator.requestCounts(world.userToken).log
    // The first look ends where the second begins (its comment list).
    const lists = log_.flatMap((e, i) => (e.route.endsWith('/issues/comments') ? [i] : []))
    const after = lists.length > 1 ? log_.slice(lists[1]) : []
    return {
      wallMs: result.durationMs,
      exitCode: result.exitCode,
      counted: log_.filter((e) => e.counted).length,
      countedAfterFirstLook: after.filter((e) => e.counted).length,
      notModified: log_.filter((e) => !e.counted).length,
    }
  } finally {
    await world.close()
  }
}

export async function fanoutScenario(
  watchMinutes: number,
  log: (line: string) => void,
): Promise<FanoutResult> {
  return {
    dispatch: await dispatchTwenty(log),
    watch: await watchTen(watchMinutes, log),
    quiet: await watchQuiet(Math.min(watchMinutes, 1.5), log),
  }
}
