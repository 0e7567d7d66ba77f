// How a run ends, from the agent's verdict and what was delivered. Pure.

import type { AgentVerdict } from '../agent/judge.js'
import type { AgentRun } from '../agent/run.js'
import type { Task } from '../event.js'
import type { Exclusion } from '../git/snapshot.js'
import { CI_FIX_TRAILER, CONTINUATION_TRAILER } from '../git/trailers.js'
import { codeSpan } from '../report/markdown.js'
import type { AgentSummary, Conclusion, RunLinks } from '../report/outcome.js'

export interface DeliveredState {
  /** Something changed: commits were made, or files were left out of them. */
  changed: boolean
  /** The commits reached the PR branch. */
  delivered: boolean
  /** Files the agent wrote were left out of the push (a secret, the size limit). */
  incomplete: boolean
  /** A verify command still fails at the end. */
  checksFailed?: boolean
}

export function conclusionFor(verdict: AgentVerdict, state: DeliveredState): Conclusion {
  const { changed, delivered, incomplete, checksFailed } = state
  if (!delivered || incomplete) return 'failure'
  switch (verdict.kind) {
    case 'completed':
      if (checksFailed) return 'failure'
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

/**
 * The message of a commit of the run: the task's (or a fix round's) subject,
 * `WIP:` when the session that made it did not finish, and the trailers that
 * tie it to the run and the task.
 */
export function commitMessage(
  task: Task,
  links: RunLinks,
  verdict: AgentVerdict,
  round?: string,
): string {
  const finished = verdict.kind === 'completed'
  const fix = task.ciFix
  const what =
    round ??
    (task.followUp
      ? `Follow-up: ${task.followUp.instruction.split('\n')[0]?.slice(0, 60) ?? ''}`
      : fix
        ? `Fix CI: ${fix.workflowName.slice(0, 60)} (attempt ${fix.attempt} of ${fix.maxAttempts})`
        : task.title)
  const subject = (finished ? what : `WIP: ${what}`).replace(/\s+/g, ' ').trim()
  return [
    subject,
    '',
    `${finished ? 'Work' : 'Work in progress'} by Claude Code on #${task.prNumber}, committed by async-pr.`,
    ...(fix ? [`It answers the CI run ${fix.runUrl}, which failed on ${fix.headSha}.`] : []),
    '',
    `Async-PR-Run: ${links.runUrl}`,
    `Async-PR-Task: #${task.prNumber}`,
    // Counted from the branch's history: how many fixes CI has had since a person's last commit.
    ...(fix ? [`${CI_FIX_TRAILER}: ${fix.attempt}`] : []),
    // Likewise how many times a chain of automatic continuations has run.
    ...(task.continuation?.number ? [`${CONTINUATION_TRAILER}: ${task.continuation.number}`] : []),
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
    usage: run.usage,
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Why the push is incomplete: files left out because they hold something
 * secret-shaped or are over the size limit. Undefined when nothing was.
 */
export function leftOut(excluded: Exclusion[], maxFileBytes: number): string | undefined {
  const secrets = excluded.filter((entry) => entry.why === 'secret')
  const oversize = excluded.filter((entry) => entry.why === 'oversize')
  const parts: string[] = []
  const list = (entries: Exclusion[]) =>
    entries
      .slice(0, 10)
      .map((entry) => `${codeSpan(entry.path)} (${entry.detail})`)
      .join(', ') + (entries.length > 10 ? ` and ${entries.length - 10} more` : '')
  if (secrets.length > 0) {
    parts.push(
      `Left out of the push because they contain what looks like a credential: ${list(secrets)}. Remove it and run again; the rest of the work was pushed.`,
    )
  }
  if (oversize.length > 0) {
    parts.push(
      `Left out of the push because they are larger than max_file_size_mb (${megabytes(maxFileBytes)}): ${list(oversize)}. Raise the limit or ask for a smaller change; the rest of the work was pushed.`,
    )
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined
}
