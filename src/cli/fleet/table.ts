// Many tasks as one table: the live view (PR, task, state, checklist, elapsed,
// cost), one line per change for logs and agents, and the summary at the end
// (`| Issue | PR | Status | Cost |` and the counts). Pure. Titles and states
// are others' text: they go through terminalSafe where they become text; the
// summary holds none of it (numbers and our own words only).

import { formatCost, formatDuration } from '../../report/format.js'
import { progressLine } from '../render.js'
import type { Snapshot } from '../snapshot.js'
import { terminalSafe as t } from '../terminal.js'

export interface FleetRow {
  /** The pull request; absent for an issue that was refused. */
  number?: number
  title: string
  issue?: number
  snapshot?: Snapshot
  /** Why an issue was not dispatched (closed, a pull request, ...). */
  refused?: string
  /** From the pull request's opening to now, or to its report. */
  elapsedMs?: number
}

export type StatusKey =
  | 'done'
  | 'needs review'
  | 'stopped'
  | 'skipped'
  | 'failed'
  | 'refused'
  | 'working'
  | 'queued'
  | 'waiting'

/** The order of the counts line. */
const ORDER: StatusKey[] = [
  'done',
  'needs review',
  'stopped',
  'skipped',
  'failed',
  'refused',
  'working',
  'queued',
  'waiting',
]

export interface RowStatus {
  key: StatusKey
  /** What the Status column says: "done", "done (no changes)", "stopped (timed_out)". */
  label: string
}

/**
 * A review verdict in the status comment's state line, when the action reports
 * one (the review stage of issue 11): a run that succeeded with findings left
 * needs a person before it is done.
 */
function reviewLeftFindings(snapshot: Snapshot): boolean {
  return snapshot.report?.reviewVerdict === 'changes_requested'
}

export function rowStatus(row: FleetRow): RowStatus {
  if (row.refused !== undefined) return { key: 'refused', label: `refused (${row.refused})` }
  const snapshot = row.snapshot
  if (!snapshot) return { key: 'waiting', label: 'waiting' }
  if (snapshot.phase === 'waiting' || snapshot.phase === 'queued' || snapshot.phase === 'working')
    return { key: snapshot.phase, label: snapshot.phase }
  const state = snapshot.state
  if (snapshot.phase === 'done') {
    if (reviewLeftFindings(snapshot)) return { key: 'needs review', label: 'needs review' }
    return { key: 'done', label: state === 'no_changes' ? 'done (no changes)' : 'done' }
  }
  if (state === 'timed_out' || state === 'cancelled')
    return { key: 'stopped', label: `stopped (${state})` }
  if (state === 'skipped') return { key: 'skipped', label: 'skipped' }
  if (state === 'failure' || state === null) return { key: 'failed', label: 'failed' }
  // Any other string in the state line: shown, never obeyed.
  return { key: 'failed', label: `failed (${t(state)})` }
}

export function isEnded(row: FleetRow): boolean {
  const key = rowStatus(row).key
  return key !== 'working' && key !== 'queued' && key !== 'waiting'
}

/** "2 done, 1 needs review, 1 failed". */
export function countsLine(rows: FleetRow[]): string {
  const counts = new Map<StatusKey, number>()
  for (const row of rows) {
    const key = rowStatus(row).key
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const parts = ORDER.filter((key) => counts.has(key)).map((key) => `${counts.get(key)} ${key}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing to watch'
}

function costOf(row: FleetRow): string {
  const cost = row.snapshot?.report?.costUsd
  return typeof cost === 'number' && Number.isFinite(cost) ? formatCost(cost) : '—'
}

function checklistOf(row: FleetRow): string {
  const items = row.snapshot?.checklist ?? []
  if (items.length === 0) return '—'
  return `${items.filter((item) => item.done).length}/${items.length}`
}

/** The summary as a markdown table, then the counts: what a person or an agent reads at the end. */
export function summaryText(rows: FleetRow[]): string {
  const lines = ['| Issue | PR | Status | Cost |', '| --- | --- | --- | --- |']
  for (const row of rows) {
    const issue = row.issue === undefined ? '—' : `#${row.issue}`
    const pr = row.number === undefined ? '—' : `#${row.number}`
    // A state from the comment is others' text: a `|` in it must not make a column of its own.
    const status = rowStatus(row).label.replace(/\|/g, '\\|')
    lines.push(`| ${issue} | ${pr} | ${status} | ${costOf(row)} |`)
  }
  return `${lines.join('\n')}\n\n${countsLine(rows)}`
}

function fit(text: string, width: number): string {
  const chars = [...text]
  if (chars.length <= width) return text + ' '.repeat(width - chars.length)
  return `${chars.slice(0, Math.max(width - 1, 1)).join('')}…`
}

const HEADERS = ['PR', 'Task', 'State', 'Checklist', 'Elapsed', 'Cost']

/** The live table: columns sized to their contents, the task title to what is left of the width. */
export function liveTable(rows: FleetRow[], columns: number, footer: string): string[] {
  const cells = rows.map((row) => [
    row.number === undefined ? '—' : `#${row.number}`,
    t(row.title),
    rowStatus(row).label,
    checklistOf(row),
    row.elapsedMs === undefined ? '—' : formatDuration(row.elapsedMs),
    costOf(row),
  ])
  const widths = HEADERS.map((header, column) =>
    Math.max([...header].length, ...cells.map((cell) => [...(cell[column] as string)].length)),
  )
  const others = widths.reduce((sum, width, column) => (column === 1 ? sum : sum + width), 0)
  const room = Math.max(columns - 1 - others - 2 * (HEADERS.length - 1), 8)
  widths[1] = Math.min(widths[1] as number, room)
  const line = (values: string[]) =>
    values
      .map((value, column) => fit(value, widths[column] as number))
      .join('  ')
      .trimEnd()
  return [line(HEADERS), ...cells.map(line), fit(footer, Math.max(columns - 1, 20)).trimEnd()]
}

/** One line for a change of one pull request (no terminal: logs, an agent's tool output). */
export function changeLine(row: FleetRow): string {
  if (!row.snapshot) return `#${row.number ?? '?'} ${rowStatus(row).label}`
  return progressLine(row.snapshot)
}
