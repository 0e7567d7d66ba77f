// What a failed CI run says: its failed jobs and steps, the last lines of each
// failed step's log, and the failing check runs' annotations. Read through the
// API; every text in it is untrusted (see ci-log-text.ts).
//
// The job log endpoint answers with a redirect to a short-lived URL on another
// host. It is not followed by Octokit: the log is fetched here, with no token,
// and streamed, so a log of any size costs a bounded amount of memory.

import type { GitHub } from './client.js'
import { proxiedFetch } from './proxy-fetch.js'
import { sectionTail, StepLogCollector, type StepSpan } from './ci-log-text.js'
import { errorMessage } from '../util/errors.js'

export interface CiRunRef {
  owner: string
  repo: string
  runId: number
  runAttempt: number
}

export interface CiStep {
  number: number
  name: string
  conclusion: string | null
}

export interface CiAnnotation {
  path: string
  startLine: number
  endLine: number
  level: string
  title?: string
  message: string
}

export interface StepLog {
  /** The step's name; absent when the job failed without a failed step (the whole job's tail). */
  step?: string
  lines: string[]
  /** Lines of the step left out before these. */
  cut: number
}

export interface FailedCheck {
  jobId: number
  name: string
  url: string
  conclusion: string
  failedSteps: CiStep[]
  logs: StepLog[]
  annotations: CiAnnotation[]
  /** Why the log could not be read, when it could not. */
  logError?: string
}

export interface CiFailure {
  checks: FailedCheck[]
  /** Failed jobs beyond the ones read. */
  unread: number
}

/** A failed check as the CI line shows it. */
export interface CheckLink {
  name: string
  url: string
}

export const LOG_TAIL_LINES = 150
/** Jobs whose logs are read; the rest are named only. */
const JOBS_READ = 4
const ANNOTATIONS_READ = 30
/** A log is read for at most this long and this much. */
const LOG_TIMEOUT_MS = 30_000
const LOG_MAX_BYTES = 256 * 1024 * 1024

const FAILED = new Set(['failure', 'timed_out'])

type Job = Awaited<
  ReturnType<GitHub['rest']['actions']['listJobsForWorkflowRunAttempt']>
>['data']['jobs'][number]

/** The run attempt's jobs that failed (not those cancelled because another failed). */
export async function failedJobs(github: GitHub, ref: CiRunRef): Promise<Job[]> {
  const jobs = await github.paginate(github.rest.actions.listJobsForWorkflowRunAttempt, {
    owner: ref.owner,
    repo: ref.repo,
    run_id: ref.runId,
    attempt_number: ref.runAttempt,
    per_page: 100,
  })
  return jobs.filter((job) => FAILED.has(job.conclusion ?? ''))
}

export function checkLinks(jobs: Job[]): CheckLink[] {
  return jobs.map((job) => ({ name: job.name, url: job.html_url ?? '' }))
}

/** Everything the fix run gets of the failure, for the failed jobs already listed. */
export async function readCiFailure(
  github: GitHub,
  ref: CiRunRef,
  jobs: Job[],
): Promise<CiFailure> {
  const read = jobs.slice(0, JOBS_READ)
  const checks = await Promise.all(read.map((job) => readCheck(github, ref, job)))
  return { checks, unread: jobs.length - read.length }
}

async function readCheck(github: GitHub, ref: CiRunRef, job: Job): Promise<FailedCheck> {
  const failedSteps = (job.steps ?? []).filter((step) => FAILED.has(step.conclusion ?? ''))
  const spans: StepSpan[] =
    failedSteps.length > 0
      ? failedSteps.map((step) => ({ startedAt: step.started_at, completedAt: step.completed_at }))
      : [{}]
  const [logs, annotations] = await Promise.all([
    readStepLogs(github, ref, job.id, spans).then(
      (collected) => ({ collected }),
      (error: unknown) => ({ error: errorMessage(error) }),
    ),
    readAnnotations(github, ref, job).catch(() => [] as CiAnnotation[]),
  ])
  const check: FailedCheck = {
    jobId: job.id,
    name: job.name,
    url: job.html_url ?? '',
    conclusion: job.conclusion ?? 'failure',
    failedSteps: failedSteps.map((step) => ({
      number: step.number,
      name: step.name,
      conclusion: step.conclusion ?? null,
    })),
    logs: [],
    annotations,
  }
  if ('error' in logs) {
    check.logError = logs.error
    return check
  }
  check.logs = logs.collected.map((lines, i) => ({
    step: failedSteps[i]?.name,
    ...sectionTail(lines, LOG_TAIL_LINES),
  }))
  return check
}

/** The job log, streamed from where GitHub redirects, into one window per failed step. */
async function readStepLogs(github: GitHub, ref: CiRunRef, jobId: number, spans: StepSpan[]) {
  const answer = await github.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
    owner: ref.owner,
    repo: ref.repo,
    job_id: jobId,
    request: { redirect: 'manual' },
  })
  const collector = new StepLogCollector(spans)
  const location = answer.headers.location
  if (answer.status >= 300 && answer.status < 400 && location) {
    await streamLines(location, (line) => collector.push(line))
  } else if (typeof answer.data === 'string') {
    // A client that followed the redirect after all: the text is here already.
    for (const line of answer.data.split('\n')) collector.push(line)
  } else {
    throw new Error(`GitHub answered ${answer.status} without a log`)
  }
  return collector.steps()
}

/** Fetches a URL without any credential and hands over its text line by line, within the bounds. */
async function streamLines(url: string, onLine: (line: string) => void): Promise<void> {
  const response = await proxiedFetch(url, { signal: AbortSignal.timeout(LOG_TIMEOUT_MS) })
  if (!response.ok || !response.body) throw new Error(`the log host answered ${response.status}`)
  const decoder = new TextDecoder()
  let pending = ''
  let bytes = 0
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
      pending += decoder.decode(value, { stream: true })
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onLine(line)
      // A runaway line must not grow without bound either.
      if (pending.length > 1_000_000) pending = pending.slice(-1_000_000)
      if (bytes > LOG_MAX_BYTES) {
        onLine(`[async-pr read only the first ${LOG_MAX_BYTES / 1024 / 1024} MB of this log]`)
        return
      }
    }
    pending += decoder.decode()
    if (pending !== '') onLine(pending)
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}

async function readAnnotations(github: GitHub, ref: CiRunRef, job: Job): Promise<CiAnnotation[]> {
  // A job is a check run; its id is in check_run_url (the same number on GitHub today).
  const id = Number(/\/check-runs\/(\d+)$/.exec(job.check_run_url ?? '')?.[1] ?? job.id)
  const { data } = await github.rest.checks.listAnnotations({
    owner: ref.owner,
    repo: ref.repo,
    check_run_id: id,
    per_page: ANNOTATIONS_READ,
  })
  return data.map((annotation) => ({
    path: annotation.path,
    startLine: annotation.start_line,
    endLine: annotation.end_line,
    level: annotation.annotation_level ?? 'failure',
    title: annotation.title ?? undefined,
    message: annotation.message ?? '',
  }))
}
