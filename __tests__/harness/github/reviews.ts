// Pull request reviews, review comments and their threads: one model behind REST and GraphQL and
// the tests' seeding helpers. Every inline comment is placed on the real diff of the repository's
// bare git repo (review-lines.ts); a review with one misplaced comment is rejected whole, as on
// GitHub. Where a thread sits now (or whether it is outdated) follows the head as it moves.

import { commitDiff, pullCommits, pullDiff, type FileDiff } from './diff.js'
import { globalId } from './node-ids.js'
import { currentShas, type PullShas } from './pull-shas.js'
import {
  placeComment,
  type CommentTarget,
  type Placement,
  type PlacementProblem,
} from './review-lines.js'
import type {
  EmulatorState,
  PullRequest,
  Repo,
  Review,
  ReviewComment,
  ReviewState,
  ReviewThread,
} from './state.js'

/** An inline comment was not on the diff; `index` is its place in a review's comments. */
export class PlacementRejected extends Error {
  constructor(
    readonly problems: PlacementProblem[],
    readonly index?: number,
  ) {
    super(
      `review comment${index === undefined ? '' : ` #${index}`} not on the diff: ${problems.join(', ')}`,
    )
  }
}

/** A review GitHub refuses for another reason; `message` is GitHub's wording. */
export class ReviewRefused extends Error {}

/** The commit named is not one of the pull request's. */
export class CommitNotInPull extends Error {}

export type ReviewEvent = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT'

export interface NewReviewComment extends CommentTarget {
  body: string
}

export interface NewReview {
  user: string
  body?: string | null
  /** Omitted: the review stays PENDING until submitted. */
  event?: ReviewEvent
  commit_id?: string
  comments?: NewReviewComment[]
}

const STATE_FOR: Record<ReviewEvent, ReviewState> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED',
}

function repoOf(state: EmulatorState, pr: PullRequest): Repo {
  const [owner, name] = pr.repo.split('/')
  const repo = state.repo(owner, name)
  if (!repo) throw new Error(`emulator: no repository ${pr.repo}`)
  return repo
}

function gitDirFor(repo: Repo): string {
  if (!repo.gitDir) {
    throw new Error(
      `emulator: inline review comments on ${repo.full_name} need its diff; seed the repository with a gitDir (a real bare repo)`,
    )
  }
  return repo.gitDir
}

/** The diff a comment on `commitId` (default: the head now) is placed on, and that commit. */
async function diffAt(
  state: EmulatorState,
  pr: PullRequest,
  commitId?: string,
): Promise<{ files: FileDiff[]; commit: string; gitDir: string }> {
  const gitDir = gitDirFor(repoOf(state, pr))
  const shas = await currentShas(state, pr)
  const commit = commitId ?? shas.head
  if (commit !== shas.head && !(await pullCommits(gitDir, shas.base, shas.head)).includes(commit)) {
    throw new CommitNotInPull(commit)
  }
  return { files: await pullDiff(gitDir, shas.base, commit), commit, gitDir }
}

function place(files: FileDiff[], target: CommentTarget, index?: number): Placement {
  const result = placeComment(files, target)
  if (!result.ok) throw new PlacementRejected(result.problems, index)
  return result.placement
}

function webUrl(state: EmulatorState, pr: PullRequest): string {
  return `${state.serverUrl}/${pr.repo}/pull/${pr.number}`
}

function newReview(
  state: EmulatorState,
  pr: PullRequest,
  input: { user: string; body: string; state: ReviewState; commit_id: string },
): Review {
  const repo = repoOf(state, pr)
  state.ensureUser(input.user)
  const id = state.nextId('review')
  const review: Review = {
    id,
    node_id: globalId('PRR', repo.id, id),
    repo: pr.repo,
    pull_number: pr.number,
    user: input.user,
    body: input.body,
    state: input.state,
    commit_id: input.commit_id,
    submitted_at: input.state === 'PENDING' ? null : state.now(),
    html_url: `${webUrl(state, pr)}#pullrequestreview-${id}`,
  }
  state.reviews.push(review)
  return review
}

