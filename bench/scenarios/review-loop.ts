// What the review-ready loop costs beyond the CLI's own time: the same short task run plain,
// with one `verify` command, with one review round, and with a check that fails once and is
// fixed. Each variant's overhead is its whole run minus the CLI's wall time across all its
// sessions (the action's `agent finished` line sums them); the differences between variants
// are the stages' own cost, and their GitHub requests.

import path from 'node:path'
import {
  byRole,
  say,
  useTool,
  writeFile,
  type ModelScript,
} from '../../__tests__/harness/model/index.js'
import { workspaceOf } from '../lib/agent-scripts.js'
import { spread, type Spread } from '../lib/stats.js'
import { sampleRun } from './overhead.js'

export type LoopVariant = 'plain' | 'verify' | 'review' | 'fix'

export interface VariantResult {
  runs: number
  wall: Spread
  agent: Spread
  overhead: Spread
  requests: Spread
}

export interface ReviewLoopResult {
  variants: Partial<Record<LoopVariant, VariantResult>>
  failures: string[]
}

const INPUTS: Record<LoopVariant, Record<string, string>> = {
  plain: {},
  verify: { verify: 'test -f hello.txt' },
  review: { review_cycles: '1' },
  fix: { verify: 'grep -q friendly hello.txt' },
}

/** The same agent for every variant: which parts of it run depends on the inputs. */
function script(): ModelScript {
  let workspace = ''
  const file = () => path.join(workspace, 'hello.txt')
  const roles = byRole(() => ({
    firstPass: [writeFile(file(), 'Hello from async-pr!\n'), say('Wrote hello.txt.')],
    fixes: [[writeFile(file(), 'A friendly hello from async-pr!\n'), say('Made it friendly.')]],
    reviews: [[useTool('StructuredOutput', { verdict: 'approved', findings: [] })]],
  }))
  return (ctx) => {
    workspace ||= workspaceOf(ctx.request)
    return typeof roles === 'function' ? roles(ctx) : undefined
  }
}

export async function reviewLoopScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<ReviewLoopResult> {
  const result: ReviewLoopResult = { variants: {}, failures: [] }
  for (const variant of ['plain', 'verify', 'review', 'fix'] as const) {
    const samples = []
    for (let i = -1; i < repeats; i++) {
      try {
        const sample = await sampleRun({
          script: script(),
          run: { runId: 7000 + i + 1, inputs: INPUTS[variant] },
        })
        if (i >= 0) samples.push(sample)
        log(
          `review-loop ${variant} ${i < 0 ? 'warm-up' : `${i + 1}/${repeats}`}: wall ${sample.phases.wall} ms, ` +
            `CLI ${sample.phases.agentWall} ms, overhead ${sample.phases.overhead} ms, ${sample.windows.total} requests`,
        )
      } catch (error) {
        result.failures.push(`${variant}: ${String(error).slice(0, 2000)}`)
        log(`review-loop ${variant} failed: ${String(error).slice(0, 600)}`)
      }
    }
    result.variants[variant] = {
      runs: samples.length,
      wall: spread(samples.map((s) => s.phases.wall)),
      agent: spread(samples.map((s) => s.phases.agentWall)),
      overhead: spread(samples.map((s) => s.phases.overhead)),
      requests: spread(samples.map((s) => s.windows.total)),
    }
  }
  return result
}
