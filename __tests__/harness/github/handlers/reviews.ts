// Pull request reviews and review comments (REST). The rules live in ../reviews.ts, shared with
// GraphQL and the seeding helpers; here they meet HTTP: who may do what, and GitHub's wording
// for a refusal (a review's errors are sentences, a single comment's are field errors).

import { HttpError, notFound, validationFailed } from '../errors.js'
import { paginate } from '../pagination.js'
import { review, reviewComment } from '../render-reviews.js'
import { commentFieldErrors, reviewErrorText, type CommentTarget } from '../review-lines.js'
import {
  CommitNotInPull,
  createReply,
  createReview,
  createSingleComment,
  PlacementRejected,
  ReviewRefused,
  submitReview,
  threadNow,
  visibleTo,
  type NewReviewComment,
  type ReviewEvent,
  type ThreadNow,
} from '../reviews.js'
import type { PullShas } from '../pull-shas.js'
import type { PullRequest, Repo, Review, ReviewComment } from '../state.js'
import { checkBodyLength } from './comments.js'
import {
  canWrite,
  created,
  forbidden,
  liveShas,
  num,
  ok,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

function findPull(ctx: HandlerContext, repo: Repo): PullRequest {
  const pr = ctx.state.pull(repo.owner, repo.name, num(ctx, 'pull_number'))
  if (!pr) throw notFound()
  return pr
}

function unprocessable(sentence: string): HttpError {
  return new HttpError(422, 'Unprocessable Entity', [sentence])
}

function findReview(ctx: HandlerContext, pr: PullRequest): Review {
  const item = ctx.state.reviews.find(
    (r) => r.id === num(ctx, 'review_id') && r.repo === pr.repo && r.pull_number === pr.number,
  )
  if (!item || (item.state === 'PENDING' && !sameLogin(item.user, ctx.identity.login))) {
    throw notFound()
  }
  return item
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The review comment in the path, which must belong to the repository (and the PR, if given). */
function findComment(ctx: HandlerContext, repo: Repo, pr?: PullRequest): ReviewComment {
  const comment = ctx.state.reviewComments.find((c) => c.id === num(ctx, 'comment_id'))
  if (
    !comment ||
    comment.repo.toLowerCase() !== repo.full_name.toLowerCase() ||
    (pr && comment.pull_number !== pr.number) ||
    !visibleTo(ctx.state, ctx.identity.login)(comment)
  ) {
    throw notFound()
  }
  return comment
}

/** Renders comments, placing each thread on the current head once. */
async function renderComments(ctx: HandlerContext, comments: ReviewComment[]) {
  const places = new Map<number, ThreadNow>()
  const shas = new Map<string, PullShas>()
  const out = []
  for (const comment of comments) {
    const thread = ctx.state.reviewThread(comment.thread_id)
    if (!thread) continue
    let now = places.get(thread.id)
    if (!now) {
      const key = `${thread.repo}#${thread.pull_number}`
      const pr = ctx.state.pull(...(thread.repo.split('/') as [string, string]), thread.pull_number)
      if (pr && !shas.has(key)) shas.set(key, await liveShas(ctx, pr))
      now = await threadNow(ctx.state, thread, shas.get(key))
      places.set(thread.id, now)
    }
    out.push(reviewComment(ctx.links, ctx.state, comment, thread, now))
  }
  return out
}

function sortComments(ctx: HandlerContext, comments: ReviewComment[]): ReviewComment[] {
  const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : undefined
  const key = ctx.query.sort === 'updated' ? 'updated_at' : 'created_at'
  // GitHub: ascending by id unless a sort is given; then descending unless told otherwise.
  const desc =
    ctx.query.sort === undefined ? ctx.query.direction === 'desc' : ctx.query.direction !== 'asc'
  return comments
    .filter((c) => since === undefined || Date.parse(c.updated_at) >= since)
    .sort((a, b) => {
      const cmp =
        ctx.query.sort === undefined ? a.id - b.id : a[key].localeCompare(b[key]) || a.id - b.id
      return desc ? -cmp : cmp
    })
}

async function listed(ctx: HandlerContext, comments: ReviewComment[]) {
  const page = paginate(sortComments(ctx, comments), ctx.query, ctx.url)
  return ok(await renderComments(ctx, page.items), page.link ? { link: page.link } : undefined)
}

function requireAuthorOrWriter(ctx: HandlerContext, repo: Repo, author: string): void {
  if (!sameLogin(author, ctx.identity.login) && !canWrite(ctx, repo)) throw forbidden(ctx)
}

export const reviewHandlers: Record<string, Handler> = {
  'pulls/create-review': async (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    const body = ctx.body as {
      commit_id?: string
      body?: string
      event?: ReviewEvent
      comments?: NewReviewComment[]
    }
    if (body.body !== undefined) checkBodyLength(ctx, body.body, 'PullRequestReview')
    for (const comment of body.comments ?? [])
      checkBodyLength(ctx, comment.body, 'PullRequestReviewComment')
    if (body.event === 'APPROVE' && ctx.identity.installation && !repo.actions_can_approve) {
      throw unprocessable('GitHub Actions is not permitted to approve pull requests.')
    }
    await liveShas(ctx, pr)
    try {
      const made = await createReview(ctx.state, pr, {
        user: ctx.identity.login,
        body: body.body,
        event: body.event,
        commit_id: body.commit_id,
        comments: body.comments,
      })
      return ok(review(ctx.links, ctx.state, made))
    } catch (error) {
      if (error instanceof PlacementRejected) throw unprocessable(reviewErrorText(error.problems))
      if (error instanceof ReviewRefused) throw unprocessable(error.message)
      if (error instanceof CommitNotInPull) {
        throw unprocessable(
          "Pull request review thread end commit oid is not part of the pull request and Pull request review thread diff hunk can't be blank",
        )
      }
      throw error
    }
  },

  'pulls/list-reviews': (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    const reviews = ctx.state
      .reviewsOn(repo.owner, repo.name, pr.number)
      .filter((r) => r.state !== 'PENDING' || sameLogin(r.user, ctx.identity.login))
      .sort((a, b) => a.id - b.id)
    const page = paginate(reviews, ctx.query, ctx.url)
    return ok(
      page.items.map((r) => review(ctx.links, ctx.state, r)),
      page.link ? { link: page.link } : undefined,
    )
  },

  'pulls/get-review': (ctx) => {
    const repo = visibleRepo(ctx)
    return ok(review(ctx.links, ctx.state, findReview(ctx, findPull(ctx, repo))))
  },

  'pulls/update-review': (ctx) => {
    const repo = visibleRepo(ctx)
    const item = findReview(ctx, findPull(ctx, repo))
    if (!sameLogin(item.user, ctx.identity.login)) throw forbidden(ctx)
    const text = String(ctx.body.body)
    checkBodyLength(ctx, text, 'PullRequestReview')
    item.body = text
    return ok(review(ctx.links, ctx.state, item))
  },

  'pulls/submit-review': (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    const item = findReview(ctx, pr)
    if (!sameLogin(item.user, ctx.identity.login)) throw notFound()
    const body = ctx.body as { event: ReviewEvent; body?: string }
    try {
      return ok(
        review(ctx.links, ctx.state, submitReview(ctx.state, pr, item, body.event, body.body)),
      )
    } catch (error) {
      if (error instanceof ReviewRefused) throw unprocessable(error.message)
      throw error
    }
  },

  'pulls/delete-pending-review': (ctx) => {
    const repo = visibleRepo(ctx)
    const item = findReview(ctx, findPull(ctx, repo))
    if (item.state !== 'PENDING')
      throw unprocessable('Can not delete a non-pending pull request review')
    const json = review(ctx.links, ctx.state, item)
    ctx.state.reviews.splice(ctx.state.reviews.indexOf(item), 1)
    for (let i = ctx.state.reviewComments.length - 1; i >= 0; i--) {
      const comment = ctx.state.reviewComments[i]
      if (comment.review_id !== item.id) continue
      ctx.state.reviewComments.splice(i, 1)
      const t = ctx.state.reviewThreads.findIndex((thread) => thread.id === comment.thread_id)
      if (t >= 0 && ctx.state.commentsInThread(comment.thread_id).length === 0)
        ctx.state.reviewThreads.splice(t, 1)
    }
    return ok(json)
  },

  'pulls/list-comments-for-review': (ctx) => {
    const repo = visibleRepo(ctx)
    const item = findReview(ctx, findPull(ctx, repo))
    return listed(
      ctx,
      ctx.state.reviewComments.filter((c) => c.review_id === item.id),
    )
  },

  'pulls/list-review-comments': (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    return listed(
      ctx,
      ctx.state
        .reviewCommentsOn(repo.owner, repo.name, pr.number)
        .filter(visibleTo(ctx.state, ctx.identity.login)),
    )
  },

  'pulls/list-review-comments-for-repo': (ctx) => {
    const repo = visibleRepo(ctx)
    return listed(
      ctx,
      ctx.state.reviewComments
        .filter((c) => c.repo.toLowerCase() === repo.full_name.toLowerCase())
        .filter(visibleTo(ctx.state, ctx.identity.login)),
    )
  },

  'pulls/get-review-comment': async (ctx) => {
    const repo = visibleRepo(ctx)
    return ok((await renderComments(ctx, [findComment(ctx, repo)]))[0])
  },

  'pulls/update-review-comment': async (ctx) => {
    const repo = visibleRepo(ctx)
    const comment = findComment(ctx, repo)
    requireAuthorOrWriter(ctx, repo, comment.user)
    const text = String(ctx.body.body)
    checkBodyLength(ctx, text, 'PullRequestReviewComment')
    comment.body = text
    comment.updated_at = ctx.state.now()
    return ok((await renderComments(ctx, [comment]))[0])
  },

  'pulls/delete-review-comment': (ctx) => {
    const repo = visibleRepo(ctx)
    const comment = findComment(ctx, repo)
    requireAuthorOrWriter(ctx, repo, comment.user)
    ctx.state.reviewComments.splice(ctx.state.reviewComments.indexOf(comment), 1)
    if (ctx.state.commentsInThread(comment.thread_id).length === 0) {
      const t = ctx.state.reviewThreads.findIndex((thread) => thread.id === comment.thread_id)
      if (t >= 0) ctx.state.reviewThreads.splice(t, 1)
    }
    return { status: 204 }
  },

  'pulls/create-review-comment': async (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    const body = ctx.body as unknown as CommentTarget & {
      body: string
      commit_id: string
      in_reply_to?: number
    }
    checkBodyLength(ctx, body.body, 'PullRequestReviewComment')
    await liveShas(ctx, pr)
    if (body.in_reply_to !== undefined) {
      // "When specified, all parameters other than body in the request body are ignored."
      const to = ctx.state.reviewComments.find(
        (c) => c.id === body.in_reply_to && c.repo === pr.repo && c.pull_number === pr.number,
      )
      if (!to) throw notFound()
      const reply = createReply(ctx.state, pr, to, { user: ctx.identity.login, body: body.body })
      const json = (await renderComments(ctx, [reply]))[0]
      return created(json, json.url)
    }
    try {
      const comment = await createSingleComment(ctx.state, pr, {
        ...body,
        user: ctx.identity.login,
      })
      const json = (await renderComments(ctx, [comment]))[0]
      return created(json, json.url)
    } catch (error) {
      if (error instanceof PlacementRejected)
        throw validationFailed(...commentFieldErrors(error.problems))
      if (error instanceof CommitNotInPull) {
        throw validationFailed(
          {
            resource: 'PullRequestReviewComment',
            code: 'custom',
            field: 'pull_request_review_thread.end_commit_oid',
            message: 'pull_request_review_thread.end_commit_oid is not part of the pull request',
          },
          {
            resource: 'PullRequestReviewComment',
            code: 'missing_field',
            field: 'pull_request_review_thread.diff_hunk',
          },
        )
      }
      throw error
    }
  },

  'pulls/create-reply-for-review-comment': async (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    const to = findComment(ctx, repo, pr)
    checkBodyLength(ctx, String(ctx.body.body), 'PullRequestReviewComment')
    if (to.in_reply_to_id !== null) {
      ctx.violation(
        `pulls/create-reply-for-review-comment: comment ${to.id} is a reply; GitHub documents that replies to replies are not supported (reply to ${to.in_reply_to_id})`,
      )
    }
    await liveShas(ctx, pr)
    const reply = createReply(ctx.state, pr, to, {
      user: ctx.identity.login,
      body: String(ctx.body.body),
    })
    const json = (await renderComments(ctx, [reply]))[0]
    return created(json, json.url)
  },
}
