// What the PR is told about a run whose runner was lost, and about the run
// that recovered its work. Pure.

import type { Task } from '../event.js'
import type { Recovery } from '../run/recover.js'
import { codeSpan, linkUrl, urlPath } from './markdown.js'
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

/** What the lost run's own status comment says once another run recovered its work. */
export function renderLostRun(recovery: Recovery, links: RunLinks, task: Task): string {
  return [
    '### ⚠️ async-pr stopped without reporting',
    '',
    `${runLink(recovery.fromRunUrl)} lost its runner before it could report (a hosted runner's shutdown, the job's \`timeout-minutes\`, a kill).`,
    '',
    `${recoveryLine(recovery, links.serverUrl, task).replace('and this run goes on from there', 'and the next run goes on from there')} That run: ${runLink(links.runUrl)}.`,
    '',
    renderState({ v: 1, state: 'failure', runUrl: recovery.fromRunUrl, branch: task.headRef }),
  ].join('\n')
}