function newComment(
  state: EmulatorState,
  pr: PullRequest,
  input: {
    thread: ReviewThread
    review: Review
    user: string
    body: string
    in_reply_to_id: number | null
    commit: string
  },
): ReviewComment {
  const repo = repoOf(state, pr)
  state.ensureUser(input.user)
  const id = state.nextId('reviewComment')
  const now = state.now()
  const comment: ReviewComment = {
    id,
    node_id: globalId('PRRC', repo.id, id),
    repo: pr.repo,
    pull_number: pr.number,
    thread_id: input.thread.id,
    review_id: input.review.id,
    in_reply_to_id: input.in_reply_to_id,
    user: input.user,
    body: input.body,
    original_commit_id: input.commit,
    html_url: `${webUrl(state, pr)}#discussion_r${id}`,
    created_at: now,
    updated_at: now,
  }
  state.reviewComments.push(comment)
  return comment
}

function newThread(
  state: EmulatorState,
  pr: PullRequest,
  placement: Placement,
  commit: string,
): ReviewThread {
  const repo = repoOf(state, pr)
  const id = state.nextId('thread')
  const thread: ReviewThread = {
    id,
    node_id: globalId('PRRT', repo.id, id),
    repo: pr.repo,
    pull_number: pr.number,
    path: placement.path,
    subject_type: placement.subject_type,
    side: placement.side,
    start_side: placement.start_side,
    original_line: placement.line,
    original_start_line: placement.start_line,
    original_position: placement.position,
    original_commit_id: commit,
    diff_hunk: placement.diff_hunk,
    resolved: false,
    resolved_by: null,
  }
  state.reviewThreads.push(thread)
  return thread
}

function isAuthor(pr: PullRequest, login: string): boolean {
  return pr.user.toLowerCase() === login.toLowerCase()
}

/**
 * POST .../reviews: checks GitHub's rules, places every comment first (one off the diff rejects
 * the whole review), then records the review, a thread per comment, and the comments.
 */
export async function createReview(
  state: EmulatorState,
  pr: PullRequest,
  input: NewReview,
): Promise<Review> {
  const body = input.body ?? ''
  const comments = input.comments ?? []
  if (input.event === 'APPROVE' && isAuthor(pr, input.user)) {
    throw new ReviewRefused('Can not approve your own pull request')
  }
  if (input.event === 'REQUEST_CHANGES' && isAuthor(pr, input.user)) {
    throw new ReviewRefused('Can not request changes on your own pull request')
  }
  // The documentation requires a body for these events; GitHub accepts inline comments instead.
  // (The wording of this refusal is the emulator's; GitHub's could not be confirmed.)
  if (
    (input.event === 'REQUEST_CHANGES' || input.event === 'COMMENT') &&
    body.trim() === '' &&
    comments.length === 0
  ) {
    throw new ReviewRefused(`Review body is required for ${input.event}`)
  }
  const pending = state.reviews.find(
    (r) =>
      r.state === 'PENDING' &&
      r.repo === pr.repo &&
      r.pull_number === pr.number &&
      r.user.toLowerCase() === input.user.toLowerCase(),
  )
  if (pending) throw new ReviewRefused('User can only have one pending review per pull request')

  const { files, commit } = await diffAt(state, pr, input.commit_id)
  const placements = comments.map((c, i) => place(files, c, i))
  const review = newReview(state, pr, {
    user: input.user,
    body,
    state: input.event ? STATE_FOR[input.event] : 'PENDING',
    commit_id: commit,
  })
  placements.forEach((placement, i) => {
    const thread = newThread(state, pr, placement, commit)
    newComment(state, pr, {
      thread,
      review,
      user: input.user,
      body: comments[i].body,
      in_reply_to_id: null,
      commit,
    })
  })
  return review
}

/** Submits a PENDING review (POST .../reviews/{id}/events). */
export function submitReview(
  state: EmulatorState,
  pr: PullRequest,
  review: Review,
  event: ReviewEvent,
  body?: string,
): Review {
  if (review.state !== 'PENDING') throw new ReviewRefused('Can not submit a non-pending review')
  if (event !== 'COMMENT' && isAuthor(pr, review.user)) {
    throw new ReviewRefused(
      event === 'APPROVE'
        ? 'Can not approve your own pull request'
        : 'Can not request changes on your own pull request',
    )
  }
  if (body !== undefined) review.body = body
  review.state = STATE_FOR[event]
  review.submitted_at = state.now()
  return review
}

/** POST .../comments without in_reply_to: one comment, in its own COMMENTED review. */
export async function createSingleComment(
  state: EmulatorState,
  pr: PullRequest,
  input: NewReviewComment & { user: string; commit_id?: string },
): Promise<ReviewComment> {
  const { files, commit } = await diffAt(state, pr, input.commit_id)
  const placement = place(files, input)
  const review = newReview(state, pr, {
    user: input.user,
    body: '',
    state: 'COMMENTED',
    commit_id: commit,
  })
  const thread = newThread(state, pr, placement, commit)
  return newComment(state, pr, {
    thread,
    review,
    user: input.user,
    body: input.body,
    in_reply_to_id: null,
    commit,
  })
}

