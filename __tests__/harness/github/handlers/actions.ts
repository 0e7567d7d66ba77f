// Workflow runs, read-only: tests seed them with state.addWorkflowRun().

import { notFound } from '../errors.js'
import { paginate } from '../pagination.js'
import { workflowRun } from '../render.js'
import { num, ok, visibleRepo, type Handler } from './context.js'

const RUN_STATUSES = new Set([
  'queued',
  'in_progress',
  'completed',
  'waiting',
  'requested',
  'pending',
])

export const actionsHandlers: Record<string, Handler> = {
  'actions/list-workflow-runs-for-repo': (ctx) => {
    const repo = visibleRepo(ctx)
    const { branch, event, status, head_sha: headSha, actor } = ctx.query
    const runs = ctx.state.workflowRuns
      .filter((r) => r.repo === repo.full_name)
      .filter((r) => branch === undefined || r.head_branch === branch)
      .filter((r) => event === undefined || r.event === event)
      .filter((r) => headSha === undefined || r.head_sha === headSha)
      .filter((r) => actor === undefined || r.actor === actor)
      // `status` accepts either a status or a conclusion ("success", "failure", ...).
      .filter(
        (r) =>
          status === undefined ||
          (RUN_STATUSES.has(String(status)) ? r.status === status : r.conclusion === status),
      )
      .sort((a, b) => b.id - a.id) // newest first
    const page = paginate(runs, ctx.query, ctx.url)
    return ok(
      {
        total_count: runs.length,
        workflow_runs: page.items.map((r) => workflowRun(ctx.links, ctx.state, repo, r)),
      },
      page.link ? { link: page.link } : undefined,
    )
  },

  'actions/get-workflow-run': (ctx) => {
    const repo = visibleRepo(ctx)
    const run = ctx.state.workflowRuns.find(
      (r) => r.repo === repo.full_name && r.id === num(ctx, 'run_id'),
    )
    if (!run) throw notFound()
    return ok(workflowRun(ctx.links, ctx.state, repo, run))
  },
}
