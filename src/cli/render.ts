// Snapshots → text for people and JSON for programs. Pure. Almost everything
// in a snapshot was written by others (the status comment, PR titles, branch
// and workflow names): each such field goes through terminalSafe (`t`) where it
// is put into text, the JSON keeps it exact.

import { formatCost, formatDuration, shortSha } from '../report/format.js'
import type { ChecklistItem } from './status-comment.js'
import type { Snapshot } from './snapshot.js'
import { terminalSafe as t } from './terminal.js'

/** "working", "done (success)", "failed (timed_out)". */
export function stateLabel(snapshot: Snapshot): string {
  const final = snapshot.phase === 'done' || snapshot.phase === 'failed'
  // The state is read from the comment's hidden line: any string, not only the known ones.
  return final && snapshot.state ? `${snapshot.phase} (${t(snapshot.state)})` : snapshot.phase
}

function progressOf(items: ChecklistItem[]): string | undefined {
  if (items.length === 0) return undefined
  const done = items.filter((item) => item.done).length
  const next = items.find((item) => !item.done)
  return next
    ? `${done}/${items.length} done, now: ${t(next.text)}`
    : `${done}/${items.length} done`
}

/** Commit, turns, cost, session: what the hidden state line adds. */
function facts(snapshot: Snapshot): string | undefined {
  const report = snapshot.report
  if (!report) return undefined
  const parts: string[] = []
  if (report.commitSha) parts.push(`commit ${t(shortSha(report.commitSha))}`)
  if (report.numTurns !== undefined) parts.push(`${report.numTurns} turns`)
  if (report.costUsd !== undefined) parts.push(formatCost(report.costUsd))
  if (report.sessionId) parts.push(`session ${t(report.sessionId)}`)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

function runUrl(snapshot: Snapshot): string | undefined {
  return snapshot.report?.runUrl || snapshot.run?.url
}

function checkbox(item: ChecklistItem): string {
  return `[${item.done ? 'x' : ' '}] ${t(item.text)}`
}

export function statusText(snapshot: Snapshot): string {
  const { pull } = snapshot
  const lines = [
    `#${pull.number} ${t(pull.title)}`,
    `${t(pull.url)} (${t(pull.headRef)} → ${t(pull.baseRef)}${pull.draft ? ', draft' : ''})`,
    `${stateLabel(snapshot)}: ${t(snapshot.summary)}`,
  ]
  if (snapshot.checklist.length > 0) {
    const done = snapshot.checklist.filter((item) => item.done).length
    lines.push(`Checklist ${done}/${snapshot.checklist.length}:`)
    for (const item of snapshot.checklist) lines.push(`  ${checkbox(item)}`)
  }
  const known = facts(snapshot)
  if (known) lines.push(known)
  const url = runUrl(snapshot)
  if (url) {
    const run = snapshot.run
    lines.push(`Run: ${t(url)}${run ? ` (${t(run.conclusion ?? run.status)})` : ''}`)
  }
  if (snapshot.phase === 'done' || snapshot.phase === 'failed') {
    if (snapshot.markdown) lines.push(`Read the report: async-pr result ${pull.number}`)
  }
  return lines.join('\n')
}

/** One line per change, for logs and agents (watch without a terminal). */
export function progressLine(snapshot: Snapshot): string {
  const progress = snapshot.phase === 'working' ? progressOf(snapshot.checklist) : undefined
  return `#${snapshot.pull.number} ${stateLabel(snapshot)}: ${progress ?? t(snapshot.summary)}`
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const CHECKLIST_SHOWN = 12

function fit(text: string, columns: number): string {
  const chars = [...text]
  return chars.length <= columns ? text : `${chars.slice(0, Math.max(columns - 1, 1)).join('')}…`
}

/** The live display on a terminal, redrawn in place; lines never wrap. */
export function liveFrame(
  snapshot: Snapshot,
  elapsedMs: number,
  tick: number,
  columns: number,
): string[] {
  const final = snapshot.phase === 'done' || snapshot.phase === 'failed'
  const mark = final ? (snapshot.phase === 'done' ? '✔' : '✖') : SPINNER[tick % SPINNER.length]
  const lines = [
    `${mark} #${snapshot.pull.number} ${t(snapshot.pull.title)} · ${stateLabel(snapshot)} · ${formatDuration(elapsedMs)}`,
    `  ${t(snapshot.summary)}`,
  ]
  const items = snapshot.checklist
  const shown = items.slice(0, CHECKLIST_SHOWN)
  for (const item of shown) lines.push(`  ${item.done ? '✔' : '○'} ${t(item.text)}`)
  if (items.length > shown.length) lines.push(`  …and ${items.length - shown.length} more`)
  const url = runUrl(snapshot)
  if (url) lines.push(`  ${t(url)}`)
  return lines.map((text) => fit(text, Math.max(columns - 1, 20)))
}

/** The report a person or an agent reads at the end. */
export function resultText(snapshot: Snapshot): string {
  if (snapshot.markdown) return t(snapshot.markdown, 'block')
  return `${stateLabel(snapshot)}: ${t(snapshot.summary)}`
}

export function snapshotJson(snapshot: Snapshot, options: { body?: boolean } = {}) {
  const { pull, report, run } = snapshot
  return {
    repo: snapshot.repo,
    number: pull.number,
    title: pull.title,
    url: pull.url,
    branch: pull.headRef,
    base: pull.baseRef,
    draft: pull.draft,
    pullState: pull.merged ? 'merged' : pull.state,
    phase: snapshot.phase,
    state: snapshot.state,
    summary: snapshot.summary,
    checklist: snapshot.checklist,
    runUrl: runUrl(snapshot) ?? null,
    run: run
      ? { id: run.id, url: run.url, name: run.name, status: run.status, conclusion: run.conclusion }
      : null,
    commitSha: report?.commitSha ?? null,
    sessionId: report?.sessionId ?? null,
    costUsd: report?.costUsd ?? null,
    numTurns: report?.numTurns ?? null,
    instructionId: report?.instructionId ?? null,
    comment: snapshot.comment ?? null,
    ...(options.body ? { body: snapshot.markdown ?? null } : {}),
  }
}

export function listText(snapshots: Snapshot[]): string {
  if (snapshots.length === 0) return 'No open async pull requests.'
  const rows = snapshots.map((s) => [
    `#${s.pull.number}`,
    stateLabel(s),
    t(s.pull.headRef),
    t(s.pull.title),
  ])
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] as string).length)),
  )
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] as number) : cell))
        .join('  '),
    )
    .join('\n')
}
