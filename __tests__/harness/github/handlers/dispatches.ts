// repository_dispatch and workflow_dispatch: recorded in state.dispatches, each starting the
// runs GitHub would start (queued), and handed to state.hooks.onDispatch so a test can run the
// action for them. Both answer 204 (workflow_dispatch 200 with the run when asked to).

import { workflowOf, type Dispatch } from '../actions-model.js'
import { HttpError, notFound, validationFailed } from '../errors.js'
import type { Repo, WorkflowRun } from '../state.js'
import {
  canWrite,
  forbidden,
  refsOf,
  str,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

const MAX_CLIENT_PAYLOAD_BYTES = 64 * 1024

function requireWriter(ctx: HandlerContext, repo: Repo): void {
  if (!canWrite(ctx, repo)) throw forbidden(ctx)
}

function announce(ctx: HandlerContext, dispatch: Dispatch): void {
  ctx.state.dispatches.push(dispatch)
  const hook = ctx.state.hooks.onDispatch
  if (hook) ctx.after(() => hook(dispatch))
}

export const dispatchHandlers: Record<string, Handler> = {
  'repos/create-dispatch-event': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWriter(ctx, repo)
    const body = ctx.body as { event_type: string; client_payload?: Record<string, unknown> }
    const payload = body.client_payload ?? {}
    if (Buffer.byteLength(JSON.stringify(payload)) >= MAX_CLIENT_PAYLOAD_BYTES) {
      throw validationFailed({
        resource: 'Repository',
        code: 'custom',
        field: 'client_payload',
        message: 'client_payload is too large',
      })
    }
    // Workflows run from the default branch for this event.
    const sha = (await refsOf(repo).resolve(`refs/heads/${repo.default_branch}`)) ?? '0'.repeat(40)
    const runs: WorkflowRun[] = ctx.state.workflows
      .filter(
        (w) =>
          w.repo === repo.full_name && w.state === 'active' && w.on.includes('repository_dispatch'),
      )
      .map((w) =>
        ctx.state.addWorkflowRun(repo.owner, repo.name, {
          path: w.path,
          workflow_id: w.id,
          head_sha: sha,
          head_branch: repo.default_branch,
          event: 'repository_dispatch',
          status: 'queued',
          display_title: body.event_type,
          actor: ctx.identity.login,
        }),
      )
    announce(ctx, {
      kind: 'repository_dispatch',
      repo: repo.full_name,
      event_type: body.event_type,
      client_payload: payload,
      sender: ctx.identity.login,
      at: ctx.state.now(),
      runs,
    })
    return { status: 204 }
  },

  'actions/create-workflow-dispatch': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWriter(ctx, repo)
    const workflow = workflowOf(ctx.state, repo, str(ctx, 'workflow_id'))
    if (!workflow) throw notFound()
    const body = ctx.body as {
      ref: string
      inputs?: Record<string, unknown>
      return_run_details?: boolean
    }
    if (!workflow.on.includes('workflow_dispatch')) {
      throw new HttpError(422, "Workflow does not have 'workflow_dispatch' trigger")
    }
    const refs = refsOf(repo)
    const ref = body.ref.replace(/^refs\/(heads|tags)\//, '')
    const sha =
      (await refs.resolve(body.ref.startsWith('refs/') ? body.ref : `refs/heads/${ref}`)) ??
      (await refs.resolve(`refs/tags/${ref}`))
    if (sha === null) throw new HttpError(422, `No ref found for: ${body.ref}`)
    const inputs = { ...body.inputs }
    if (workflow.inputs) {
      const unexpected = Object.keys(inputs).filter((k) => !(k in (workflow.inputs ?? {})))
      if (unexpected.length > 0) {
        throw new HttpError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`)
      }
      for (const [name, spec] of Object.entries(workflow.inputs)) {
        if (inputs[name] === undefined && spec.default !== undefined) inputs[name] = spec.default
        if (inputs[name] === undefined && spec.required) {
          throw new HttpError(422, `Required input '${name}' not provided`)
        }
      }
    }
    const run = ctx.state.addWorkflowRun(repo.owner, repo.name, {
      path: workflow.path,
      workflow_id: workflow.id,
      head_sha: sha,
      head_branch: ref,
      event: 'workflow_dispatch',
      status: 'queued',
      display_title: workflow.name,
      actor: ctx.identity.login,
    })
    announce(ctx, {
      kind: 'workflow_dispatch',
      repo: repo.full_name,
      workflow,
      ref: body.ref,
      inputs,
      sender: ctx.identity.login,
      at: ctx.state.now(),
      runs: [run],
    })
    if (body.return_run_details) {
      return {
        status: 200,
        body: {
          workflow_run_id: run.id,
          run_url: `${ctx.links.api}/repos/${repo.full_name}/actions/runs/${run.id}`,
          html_url: run.html_url,
        },
      }
    }
    return { status: 204 }
  },
}
