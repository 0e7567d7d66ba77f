// Workflows, workflow runs (list with GitHub's filters, get, attempts, cancel, re-run), jobs and
// job logs. Tests seed runs with state.addWorkflowRun() and hook into cancels and re-runs with
// state.hooks.

import { rerun, jobsOf, workflowOf, type WorkflowJob } from '../actions-model.js'
import { HttpError, notFound } from '../errors.js'
import { jobLogText } from '../job-log.js'
import { paginate } from '../pagination.js'
import { job, workflow, workflowRun } from '../render-actions.js'
import type { Repo, WorkflowRun } from '../state.js'
import {
  forbidden,
  canWrite,
  num,
  ok,
  str,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

const RUN_STATUSES = new Set([
  'queued',
  'in_progress',
  'completed',
  'waiting',
  'requested',
  'pending',
  'action_required',
])

function findRun(ctx: HandlerContext, repo: Repo): WorkflowRun {
  const run = ctx.state.workflowRuns.find(
    (r) => r.repo === repo.full_name && r.id === num(ctx, 'run_id'),
  )
  if (!run) throw notFound()
  return run
}

function findJob(ctx: HandlerContext, repo: Repo): { item: WorkflowJob; run: WorkflowRun } {
  const item = ctx.state.workflowJobs.find(
    (j) => j.repo === repo.full_name && j.id === num(ctx, 'job_id'),
  )
  const run = item && ctx.state.workflowRun(item.run_id)
  if (!item || !run) throw notFound()
  return { item, run }
}

function requireWriter(ctx: HandlerContext, repo: Repo): void {
  if (!canWrite(ctx, repo)) throw forbidden(ctx)
}

/**
 * GitHub's `created` filter, in its search syntax: `>=DATE`, `>DATE`, `<=DATE`, `<DATE`,
 * `DATE..DATE` (dates or date-times). Other forms are recorded as not emulated.
 */
function createdFilter(ctx: HandlerContext, value: unknown): (run: WorkflowRun) => boolean {
  if (value === undefined) return () => true
  const text = String(value)
  const at = (date: string) => Date.parse(date)
  const range = /^(.+)\.\.(.+)$/.exec(text)
  const compare = /^(>=|>|<=|<)(.+)$/.exec(text)
  const created = (run: WorkflowRun) => Date.parse(run.created_at)
  if (range && Number.isFinite(at(range[1]!)) && Number.isFinite(at(range[2]!)))
    return (run) => created(run) >= at(range[1]!) && created(run) <= at(range[2]!)
  if (compare && Number.isFinite(at(compare[2]!))) {
    const bound = at(compare[2]!)
    const op = compare[1]
    return (run) =>
      op === '>='
        ? created(run) >= bound
        : op === '>'
          ? created(run) > bound
          : op === '<='
            ? created(run) <= bound
            : created(run) < bound
  }
  ctx.violation(`not emulated: workflow runs filter "created" of the form "${text}"`)
  return () => true
}

async function listRuns(ctx: HandlerContext, repo: Repo, workflowId?: number) {
  const q = ctx.query
  const inCreated = createdFilter(ctx, q.created)
  const runs = ctx.state.workflowRuns
    .filter(inCreated)
    .filter((r) => r.repo === repo.full_name)
    .filter((r) => workflowId === undefined || r.workflow_id === workflowId)
    .filter((r) => q.branch === undefined || r.head_branch === q.branch)
    .filter((r) => q.event === undefined || r.event === q.event)
    .filter((r) => q.head_sha === undefined || r.head_sha === q.head_sha)
    .filter((r) => q.actor === undefined || r.actor.toLowerCase() === String(q.actor).toLowerCase())
    .filter((r) => q.check_suite_id === undefined || r.check_suite_id === Number(q.check_suite_id))
    // `status` takes a status or a conclusion ("success", "failure", ...).
    .filter(
      (r) =>
        q.status === undefined ||
        (RUN_STATUSES.has(String(q.status)) ? r.status === q.status : r.conclusion === q.status),
    )
    .sort((a, b) => b.id - a.id) // newest first
  const page = paginate(runs, q, ctx.url)
  const items = []
  for (const r of page.items) {
    items.push(
      await workflowRun(ctx.links, ctx.state, repo, r, {
        excludePullRequests: q.exclude_pull_requests === true,
      }),
    )
  }
  return ok(
    { total_count: runs.length, workflow_runs: items },
    page.link ? { link: page.link } : undefined,
  )
}

function listJobs(ctx: HandlerContext, repo: Repo, run: WorkflowRun, attempt: number | 'all') {
  const jobs = jobsOf(ctx.state, run, attempt)
  const page = paginate(jobs, ctx.query, ctx.url)
  return ok(
    {
      total_count: jobs.length,
      jobs: page.items.map((j) => job(ctx.links, repo, j, run)),
    },
    page.link ? { link: page.link } : undefined,
  )
}

function cancel(force: boolean): Handler {
  return async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWriter(ctx, repo)
    const run = findRun(ctx, repo)
    if (run.status === 'completed') {
      throw new HttpError(409, 'Cannot cancel a workflow run that is completed.')
    }
    const hook = ctx.state.hooks.onCancel
    if (hook) {
      // The runner stops the job in its own time; the test's hook decides when the run ends.
      run.cancel_requested = true
      ctx.after(() => hook(run, { force, by: ctx.identity.login }))
    } else {
      ctx.state.completeWorkflowRun(run.id, 'cancelled')
    }
    return { status: 202, body: {} }
  }
}

