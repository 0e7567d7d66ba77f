// The one status comment a run keeps on the PR: found again by its hidden
// marker and by the login that posted it (never someone else's comment that
// quotes the marker), edited in place, recreated once if someone deleted it.
// Every version it publishes is scanned for credentials first, whoever
// rendered it.

import type { GitHub } from './client.js'
import { BEST_EFFORT, RETRIED_BY_CALLER, statusOf } from './client.js'
import { redactForPublishing } from '../report/redact.js'
import { splitHiddenTail } from '../report/state.js'

export const STATUS_MARKER = '<!-- async-pr:status -->'

/** Follow-up runs report in their own comment: the status marker plus the instruction's id. */
export function followUpMarker(commentId: number): string {
  return `${STATUS_MARKER}\n<!-- async-pr:followup:${commentId} -->`
}
const FOLLOW_UP_LINE = /^<!-- async-pr:followup:(\d+) -->$/

/** A follow-up a submitted review asked for (review ids are not comment ids). */
export function reviewFollowUpMarker(reviewId: number): string {
  return `${STATUS_MARKER}\n<!-- async-pr:review:${reviewId} -->`
}
const REVIEW_LINE = /^<!-- async-pr:review:(\d+) -->$/

/** A CI fix reports in its own comment too: one per commit CI failed on, so a second event for it finds it. */
export function ciFixMarker(headSha: string): string {
  return `${STATUS_MARKER}\n<!-- async-pr:cifix:${headSha} -->`
}
const CI_FIX_LINE = /^<!-- async-pr:cifix:([0-9a-f]{40}) -->$/

/**
 * Which status comment a body is, read only where async-pr writes its
 * markers: the status marker as the first line, a follow-up's marker as the
 * second. A marker anywhere else (quoted in the agent's text, say) marks nothing.
 */
export function markerOf(body: string): string | undefined {
  const [first, second = ''] = body.split(/\r?\n/, 2)
  if (first !== STATUS_MARKER) return undefined
  const followUp = FOLLOW_UP_LINE.exec(second)
  if (followUp) return followUpMarker(Number(followUp[1]))
  const review = REVIEW_LINE.exec(second)
  if (review) return reviewFollowUpMarker(Number(review[1]))
  const ciFix = CI_FIX_LINE.exec(second)
  return ciFix ? ciFixMarker(ciFix[1] as string) : STATUS_MARKER
}
const OVERFLOW_NOTE = 'cut to fit GitHub’s comment size limit.'
/** GitHub rejects longer comment bodies. */
export const COMMENT_LIMIT = 65_536

export interface IssueRef {
  owner: string
  repo: string
  issueNumber: number
}

export interface PostedComment {
  id: number
  url: string
}

/** Fits a body under GitHub's limit, saying where the rest is. */
export function fitComment(body: string, overflowNote: string): string {
  if ([...body].length <= COMMENT_LIMIT && body.length <= COMMENT_LIMIT) return body
  const { tail } = splitHiddenTail(body)
  const note = `\n\n…${overflowNote}`
  const room = COMMENT_LIMIT - note.length - tail.length
  return body.slice(0, room) + note + tail
}

/** Who a client's token writes as, asked once per client (a run's status comments share it). */
const logins = new WeakMap<GitHub, Promise<string | null>>()

function ownLogin(github: GitHub): Promise<string | null> {
  let login = logins.get(github)
  if (!login) {
    login = askLogin(github)
    logins.set(github, login)
  }
  return login
}

async function askLogin(github: GitHub): Promise<string | null> {
  // An installation token (the workflow's GITHUB_TOKEN, `ghs_…`) is refused GET /user: no need to ask.
  const { tokenType } = (await github.auth()) as { tokenType?: string }
  if (tokenType === 'installation') return null
  return github.rest.users.getAuthenticated().then(
    ({ data }) => data.login,
    (error: unknown) => {
      if (statusOf(error) === 403 || statusOf(error) === 401) return null
      logins.delete(github) // a failure, not an answer: ask again next time
      throw error
    },
  )
}

type IssueComment = Awaited<ReturnType<GitHub['rest']['issues']['listComments']>>['data'][number]

/** Lists the PR's comments on first use and remembers them: one listing per run. */
export function listComments(github: GitHub, issue: IssueRef): () => Promise<IssueComment[]> {
  let listing: Promise<IssueComment[]> | undefined
  return () =>
    (listing ??= github.paginate(github.rest.issues.listComments, {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.issueNumber,
      per_page: 100,
    }))
}

export class StatusComment {
  private comment?: PostedComment
  /** Our login; null when the token cannot tell (an installation token). */
  private login?: string | null
  /** What an earlier run's comment said before this run took it over. */
  private previousBody?: string

  /** Whether find() ran: then publish() does not ask again. */
  private searched = false

  constructor(
    private readonly github: GitHub,
    private readonly issue: IssueRef,
    readonly marker: string = STATUS_MARKER,
    /** The PR's comments, listed once for every status comment of a run (see listComments). */
    private readonly comments: () => Promise<IssueComment[]> = listComments(github, issue),
    /** The run's own credentials in every written form (secretForms): never published. */
    private readonly knownSecrets: readonly string[] = [],
  ) {}

