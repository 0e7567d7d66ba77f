// Issue comments (on issues and pull requests alike). GitHub caps a comment body at 65536
// characters, a rule its OpenAPI description does not state.

import { notFound, validationFailed } from '../errors.js'
import { paginate } from '../pagination.js'
import { issueComment } from '../render.js'
import type { IssueComment } from '../state.js'
import {
  canWrite,
  created,
  forbidden,
  noContent,
  num,
  ok,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

export const MAX_COMMENT_LENGTH = 65536

/**
 * GitHub counts characters (code points), not UTF-16 units. Recorded as a violation too: code
 * under test is expected to keep bodies within the limit itself.
 */
export function checkBodyLength(ctx: HandlerContext, body: string, resource: string): void {
  const length = [...body].length
  if (length > MAX_COMMENT_LENGTH) {
    ctx.violation(
      `${ctx.operation.operationId}: body is too long (${length} > ${MAX_COMMENT_LENGTH} characters)`,
    )
    throw validationFailed({
      resource,
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
    })
  }
}

function checkCommentBody(ctx: HandlerContext): string {
  const text = String(ctx.body.body)
  if (text.trim() === '') {
    throw validationFailed({ resource: 'IssueComment', code: 'missing_field', field: 'body' })
  }
  checkBodyLength(ctx, text, 'IssueComment')
  return text
}

/** The comment named in the path, which must belong to the repository in the path. */
function commentInRepo(ctx: HandlerContext): IssueComment {
  const repo = visibleRepo(ctx)
  const comment = ctx.state.comment(num(ctx, 'comment_id'))
  if (!comment || comment.repo.toLowerCase() !== repo.full_name.toLowerCase()) throw notFound()
  return comment
}

function requireAuthorOrWriter(ctx: HandlerContext, comment: IssueComment): void {
  const repo = visibleRepo(ctx)
  if (comment.user.toLowerCase() !== ctx.identity.login.toLowerCase() && !canWrite(ctx, repo)) {
    throw forbidden(ctx)
  }
}

export const commentHandlers: Record<string, Handler> = {
  'issues/list-comments': (ctx) => {
    const repo = visibleRepo(ctx)
    const number = num(ctx, 'issue_number')
    if (!ctx.state.issueLike(repo.owner, repo.name, number)) throw notFound()
    let comments = ctx.state.comments(repo.owner, repo.name, number)
    if (typeof ctx.query.since === 'string') {
      const since = Date.parse(ctx.query.since)
      comments = comments.filter((c) => Date.parse(c.updated_at) >= since)
    }
    const page = paginate(comments, ctx.query, ctx.url)
    return ok(
      page.items.map((c) => issueComment(ctx.links, ctx.state, c)),
      page.link ? { link: page.link } : undefined,
    )
  },

  // Every issue and pull request comment of the repository: what a client polls to follow many
  // pull requests with one conditional request. GitHub sorts by id unless `sort` is given, and
  // `direction` is ignored without `sort`.
  'issues/list-comments-for-repo': (ctx) => {
    const repo = visibleRepo(ctx)
    const full = repo.full_name.toLowerCase()
    let comments = ctx.state.issueComments.filter((c) => c.repo.toLowerCase() === full)
    if (typeof ctx.query.since === 'string') {
      const since = Date.parse(ctx.query.since)
      comments = comments.filter((c) => Date.parse(c.updated_at) >= since)
    }
    const sort = ctx.query.sort as 'created' | 'updated' | undefined
    const desc = sort !== undefined && ctx.query.direction === 'desc'
    const key = sort === 'updated' ? 'updated_at' : 'created_at'
    comments = [...comments].sort((a, b) => {
      const cmp = (sort === undefined ? 0 : a[key].localeCompare(b[key])) || a.id - b.id
      return desc ? -cmp : cmp
    })
    const page = paginate(comments, ctx.query, ctx.url)
    return ok(
      page.items.map((c) => issueComment(ctx.links, ctx.state, c)),
      page.link ? { link: page.link } : undefined,
    )
  },

  'issues/create-comment': (ctx) => {
    const repo = visibleRepo(ctx)
    const number = num(ctx, 'issue_number')
    if (!ctx.state.issueLike(repo.owner, repo.name, number)) throw notFound()
    const body = checkCommentBody(ctx)
    const comment = ctx.state.addComment(repo.owner, repo.name, number, {
      body,
      user: ctx.identity.login,
    })
    const json = issueComment(ctx.links, ctx.state, comment)
    return created(json, json.url)
  },

  'issues/get-comment': (ctx) => ok(issueComment(ctx.links, ctx.state, commentInRepo(ctx))),

  'issues/update-comment': (ctx) => {
    const comment = commentInRepo(ctx)
    requireAuthorOrWriter(ctx, comment)
    comment.body = checkCommentBody(ctx)
    comment.updated_at = ctx.state.now()
    return ok(issueComment(ctx.links, ctx.state, comment))
  },

  'issues/delete-comment': (ctx) => {
    const comment = commentInRepo(ctx)
    requireAuthorOrWriter(ctx, comment)
    ctx.state.deleteComment(comment.id)
    return noContent()
  },
}
