// A job's plain-text log as GitHub serves it: a byte-order mark, every line prefixed with an
// ISO timestamp with seven fractional digits, `##[group]`/`##[endgroup]` around each step's
// preamble, the command in ANSI cyan, and `##[error]` for a failed step. Code that reads CI logs
// must cope with all of it, so the emulator does not serve anything cleaner.

import type { WorkflowJob } from './actions-model.js'

const CYAN = '\u001b[36;1m'
const RESET = '\u001b[0m'

/** "2030-01-01T00:00:00.1234567Z": GitHub's log timestamps carry 100 ns ticks. */
export function logTimestamp(ms: number, tick: number): string {
  const iso = new Date(ms).toISOString() // ...HH:MM:SS.mmmZ
  return `${iso.slice(0, -1)}${String(tick % 10_000).padStart(4, '0')}Z`
}

function setUpJob(job: WorkflowJob): string[] {
  return [
    "Current runner version: '2.321.0'",
    '##[group]Operating System',
    'Ubuntu',
    '24.04.1',
    'LTS',
    '##[endgroup]',
    '##[group]Runner Image',
    'Image: ubuntu-24.04',
    '##[endgroup]',
    `Secret source: Actions`,
    `Prepare workflow directory`,
    `Prepare all required actions`,
    `Complete job name: ${job.name}`,
  ]
}

/** The log's lines, without timestamps. */
export function jobLogLines(job: WorkflowJob): string[] {
  const lines: string[] = []
  for (const step of job.steps) {
    if (step.status === 'queued') break
    if (step.name === 'Set up job' && step.number === 1) {
      lines.push(...setUpJob(job), ...step.log)
      continue
    }
    if (step.name === 'Complete job') {
      lines.push('Cleaning up orphan processes', ...step.log)
      continue
    }
    const command = step.run ?? step.name
    lines.push(`##[group]Run ${command.split('\n')[0]}`)
    for (const part of command.split('\n')) lines.push(`${CYAN}${part}${RESET}`)
    lines.push('shell: /usr/bin/bash -e {0}', '##[endgroup]', ...step.log)
    if (step.conclusion === 'failure') {
      lines.push(`##[error]Process completed with exit code ${step.exit_code ?? 1}.`)
    }
  }
  return lines
}

/** The whole log text, timestamped from the job's start, one tick per line. */
export function jobLogText(job: WorkflowJob): string {
  if (job.log !== undefined) return job.log
  const start = Date.parse(job.started_at)
  const lines = jobLogLines(job).map(
    (line, i) => `${logTimestamp(start + i * 7, 1000 + ((i * 7919) % 9000))} ${line}`,
  )
  return `\ufeff${lines.join('\n')}\n`
}
