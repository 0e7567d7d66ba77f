// The agent part on its own: the same scripted session run by the Claude Code CLI directly,
// with no action around it. Its CPU, next to a whole run's, shows what the action itself burns.

import { childrenCpuMs } from '../lib/cpu.js'
import { shortTask } from '../lib/agent-scripts.js'
import { spread, type Spread } from '../lib/stats.js'
import { runClaudeForTest } from '../../__tests__/harness/model/index.js'
import { createWorld } from '../../__tests__/harness/world.js'

export interface CliAloneResult {
  runs: number
  wall: Spread
  cpu: Spread
  failures: string[]
}

const ALLOWED = ['Read', 'Write', 'Edit', 'TodoWrite']

export async function cliAloneScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<CliAloneResult> {
  const walls: number[] = []
  const cpus: number[] = []
  const failures: string[] = []
  for (let i = -1; i < repeats; i++) {
    const world = await createWorld({ script: shortTask() })
    try {
      const before = childrenCpuMs()
      const run = await runClaudeForTest({
        cwd: world.checkout.workspace,
        modelUrl: world.model.url,
        prompt: 'Create hello.txt with a friendly greeting.',
        allowedTools: ALLOWED,
        // As the action runs it: the classic checklist tool, no retries.
        env: { CLAUDE_CODE_ENABLE_TASKS: '0', CLAUDE_CODE_MAX_RETRIES: '0' },
      })
      const cpu = childrenCpuMs() - before
      if (run.exitCode !== 0 || run.result?.is_error !== false) {
        throw new Error(`CLI exited ${run.exitCode}: ${run.stderr.slice(-500)}`)
      }
      if (i >= 0) {
        walls.push(run.durationMs)
        cpus.push(cpu)
      }
      log(
        `CLI alone ${i < 0 ? 'warm-up' : `${i + 1}/${repeats}`}: wall ${run.durationMs} ms, CPU ${Math.round(cpu)} ms`,
      )
    } catch (error) {
      failures.push(String(error).slice(0, 2000))
      log(`CLI alone failed: ${String(error).slice(0, 500)}`)
    } finally {
      await world.close()
    }
  }
  return { runs: walls.length, wall: spread(walls), cpu: spread(cpus), failures }
}
