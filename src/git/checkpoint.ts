// The work in progress, kept on the server while the agent works: a commit of
// the working tree (taken as the final commits are, guards included) under
// `refs/async-pr/<pr>/checkpoint`, and the agent's session under
// `refs/async-pr/<pr>/session`. Neither is a branch, so neither starts a
// workflow (workflows run for pushes to branches and tags); both are replaced
// under a lease, only ever by the run that owns them. Pushed from the publish
// repository like everything with the PAT (see README.md here).

import type { TaskBranch } from './branch.js'
import { writeCommit } from './commit.js'
import { storedRef } from './publish.js'
import type { Write } from './snapshot.js'
import { RUN_TRAILER, TASK_TRAILER } from './trailers.js'

export const CHECKPOINT_BASE_TRAILER = 'Async-PR-Checkpoint-Base'
export const CHECKPOINT_STATUS_TRAILER = 'Async-PR-Status-Comment'

export interface CheckpointRun {
  prNumber: number
  runUrl: string
  /** Which status comment the run reports in: `main`, or the follow-up's comment id. */
  statusComment: string
}

export type CheckpointResult =
  | { kind: 'pushed'; sha: string; session: boolean }
  | { kind: 'unchanged' }
  | { kind: 'failed'; why: string }

export class Checkpoints {
  private lastKey?: string
  private lastSession?: string
  /** What the server has under each ref, as far as this run knows ('' for nothing). */
  private leases: { checkpoint: string; session: string }
  /** How many checkpoints were pushed, for the report and the benchmark. */
  pushed = 0

  constructor(
    private readonly branch: TaskBranch,
    private readonly run: CheckpointRun,
    known: { checkpoint?: string; session?: string },
  ) {
    this.leases = { checkpoint: known.checkpoint ?? '', session: known.session ?? '' }
  }

  private message(): string {
    return [
      `Checkpoint of the work in progress of ${this.run.runUrl}`,
      '',
      `${RUN_TRAILER}: ${this.run.runUrl}`,
      `${TASK_TRAILER}: #${this.run.prNumber}`,
      `${CHECKPOINT_BASE_TRAILER}: ${this.branch.base}`,
      `${CHECKPOINT_STATUS_TRAILER}: ${this.run.statusComment}`,
    ].join('\n')
  }

  /**
   * Pushes the tree as it is now, and the session when it is given and
   * changed; nothing when neither changed since the last checkpoint.
   */
  async take(session?: Write[]): Promise<CheckpointResult> {
    const work = await this.branch.checkpointCommit(this.message(), this.lastKey)
    const sessionKey = session?.map((file) => file.sha).join(' ')
    const sessionChanged = session !== undefined && sessionKey !== this.lastSession
    if (!work && !sessionChanged) return { kind: 'unchanged' }
    const updates: Array<{
      sha: string
      ref: string
      lease: string
      name: 'checkpoint' | 'session'
    }> = []
    if (work) {
      updates.push({
        sha: work.sha,
        ref: storedRef(this.run.prNumber, 'checkpoint'),
        lease: this.leases.checkpoint,
        name: 'checkpoint',
      })
    }
    if (session && sessionChanged) {
      const sha = await writeCommit(this.branch.publish.git, {
        snapshot: { writes: session, deletes: [] },
        message: `Claude Code session of ${this.run.runUrl}`,
        ref: 'refs/async-pr/session-local',
      })
      updates.push({
        sha,
        ref: storedRef(this.run.prNumber, 'session'),
        lease: this.leases.session,
        name: 'session',
      })
    }
    const pushed = await this.branch.publish.pushRefs(updates)
    if (!pushed.ok) return { kind: 'failed', why: pushed.detail.split('\n').slice(-2).join(' ') }
    for (const update of updates) this.leases[update.name] = update.sha
    if (work) this.lastKey = work.key
    if (sessionChanged) this.lastSession = sessionKey
    this.pushed++
    return { kind: 'pushed', sha: work?.sha ?? this.leases.checkpoint, session: sessionChanged }
  }

  /** Saves only the session (at the end of a run that stopped early). */
  async saveSession(session: Write[]): Promise<boolean> {
    const sha = await writeCommit(this.branch.publish.git, {
      snapshot: { writes: session, deletes: [] },
      message: `Claude Code session of ${this.run.runUrl}`,
      ref: 'refs/async-pr/session-local',
    })
    const pushed = await this.branch.publish.pushRefs([
      { sha, ref: storedRef(this.run.prNumber, 'session'), lease: this.leases.session },
    ])
    if (pushed.ok) this.leases.session = sha
    return pushed.ok
  }

  /** Removes what this run stored (the run delivered its work, or it needs no session kept). */
  async clear(which: Array<'checkpoint' | 'session'>): Promise<void> {
    for (const name of which) {
      const lease = this.leases[name]
      if (!lease) continue
      const deleted = await this.branch.publish.deleteRemote(
        storedRef(this.run.prNumber, name),
        lease,
      )
      if (deleted.ok) this.leases[name] = ''
    }
  }
}
