// Reactions on issues/pull requests and on issue comments. Reacting twice with the same content
// returns the existing reaction with 200 instead of 201, as GitHub does.

import { notFound } from '../errors.js'
import { paginate } from '../pagination.js'
import { reaction } from '../render.js'
import type { ReactionContent, ReactionSubject } from '../state.js'
import { created, num, ok, visibleRepo, type Handler, type HandlerContext } from './context.js'

function issueSubject(ctx: HandlerContext): ReactionSubject {
  const repo = visibleRepo(ctx)
  const number = num(ctx, 'issue_number')
  if (!ctx.state.issueLike(repo.owner, repo.name, number)) throw notFound()
  return { type: 'issue', repo: repo.full_name, number }
}

function commentSubject(ctx: HandlerContext): ReactionSubject {
  const repo = visibleRepo(ctx)
  const comment = ctx.state.comment(num(ctx, 'comment_id'))
  if (!comment || comment.repo.toLowerCase() !== repo.full_name.toLowerCase()) throw notFound()
  return { type: 'comment', repo: repo.full_name, id: comment.id }
}

function create(subjectOf: (ctx: HandlerContext) => ReactionSubject): Handler {
  return (ctx) => {
    const subject = subjectOf(ctx)
    const content = ctx.body.content as ReactionContent
    const login = ctx.identity.login.toLowerCase()
    const existing = ctx.state
      .reactionsOn(subject)
      .find((r) => r.content === content && r.user.toLowerCase() === login)
    if (existing) return ok(reaction(ctx.links, ctx.state, existing))
    const added = ctx.state.addReaction(subject, { content, user: ctx.identity.login })
    return created(reaction(ctx.links, ctx.state, added))
  }
}

function list(subjectOf: (ctx: HandlerContext) => ReactionSubject): Handler {
  return (ctx) => {
    const all = ctx.state
      .reactionsOn(subjectOf(ctx))
      .filter((r) => ctx.query.content === undefined || r.content === ctx.query.content)
    const page = paginate(all, ctx.query, ctx.url)
    return ok(
      page.items.map((r) => reaction(ctx.links, ctx.state, r)),
      page.link ? { link: page.link } : undefined,
    )
  }
}

export const reactionHandlers: Record<string, Handler> = {
  'reactions/create-for-issue': create(issueSubject),
  'reactions/list-for-issue': list(issueSubject),
  'reactions/create-for-issue-comment': create(commentSubject),
  'reactions/list-for-issue-comment': list(commentSubject),
}
