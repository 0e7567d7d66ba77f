// Issues: get, list (with the filters the CLI's dispatch-from-issues uses), create and update.
// The issues API sees pull requests too, as issues carrying `pull_request`.

import { HttpError, notFound, validationFailed } from '../errors.js'
import { paginate } from '../pagination.js'
import { issue } from '../render-issues.js'
import type { Issue, IssueStateReason, PullRequest, Repo } from '../state.js'
import { checkBodyLength } from './comments.js'
import {
  atLeast,
  created,
  forbidden,
  num,
  ok,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

// Filters GitHub has that these handlers do not implement: using one would silently match
// everything, so it is recorded instead.
const UNEMULATED_FILTERS = ['milestone', 'assignee', 'type', 'mentioned', 'issue_field_values']

function issuesOf(ctx: HandlerContext, repo: Repo): Array<Issue | PullRequest> {
  const full = repo.full_name.toLowerCase()
  return [
    ...ctx.state.issues.filter((i) => i.repo.toLowerCase() === full),
    ...ctx.state.pulls.filter((p) => p.repo.toLowerCase() === full),
  ]
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map((item) =>
    typeof item === 'string' ? item : String((item as { name?: unknown }).name ?? ''),
  )
}

function commentCount(ctx: HandlerContext, repo: Repo, item: Issue | PullRequest): number {
  return ctx.state.comments(repo.owner, repo.name, item.number).length
}

export const issueHandlers: Record<string, Handler> = {
  'issues/get': (ctx) => {
    const repo = visibleRepo(ctx)
    const item = ctx.state.issueLike(repo.owner, repo.name, num(ctx, 'issue_number'))
    if (!item) throw notFound()
    return ok(issue(ctx.links, ctx.state, repo, item))
  },

  'issues/list-for-repo': (ctx) => {
    const repo = visibleRepo(ctx)
    for (const name of UNEMULATED_FILTERS) {
      if (ctx.query[name] !== undefined)
        ctx.violation(`not emulated: issues/list-for-repo filter '${name}'`)
    }
    const state = (ctx.query.state as string | undefined) ?? 'open'
    const wanted = typeof ctx.query.labels === 'string' ? ctx.query.labels.split(',') : []
    const creator = (ctx.query.creator as string | undefined)?.toLowerCase()
    const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : undefined
    const sort = (ctx.query.sort as string | undefined) ?? 'created'
    const desc = (ctx.query.direction ?? 'desc') === 'desc'
    const items = issuesOf(ctx, repo)
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => creator === undefined || i.user.toLowerCase() === creator)
      .filter((i) => since === undefined || Date.parse(i.updated_at) >= since)
      .filter((i) => {
        const has = new Set(('head' in i ? [] : i.labels).map((l) => l.toLowerCase()))
        return wanted.every((l) => has.has(l.trim().toLowerCase()))
      })
      .sort((a, b) => {
        const cmp =
          sort === 'comments'
            ? commentCount(ctx, repo, a) - commentCount(ctx, repo, b)
            : a[sort === 'updated' ? 'updated_at' : 'created_at'].localeCompare(
                b[sort === 'updated' ? 'updated_at' : 'created_at'],
              )
        return (desc ? -cmp : cmp) || (desc ? b.number - a.number : a.number - b.number)
      })
    const page = paginate(items, ctx.query, ctx.url)
    return ok(
      page.items.map((i) => issue(ctx.links, ctx.state, repo, i)),
      page.link ? { link: page.link } : undefined,
    )
  },

  'issues/create': (ctx) => {
    const repo = visibleRepo(ctx)
    const body = ctx.body as { title: string | number; body?: string; labels?: unknown[] }
    const title = String(body.title)
    if (title.trim() === '')
      throw validationFailed({ resource: 'Issue', code: 'missing_field', field: 'title' })
    if (body.body !== undefined) checkBodyLength(ctx, body.body, 'Issue')
    let labels = labelNames(body.labels)
    // GitHub drops labels (and assignees) silently when the author may not triage.
    if (labels.length > 0 && !atLeast(ctx, repo, 'triage')) {
      ctx.violation('issues/create: labels from someone without triage access are dropped')
      labels = []
    }
    const made = ctx.state.addIssue({
      owner: repo.owner,
      repo: repo.name,
      user: ctx.identity.login,
      title,
      body: body.body ?? null,
      labels,
    })
    const json = issue(ctx.links, ctx.state, repo, made)
    return created(json, json.url)
  },

  'issues/update': (ctx) => {
    const repo = visibleRepo(ctx)
    const item = ctx.state.issueLike(repo.owner, repo.name, num(ctx, 'issue_number'))
    if (!item) throw notFound()
    const isAuthor = item.user.toLowerCase() === ctx.identity.login.toLowerCase()
    if (!isAuthor && !atLeast(ctx, repo, 'triage')) throw forbidden(ctx)
    const body = ctx.body as {
      title?: string | number | null
      body?: string | null
      state?: 'open' | 'closed'
      state_reason?: IssueStateReason | null
      labels?: unknown[]
    }
    if (body.body !== undefined && body.body !== null) checkBodyLength(ctx, body.body, 'Issue')
    if (body.title !== undefined && body.title !== null) item.title = String(body.title)
    if (body.body !== undefined) item.body = body.body
    if (body.state !== undefined && body.state !== item.state) {
      if ('head' in item && item.merged)
        throw new HttpError(422, 'Validation Failed', [
          { resource: 'Issue', code: 'invalid', field: 'state' },
        ])
      item.state = body.state
      item.closed_at = body.state === 'closed' ? ctx.state.now() : null
      if (!('head' in item)) {
        item.closed_by = body.state === 'closed' ? ctx.identity.login : null
        item.state_reason =
          body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
      }
    } else if (body.state_reason !== undefined && !('head' in item)) {
      item.state_reason = body.state_reason
    }
    if (body.labels !== undefined) {
      if (!atLeast(ctx, repo, 'triage')) {
        ctx.violation('issues/update: labels from someone without triage access are dropped')
      } else if ('head' in item) {
        ctx.violation('not emulated: labels on pull requests')
      } else {
        item.labels = labelNames(body.labels).map((name) => ctx.state.label(repo, name).name)
      }
    }
    item.updated_at = ctx.state.now()
    return ok(issue(ctx.links, ctx.state, repo, item))
  },
}
