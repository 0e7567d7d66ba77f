// The floor, measured in the same run as everything else: a bare Node script that posts one
// comment and pushes one commit against the same kind of world the action runs in.

import { spawn } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../../__tests__/harness/action-runner.js'
import { branchSha } from '../../__tests__/harness/git/index.js'
import { createWorld } from '../../__tests__/harness/world.js'
import { shortTask } from '../lib/agent-scripts.js'
import { firstCommentAt } from '../lib/requests.js'
import { spread, type Spread } from '../lib/stats.js'
import { childrenCpuMs } from '../lib/cpu.js'

export interface FloorResult {
  runs: number
  failures: string[]
  wall: Spread
  cpu: Spread
  firstComment: Spread
  /** The script's own view: Node start-up until its first line ran. */
  nodeStartup: Spread
  push: Spread
}

const SCRIPT = path.join(ROOT, 'bench', 'scenarios', 'floor-process.mjs')
// A new branch: the checkout is a shallow merge commit, from which git cannot prove a
// fast-forward of the PR branch without fetching it first, and fetching is the action's job
// (its preparation phase), not the floor's.
const FLOOR_BRANCH = 'async-pr-floor'

export interface FloorSample {
  wall: number
  cpuMs: number
  firstComment: number
  own: Record<string, number>
}

export async function floorOnce(): Promise<FloorSample> {
  const world = await createWorld({ script: shortTask() })
  try {
    const cpuBefore = childrenCpuMs()
    const spawnAt = Date.now()
    const child = spawn(process.execPath, [SCRIPT], {
      cwd: world.checkout.workspace,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        FLOOR_API: world.emulator.url,
        FLOOR_TOKEN: world.secrets.actionsToken,
        FLOOR_REPO: world.fullName,
        FLOOR_ISSUE: String(world.prNumber),
        FLOOR_BRANCH: FLOOR_BRANCH,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    clearTimeout(timer)
    const wall = Date.now() - spawnAt
    const cpuMs = childrenCpuMs() - cpuBefore
    if (code !== 0) throw new Error(`floor script exited ${code}: ${stderr.trim()}`)
    if (!(await branchSha(world.gitRoot, world.fullName, FLOOR_BRANCH)))
      throw new Error('floor script pushed nothing')
    const commentAt = firstCommentAt(world.emulator.requests)
    return {
      wall,
      cpuMs,
      firstComment: commentAt === undefined ? NaN : commentAt - spawnAt,
      own: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>,
    }
  } finally {
    await world.close()
  }
}

/** One floor run, logged; kept in `samples` unless it is the warm-up (i < 0). */
export async function floorStep(
  i: number,
  repeats: number,
  samples: FloorSample[],
  failures: string[],
  log: (line: string) => void,
): Promise<void> {
  try {
    const sample = await floorOnce()
    if (i >= 0) samples.push(sample)
    log(
      `floor ${i < 0 ? 'warm-up' : `${i + 1}/${repeats}`}: wall ${sample.wall} ms, comment at ${sample.firstComment} ms`,
    )
  } catch (error) {
    failures.push(String(error))
    log(`floor run failed: ${String(error)}`)
  }
}

export async function floorScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<FloorResult> {
  const samples: FloorSample[] = []
  const failures: string[] = []
  // One warm-up run (disk cache, first fork of Node) that is not counted.
  for (let i = -1; i < repeats; i++) await floorStep(i, repeats, samples, failures, log)
  return summarizeFloor(samples, failures)
}

export function summarizeFloor(samples: FloorSample[], failures: string[]): FloorResult {
  return {
    runs: samples.length,
    failures,
    wall: spread(samples.map((s) => s.wall)),
    cpu: spread(samples.map((s) => s.cpuMs)),
    firstComment: spread(samples.map((s) => s.firstComment)),
    nodeStartup: spread(samples.map((s) => s.own.started ?? NaN)),
    push: spread(samples.map((s) => (s.own.pushed ?? NaN) - (s.own.committed ?? NaN))),
  }
}
