// What checkpoints cost and what they save. Three parts, each whole runs of the bundled action
// with the agent isolated (checkpoints need the separate user):
//
// - working: an agent that writes, reads (no change), writes, each step followed by several
//   checkpoint intervals. The action logs each checkpoint's wall time and the processes it
//   started (`async-pr checkpoint: pushed|unchanged … in N ms, K processes`), which run
//   alongside the agent, not in its way. The same agent run with checkpoints off gives what
//   they add to the run itself (the ref removed at the end).
// - idle: one write, then the agent thinks for a while: no checkpoint line after the first.
// - lost: an agent that writes a file every half second, its whole process tree SIGKILLed at a
//   random moment; the work lost is how long before the kill the first file the checkpoint
//   does not hold was written (its write finished: the CLI sent the next request).

import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { killRunTree } from '../../__tests__/harness/lost-runner.js'
import {
  readFile as readTool,
  say,
  stall,
  writeFile,
  type ModelScript,
  type Step,
} from '../../__tests__/harness/model/index.js'
import { createWorld } from '../../__tests__/harness/world.js'
import { workspaceOf } from '../lib/agent-scripts.js'
import { spread, type Spread } from '../lib/stats.js'
import { sampleRun } from './overhead.js'

export interface CheckpointResult {
  /** Wall time and processes of one checkpoint that pushed, and of one that found nothing new. */
  pushedMs: Spread
  pushedProcesses: Spread
  unchangedMs: Spread
  unchangedProcesses: Spread
  /** Checkpoint lines while the agent only thought (should be none). */
  idleLines: Spread
  /** Overhead (wall minus the CLI's time) with checkpoints every 0.6 s, and with them off. */
  overheadOn: Spread
  overheadOff: Spread
  lost: { intervalMs: number; lostMs: Spread; runs: number }
  failures: string[]
}

const LINE = /^async-pr checkpoint: (pushed [0-9a-f]{7}|unchanged) in (\d+) ms, (\d+) processes/

function checkpointLines(stdout: string) {
  return stdout.split('\n').flatMap((line) => {
    const match = LINE.exec(line.trim())
    if (!match) return []
    return [
      {
        pushed: (match[1] as string).startsWith('pushed'),
        ms: Number(match[2]),
        processes: Number(match[3]),
      },
    ]
  })
}

/** A script whose steps are built from the workspace the CLI names in its first request. */
function inWorkspace(build: (file: (name: string) => string) => Step[]): ModelScript {
  let steps: Step[] | undefined
  return ({ request, step }) => {
    const workspace = workspaceOf(request)
    steps ??= build((name) => path.join(workspace, name))
    return steps[step]
  }
}

const working = () =>
  inWorkspace((file) => [
    writeFile(file('a.txt'), 'a\n'),
    stall(1_500, readTool(file('a.txt'))),
    stall(1_500, writeFile(file('b.txt'), 'b\n')),
    stall(1_500, say('Wrote a.txt and b.txt.')),
  ])

const idle = () =>
  inWorkspace((file) => [writeFile(file('a.txt'), 'a\n'), stall(4_000, say('Wrote a.txt.'))])

