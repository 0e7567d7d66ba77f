// Emulator state seen through GitHub's GraphQL types: plain objects whose fields are values or
// functions of the field's arguments (graphql-js's default resolver calls them), with
// `__typename` where the schema has an interface or union. A field left out here is "not
// emulated": the endpoint answers null for it and records that, so a test notices.

import type { Links } from '../links.js'
import { globalId } from '../node-ids.js'
import { currentShas, type PullShas } from '../pull-shas.js'
import { authorAssociation } from '../render.js'
import { threadComments, threadNow, visibleTo, type ThreadNow } from '../reviews.js'
import type {
  EmulatorState,
  Identity,
  Issue,
  IssueComment,
  Permission,
  PullRequest,
  Repo,
  Review,
  ReviewComment,
  ReviewThread,
} from '../state.js'
import { connection, type ConnectionArgs } from './connection.js'
import { notFound } from './errors.js'

export interface GraphQLContext {
  state: EmulatorState
  links: Links
  identity: Identity
  /** Where each thread sits on the head now, computed once per request. */
  places: Map<number, Promise<ThreadNow>>
  /** Each pull request's SHAs now (by "owner/name#number"), read once per request. */
  shas: Map<string, Promise<PullShas>>
}

type View = Record<string, unknown>

const WRITE: Permission[] = ['write', 'maintain', 'admin']

export function roleOf(ctx: GraphQLContext, repo: Repo): Permission {
  return ctx.identity.installation ? 'write' : ctx.state.permission(repo, ctx.identity.login)
}

export function canSee(ctx: GraphQLContext, repo: Repo): boolean {
  if (ctx.identity.installation) {
    const allowed = ctx.identity.repositories
    return (
      allowed === undefined || allowed.some((r) => r.toLowerCase() === repo.full_name.toLowerCase())
    )
  }
  return roleOf(ctx, repo) !== 'none'
}

export function canWrite(ctx: GraphQLContext, repo: Repo): boolean {
  return WRITE.includes(roleOf(ctx, repo))
}

function repoOfName(ctx: GraphQLContext, fullName: string): Repo {
  const [owner, name] = fullName.split('/')
  const repo = ctx.state.repo(owner, name)
  if (!repo) throw new Error(`emulator: no repository ${fullName}`)
  return repo
}

/** An Actor. GraphQL drops the "[bot]" suffix REST shows ("github-actions", not "github-actions[bot]"). */
export function actorView(ctx: GraphQLContext, login: string): View {
  const user = ctx.state.ensureUser(login)
  const bot = user.type === 'Bot'
  const shown = bot ? user.login.replace(/\[bot\]$/, '') : user.login
  const path = bot ? `/apps/${shown}` : `/${user.login}`
  return {
    __typename: bot ? 'Bot' : user.type === 'Organization' ? 'Organization' : 'User',
    id: globalId(bot ? 'BOT' : 'U', 0, user.id),
    databaseId: user.id,
    login: shown,
    name: user.name,
    avatarUrl: () => `${ctx.links.web}/avatars/u/${user.id}?v=4`,
    resourcePath: path,
    url: `${ctx.links.web}${path}`,
    createdAt: user.created_at,
    updatedAt: user.created_at,
  }
}

/** `viewer` (type User): an installation's viewer keeps its "[bot]" login. */
export function viewerView(ctx: GraphQLContext): View {
  const user = ctx.state.ensureUser(ctx.identity.login)
  return { ...actorView(ctx, user.login), __typename: 'User', login: user.login }
}

function shasOf(ctx: GraphQLContext, pr: PullRequest): Promise<PullShas> {
  const key = `${pr.repo}#${pr.number}`
  let found = ctx.shas.get(key)
  if (!found) {
    found = currentShas(ctx.state, pr)
    ctx.shas.set(key, found)
  }
  return found
}

