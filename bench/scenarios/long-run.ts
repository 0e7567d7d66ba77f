// A run whose agent works for about ten minutes (configurable), reporting progress the way a
// real one does: what the action sends to GitHub over a long run, and how often.

import { LONG_ALLOWED_TOOLS, longTask } from '../lib/agent-scripts.js'
import type { Phases } from '../lib/phases.js'
import type { Windows } from '../lib/requests.js'
import { sampleRun } from './overhead.js'

export interface LongRunResult {
  minutes: number
  ok: boolean
  failure?: string
  phases?: Phases
  firstComment?: number
  kinds?: Record<string, number>
  windows?: Windows
  commentEdits?: number
  /** Comment edits per minute of agent work. */
  editsPerMinute?: number
}

export async function longRunScenario(
  minutes: number,
  sleepSeconds: number,
  log: (line: string) => void,
): Promise<LongRunResult> {
  log(`long run: an agent working for ~${minutes} min (sleep steps of ~${sleepSeconds} s)`)
  const task = longTask(minutes, sleepSeconds)
  try {
    const sample = await sampleRun({
      script: task.script,
      run: {
        runId: 6000,
        inputs: {
          allowed_tools: LONG_ALLOWED_TOOLS,
          max_turns: String(task.turns + 10),
          timeout_minutes: String(Math.ceil(minutes + 5)),
        },
        timeoutMs: (minutes + 10) * 60_000,
      },
    })
    const agentMinutes = sample.phases.agentWall / 60_000
    log(
      `long run: wall ${sample.phases.wall} ms, ${sample.windows.total} requests, ` +
        `${sample.commentEdits} comment edits`,
    )
    return {
      minutes,
      ok: true,
      phases: sample.phases,
      firstComment: sample.firstComment,
      kinds: sample.kinds,
      windows: sample.windows,
      commentEdits: sample.commentEdits,
      editsPerMinute: agentMinutes > 0 ? sample.commentEdits / agentMinutes : NaN,
    }
  } catch (error) {
    log(`long run failed: ${String(error).slice(0, 800)}`)
    return { minutes, ok: false, failure: String(error).slice(0, 4000) }
  }
}