/** A reply in the thread of `to` (GitHub records each reply in a review of its own, too). */
export function createReply(
  state: EmulatorState,
  pr: PullRequest,
  to: ReviewComment,
  input: { user: string; body: string },
): ReviewComment {
  const thread = state.reviewThreads.find((t) => t.id === to.thread_id)
  if (!thread) throw new Error(`emulator: review comment ${to.id} has no thread`)
  const root = threadComments(state, thread)[0]
  const commit = pr.head.sha
  const review = newReview(state, pr, {
    user: input.user,
    body: '',
    state: 'COMMENTED',
    commit_id: commit,
  })
  return newComment(state, pr, {
    thread,
    review,
    user: input.user,
    body: input.body,
    in_reply_to_id: root.id,
    commit,
  })
}

export function threadComments(state: EmulatorState, thread: ReviewThread): ReviewComment[] {
  return state.reviewComments.filter((c) => c.thread_id === thread.id)
}

/** Comments the viewer may see: a PENDING review's comments are its author's alone. */
export function visibleTo(
  state: EmulatorState,
  viewer: string | undefined,
): (c: ReviewComment) => boolean {
  return (c) => {
    const review = state.reviews.find((r) => r.id === c.review_id)
    return review?.state !== 'PENDING' || review.user.toLowerCase() === viewer?.toLowerCase()
  }
}

export interface ThreadNow {
  line: number | null
  start_line: number | null
  position: number | null
  /** The head the thread applies to now (its original commit when outdated). */
  commit_id: string
  outdated: boolean
}

/**
 * Where a thread sits on the pull request's current head. On RIGHT, lines move with edits above
 * them; a thread whose lines were changed, or that no longer lands on the diff, is outdated
 * (`line` and `position` null), as GitHub shows it.
 */
export async function threadNow(
  state: EmulatorState,
  thread: ReviewThread,
  /** The pull request's SHAs now, when the caller has them (saves two git processes). */
  known?: PullShas,
): Promise<ThreadNow> {
  const [owner, name] = thread.repo.split('/')
  const pr = state.pull(owner, name, thread.pull_number)
  const repo = state.repo(owner, name)
  const original: ThreadNow = {
    line: thread.original_line,
    start_line: thread.original_start_line,
    position: thread.original_position,
    commit_id: thread.original_commit_id,
    outdated: false,
  }
  if (!pr || !repo?.gitDir) return original
  const shas = known ?? (await currentShas(state, pr))
  if (shas.head === thread.original_commit_id) return original
  const outdated: ThreadNow = {
    line: null,
    start_line: null,
    position: null,
    commit_id: thread.original_commit_id,
    outdated: true,
  }
  let current: FileDiff[]
  try {
    current = await pullDiff(repo.gitDir, shas.base, shas.head)
  } catch {
    return outdated
  }
  if (thread.subject_type === 'file') {
    return current.some((f) => f.path === thread.path)
      ? { ...original, commit_id: shas.head }
      : outdated
  }
  let line = thread.original_line as number
  let start = thread.original_start_line ?? undefined
  if (thread.side === 'RIGHT') {
    const changes = (await commitDiff(repo.gitDir, thread.original_commit_id, shas.head, 0)).find(
      (f) => f.oldPath === thread.path,
    )
    const first = start ?? line
    let shift = 0
    for (const hunk of changes?.hunks ?? []) {
      // With no context, a hunk's old range is exactly the lines it replaced (an insertion has
      // count 0 and sits after oldStart).
      const from = hunk.oldCount === 0 ? hunk.oldStart + 0.5 : hunk.oldStart
      const to = hunk.oldCount === 0 ? hunk.oldStart + 0.5 : hunk.oldStart + hunk.oldCount - 1
      if (to < first) shift += hunk.newCount - hunk.oldCount
      else if (from <= line) return outdated
    }
    if (changes && changes.path !== thread.path) return outdated
    line += shift
    if (start !== undefined) start += shift
  }
  const placed = placeComment(current, {
    path: thread.path,
    line,
    side: thread.side,
    start_line: start,
    start_side: thread.start_side ?? undefined,
  })
  if (!placed.ok) return outdated
  return {
    line,
    start_line: start ?? null,
    position: placed.placement.position,
    commit_id: shas.head,
    outdated: false,
  }
}