  get posted(): PostedComment | undefined {
    return this.comment
  }

  /** What the comment found by `find()` said (an earlier run's report). */
  get previousText(): string | undefined {
    return this.previousBody
  }

  /**
   * Who our token writes as. An installation token (the workflow's
   * GITHUB_TOKEN, or a GitHub App's) may not ask: then any bot account's
   * comment with our marker is ours, which a person cannot fake.
   */
  private async isOurs(
    user: { login?: string; type?: string } | null | undefined,
  ): Promise<boolean> {
    if (this.login === undefined) this.login = await ownLogin(this.github)
    return this.login === null ? user?.type === 'Bot' : user?.login === this.login
  }

  /** An earlier status comment of ours on this PR (a re-run), if any. */
  async find(): Promise<PostedComment | undefined> {
    this.searched = true
    const comments = await this.comments()
    // The PR's own status comment is never a follow-up's, and the other way round.
    const marked = comments.filter((comment) => markerOf(comment.body ?? '') === this.marker)
    // Only when there is a candidate is it worth asking who we are.
    if (marked.length === 0) return undefined
    const ours = []
    for (const comment of marked) if (await this.isOurs(comment.user)) ours.push(comment)
    const last = ours.at(-1)
    if (!last) return undefined
    this.previousBody = last.body ?? undefined
    return { id: last.id, url: last.html_url }
  }

  /** Every status comment of ours on the PR (any run's, whatever its marker), oldest first. */
  async ours(): Promise<Array<{ id: number; body: string }>> {
    const comments = await this.comments()
    const ours = []
    for (const comment of comments) {
      if (markerOf(comment.body ?? '') === undefined) continue
      if (await this.isOurs(comment.user)) ours.push({ id: comment.id, body: comment.body ?? '' })
    }
    return ours
  }

  /**
   * Posts the comment, or takes over the one an earlier run left. Too long a
   * body is cut to GitHub's limit, with `overflowNote` saying where the rest is.
   */
  /**
   * `bestEffort`: a progress edit, dropped rather than retried on a secondary rate limit;
   * `retriedByCaller`: the caller tries it again after GitHub's pause (the final report).
   */
  async publish(
    body: string,
    overflowNote = OVERFLOW_NOTE,
    how: { bestEffort?: boolean; retriedByCaller?: boolean } = {},
  ): Promise<PostedComment> {
    const text = this.prepare(this.withMarker(body), overflowNote)
    if (!this.comment && !this.searched) this.comment = await this.find()
    const request = how.bestEffort
      ? BEST_EFFORT
      : how.retriedByCaller
        ? RETRIED_BY_CALLER
        : undefined
    if (this.comment) return this.update(text, request)
    return this.create(text, request)
  }

  /**
   * Rewrites the comment an earlier run left (the whole body, marker and all,
   * from what it says now); undefined when there is none. Unchanged text is not sent.
   */
  async edit(change: (body: string) => string): Promise<PostedComment | undefined> {
    if (!this.comment) this.comment = await this.find()
    if (!this.comment || this.previousBody === undefined) return undefined
    const text = this.prepare(change(this.previousBody), OVERFLOW_NOTE)
    if (text !== this.previousBody) {
      await this.update(text)
      this.previousBody = text
    }
    return this.comment
  }

  /** Puts back what the comment said before this run took it over. */
  async restorePrevious(): Promise<void> {
    if (this.comment && this.previousBody !== undefined)
      await this.update(this.prepare(this.previousBody, OVERFLOW_NOTE))
  }

  /** What goes to GitHub: without credentials, and within its size limit. */
  private prepare(body: string, overflowNote: string): string {
    return fitComment(redactForPublishing(body, this.knownSecrets).text, overflowNote)
  }

  private withMarker(body: string): string {
    return `${this.marker}\n${body}`
  }

  private async create(text: string, request?: object): Promise<PostedComment> {
    const { data } = await this.github.rest.issues
      .createComment({
        owner: this.issue.owner,
        repo: this.issue.repo,
        issue_number: this.issue.issueNumber,
        body: text,
        ...(request ? { request } : {}),
      })
      .catch((error: unknown) => {
        if (statusOf(error) !== 403 && statusOf(error) !== 404) throw error
        throw new Error(
          `comment_token cannot comment on PR #${this.issue.issueNumber} (HTTP ${statusOf(error)}). Give the workflow \`permissions: pull-requests: write\` (and \`issues: write\`), or pass a comment_token that can.`,
        )
      })
    this.comment = { id: data.id, url: data.html_url }
    if (!this.login && data.user?.login) this.login = data.user.login
    return this.comment
  }

  private async update(text: string, request?: object): Promise<PostedComment> {
    const comment = this.comment as PostedComment
    try {
      await this.github.rest.issues.updateComment({
        owner: this.issue.owner,
        repo: this.issue.repo,
        comment_id: comment.id,
        body: text,
        ...(request ? { request } : {}),
      })
      return comment
    } catch (error) {
      // Someone deleted it: post it again, once.
      if (statusOf(error) !== 404) throw error
      this.comment = undefined
      return this.create(text, request)
    }
  }
}