function place(ctx: GraphQLContext, thread: ReviewThread): Promise<ThreadNow> {
  let found = ctx.places.get(thread.id)
  if (!found) {
    const [owner, name] = thread.repo.split('/')
    const pr = ctx.state.pull(owner, name, thread.pull_number)
    found = (pr ? shasOf(ctx, pr) : Promise.resolve(undefined)).then((shas) =>
      threadNow(ctx.state, thread, shas),
    )
    ctx.places.set(thread.id, found)
  }
  return found
}

const visibleComments = (ctx: GraphQLContext, comments: ReviewComment[]) =>
  comments.filter(visibleTo(ctx.state, ctx.identity.login))

export function reviewCommentView(ctx: GraphQLContext, comment: ReviewComment): View {
  const thread = ctx.state.reviewThread(comment.thread_id) as ReviewThread
  const repo = repoOfName(ctx, comment.repo)
  const review = ctx.state.reviews.find((r) => r.id === comment.review_id)
  const mine = comment.user.toLowerCase() === ctx.identity.login.toLowerCase()
  return {
    __typename: 'PullRequestReviewComment',
    id: comment.node_id,
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    author: actorView(ctx, comment.user),
    authorAssociation: authorAssociation(ctx.state, comment.repo, comment.user),
    body: comment.body,
    bodyText: comment.body,
    diffHunk: thread.diff_hunk,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    publishedAt: comment.created_at,
    lastEditedAt: comment.updated_at === comment.created_at ? null : comment.updated_at,
    includesCreatedEdit: false,
    url: comment.html_url,
    resourcePath: new URL(comment.html_url).pathname + new URL(comment.html_url).hash,
    path: thread.path,
    line: async () => (await place(ctx, thread)).line,
    startLine: async () => (await place(ctx, thread)).start_line,
    originalLine: thread.original_line,
    originalStartLine: thread.original_start_line,
    position: async () => (await place(ctx, thread)).position,
    originalPosition: thread.original_position ?? 0,
    outdated: async () => (await place(ctx, thread)).outdated,
    subjectType: thread.subject_type === 'file' ? 'FILE' : 'LINE',
    state: review?.state === 'PENDING' ? 'PENDING' : 'SUBMITTED',
    isMinimized: false,
    minimizedReason: null,
    replyTo: () => {
      const to = ctx.state.reviewComments.find((c) => c.id === comment.in_reply_to_id)
      return to ? reviewCommentView(ctx, to) : null
    },
    pullRequestReview: () => (review ? reviewView(ctx, review) : null),
    pullRequest: () =>
      pullView(
        ctx,
        repo,
        ctx.state.pull(repo.owner, repo.name, comment.pull_number) as PullRequest,
      ),
    repository: () => repositoryView(ctx, repo),
    viewerDidAuthor: mine,
    viewerCanUpdate: mine || canWrite(ctx, repo),
    viewerCanDelete: mine || canWrite(ctx, repo),
  }
}

export function threadView(ctx: GraphQLContext, thread: ReviewThread): View {
  const repo = repoOfName(ctx, thread.repo)
  const pr = ctx.state.pull(repo.owner, repo.name, thread.pull_number) as PullRequest
  const mayResolve =
    canWrite(ctx, repo) || pr.user.toLowerCase() === ctx.identity.login.toLowerCase()
  return {
    __typename: 'PullRequestReviewThread',
    id: thread.node_id,
    isResolved: thread.resolved,
    isCollapsed: thread.resolved,
    isOutdated: async () => (await place(ctx, thread)).outdated,
    path: thread.path,
    line: async () => (await place(ctx, thread)).line,
    startLine: async () => (await place(ctx, thread)).start_line,
    originalLine: thread.original_line,
    originalStartLine: thread.original_start_line,
    diffSide: thread.side,
    startDiffSide: thread.start_side,
    subjectType: thread.subject_type === 'file' ? 'FILE' : 'LINE',
    resolvedBy: thread.resolved_by ? actorView(ctx, thread.resolved_by) : null,
    viewerCanResolve: mayResolve && !thread.resolved,
    viewerCanUnresolve: mayResolve && thread.resolved,
    viewerCanReply: canSee(ctx, repo),
    comments: (args: ConnectionArgs & { skip?: number | null }) =>
      connection(
        visibleComments(ctx, threadComments(ctx.state, thread))
          .slice(args.skip ?? 0)
          .map((c) => reviewCommentView(ctx, c)),
        args,
        'comments',
      ),
    pullRequest: () => pullView(ctx, repo, pr),
    repository: () => repositoryView(ctx, repo),
  }
}

