// Looks at many pull requests at once with requests they share. Each look
// reads the repository's comments updated since the oldest of them was opened,
// newest first, in one conditional request: while no status comment changed,
// GitHub answers 304, which does not count against the rate limit. The workflow
// runs created since then come in one list for all, also conditional: read at
// every look while a pull request has no status comment yet (queued?), and
// every RUN_EVERY looks while a comment says "working" (did its run die without
// reporting?). Only the pull request itself is asked for alone, every PULL_EVERY
// looks before its status comment (closed? still a draft?).

import { STATUS_MARKER } from '../../github/status-comment.js'
import type { GitHubReader } from '../github.js'
import { statusOf } from '../../github/client.js'
import {
  commentInfo,
  loadPull,
  loadRun,
  runInfo,
  type ApiComment,
  type ApiRun,
} from '../observe.js'
import type { RepoRef } from '../repo-ref.js'
import {
  deriveSnapshot,
  runIdFromUrl,
  type PullInfo,
  type RunInfo,
  type Snapshot,
} from '../snapshot.js'
import { pickStatusComment, type CommentInfo } from '../status-comment.js'

export interface Member {
  pull: PullInfo
  /** The issue the task came from, when known. */
  issue?: number
}

/** Every how many looks the pull request itself is read again, before its status comment. */
export const PULL_EVERY = 3
/** Every how many looks the run of a "working" comment is checked. */
export const RUN_EVERY = 6
const PAGE_SIZE = 100
const MAX_PAGES = 30
/** Comments are created after their pull request; a minute's margin for clocks. */
const SINCE_MARGIN_MS = 60_000

interface Tracked {
  member: Member
  /** The comments that carry the status marker, by id. */
  marked: Map<number, CommentInfo>
  run?: RunInfo
  /** The run the status comment named at the last look. */
  runId?: number
  branchRuns?: RunInfo[]
}

interface RunList {
  byBranch: Map<string, RunInfo[]>
  byId: Map<number, RunInfo>
  /** Every run since then is in it (fewer than a page). */
  whole: boolean
}

interface RepoComment extends ApiComment {
  issue_url: string
}

function issueNumber(url: string): number | undefined {
  const match = /\/issues\/(\d+)$/.exec(url)
  return match ? Number(match[1]) : undefined
}

export class FleetPoller {
  private readonly tracked = new Map<number, Tracked>()
  private readonly since: string
  private looks = 0
  /** The newest `updated_at` seen in the comment list. */
  private newest: number | undefined

