// The PR's conversation reaching a running run. While the run works, the PR's
// comments are watched (watch.ts, at most once per progress_interval_seconds);
// a new comment that starts with trigger_prefix, from someone with write
// access (bots only through allowed_bots), is either `stop` — the run stops
// like a cancellation — or an instruction, which goes to the running agent as
// a user message (inbox.ts). Either gets 👀 and a line on the status comment,
// and its id in the comment's state, so the run that same comment queued
// finds it answered. A reader's comment reaches nothing, not even a reaction.

import * as core from '@actions/core'
import type { AgentVerdict } from '../agent/judge.js'
import type { Task } from '../event.js'
import { accountInfo } from '../github/accounts.js'
import type { GitHub } from '../github/client.js'
import { react } from '../github/reactions.js'
import type { IssueRef } from '../github/status-comment.js'
import { stoppedReason, type SteeringNote } from '../report/steering.js'
import type { LiveStatus } from '../run/live-status.js'
import type { RunContext } from '../run/start.js'
import { authorize } from '../trust.js'
import { errorMessage } from '../util/errors.js'
import { readCommand } from './command.js'
import { SteeringInbox } from './inbox.js'
import { steeringMessage } from './message.js'
import { CommentWatcher, type WatchedComment } from './watch.js'

export interface SteeringOptions {
  github: GitHub
  task: Task
  prefix: string
  allowedBots: string[]
  intervalMs: number
  status: LiveStatus
  /** The PR's comments as the run listed them at its start (nothing in them is news). */
  known: () => Promise<Array<{ id: number; created_at: string }>>
  /** The comments the run posted itself (its status comment). */
  own: () => number[]
  /** The job's own cancellation. */
  cancelled: AbortSignal
  log: (line: string) => void
  warn: (line: string) => void
}

export class Steering {
  readonly inbox: SteeringInbox
  /** Aborted when the job is cancelled or someone stops the run from the PR. */
  readonly signal: AbortSignal
  /** Who stopped the run from the PR, if someone did. */
  stoppedBy?: SteeringNote
  private readonly stopper = new AbortController()
  private readonly issue: IssueRef
  private readonly writers = new Map<string, Promise<boolean>>()
  private readonly reactions: Array<Promise<void>> = []
  private readonly closing = new AbortController()
  private readonly loop: Promise<void>
  private failures = 0

  private constructor(private readonly options: SteeringOptions) {
    const { task } = options
    this.issue = { owner: task.owner, repo: task.repo, issueNumber: task.prNumber }
    this.inbox = new SteeringInbox((note) => this.taken(note))
    this.signal = AbortSignal.any([options.cancelled, this.stopper.signal])
    this.loop = this.watch()
  }

  static start(options: SteeringOptions): Steering {
    return new Steering(options)
  }

  private async watch(): Promise<void> {
    let watcher: CommentWatcher
    try {
      watcher = new CommentWatcher(
        this.options.github,
        this.issue,
        await this.options.known(),
        this.options.own,
      )
    } catch (error) {
      this.options.warn(`Not watching the PR's comments: ${errorMessage(error)}`)
      return
    }
    // The first look after one interval: a run shorter than that costs no request at all.
    await this.pause(this.options.intervalMs)
    while (!this.closing.signal.aborted) {
      try {
        for (const comment of await watcher.check()) await this.consider(comment)
        this.failures = 0
      } catch (error) {
        // Watching is best effort: the comment's own run answers it if this one cannot.
        if (this.failures++ === 0)
          this.options.warn(`Could not read the PR's comments: ${errorMessage(error)}`)
      }
      if (!this.closing.signal.aborted) await this.pause(this.options.intervalMs)
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      const signal = this.closing.signal
      function done() {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
    })
  }

  /** Whether this account may command the run: write access, or a bot named in allowed_bots. */
  private mayCommand(comment: WatchedComment): Promise<boolean> {
    const key = comment.login.toLowerCase()
    let known = this.writers.get(key)
    if (!known) {
      known = accountInfo(this.options.github, this.issue.owner, this.issue.repo, comment.login)
        .then((info) => authorize(info, info, this.options.allowedBots).allowed)
        .catch((error: unknown) => {
          this.writers.delete(key)
          throw error
        })
      this.writers.set(key, known)
    }
    return known
  }

  private async consider(comment: WatchedComment): Promise<void> {
    const command = readCommand(comment.body, this.options.prefix)
    if (!command) return
    if (!(await this.mayCommand(comment))) {
      this.options.log(`A comment by ${comment.login} (no write access) was not passed on.`)
      return
    }
    const note: SteeringNote = {
      kind: command.kind,
      login: comment.login,
      commentId: comment.id,
      commentUrl: comment.url,
      text: command.kind === 'steer' ? command.text : 'stop',
    }
    if (command.kind === 'stop') {
      if (this.stoppedBy) return
      this.stoppedBy = note
      this.options.log(`Stopped from the PR by ${comment.login}.`)
      this.answered(note)
      this.stopper.abort()
      return
    }
    this.inbox.push({ note, text: steeringMessage(comment.login, comment.id, command.text) })
  }

  private taken(note: SteeringNote): void {
    this.options.log(`Steered by ${note.login} (comment ${note.commentId}): the agent took it.`)
    this.answered(note)
  }

  private answered(note: SteeringNote): void {
    this.options.status.noteSteering(note)
    this.reactions.push(
      react(
        this.options.github,
        { ...this.issue, commentId: note.commentId },
        'eyes',
        this.options.warn,
      ),
    )
  }

  /** A stop from the PR, said as the run's verdict: who stopped it. */
  verdictOf(verdict: AgentVerdict): AgentVerdict {
    if (!this.stoppedBy || verdict.kind !== 'cancelled' || this.options.cancelled.aborted)
      return verdict
    return { kind: 'cancelled', reason: stoppedReason(this.stoppedBy) }
  }

  /** Stops watching (the work is done); waits for a check in flight and the reactions. */
  async close(): Promise<void> {
    this.closing.abort()
    await this.loop
    await Promise.all(this.reactions)
    const left = this.inbox.undelivered
    if (left.length > 0)
      this.options.log(
        `${left.length} instruction(s) from the PR reached no session; their own runs will answer them.`,
      )
  }
}

/** Steering for a run, from what the run knows at its start. */
export function steerRun(run: RunContext): Steering {
  return Steering.start({
    github: run.github,
    task: run.task,
    prefix: run.settings.triggerPrefix,
    allowedBots: run.settings.allowedBots,
    intervalMs: run.settings.progressIntervalMs,
    status: run.status,
    known: run.status.comments,
    own: () => (run.status.comment.posted ? [run.status.comment.posted.id] : []),
    cancelled: run.cancelled,
    log: core.info,
    warn: core.warning,
  })
}
