// Where a dispatched task stands, derived from the pull request, its status
// comment and the workflow run. Pure: the fetching is in observe.ts.

import type { CommentState, RunState } from '../report/state.js'
import { EXIT } from './errors.js'
import {
  checklist,
  headline,
  visibleMarkdown,
  type ChecklistItem,
  type StatusCommentView,
} from './status-comment.js'

/** waiting: nothing has started; queued: a workflow run waits or starts; then working, done or failed. */
export type Phase = 'waiting' | 'queued' | 'working' | 'done' | 'failed'

export interface PullInfo {
  number: number
  title: string
  url: string
  state: 'open' | 'closed'
  merged: boolean
  draft: boolean
  author: string
  headRef: string
  headSha: string
  baseRef: string
  /** When the pull request was opened (GitHub's clock), where known. */
  createdAt?: string
}

export interface RunInfo {
  id: number
  url: string
  name: string
  /** queued, in_progress, completed, waiting, requested, pending */
  status: string
  conclusion: string | null
  event: string
  createdAt: string
}

export interface Snapshot {
  repo: string
  pull: PullInfo
  phase: Phase
  /** The state the action reported, or the one inferred from a run that ended without reporting. */
  state: RunState | null
  /** One sentence: where things stand. */
  summary: string
  checklist: ChecklistItem[]
  /** What the status comment's hidden line says (run URL, commit, session, cost, turns). */
  report?: CommentState
  comment?: { id: number; url: string; author: string; updatedAt: string }
  /** The status comment as a person reads it. */
  markdown?: string
  run?: RunInfo
}

export interface SnapshotInput {
  repo: string
  pull: PullInfo
  status?: StatusCommentView
  /** The run the status comment names (only looked up while it says "working"). */
  run?: RunInfo
  /** Runs on the PR's branch, newest first (only looked up before any status comment). */
  branchRuns?: RunInfo[]
}

const DONE: ReadonlySet<RunState> = new Set(['success', 'no_changes'])

/** The id in a run URL (`…/actions/runs/123[/attempts/2]`). */
export function runIdFromUrl(url: string): number | undefined {
  const match = /\/actions\/runs\/(\d+)(?:[/?#]|$)/.exec(url)
  return match ? Number(match[1]) : undefined
}

/** A workflow run that ended while the comment still said "working". */
function stateOfAbandonedRun(conclusion: string | null): RunState {
  if (conclusion === 'cancelled') return 'cancelled'
  if (conclusion === 'timed_out') return 'timed_out'
  return 'failure'
}

function fromComment(input: SnapshotInput, view: StatusCommentView): Snapshot {
  const { comment, state } = view
  const base = {
    repo: input.repo,
    pull: input.pull,
    checklist: checklist(comment.body),
    report: state,
    comment: {
      id: comment.id,
      url: comment.url,
      author: comment.author,
      updatedAt: comment.updatedAt,
    },
    markdown: visibleMarkdown(comment.body),
    run: input.run,
  }
  const title = headline(comment.body)
  if (state.state !== 'working') {
    return {
      ...base,
      phase: DONE.has(state.state) ? 'done' : 'failed',
      state: state.state,
      summary: title ?? `async-pr ended: ${state.state}`,
    }
  }
  const run = input.run
  if (run?.status === 'completed') {
    // The runner was stopped (cancelled, job timeout, lost runner) before the
    // action could write its final report; the run's conclusion is all there is.
    return {
      ...base,
      phase: 'failed',
      state: stateOfAbandonedRun(run.conclusion),
      summary: `The workflow run ended (${run.conclusion ?? 'no conclusion'}) before async-pr reported a result; see ${run.url}`,
    }
  }
  return {
    ...base,
    phase: 'working',
    state: 'working',
    summary: title ?? 'async-pr is working on this task',
  }
}

function withoutComment(input: SnapshotInput): Snapshot {
  const { pull } = input
  const base = { repo: input.repo, pull, checklist: [], state: null }
  if (pull.state === 'closed') {
    return {
      ...base,
      phase: 'failed',
      summary: `The pull request was ${pull.merged ? 'merged' : 'closed'} before async-pr reported anything.`,
    }
  }
  const active = (input.branchRuns ?? []).find((run) => run.status !== 'completed')
  if (active) {
    const what = active.status === 'in_progress' ? 'in progress' : active.status
    return {
      ...base,
      phase: 'queued',
      run: active,
      summary: `Workflow run "${active.name}" is ${what}; async-pr has not started yet.`,
    }
  }
  if (pull.draft) {
    return {
      ...base,
      phase: 'waiting',
      summary: 'The pull request is a draft: async-pr starts when it is marked ready for review.',
    }
  }
  return {
    ...base,
    phase: 'waiting',
    summary:
      input.branchRuns === undefined
        ? 'No status comment yet.'
        : 'No status comment and no workflow run for this branch yet.',
  }
}

export function deriveSnapshot(input: SnapshotInput): Snapshot {
  return input.status ? fromComment(input, input.status) : withoutComment(input)
}

export function isFinal(snapshot: Snapshot): boolean {
  return snapshot.phase === 'done' || snapshot.phase === 'failed'
}

/** watch and result: 0 done, 1 failed, 3 not ended yet. */
export function exitCodeFor(snapshot: Snapshot): number {
  if (snapshot.phase === 'done') return EXIT.ok
  if (snapshot.phase === 'failed') return EXIT.runFailed
  return EXIT.pending
}
