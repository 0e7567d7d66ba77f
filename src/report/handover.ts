// How a run that stopped early is picked up, and where it stands in a chain:
// the work recovered from a lost run, a continuation (n of m, and whether the
// next one was started), and for every ending that is not success what is
// left and the exact comment that continues it. Pure.

import { accountingOf } from './accounting.js'
import { formatCost } from './format.js'
import { codeSpan, inline } from './markdown.js'
import type { Outcome } from './outcome.js'
import { recoveryLine } from './recovery.js'

export function renderChain(outcome: Outcome): string[] {
  const lines: string[] = []
  if (outcome.recovery) {
    lines.push(recoveryLine(outcome.recovery, outcome.links.serverUrl, outcome.task), '')
  }
  const chain = outcome.continuation
  if (chain) {
    const total = (outcome.spentBeforeUsd ?? 0) + (accountingOf(outcome.agent)?.costUsd ?? 0)
    const cost = total > 0 ? ` Cost so far across the chain: ${formatCost(total)}.` : ''
    if (chain.number > 0)
      lines.push(`🔁 This run was continuation ${chain.number} of ${chain.of}.${cost}`, '')
    if (chain.dispatched) {
      lines.push(
        `🔁 **continuing (${chain.number + 1} of ${chain.of})**: this run stopped on its time or turns, so async-pr started the next run, which ${outcome.handover?.resumes ? 'resumes this session' : 'starts afresh from this report'}.${chain.number > 0 ? '' : cost}`,
        '',
      )
    } else if (chain.why) {
      lines.push(`No further continuation: ${inline(chain.why)}`, '')
    }
  }
  return lines
}

const PICKED_UP = new Set(['timed_out', 'cancelled', 'failure'])

export function renderHandover(outcome: Outcome): string[] {
  if (!PICKED_UP.has(outcome.conclusion) || !outcome.handover || outcome.continuation?.dispatched)
    return []
  if (outcome.conclusion === 'failure' && outcome.verification?.result === 'failed') return []
  const left = (outcome.agent?.todos ?? []).filter((todo) => todo.status !== 'completed')
  const lines = ['**To pick it up**', '']
  if (outcome.commits.length > 0) {
    lines.push(
      `- Done so far: the ${outcome.commits.length === 1 ? 'commit' : `${outcome.commits.length} commits`} listed below.`,
    )
  }
  if (left.length > 0) {
    lines.push('- Left, from the agent’s checklist:')
    for (const todo of left) lines.push(`  - [ ] ${inline(todo.content)}`)
  }
  const how = outcome.handover.resumes
    ? 'resumes this Claude Code session where it stopped'
    : 'starts a new session with this report as its context'
  lines.push(
    `- Comment ${codeSpan(outcome.handover.command)} (an instruction may follow it): it ${how}.`,
    '',
  )
  return lines
}