export function reviewView(ctx: GraphQLContext, review: Review): View {
  const repo = repoOfName(ctx, review.repo)
  return {
    __typename: 'PullRequestReview',
    id: review.node_id,
    databaseId: review.id,
    fullDatabaseId: String(review.id),
    author: actorView(ctx, review.user),
    authorAssociation: authorAssociation(ctx.state, review.repo, review.user),
    body: review.body,
    bodyText: review.body,
    state: review.state,
    submittedAt: review.submitted_at,
    createdAt: review.submitted_at ?? ctx.state.now(),
    updatedAt: review.submitted_at ?? ctx.state.now(),
    publishedAt: review.submitted_at,
    url: review.html_url,
    viewerDidAuthor: review.user.toLowerCase() === ctx.identity.login.toLowerCase(),
    comments: (args: ConnectionArgs) =>
      connection(
        visibleComments(
          ctx,
          ctx.state.reviewComments.filter((c) => c.review_id === review.id),
        ).map((c) => reviewCommentView(ctx, c)),
        args,
        'comments',
      ),
    pullRequest: () =>
      pullView(ctx, repo, ctx.state.pull(repo.owner, repo.name, review.pull_number) as PullRequest),
    repository: () => repositoryView(ctx, repo),
  }
}

export function issueCommentView(ctx: GraphQLContext, comment: IssueComment): View {
  const repo = repoOfName(ctx, comment.repo)
  const mine = comment.user.toLowerCase() === ctx.identity.login.toLowerCase()
  return {
    __typename: 'IssueComment',
    id: globalId('IC', repo.id, comment.id),
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    author: actorView(ctx, comment.user),
    authorAssociation: authorAssociation(ctx.state, comment.repo, comment.user),
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    publishedAt: comment.created_at,
    url: comment.html_url,
    isMinimized: false,
    minimizedReason: null,
    viewerDidAuthor: mine,
    viewerCanUpdate: mine || canWrite(ctx, repo),
    viewerCanDelete: mine || canWrite(ctx, repo),
    repository: () => repositoryView(ctx, repo),
  }
}

export function pullView(ctx: GraphQLContext, repo: Repo, pr: PullRequest): View {
  const shas = () => shasOf(ctx, pr)
  return {
    __typename: 'PullRequest',
    id: globalId('PR', repo.id, pr.id),
    databaseId: pr.id,
    fullDatabaseId: String(pr.id),
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    bodyText: pr.body ?? '',
    state: pr.merged ? 'MERGED' : pr.state === 'open' ? 'OPEN' : 'CLOSED',
    closed: pr.state === 'closed',
    merged: pr.merged,
    isDraft: pr.draft,
    url: pr.html_url,
    resourcePath: new URL(pr.html_url).pathname,
    createdAt: pr.created_at,
    updatedAt: pr.updated_at,
    closedAt: pr.closed_at,
    mergedAt: pr.merged_at,
    author: actorView(ctx, pr.user),
    authorAssociation: authorAssociation(ctx.state, pr.repo, pr.user),
    maintainerCanModify: pr.maintainer_can_modify,
    headRefName: pr.head.ref,
    baseRefName: pr.base.ref,
    headRefOid: async () => (await shas()).head,
    baseRefOid: async () => (await shas()).base,
    isCrossRepository: pr.head.repo !== pr.repo,
    headRepository: () => {
      if (!pr.head.repo) return null
      const head = ctx.state.repo(...(pr.head.repo.split('/') as [string, string]))
      return head && canSee(ctx, head) ? repositoryView(ctx, head) : null
    },
    repository: () => repositoryView(ctx, repo),
    reviewThreads: (args: ConnectionArgs) =>
      connection(
        ctx.state
          .threadsOn(repo.owner, repo.name, pr.number)
          .filter((t) => visibleComments(ctx, threadComments(ctx.state, t)).length > 0)
          .map((t) => threadView(ctx, t)),
        args,
        'reviewThreads',
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null; author?: string | null }) =>
      connection(
        ctx.state
          .reviewsOn(repo.owner, repo.name, pr.number)
          .filter(
            (r) =>
              r.state !== 'PENDING' || r.user.toLowerCase() === ctx.identity.login.toLowerCase(),
          )
          .filter((r) => !args.states || args.states.includes(r.state))
          .filter((r) => !args.author || r.user.toLowerCase() === args.author.toLowerCase())
          .map((r) => reviewView(ctx, r)),
        args,
        'reviews',
      ),
    comments: (args: ConnectionArgs) =>
      connection(
        ctx.state.comments(repo.owner, repo.name, pr.number).map((c) => issueCommentView(ctx, c)),
        args,
        'comments',
      ),
  }
}