  constructor(
    private readonly reader: GitHubReader,
    private readonly repo: RepoRef,
    members: Member[],
    /** GitHub's clock (ms) when the oldest member was opened, if none says so itself. */
    fallbackSinceMs: number,
  ) {
    for (const member of members)
      this.tracked.set(member.pull.number, { member, marked: new Map() })
    const opened = members
      .map((m) => (m.pull.createdAt ? Date.parse(m.pull.createdAt) : NaN))
      .filter((ms) => Number.isFinite(ms))
    const oldest = opened.length === members.length ? Math.min(...opened) : fallbackSinceMs
    this.since = new Date(oldest - SINCE_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  private get params() {
    return { owner: this.repo.owner, repo: this.repo.name }
  }

  /** New and changed comments: the first page, and more only while a page is all news. */
  private async readComments(): Promise<void> {
    const previous = this.newest
    for (let page = 1; page <= MAX_PAGES; page++) {
      let batch: RepoComment[]
      try {
        batch = await this.reader.get<RepoComment[]>('/repos/{owner}/{repo}/issues/comments', {
          ...this.params,
          since: this.since,
          sort: 'updated',
          direction: 'desc',
          per_page: PAGE_SIZE,
          page,
        })
      } catch (error) {
        throw this.reader.explain(
          error,
          `read the comments of ${this.repo.owner}/${this.repo.name}`,
        )
      }
      let reachedKnown = false
      for (const item of batch) {
        const updated = Date.parse(item.updated_at)
        if (previous !== undefined && updated <= previous) reachedKnown = true
        if (this.newest === undefined || updated > this.newest) this.newest = updated
        const number = issueNumber(item.issue_url)
        const tracked = number === undefined ? undefined : this.tracked.get(number)
        if (!tracked) continue
        if ((item.body ?? '').trimStart().startsWith(STATUS_MARKER))
          tracked.marked.set(item.id, commentInfo(item))
        else tracked.marked.delete(item.id)
      }
      if (batch.length < PAGE_SIZE || reachedKnown) return
    }
  }

  private statusOf(tracked: Tracked) {
    const comments = [...tracked.marked.values()].sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id,
    )
    return pickStatusComment(comments)
  }

  /** The members a status comment is on (reads the comments; for watch --all). */
  async withStatusComment(): Promise<Set<number>> {
    await this.readComments()
    const numbers = new Set<number>()
    for (const [number, tracked] of this.tracked) if (this.statusOf(tracked)) numbers.add(number)
    return numbers
  }

  /**
   * The workflow runs created since the oldest member was opened, newest first: one list tells
   * every member's run, queued or ended.
   */
  private async readRuns(): Promise<RunList> {
    const list: RunList = { byBranch: new Map(), byId: new Map(), whole: true }
    let data: { total_count?: number; workflow_runs: ApiRun[] }
    try {
      data = await this.reader.get<{ total_count?: number; workflow_runs: ApiRun[] }>(
        '/repos/{owner}/{repo}/actions/runs',
        { ...this.params, created: `>=${this.since}`, per_page: PAGE_SIZE },
      )
    } catch (error) {
      // Runs may be unreadable (a token without actions:read); the comments still tell.
      if (statusOf(error) === 404 || statusOf(error) === 403) return { ...list, whole: false }
      throw this.reader.explain(
        error,
        `list the workflow runs of ${this.repo.owner}/${this.repo.name}`,
      )
    }
    list.whole = data.workflow_runs.length < PAGE_SIZE
    for (const item of data.workflow_runs) {
      const run = runInfo(item)
      list.byId.set(run.id, run)
      if (!item.head_branch) continue
      const runs = list.byBranch.get(item.head_branch) ?? []
      runs.push(run)
      list.byBranch.set(item.head_branch, runs)
    }
    return list
  }

  /** One look at every member, in the order they were given. */
  async look(): Promise<Array<{ member: Member; snapshot: Snapshot }>> {
    const first = this.looks === 0
    this.looks++
    await this.readComments()
    let recheck = false
    let runs: RunList | undefined
    // At the first look (one list for all), then now and then: a run that dies unreported is
    // noticed within RUN_EVERY looks.
    const checkRuns = first || this.looks % RUN_EVERY === 0
    for (const tracked of this.tracked.values()) {
      const status = this.statusOf(tracked)
      const { pull } = tracked.member
      if (!status) {
        if (!first && this.looks % PULL_EVERY === 0)
          tracked.member.pull = await loadPull(this.reader, this.repo, pull.number)
        runs ??= await this.readRuns()
        tracked.branchRuns =
          tracked.member.pull.state === 'open'
            ? (runs.byBranch.get(tracked.member.pull.headRef) ?? [])
            : []
        continue
      }
      tracked.branchRuns = undefined
      if (status.state.state !== 'working') {
        tracked.run = undefined
        continue
      }
      const id = runIdFromUrl(status.state.runUrl)
      if (id === undefined) continue
      const another = tracked.runId !== undefined && tracked.runId !== id
      tracked.runId = id
      if (!checkRuns && !another) continue
      runs ??= await this.readRuns()
      // Not in the list: older than the list reaches (a busy repository); asked for by itself.
      tracked.run =
        runs.byId.get(id) ?? (runs.whole ? undefined : await loadRun(this.reader, this.repo, id))
      if (tracked.run?.status === 'completed') recheck = true
    }
    // The final report is written before the run completes: read the comments again, so a run
    // that finished between the two reads is not taken for one that died.
    if (recheck) await this.readComments()
    const fullName = `${this.repo.owner}/${this.repo.name}`
    return [...this.tracked.values()].map((tracked) => {
      const status = this.statusOf(tracked)
      const working = status?.state.state === 'working'
      return {
        member: tracked.member,
        snapshot: deriveSnapshot({
          repo: fullName,
          pull: tracked.member.pull,
          status,
          run: working && tracked.run?.id === tracked.runId ? tracked.run : undefined,
          branchRuns: status ? undefined : tracked.branchRuns,
        }),
      }
    })
  }
}
