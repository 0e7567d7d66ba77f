// Watches a PR's comments while a run works, for the price of a 304: the
// issue itself is asked for with If-None-Match (an unchanged answer costs no
// rate limit), and only when its `comments` count went up are the comments
// listed, from the newest one the run already knew. Comments the run knew at
// its start, and its own, are never news. (A comment deleted and another
// posted between two checks leave the count as it was: that one is missed,
// and its own run answers it.)

import type { GitHub } from '../github/client.js'
import { statusOf } from '../github/client.js'
import type { IssueRef } from '../github/status-comment.js'

export interface WatchedComment {
  id: number
  url: string
  body: string
  login: string
  type: string
}

interface KnownComment {
  id: number
  created_at: string
}

export class CommentWatcher {
  private etag?: string
  private count?: number
  private readonly seen = new Set<number>()
  private readonly since?: string
  /** Requests made: conditional probes answered 304, and the rest. */
  readonly requests = { notModified: 0, counted: 0 }

  constructor(
    private readonly github: GitHub,
    private readonly issue: IssueRef,
    /** The comments the run listed at its start. */
    known: readonly KnownComment[],
    /** The comments this run posted since (its status comment). */
    private readonly own: () => number[] = () => [],
  ) {
    for (const comment of known) this.seen.add(comment.id)
    // GitHub's own clock, not ours: the listing then starts at the newest comment already known.
    this.since = known.reduce<string | undefined>(
      (newest, c) => (newest === undefined || c.created_at > newest ? c.created_at : newest),
      undefined,
    )
  }

  /** Comments posted since the last check, oldest first; [] when the PR did not change. */
  async check(): Promise<WatchedComment[]> {
    const { owner, repo, issueNumber } = this.issue
    let count: number
    try {
      const answer = await this.github.rest.issues.get({
        owner,
        repo,
        issue_number: issueNumber,
        headers: this.etag ? { 'if-none-match': this.etag } : {},
      })
      this.requests.counted++
      this.etag = answer.headers.etag ?? undefined
      count = answer.data.comments
    } catch (error) {
      if (statusOf(error) !== 304) throw error
      this.requests.notModified++
      return []
    }
    for (const id of this.own()) this.seen.add(id)
    const before = this.count ?? this.seen.size
    this.count = count
    // A reaction, an edit, a label: the issue changed, but no comment is new.
    if (count <= before) return []
    const comments = await this.github.paginate(this.github.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
      ...(this.since ? { since: this.since } : {}),
    })
    this.requests.counted += Math.max(1, Math.ceil(comments.length / 100))
    const fresh: WatchedComment[] = []
    for (const comment of comments) {
      if (this.seen.has(comment.id)) continue
      this.seen.add(comment.id)
      fresh.push({
        id: comment.id,
        url: comment.html_url,
        body: comment.body ?? '',
        login: comment.user?.login ?? 'ghost',
        type: comment.user?.type ?? 'User',
      })
    }
    return fresh
  }
}