function issueView(ctx: GraphQLContext, repo: Repo, issue: Issue): View {
  return {
    __typename: 'Issue',
    id: globalId('I', repo.id, issue.id),
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    bodyText: issue.body ?? '',
    state: issue.state === 'open' ? 'OPEN' : 'CLOSED',
    stateReason: issue.state_reason?.toUpperCase() ?? null,
    closed: issue.state === 'closed',
    url: issue.html_url,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at,
    author: actorView(ctx, issue.user),
    repository: () => repositoryView(ctx, repo),
    comments: (args: ConnectionArgs) =>
      connection(
        ctx.state
          .comments(repo.owner, repo.name, issue.number)
          .map((c) => issueCommentView(ctx, c)),
        args,
        'comments',
      ),
  }
}

const VIEWER_PERMISSION: Record<Permission, string | null> = {
  admin: 'ADMIN',
  maintain: 'MAINTAIN',
  write: 'WRITE',
  triage: 'TRIAGE',
  read: 'READ',
  none: null,
}

export function repositoryView(ctx: GraphQLContext, repo: Repo): View {
  return {
    __typename: 'Repository',
    id: globalId('R', repo.id, repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.full_name,
    owner: actorView(ctx, repo.owner),
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    url: `${ctx.links.web}/${repo.full_name}`,
    createdAt: repo.created_at,
    defaultBranchRef: { __typename: 'Ref', name: repo.default_branch, prefix: 'refs/heads/' },
    viewerPermission: VIEWER_PERMISSION[roleOf(ctx, repo)],
    pullRequest: ({ number }: { number: number }) => {
      const pr = ctx.state.pull(repo.owner, repo.name, number)
      if (!pr) throw notFound(`Could not resolve to a PullRequest with the number of ${number}.`)
      return pullView(ctx, repo, pr)
    },
    issue: ({ number }: { number: number }) => {
      const issue = ctx.state.issue(repo.owner, repo.name, number)
      if (!issue) throw notFound(`Could not resolve to an Issue with the number of ${number}.`)
      return issueView(ctx, repo, issue)
    },
    issueOrPullRequest: ({ number }: { number: number }) => {
      const pr = ctx.state.pull(repo.owner, repo.name, number)
      if (pr) return pullView(ctx, repo, pr)
      const issue = ctx.state.issue(repo.owner, repo.name, number)
      if (!issue)
        throw notFound(
          `Could not resolve to an issue or pull request with the number of ${number}.`,
        )
      return issueView(ctx, repo, issue)
    },
    pullRequests: (
      args: ConnectionArgs & {
        states?: string[] | null
        headRefName?: string | null
        baseRefName?: string | null
      },
    ) =>
      connection(
        ctx.state.pulls
          .filter((p) => p.repo === repo.full_name)
          .filter((p) => !args.headRefName || p.head.ref === args.headRefName)
          .filter((p) => !args.baseRefName || p.base.ref === args.baseRefName)
          .map((p) => pullView(ctx, repo, p))
          .filter((v) => !args.states || args.states.includes(v.state as string)),
        args,
        'pullRequests',
      ),
  }
}
