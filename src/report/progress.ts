// The status comment while the agent works: phase, checklist, last actions,
// elapsed time, a link to the run. Pure.

import type { ToolCall, Todo } from '../agent/transcript.js'
import type { Task } from '../event.js'
import { describeToolCall } from './describe.js'
import { formatDuration } from './format.js'
import { codeSpan, inline } from './markdown.js'
import type { RunLinks } from './outcome.js'
import { renderState } from './state.js'
import { renderCiFixIntro } from './ci-line.js'
import { renderSteering, type SteeringNote } from './steering.js'

/** A CI fix's first line, for its progress and its result. */
export function ciFixIntro(task: Task, serverUrl: string): string {
  const fix = task.ciFix
  if (!fix) return ''
  return renderCiFixIntro(
    {
      ...fix,
      failed: fix.failure.checks.map((check) => ({ name: check.name, url: check.url })),
    },
    { repoUrl: `${serverUrl}/${task.owner}/${task.repo}` },
  )
}

/** Where the run stands; the stages after the agent's first pass say which check or round. */
export type Phase =
  | 'starting'
  | 'working'
  | 'saving'
  | { stage: 'verifying'; command: string }
  | { stage: 'reviewing'; cycle: number }
  | { stage: 'fixing-check'; command: string; attempt: number; of: number }
  | { stage: 'fixing-review'; round: number; of: number }
  | { stage: 'reporting-threads'; threads: number }

export interface Progress {
  phase: Phase
  todos: Todo[]
  recent: ToolCall[]
  toolCallCount: number
  lastText?: string
  elapsedMs: number
  /** The action's own lines about the run as a whole (work recovered, a continuation). */
  notes?: string[]
  /** Comments from the PR that reached the running task. */
  steering?: readonly SteeringNote[]
}

const PHASES = {
  starting: 'Getting the branch ready and starting Claude Code',
  working: 'Claude Code is working',
  saving: 'Committing and pushing the work',
} as const

export function phaseLabel(phase: Phase): string {
  if (typeof phase === 'string') return `**${PHASES[phase]}**`
  switch (phase.stage) {
    case 'verifying':
      return `**Verifying:** ${codeSpan(phase.command)}`
    case 'reviewing':
      return `**Reviewing the change**${phase.cycle > 1 ? ` (review ${phase.cycle})` : ''}`
    case 'fixing-check':
      return `**Fixing:** ${codeSpan(phase.command)} failed (attempt ${phase.attempt} of ${phase.of})`
    case 'fixing-review':
      return `**Fixing review findings**, round ${phase.round} of ${phase.of}`
    case 'reporting-threads':
      return `**Reporting on ${phase.threads} review thread${phase.threads === 1 ? '' : 's'}**`
  }
}

const RECENT_SHOWN = 5

function todoLine(todo: Todo): string {
  const box = todo.status === 'completed' ? 'x' : ' '
  const now = todo.status === 'in_progress' ? ' ← now' : ''
  return `- [${box}] ${inline(todo.content)}${now}`
}

/** What the comment says, without the parts that change every second. */
export function renderProgressBody(task: Task, progress: Progress, serverUrl = ''): string {
  const lines = [
    task.ciFix ? '### ⏳ async-pr is fixing CI' : '### ⏳ async-pr is working on this task',
    '',
  ]
  if (task.ciFix) lines.push(ciFixIntro(task, serverUrl), '')
  for (const note of progress.notes ?? []) lines.push(note, '')
  lines.push(`${phaseLabel(progress.phase)} on ${codeSpan(task.headRef)}.`, '')
  if (progress.steering?.length) lines.push(...renderSteering(progress.steering), '')
  if (progress.todos.length > 0)
    lines.push('**Checklist**', '', ...progress.todos.map(todoLine), '')
  const recent = progress.recent.slice(-RECENT_SHOWN)
  if (recent.length > 0) {
    lines.push(`**Latest actions** (${progress.toolCallCount} so far)`, '')
    for (const call of recent) lines.push(`- ${describeToolCall(call)}`)
    lines.push('')
  }
  return lines.join('\n')
}

export function renderProgress(
  task: Task,
  links: RunLinks,
  progress: Progress,
  extraState: { instructionId?: number; steered?: number[] } = {},
): string {
  return [
    renderProgressBody(task, progress, links.serverUrl),
    `<sub>${formatDuration(progress.elapsedMs)} so far · [workflow run](${links.runUrl})</sub>`,
    '',
    renderState({
      v: 1,
      state: 'working',
      runUrl: links.runUrl,
      branch: task.headRef,
      ...extraState,
    }),
  ].join('\n')
}
