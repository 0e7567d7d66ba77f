// What the PR is told about a run whose runner was lost, and about the run
// that recovered its work. Pure.

import type { Task } from '../event.js'
import type { Recovery } from '../run/recover.js'
import { codeSpan, inline, linkUrl, urlPath } from './markdown.js'
import type { RunLinks } from './outcome.js'
import { renderState } from './state.js'

function runLink(runUrl: string): string {
  const id = /\/runs\/(\d+)/.exec(runUrl)?.[1] ?? 'run'
  return `[run ${id}](${linkUrl(runUrl)})`
}

/** The recovering run's line, in its progress and its report. */
export function recoveryLine(recovery: Recovery, serverUrl: string, task: Task): string {
  const commitUrl = linkUrl(
    `${serverUrl}/${urlPath(task.owner)}/${urlPath(task.repo)}/commit/${recovery.commitSha}`,
  )
  const files = `${recovery.files.length} file${recovery.files.length === 1 ? '' : 's'}`
  if (recovery.fallbackReason) {
    return `♻️ **Recovered** the work of ${runLink(recovery.fromRunUrl)}, which stopped without reporting (its runner was lost): ${files}, on the new branch ${codeSpan(recovery.pushedTo)} — ${recovery.fallbackReason}`
  }
  return `♻️ **Recovered** the work of ${runLink(recovery.fromRunUrl)}, which stopped without reporting (its runner was lost): ${files} restored from its last checkpoint as [${codeSpan(recovery.commitSha.slice(0, 7))}](${commitUrl}), and this run goes on from there.`
}

/** The checklist a "working" comment showed (our own lines, already escaped when written). */
function checklistOf(previous: string): string[] {
  const lines = previous.split('\n')
  const at = lines.indexOf('**Checklist**')
  if (at < 0) return []
  const items: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (/^- \[[ x]\] /.test(line)) items.push(line)
    else if (items.length > 0) break
  }
  return items.length > 0 ? ['Where it was, from its checklist:', '', ...items, ''] : []
}

/**
 * What a lost run's own status comment says once the next run found it dead:
 * what became of its work (recovered from its checkpoint, or none was taken),
 * the checklist it last showed, and how to go on.
 */
export function renderLostRun(
  deadRunUrl: string,
  recovery: Recovery | undefined,
  links: RunLinks,
  task: Task,
  previous: string,
  continueCommand: string,
): string {
  const what = recovery
    ? `${recoveryLine(recovery, links.serverUrl, task).replace('and this run goes on from there', 'and the next run goes on from there')} That run: ${runLink(links.runUrl)}.`
    : `Nothing of its work had been checkpointed (it changed nothing yet, checkpoints were off, or the agent had no user of its own). ${runLink(links.runUrl)} noticed; comment ${codeSpan(continueCommand)} to pick the task up from the branch.`
  return [
    '### ⚠️ async-pr stopped without reporting',
    '',
    `${runLink(deadRunUrl)} lost its runner before it could report (a hosted runner's shutdown, the job's \`timeout-minutes\`, a kill).`,
    '',
    what,
    '',
    ...checklistOf(previous),
    renderState({ v: 1, state: 'failure', runUrl: deadRunUrl, branch: task.headRef }),
  ].join('\n')
}

/** A checkpoint the run could not restore, kept on the server for a person. */
export function keptCheckpointLine(
  kept: { fromRunUrl: string; reason: string },
  prNumber: number,
): string {
  const ref = `refs/async-pr/${prNumber}/checkpoint`
  return `⚠️ **Not restored**: the checkpoint ${kept.fromRunUrl ? `of ${runLink(kept.fromRunUrl)} ` : ''}could not be put on a branch — ${inline(kept.reason)}. It is kept as it was: \`git fetch origin ${ref}\` gets it, and this run takes no checkpoints of its own.`
}
