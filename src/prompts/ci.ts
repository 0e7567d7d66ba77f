// What CI said, as text for the agent: the failed jobs and steps, their
// annotations, and the last lines of each failed step's log, within a budget
// (the cut marked). Pure. The text is untrusted: prompt.ts fences it and strips
// what a reader cannot see.

import type { CiFix } from '../event.js'
import type { FailedCheck, StepLog } from '../github/ci-logs.js'

/** The most CI text one prompt carries, in characters (about 60 kB). */
export const CI_TEXT_BUDGET = 60_000
const ANNOTATION_CHARS = 500

function annotationLines(check: FailedCheck): string[] {
  if (check.annotations.length === 0) return []
  return [
    '  Annotations:',
    ...check.annotations.map((a) => {
      const where = a.endLine > a.startLine ? `${a.startLine}-${a.endLine}` : `${a.startLine}`
      const text = `${a.title ? `${a.title}: ` : ''}${a.message}`.replace(/\s+/g, ' ').trim()
      const cut = text.length > ANNOTATION_CHARS ? `${text.slice(0, ANNOTATION_CHARS)} …` : text
      return `  - ${a.path}:${where} (${a.level}) ${cut}`
    }),
  ]
}

function header(check: FailedCheck): string[] {
  const steps = check.failedSteps.map(
    (step) => `step ${step.number} "${step.name}" (${step.conclusion ?? 'failed'})`,
  )
  return [
    `Job "${check.name}": ${check.conclusion}${check.url ? ` (${check.url})` : ''}`,
    `  Failed: ${steps.length > 0 ? steps.join(', ') : 'no single step (the job itself)'}`,
  ]
}

/** Each log's lines, the last ones kept, so the whole fits in `room` characters. */
function fitLogs(logs: StepLog[], room: number): string[] {
  const out: string[] = []
  const share = Math.max(0, Math.floor(room / Math.max(1, logs.length)))
  for (const log of logs) {
    const title = `  Last lines of the log${log.step ? ` of "${log.step}"` : ''}:`
    let used = title.length + 1
    const kept: string[] = []
    for (let i = log.lines.length - 1; i >= 0; i--) {
      const line = `    ${log.lines[i] as string}`
      if (used + line.length + 1 > share) break
      kept.unshift(line)
      used += line.length + 1
    }
    const dropped = log.cut + (log.lines.length - kept.length)
    out.push(title)
    if (dropped > 0) out.push(`    [… ${dropped} earlier lines cut]`)
    out.push(...kept)
  }
  return out
}

/** The CI failure as plain text, at most CI_TEXT_BUDGET characters. */
export function ciFailureText(fix: CiFix, budget = CI_TEXT_BUDGET): string {
  const { checks, unread } = fix.failure
  const top = [
    `Workflow "${fix.workflowName}" (run ${fix.runId}, attempt ${fix.runAttempt}) concluded ${fix.conclusion} on ${fix.headSha}: ${fix.runUrl}`,
  ]
  if (checks.length === 0) top.push('GitHub listed no failed job for this run.')
  const fixed = checks.map((check) => [
    ...header(check),
    ...annotationLines(check),
    ...(check.logError ? [`  The log could not be read: ${check.logError}`] : []),
  ])
  const tail = unread > 0 ? [`(${unread} more failed jobs not shown)`] : []
  const size = (lines: string[]) => lines.reduce((n, line) => n + line.length + 1, 0)
  const spent = size(top) + fixed.reduce((n, lines) => n + size(lines), 0) + size(tail)
  // What is left is shared among the checks' logs; annotations and names are small.
  const perCheck = Math.max(0, Math.floor((budget - spent) / Math.max(1, checks.length)))
  const parts = checks.map((check, i) => [
    ...(fixed[i] as string[]),
    ...fitLogs(check.logs, perCheck),
  ])
  const text = [...top, '', ...parts.flatMap((lines) => [...lines, '']), ...tail]
    .join('\n')
    .trimEnd()
  return text.length <= budget ? text : `${text.slice(0, budget - 40)}\n[… CI output cut to fit]`
}