function rerunHandler(failedOnly: boolean): Handler {
  return (ctx) => {
    const repo = visibleRepo(ctx)
    requireWriter(ctx, repo)
    const run = findRun(ctx, repo)
    if (run.status !== 'completed') {
      throw new HttpError(403, 'This workflow run is not completed and cannot be re-run.')
    }
    rerun(ctx.state, repo, run, failedOnly)
    run.triggering_actor = ctx.identity.login
    const hook = ctx.state.hooks.onRerun
    if (hook) ctx.after(() => hook(run, { failedOnly, by: ctx.identity.login }))
    return { status: 201, body: {} }
  }
}

export const actionsHandlers: Record<string, Handler> = {
  'actions/list-repo-workflows': (ctx) => {
    const repo = visibleRepo(ctx)
    const workflows = ctx.state.workflows.filter((w) => w.repo === repo.full_name)
    const page = paginate(workflows, ctx.query, ctx.url)
    return ok(
      { total_count: workflows.length, workflows: page.items.map((w) => workflow(ctx.links, w)) },
      page.link ? { link: page.link } : undefined,
    )
  },

  'actions/get-workflow': (ctx) => {
    const repo = visibleRepo(ctx)
    const found = workflowOf(ctx.state, repo, str(ctx, 'workflow_id'))
    if (!found) throw notFound()
    return ok(workflow(ctx.links, found))
  },

  'actions/list-workflow-runs-for-repo': (ctx) => listRuns(ctx, visibleRepo(ctx)),

  'actions/list-workflow-runs': (ctx) => {
    const repo = visibleRepo(ctx)
    const found = workflowOf(ctx.state, repo, str(ctx, 'workflow_id'))
    if (!found) throw notFound()
    return listRuns(ctx, repo, found.id)
  },

  'actions/get-workflow-run': async (ctx) => {
    const repo = visibleRepo(ctx)
    return ok(
      await workflowRun(ctx.links, ctx.state, repo, findRun(ctx, repo), {
        excludePullRequests: ctx.query.exclude_pull_requests === true,
      }),
    )
  },

  'actions/get-workflow-run-attempt': async (ctx) => {
    const repo = visibleRepo(ctx)
    const run = findRun(ctx, repo)
    const attempt = num(ctx, 'attempt_number')
    if (attempt < 1 || attempt > run.run_attempt) throw notFound()
    const json = await workflowRun(ctx.links, ctx.state, repo, run)
    if (attempt === run.run_attempt) return ok(json)
    // Earlier attempts: what their jobs concluded is all the emulator keeps of them.
    const jobs = jobsOf(ctx.state, run, attempt)
    const failed = jobs.find((j) => j.conclusion !== 'success' && j.conclusion !== 'skipped')
    return ok({
      ...json,
      run_attempt: attempt,
      status: 'completed',
      conclusion: failed?.conclusion ?? 'success',
    })
  },

  'actions/list-jobs-for-workflow-run': (ctx) => {
    const repo = visibleRepo(ctx)
    const run = findRun(ctx, repo)
    return listJobs(ctx, repo, run, ctx.query.filter === 'all' ? 'all' : run.run_attempt)
  },

  'actions/list-jobs-for-workflow-run-attempt': (ctx) => {
    const repo = visibleRepo(ctx)
    const run = findRun(ctx, repo)
    const attempt = num(ctx, 'attempt_number')
    if (attempt < 1 || attempt > run.run_attempt) throw notFound()
    return listJobs(ctx, repo, run, attempt)
  },

  'actions/get-job-for-workflow-run': (ctx) => {
    const repo = visibleRepo(ctx)
    const { item, run } = findJob(ctx, repo)
    return ok(job(ctx.links, repo, item, run))
  },

  'actions/download-job-logs-for-workflow-run': (ctx) => {
    const repo = visibleRepo(ctx)
    const { item } = findJob(ctx, repo)
    const location = ctx.logs.publish(item.id, jobLogText(item), ctx.logUrlTtlMs)
    return { status: 302, headers: { location } }
  },

  'actions/cancel-workflow-run': cancel(false),
  'actions/force-cancel-workflow-run': cancel(true),
  'actions/re-run-workflow': rerunHandler(false),
  'actions/re-run-workflow-failed-jobs': rerunHandler(true),
}
