// Runs the action with a stopwatch on it: the spawn time, the arrival time of every
// `async-pr timing:` line on stdout (stdout to a pipe is synchronous in Node on Linux, so a
// line arrives when it is written), and the exit time. Everything is milliseconds after spawn,
// on this process's clock, which is also the clock of the emulator's request log.

import type { ChildProcess } from 'node:child_process'
import type { ActionRun } from '../../__tests__/harness/action-runner.js'

export interface TimedLine {
  /** Milliseconds after spawn. */
  atMs: number
  text: string
}

export interface TimedRun {
  run: ActionRun
  /** Date.now() right after the child was spawned. */
  spawnAt: number
  /** Spawn to 'close' (all output read). */
  wallMs: number
  timingLines: TimedLine[]
  /** Every stdout line with its arrival time (to see what a slow phase waited on). */
  lines: TimedLine[]
}

export type Starter = (onSpawn: (child: ChildProcess) => void) => Promise<ActionRun>

export async function timedRun(start: Starter): Promise<TimedRun> {
  let spawnAt = NaN
  let closedAt = NaN
  const timingLines: TimedLine[] = []
  const lines: TimedLine[] = []
  let partial = ''
  const run = await start((child) => {
    spawnAt = Date.now()
    child.stdout?.on('data', (chunk: Buffer) => {
      const atMs = Date.now() - spawnAt
      const parts = (partial + chunk.toString('utf8')).split('\n')
      partial = parts.pop() ?? ''
      for (const text of parts) {
        lines.push({ atMs, text })
        if (text.startsWith('async-pr timing:')) timingLines.push({ atMs, text })
      }
    })
    child.on('close', () => (closedAt = Date.now()))
  })
  // This 'close' listener was added before runAction's own, so closedAt is set by now.
  const end = Number.isFinite(closedAt) ? closedAt : Date.now()
  return { run, spawnAt, wallMs: end - spawnAt, timingLines, lines }
}
