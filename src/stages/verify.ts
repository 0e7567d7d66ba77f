// Stage: the `verify` commands, one after another, each with bash
// (`-eo pipefail`), as the agent's user, in the workspace, bounded by
// verify_timeout_minutes and by what is left of the run's time. The first
// that fails ends the attempt. Everything a command started is gone before
// this returns (AgentHost.runCommand).

import * as core from '@actions/core'
import type { CommandResult } from '../agent/host.js'
import { logSafe } from '../util/sanitize.js'
import { redactSecrets } from '../util/secrets.js'
import { remainingMs, type StageContext } from './context.js'

export interface CheckResult extends CommandResult {
  passed: boolean
  /** It was stopped because the run itself ran out of time (not its own limit). */
  outOfRunTime: boolean
}

export interface VerifyAttempt {
  passed: boolean
  /** The commands that ran, in order; the last one failed when the attempt did. */
  checks: CheckResult[]
}

export async function verify(ctx: StageContext): Promise<VerifyAttempt> {
  const checks: CheckResult[] = []
  for (const command of ctx.settings.verify) {
    ctx.status.progress({ stage: 'verifying', command })
    const left = remainingMs(ctx)
    const own = ctx.settings.verifyTimeoutMs
    const result = await core.group(`Verify: ${oneLine(command)}`, () =>
      ctx.host.runCommand(command, {
        timeoutMs: Math.max(1_000, Math.min(own, left)),
        signal: ctx.cancelled,
        onLine: (line) => core.info(logSafe(redactSecrets(line, ctx.secretForms))),
      }),
    )
    const passed = result.exitCode === 0 && !result.timedOut && !result.cancelled
    checks.push({ ...result, passed, outOfRunTime: result.timedOut && left <= own })
    core.info(`${passed ? 'passed' : 'FAILED'}: ${oneLine(command)} (${result.durationMs} ms)`)
    if (!passed) return { passed: false, checks }
  }
  return { passed: true, checks }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 120)
}
