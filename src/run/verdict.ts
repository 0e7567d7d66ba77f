// How a run ends, from the agent's verdict and what was delivered. Pure.

import type { AgentVerdict } from '../agent/judge.js'
import type { AgentRun } from '../agent/run.js'
import type { Task } from '../event.js'
import type { AgentSummary, Conclusion, RunLinks } from '../report/outcome.js'

export function conclusionFor(
  verdict: AgentVerdict,
  changed: boolean,
  delivered: boolean,
): Conclusion {
  if (!delivered) return 'failure'
  switch (verdict.kind) {
    case 'completed':
      return changed ? 'success' : 'no_changes'
    case 'limit':
    case 'timed_out':
      return 'timed_out'
    case 'cancelled':
      return 'cancelled'
    case 'failed':
      return 'failure'
  }
}

export function commitMessage(task: Task, links: RunLinks, verdict: AgentVerdict): string {
  const finished = verdict.kind === 'completed'
  const what = task.followUp
    ? `Follow-up: ${task.followUp.instruction.split('\n')[0]?.slice(0, 60) ?? ''}`
    : task.title
  const subject = (finished ? what : `WIP: ${what}`).replace(/\s+/g, ' ').trim()
  return [
    subject,
    '',
    `${finished ? 'Work' : 'Work in progress'} by Claude Code on #${task.prNumber}, committed by async-pr.`,
    '',
    `Async-PR-Run: ${links.runUrl}`,
    `Async-PR-Task: #${task.prNumber}`,
  ].join('\n')
}

export function summarize(run: AgentRun): AgentSummary {
  const transcript = run.transcript
  return {
    result: transcript.result,
    todos: transcript.todos,
    toolCalls: transcript.toolCalls,
    toolCallCount: transcript.toolCallCount,
    lastText: transcript.lastText,
    sessionId: transcript.sessionId,
    wallMs: run.wallMs,
    denials: transcript.result?.permissionDenials ?? [],
  }
}
