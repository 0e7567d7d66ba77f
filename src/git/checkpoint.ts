// The work in progress, kept on the server while the agent works: a commit of
// the working tree (taken as the final commits are, guards included) under
// `refs/async-pr/<pr>/checkpoint`, and the agent's session under
// `refs/async-pr/<pr>/session`. Neither is a branch, so neither starts a
// workflow (workflows run for pushes to branches and tags); both are replaced
// under a lease, only ever by the run that owns them. Pushed from the publish
// repository like everything with the PAT (see README.md here).

import type { TaskBranch } from './branch.js'
import { writeCommit, writeCommits, type CommitSpec } from './commit.js'
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
    /** False when the ref holds another run's work that could not be restored: never replace it. */
    readonly mayCheckpoint = true,
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

  private sessionSpec(session: Write[]): CommitSpec {
    return {
      snapshot: { writes: session, deletes: [] },
      message: `Claude Code session of ${this.run.runUrl}`,
      ref: 'refs/async-pr/session-local',
    }
  }

  /**
   * Pushes the tree as it is now, with the session when it is given and
   * changed; nothing when the tree is what the last checkpoint held (the
   * session alone does not make a checkpoint: it goes with the next one).
   * Both commits are written by one process and pushed by one more.
   */
  async take(session?: Write[]): Promise<CheckpointResult> {
    if (!this.mayCheckpoint)
      return { kind: 'failed', why: 'the checkpoint ref holds work kept for a person' }
    const work = await this.branch.checkpointSpec(this.message(), this.lastKey)
    if (!work) return { kind: 'unchanged' }
    const sessionKey = session?.map((file) => file.sha).join(' ')
    const withSession = session !== undefined && sessionKey !== this.lastSession
    const [workSha, sessionSha] = await writeCommits(this.branch.publish.git, [
      work.spec,
      ...(session && withSession ? [this.sessionSpec(session)] : []),
    ])
    const updates = [
      {
        sha: workSha as string,
        ref: storedRef(this.run.prNumber, 'checkpoint'),
        lease: this.leases.checkpoint,
        name: 'checkpoint' as const,
      },
      ...(sessionSha
        ? [
            {
              sha: sessionSha,
              ref: storedRef(this.run.prNumber, 'session'),
              lease: this.leases.session,
              name: 'session' as const,
            },
          ]
        : []),
    ]
    const pushed = await this.branch.publish.pushRefs(updates)
    if (!pushed.ok) return { kind: 'failed', why: pushed.detail.split('\n').slice(-2).join(' ') }
    for (const update of updates) this.leases[update.name] = update.sha
    this.lastKey = work.key
    if (sessionSha) this.lastSession = sessionKey
    this.pushed++
    return { kind: 'pushed', sha: workSha as string, session: Boolean(sessionSha) }
  }

  /** Saves only the session (at the end of a run that stopped early). */
  async saveSession(session: Write[]): Promise<boolean> {
    const sha = await writeCommit(this.branch.publish.git, this.sessionSpec(session))
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
