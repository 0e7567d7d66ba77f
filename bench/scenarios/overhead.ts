// The action's own overhead on a short task: whole runs against a fresh loopback world each,
// split into phases by the action's timing lines, plus the first status comment's arrival and
// every GitHub request by kind.

import { createWorld, type RunOptions, type World } from '../../__tests__/harness/world.js'
import { shortTask } from '../lib/agent-scripts.js'
import { phasesOf, type Phases } from '../lib/phases.js'
import { firstCommentAt, requestKinds, windows, type Windows } from '../lib/requests.js'
import { spread, type Spread } from '../lib/stats.js'
import { timedRun } from '../lib/timed-run.js'
import { childrenCpuMs } from '../lib/cpu.js'
import type { ModelScript } from '../../__tests__/harness/model/index.js'

export interface RunSample {
  phases: Phases
  /** CPU of the run's processes (see lib/cpu.ts). */
  cpuMs: number
  firstComment: number
  kinds: Record<string, number>
  windows: Windows
  conclusion: string
  commentEdits: number
  /** Whole stdout of the action (not kept in the results). */
  stdout: string
}

export interface SampleOptions {
  script: ModelScript
  run?: RunOptions
}

/** One whole run in a fresh world. Throws unless it succeeded and pushed its commit. */
export async function sampleRun(options: SampleOptions): Promise<RunSample> {
  const world: World = await createWorld({ script: options.script })
  try {
    const cpuBefore = childrenCpuMs()
    const timed = await timedRun((onSpawn) => world.run({ ...options.run, onSpawn }))
    const cpuMs = childrenCpuMs() - cpuBefore
    const { run } = timed
    const requests = world.emulator.requests
    const commentAt = firstCommentAt(requests)
    const sample: RunSample = {
      phases: phasesOf(timed),
      cpuMs,
      firstComment: commentAt === undefined ? NaN : commentAt - timed.spawnAt,
      kinds: requestKinds(requests),
      windows: windows(requests),
      conclusion: run.outputs.conclusion ?? '',
      commentEdits: requests.filter((r) => r.operationId === 'issues/update-comment').length,
      stdout: run.stdout,
    }
    const problems = [
      run.exitCode !== 0 && `exit ${run.exitCode ?? run.signal}`,
      run.outputs.conclusion !== 'success' && `conclusion ${run.outputs.conclusion}`,
      !run.outputs.commit_sha && 'no commit',
      world.emulator.violations.length > 0 && `violations: ${world.emulator.violations.join('; ')}`,
    ].filter(Boolean)
    if (problems.length > 0) {
      throw new Error(
        `${problems.join(', ')}\n${run.stderr.slice(-1500)}\n${run.stdout.slice(-1500)}`,
      )
    }
    return sample
  } finally {
    await world.close()
  }
}

export interface OverheadResult {
  runs: number
  failures: string[]
  phases: Record<string, Spread>
  cpu: Spread
  firstComment: Spread
  requests: Spread
  kinds: Record<string, number>
}

export function summarizePhases(samples: RunSample[]): Record<string, Spread> {
  const keys = new Set<string>()
  for (const s of samples) {
    for (const [key, value] of Object.entries(s.phases))
      if (typeof value === 'number') keys.add(key)
    for (const key of Object.keys(s.phases.other)) keys.add(`other: ${key}`)
  }
  const pick = (s: RunSample, key: string): number =>
    key.startsWith('other: ')
      ? (s.phases.other[key.slice(7)] ?? NaN)
      : (s.phases[key as keyof Phases] as number)
  return Object.fromEntries([...keys].map((key) => [key, spread(samples.map((s) => pick(s, key)))]))
}

/** One short-task run, logged; kept in `samples` unless it is the warm-up (i < 0). */
export async function overheadStep(
  i: number,
  repeats: number,
  samples: RunSample[],
  failures: string[],
  log: (line: string) => void,
): Promise<void> {
  try {
    const sample = await sampleRun({ script: shortTask(), run: { runId: 5000 + i + 1 } })
    if (i >= 0) samples.push(sample)
    log(
      `overhead ${i < 0 ? 'warm-up' : `${i + 1}/${repeats}`}: wall ${sample.phases.wall} ms, ` +
        `agent ${sample.phases.agentWall} ms, overhead ${sample.phases.overhead} ms, ` +
        `comment at ${sample.firstComment} ms, ${sample.windows.total} requests`,
    )
  } catch (error) {
    failures.push(String(error).slice(0, 4000))
    log(`overhead run failed: ${String(error).slice(0, 800)}`)
  }
}

export async function overheadScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<OverheadResult> {
  const samples: RunSample[] = []
  const failures: string[] = []
  for (let i = -1; i < repeats; i++) await overheadStep(i, repeats, samples, failures, log)
  return summarizeOverhead(samples, failures)
}

export function summarizeOverhead(samples: RunSample[], failures: string[]): OverheadResult {
  const kinds: Record<string, number> = {}
  for (const s of samples)
    for (const [kind, n] of Object.entries(s.kinds))
      kinds[kind] = (kinds[kind] ?? 0) + n / samples.length
  return {
    runs: samples.length,
    failures,
    phases: summarizePhases(samples),
    cpu: spread(samples.map((s) => s.cpuMs)),
    firstComment: spread(samples.map((s) => s.firstComment)),
    requests: spread(samples.map((s) => s.windows.total)),
    kinds,
  }
}
