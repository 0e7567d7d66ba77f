// The Query and Mutation roots: repository lookups by name or node id, the viewer, the rate
// limit, and the review-thread mutations with GitHub's permission rules.

import { parseGlobalId } from '../node-ids.js'
import { createReply } from '../reviews.js'
import type { PullRequest, Repo } from '../state.js'
import { forbidden, GitHubGraphQLError, notFound } from './errors.js'
import {
  canSee,
  canWrite,
  issueCommentView,
  pullView,
  repositoryView,
  reviewCommentView,
  reviewView,
  threadView,
  viewerView,
  type GraphQLContext,
} from './views.js'

function repoById(ctx: GraphQLContext, id: number): Repo | undefined {
  return [...ctx.state.repos.values()].find((r) => r.id === id)
}

function nodeMissing(id: string) {
  return notFound(`Could not resolve to a node with the global id of '${id}'`)
}

/** The object behind a global id, if the viewer may see it. */
function node(ctx: GraphQLContext, id: string) {
  const parsed = parseGlobalId(id)
  const repo = parsed && repoById(ctx, parsed.repoId)
  if (!parsed || !repo || !canSee(ctx, repo)) return undefined
  const { state } = ctx
  switch (parsed.prefix) {
    case 'R':
      return repositoryView(ctx, repo)
    case 'PR': {
      const pr = state.pulls.find((p) => p.id === parsed.id && p.repo === repo.full_name)
      return pr && pullView(ctx, repo, pr)
    }
    case 'PRRT': {
      const thread = state.reviewThread(parsed.id)
      return thread && thread.repo === repo.full_name ? threadView(ctx, thread) : undefined
    }
    case 'PRRC': {
      const comment = state.reviewComments.find((c) => c.id === parsed.id)
      return comment && comment.repo === repo.full_name
        ? reviewCommentView(ctx, comment)
        : undefined
    }
    case 'PRR': {
      const review = state.reviews.find((r) => r.id === parsed.id)
      return review && review.repo === repo.full_name ? reviewView(ctx, review) : undefined
    }
    case 'IC': {
      const comment = state.comment(parsed.id)
      return comment && comment.repo === repo.full_name ? issueCommentView(ctx, comment) : undefined
    }
  }
  return undefined
}

function permissionDenied(ctx: GraphQLContext, mutation: string) {
  return forbidden(
    ctx.identity.installation
      ? 'Resource not accessible by integration'
      : `${ctx.identity.login} does not have the correct permissions to execute \`${mutation}\``,
  )
}

/**
 * Resolving a conversation: the pull request's author or anyone with write access (GitHub's
 * rule). An installation token also needs `contents: write`, not only `pull-requests: write`.
 */
function threadToChange(ctx: GraphQLContext, threadId: string, mutation: string) {
  const parsed = parseGlobalId(threadId)
  const thread = parsed?.prefix === 'PRRT' ? ctx.state.reviewThread(parsed.id) : undefined
  const [owner, name] = thread ? thread.repo.split('/') : ['', '']
  const repo = thread && ctx.state.repo(owner, name)
  if (!thread || !repo || !canSee(ctx, repo)) throw nodeMissing(threadId)
  const pr = ctx.state.pull(owner, name, thread.pull_number) as PullRequest
  const author = pr.user.toLowerCase() === ctx.identity.login.toLowerCase()
  const scopes = ctx.identity.permissions
  const scoped =
    !ctx.identity.installation ||
    scopes === undefined ||
    (scopes.contents === 'write' && scopes['pull-requests'] === 'write')
  if (!(canWrite(ctx, repo) || author) || !scoped) throw permissionDenied(ctx, mutation)
  return thread
}

export function queryRoot(ctx: GraphQLContext) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = ctx.state.repo(owner, name)
      if (!repo || !canSee(ctx, repo)) {
        throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`)
      }
      return repositoryView(ctx, repo)
    },
    viewer: () => viewerView(ctx),
    node: ({ id }: { id: string }) => {
      const found = node(ctx, id)
      if (!found) throw nodeMissing(id)
      return found
    },
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => node(ctx, id) ?? null),
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      nodeCount: 0,
      remaining: 4999,
      used: 1,
      resetAt: new Date(ctx.state.nowMs() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  }
}

export function mutationRoot(ctx: GraphQLContext) {
  return {
    resolveReviewThread: ({
      input,
    }: {
      input: { threadId: string; clientMutationId?: string }
    }) => {
      const thread = threadToChange(ctx, input.threadId, 'ResolveReviewThread')
      ctx.state.resolveThread(thread.id, ctx.identity.login)
      return { clientMutationId: input.clientMutationId ?? null, thread: threadView(ctx, thread) }
    },
    unresolveReviewThread: ({
      input,
    }: {
      input: { threadId: string; clientMutationId?: string }
    }) => {
      const thread = threadToChange(ctx, input.threadId, 'UnresolveReviewThread')
      ctx.state.unresolveThread(thread.id)
      return { clientMutationId: input.clientMutationId ?? null, thread: threadView(ctx, thread) }
    },
    addPullRequestReviewThreadReply: ({
      input,
    }: {
      input: { pullRequestReviewThreadId: string; body: string; clientMutationId?: string }
    }) => {
      const parsed = parseGlobalId(input.pullRequestReviewThreadId)
      const thread = parsed?.prefix === 'PRRT' ? ctx.state.reviewThread(parsed.id) : undefined
      const [owner, name] = thread ? thread.repo.split('/') : ['', '']
      const repo = thread && ctx.state.repo(owner, name)
      if (!thread || !repo || !canSee(ctx, repo)) throw nodeMissing(input.pullRequestReviewThreadId)
      if (input.body.trim() === '') {
        throw new GitHubGraphQLError("Body can't be blank", 'UNPROCESSABLE')
      }
      const pr = ctx.state.pull(owner, name, thread.pull_number) as PullRequest
      const [first] = ctx.state.commentsInThread(thread.id)
      const comment = createReply(ctx.state, pr, first, {
        user: ctx.identity.login,
        body: input.body,
      })
      return {
        clientMutationId: input.clientMutationId ?? null,
        comment: reviewCommentView(ctx, comment),
      }
    },
  }
}