async function lostRun(intervalMs: number, killAfterMs: number): Promise<number> {
  // A write is done work once its result comes back: when the CLI sends the next request.
  const writes: Array<{ name: string; at: number; doneAt?: number }> = []
  let workspace = ''
  let action: import('node:child_process').ChildProcess | undefined
  let killAt = 0
  let killing: Promise<unknown> | undefined
  const world = await createWorld({
    script: ({ request }) => {
      workspace ||= workspaceOf(request)
      const last = writes.at(-1)
      if (last && last.doneAt === undefined) last.doneAt = Date.now()
      if (killing) return stall(60_000)
      const first = writes[0]?.at
      if (first !== undefined && Date.now() - first >= killAfterMs) {
        killAt = Date.now()
        killing = killRunTree(action!.pid!)
        return stall(60_000)
      }
      const name = `part-${writes.length + 1}.txt`
      writes.push({ name, at: Date.now() })
      return writes.length === 1
        ? writeFile(path.join(workspace, name), `${writes.length}\n`)
        : stall(500, writeFile(path.join(workspace, name), `${writes.length}\n`))
    },
  })
  try {
    await world.run({
      inputs: { checkpoint_minutes: String(intervalMs / 60_000) },
      onSpawn: (child) => (action = child),
      timeoutMs: 120_000,
    })
    await killing
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    let held: string[] = []
    try {
      held = execFileSync(
        'git',
        ['ls-tree', '--name-only', `refs/async-pr/${world.prNumber}/checkpoint`],
        { env: { ...process.env, GIT_DIR: gitDir }, encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean)
    } catch {
      // No checkpoint yet: everything is lost.
    }
    // Only writes finished before the kill are work to lose.
    const done = writes.filter((w) => w.doneAt !== undefined && w.doneAt <= killAt)
    const firstMissing = done.find((w) => !held.includes(w.name))
    return firstMissing ? killAt - (firstMissing.doneAt as number) : 0
  } finally {
    await world.close()
  }
}

export async function checkpointScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<CheckpointResult> {
  const failures: string[] = []
  const lines: ReturnType<typeof checkpointLines> = []
  const idleCounts: number[] = []
  const overhead = { on: [] as number[], off: [] as number[] }
  for (let i = 0; i < repeats; i++) {
    for (const on of [true, false]) {
      try {
        const sample = await sampleRun({
          script: working(),
          run: { inputs: { checkpoint_minutes: on ? '0.01' : '0' } },
        })
        const found = checkpointLines(sample.stdout)
        if (on) lines.push(...found)
        overhead[on ? 'on' : 'off'].push(sample.phases.overhead)
        log(
          `checkpoint working ${on ? 'on' : 'off'} ${i + 1}/${repeats}: overhead ${sample.phases.overhead} ms, ` +
            found
              .map((l) => `${l.pushed ? 'pushed' : 'unchanged'} ${l.ms} ms/${l.processes}p`)
              .join(', '),
        )
      } catch (error) {
        failures.push(`working: ${String(error).slice(0, 1500)}`)
      }
    }
  }
  for (let i = 0; i < Math.min(repeats, 3); i++) {
    try {
      const sample = await sampleRun({
        script: idle(),
        run: { inputs: { checkpoint_minutes: '0.01' } },
      })
      const found = checkpointLines(sample.stdout)
      idleCounts.push(Math.max(0, found.length - 1))
      log(`checkpoint idle ${i + 1}: ${found.length} checkpoint line(s) in a run with one write`)
    } catch (error) {
      failures.push(`idle: ${String(error).slice(0, 1500)}`)
    }
  }
  const intervalMs = 3_000
  const lostMs: number[] = []
  for (let i = 0; i < Math.max(3, repeats); i++) {
    const killAfter = 4_000 + Math.round(Math.random() * 4_000)
    try {
      const lost = await lostRun(intervalMs, killAfter)
      lostMs.push(lost)
      log(`checkpoint lost ${i + 1}: killed ${killAfter} ms after the first write, ${lost} ms lost`)
    } catch (error) {
      failures.push(`lost: ${String(error).slice(0, 1500)}`)
    }
  }
  const pushed = lines.filter((l) => l.pushed)
  const unchanged = lines.filter((l) => !l.pushed)
  return {
    pushedMs: spread(pushed.map((l) => l.ms)),
    pushedProcesses: spread(pushed.map((l) => l.processes)),
    unchangedMs: spread(unchanged.map((l) => l.ms)),
    unchangedProcesses: spread(unchanged.map((l) => l.processes)),
    idleLines: spread(idleCounts),
    overheadOn: spread(overhead.on),
    overheadOff: spread(overhead.off),
    lost: { intervalMs, lostMs: spread(lostMs), runs: lostMs.length },
    failures,
  }
}
