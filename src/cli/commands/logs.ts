// logs: the tail of the job log of the pull request's run (the run the status
// comment names, else the branch's latest), made readable (job-log.ts). With
// --follow, the lines that appear after it, until the job completes or
// --timeout: bounded, never streaming forever. The API's answer is a redirect
// to a short-lived link; the link is read without the token.

import { setTimeout as sleep } from 'node:timers/promises'
import { statusOf } from '../../github/client.js'
import { formatDuration } from '../../report/format.js'
import type { LogsCommand } from '../args.js'
import { createContext, type Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { json, line, type Io } from '../io.js'
import { downloadLines, type LogLines } from '../job-log.js'
import { loadBranchRuns, loadPull, loadRun, observe } from '../observe.js'
import { runIdFromUrl, type RunInfo } from '../snapshot.js'
import { terminalSafe } from '../terminal.js'
import { hint } from './watch.js'

/** Lines of one look while following (a burst bigger than this shows its last lines). */
const FOLLOW_KEEP = 10_000
const DOWNLOAD_TIMEOUT_MS = 60_000

interface ApiJob {
  id: number
  name: string
  status: string
  conclusion: string | null
  html_url?: string | null
  steps?: Array<{ name: string; status: string }>
}

function params(ctx: Context) {
  return { owner: ctx.repo.owner, repo: ctx.repo.name }
}

async function runOf(ctx: Context, number: number): Promise<RunInfo> {
  const pull = await loadPull(ctx.reader, ctx.repo, number)
  const snapshot = await observe(ctx.reader, ctx.repo, pull)
  const fromComment = snapshot.report?.runUrl ? runIdFromUrl(snapshot.report.runUrl) : undefined
  const run =
    (fromComment !== undefined ? await loadRun(ctx.reader, ctx.repo, fromComment) : undefined) ??
    snapshot.run ??
    (await loadBranchRuns(ctx.reader, ctx.repo, pull.headRef))[0]
  if (!run)
    throw new CliError(
      `#${number} has no workflow run yet, so there is no log. Check where it stands with: ${hint(ctx, 'status', number)}`,
    )
  return run
}

/** The job that runs async-pr: the one with a step that uses it, else a running one, else the first. */
export function pickJob(jobs: ApiJob[]): ApiJob | undefined {
  return (
    jobs.find((job) => job.steps?.some((step) => /async-pr/i.test(step.name))) ??
    jobs.find((job) => job.status === 'in_progress') ??
    jobs[0]
  )
}

async function jobOf(ctx: Context, run: RunInfo): Promise<ApiJob> {
  let jobs: ApiJob[]
  try {
    jobs = (
      await ctx.reader.get<{ jobs: ApiJob[] }>('/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
        ...params(ctx),
        run_id: run.id,
        per_page: 100,
      })
    ).jobs
  } catch (error) {
    throw ctx.reader.explain(error, `list the jobs of workflow run ${run.id}`)
  }
  const job = pickJob(jobs)
  if (!job)
    throw new CliError(
      `Workflow run ${run.id} (${terminalSafe(run.status)}) has no jobs yet, so there is no log. Try again in a moment.`,
    )
  return job
}

async function readJob(ctx: Context, id: number): Promise<ApiJob> {
  try {
    return await ctx.reader.get<ApiJob>('/repos/{owner}/{repo}/actions/jobs/{job_id}', {
      ...params(ctx),
      job_id: id,
    })
  } catch (error) {
    throw ctx.reader.explain(error, `read job ${id}`)
  }
}

/** The readable lines from `from` on, or undefined while GitHub has no log for the job. */
async function jobLines(
  ctx: Context,
  job: ApiJob,
  from: number,
  keep: number,
  io: Io,
): Promise<LogLines | undefined> {
  let url: string
  try {
    url = await ctx.reader.redirectOf('/repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
      ...params(ctx),
      job_id: job.id,
    })
  } catch (error) {
    // GitHub has a job's log once the job has started writing it.
    if (statusOf(error) === 404 && job.status !== 'completed') return undefined
    throw ctx.reader.explain(error, `read the log of job ${job.id}`)
  }
  const deadline = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)
  const signal = io.signal ? AbortSignal.any([io.signal, deadline]) : deadline
  try {
    const result = await downloadLines(url, { from, keep, signal })
    if (result.status === 404 && job.status !== 'completed') return undefined
    if (result.status !== 200)
      throw new CliError(
        `The log of job ${job.id} could not be read (${result.status} from its download link). Try again; the link lasts a minute.`,
      )
    return result
  } catch (error) {
    if (error instanceof CliError || io.signal?.aborted) throw error
    throw new CliError(`The log of job ${job.id} could not be read: ${terminalSafe(String(error))}`)
  }
}

function describe(run: RunInfo, job: ApiJob): string {
  const state = (s: string, c: string | null) => terminalSafe(c ?? s)
  return `run ${run.id} (${state(run.status, run.conclusion)}), job "${terminalSafe(job.name)}" (${state(job.status, job.conclusion)})`
}

function print(io: Io, lines: string[]): void {
  for (const text of lines) io.stdout.write(`${terminalSafe(text, 'line')}\n`)
}

export async function logsCommand(command: LogsCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  const number = command.pr.number
  const run = await runOf(ctx, number)
  let job = await jobOf(ctx, run)
  const first = await jobLines(ctx, job, 0, command.lines, io)
  if (command.json) {
    json(io.stdout, {
      number,
      run: { id: run.id, url: run.url, status: run.status, conclusion: run.conclusion },
      job: { id: job.id, name: job.name, status: job.status, conclusion: job.conclusion },
      available: first !== undefined,
      totalLines: first?.total ?? 0,
      cut: first?.cut ?? false,
      lines: first?.lines ?? [],
    })
    return EXIT.ok
  }
  if (first) {
    const shown = first.lines.length
    line(
      io.stderr,
      `#${number}: ${describe(run, job)}: ${shown < first.total ? `the last ${shown} of ${first.total} lines` : `${first.total} lines`}${first.cut ? ' (the log was cut at its size limit)' : ''}.`,
    )
    print(io, first.lines)
  } else line(io.stderr, `#${number}: ${describe(run, job)}: no log yet.`)
  if (!command.follow) return EXIT.ok

  const now = () => (io.now ?? (() => new Date()))().getTime()
  const deadline = now() + command.timeoutMs
  let printed = first?.total ?? 0
  try {
    while (job.status !== 'completed') {
      const left = deadline - now()
      if (left <= 0) {
        line(
          io.stderr,
          `Stopped following after ${formatDuration(command.timeoutMs)}; the job is still ${terminalSafe(job.status)}. ` +
            `Follow again with: ${hint(ctx, 'logs', number)} --follow`,
        )
        return EXIT.pending
      }
      await sleep(Math.min(command.intervalMs, left), undefined, { signal: io.signal })
      job = await readJob(ctx, job.id)
      const next = await jobLines(ctx, job, printed, FOLLOW_KEEP, io)
      if (!next) continue
      if (next.total - printed > next.lines.length)
        line(io.stderr, `(${next.total - printed - next.lines.length} lines skipped)`)
      print(io, next.lines)
      printed = Math.max(printed, next.total)
    }
  } catch (error) {
    if (io.signal?.aborted) {
      line(io.stderr, `Interrupted. Follow again with: ${hint(ctx, 'logs', number)} --follow`)
      return EXIT.interrupted
    }
    throw error
  }
  line(
    io.stderr,
    `#${number}: ${describe((await loadRun(ctx.reader, ctx.repo, run.id)) ?? run, job)}: the job has ended.`,
  )
  return EXIT.ok
}
