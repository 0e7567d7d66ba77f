// The run's face on the PR: one status comment, posted when work starts,
// updated (throttled) while the agent works, replaced by the result; and
// reactions on what started the run (the PR, or a follow-up instruction).

import { setTimeout as sleep } from 'node:timers/promises'
import type { Transcript } from '../agent/transcript.js'
import type { Task } from '../event.js'
import { tokenTrafficOf, writeBackoffOf, type GitHub } from '../github/client.js'
import { writeAfterPauses, type WriteBackoff } from '../github/write-backoff.js'
import { react, type ReactionTarget } from '../github/reactions.js'
import {
  ciFixMarker,
  followUpMarker,
  listComments,
  markerOf,
  reviewFollowUpMarker,
  StatusComment,
  STATUS_MARKER,
  type PostedComment,
} from '../github/status-comment.js'
import { ThrottledUpdates } from '../github/throttled-updates.js'
import { crowdedUntil, WRITES_PER_MINUTE, type TokenTraffic } from '../github/token-traffic.js'
import { renderAlreadyDone, renderFinal } from '../report/comment.js'
import type { Outcome, RunLinks } from '../report/outcome.js'
import {
  renderProgress,
  renderProgressBody,
  type Phase,
  type Progress,
} from '../report/progress.js'
import { parseState, type CommentState } from '../report/state.js'
import type { SteeringNote } from '../report/steering.js'

/**
 * How long the final report keeps waiting out GitHub's pauses and trying again: a result is
 * not best effort, but the job has to end (five pauses of GitHub's usual minute).
 */
const FINAL_REPORT_BUDGET_MS = 5 * 60_000
/** Spreads the final reports of runs that GitHub refused in the same second. */
const FINAL_REPORT_JITTER_MS = 3_000

const OVERFLOW_NOTE =
  'cut to fit GitHub’s comment size limit; the full report is in the job summary.'

export class LiveStatus {
  readonly comment: StatusComment
  /** The PR's comments, listed once: shared with the lookup of the previous result. */
  readonly comments: ReturnType<typeof listComments>
  private readonly updates: ThrottledUpdates
  private readonly target?: ReactionTarget
  private readonly startedAt = Date.now()
  private eyes: Promise<void> = Promise.resolve()
  private readonly backoff: WriteBackoff
  private readonly traffic: TokenTraffic
  /** When the first comment landed: the crowd's first comments fall out of GitHub's minute after it. */
  private firstPostedAt?: number
  /** Lines about the run as a whole (work recovered, a continuation): shown while it works. */
  private notes: string[] = []
  /** Comments from the PR that reached this run while it worked (see src/steer/). */
  private readonly steeringNotes: SteeringNote[] = []
  private shown: { phase: Phase; transcript?: Transcript } = { phase: 'starting' }

  constructor(
    private readonly github: GitHub,
    private readonly task: Task,
    private readonly links: RunLinks,
    intervalMs: number,
    private readonly warn: (line: string) => void,
    /** The run's own credentials in every written form (secretForms): never published. */
    private readonly knownSecrets: readonly string[],
    /** The PR's comments, when the run listed them already (a CI fix did, to find its CI line). */
    comments?: ReturnType<typeof listComments>,
  ) {
    const issue = { owner: task.owner, repo: task.repo, issueNumber: task.prNumber }
    this.comments = comments ?? listComments(github, issue)
    this.comment = new StatusComment(
      github,
      issue,
      task.followUp
        ? task.followUp.source === 'review'
          ? reviewFollowUpMarker(task.followUp.commentId)
          : followUpMarker(task.followUp.commentId)
        : task.ciFix
          ? ciFixMarker(task.ciFix.headSha)
          : STATUS_MARKER,
      this.comments,
      knownSecrets,
    )
    // Only a writer's instruction comment gets a reaction (👀: it was picked up). A run the PR
    // itself started says so in its status comment, and so does every run's end: a reaction
    // there would be a content-creating write (80 a minute per token) that tells nothing new,
    // and the closing one would wait out the write spacing after the final report. A CI fix
    // was started by no one's comment; a review cannot take reactions at all.
    const commentId =
      task.ciFix || task.followUp?.source === 'review' ? undefined : task.followUp?.commentId
    this.target = commentId === undefined ? undefined : { ...issue, commentId }
    const backoff = writeBackoffOf(github)
    const traffic = tokenTrafficOf(github)
    this.backoff = backoff
    this.traffic = traffic
    this.updates = new ThrottledUpdates({
      intervalMs,
      send: async (body) =>
        void (await this.comment.publish(body, OVERFLOW_NOTE, { bestEffort: true })),
      pausedForMs: () => backoff.remainingMs(),
      // Further apart once GitHub refused a write, and while other runs share the token.
      currentIntervalMs: () =>
        Math.max(backoff.progressIntervalMs(intervalMs), traffic.progressIntervalMs(intervalMs)),
      onError: (error) =>
        this.warn(`Could not update the status comment: ${(error as Error).message}`),
    })
  }

  private snapshot(phase: Phase, transcript?: Transcript): Progress {
    return {
      phase,
      todos: transcript?.todos ?? [],
      recent: transcript?.toolCalls.slice(-5) ?? [],
      toolCallCount: transcript?.toolCallCount ?? 0,
      elapsedMs: Date.now() - this.startedAt,
      notes: this.notes,
      steering: [...this.steeringNotes],
    }
  }

  private render(progress: Progress): string {
    return renderProgress(this.task, this.links, progress, {
      instructionId: this.task.followUp?.source ? undefined : this.task.followUp?.commentId,
      steered: this.steeredIds(),
    })
  }

  /**
   * The final state of run `runId`, if one of our status comments on the PR
   * still shows it and it says that run started a continuation (a dispatch
   * nobody else may send; once the continuation reports, the comment moves on).
   */
  async dispatcherState(runId: string): Promise<CommentState | undefined> {
    const byRun = new RegExp(`/runs/${runId}$`)
    for (const comment of await this.comment.ours()) {
      const state = parseState(comment.body)
      if (state?.dispatched && byRun.test(state.runUrl)) return state
    }
    return undefined
  }

  /** Adds a line about the run as a whole to what the comment shows while it works. */
  note(line: string): void {
    this.notes = [...this.notes, line]
  }

  /**
   * Our status comments that still say "working" for a run that is not this
   * one: with one run per PR at a time (the workflow's concurrency group),
   * their runs are gone without reporting. Each now says what happened
   * (`render` gets the dead run's URL and what its comment said).
   */
  async settleDeadRuns(render: (deadRunUrl: string, previous: string) => string): Promise<void> {
    const issue = { owner: this.task.owner, repo: this.task.repo, issueNumber: this.task.prNumber }
    for (const { body } of await this.comment.ours()) {
      const marker = markerOf(body)
      const state = parseState(body)
      if (!marker || marker === this.comment.marker || state?.state !== 'working') continue
      if (state.runUrl === this.links.runUrl) continue
      const dead = new StatusComment(this.github, issue, marker, this.comments, this.knownSecrets)
      await dead.edit((previous) =>
        parseState(previous)?.state === 'working'
          ? `${marker}\n${render(state.runUrl, previous)}`
          : previous,
      )
    }
  }

  private steeredIds(): number[] | undefined {
    return this.steeringNotes.length > 0
      ? this.steeringNotes.map((note) => note.commentId)
      : undefined
  }

  /**
   * For a follow-up: whether this instruction was already answered — by a run
   * of its own (a re-run), or by a run that was working when it was posted and
   * took it (steering, a stop; that run lists it as `steered`).
   */
  async alreadyAnswered(): Promise<boolean> {
    const previous = await this.comment.find()
    const state =
      previous && this.comment.previousText ? parseState(this.comment.previousText) : undefined
    if (state !== undefined && state.state !== 'working') return true
    const followUp = this.task.followUp
    if (!followUp || followUp.source === 'review') return false
    const ours = await this.comment.ours()
    return ours.some((comment) => parseState(comment.body)?.steered?.includes(followUp.commentId))
  }

  /** A comment from the PR reached the running task: the comment says so (throttled, like progress). */
  noteSteering(note: SteeringNote): void {
    this.steeringNotes.push(note)
    this.progress(this.shown.phase, this.shown.transcript)
  }

  /**
   * Posts the first comment. A follow-up's 👀 on its instruction follows in the
   * background: writes are spaced, and nothing needs to wait for it.
   */
  async start(): Promise<void> {
    const first = this.snapshot('starting')
    await this.comment.publish(this.render(first), OVERFLOW_NOTE)
    this.firstPostedAt = Date.now()
    this.updates.shown(renderProgressBody(this.task, first))
    if (this.target) this.eyes = react(this.github, this.target, 'eyes', this.warn)
  }

  /**
   * Offers what the agent is doing now; sent when the throttle allows and it changed, and with
   * `delayMs` only if nothing newer (the final report, say) came within that time.
   */
  progress(phase: Phase, transcript?: Transcript, delayMs = 0): void {
    this.shown = { phase, transcript }
    const progress = this.snapshot(phase, transcript)
    this.updates.offer(
      renderProgressBody(this.task, progress),
      () => this.render({ ...progress, elapsedMs: Date.now() - this.startedAt }),
      delayMs,
    )
  }

  get updatesSent(): number {
    return this.updates.sent
  }

  /**
   * The task was done before: the earlier report stays if it was final;
   * otherwise (that run died after pushing, or left none) this says so.
   */
  async alreadyDone(deliveredBy: string): Promise<void> {
    await Promise.all([this.updates.close(), this.eyes])
    const previous = this.comment.previousText ? parseState(this.comment.previousText) : undefined
    if (previous && previous.state !== 'working') await this.comment.restorePrevious()
    else
      await this.comment.publish(
        renderAlreadyDone(this.task, this.links, deliveredBy),
        OVERFLOW_NOTE,
      )
  }

  /** On a token more runs share than its writes have room for, a short run's report waits its turn. */
  private async waitForRoom(cancelled?: AbortSignal): Promise<void> {
    const until = crowdedUntil(this.traffic, this.firstPostedAt)
    // Jitter only for a report still inside the crowd's minute: one past it goes at once.
    const wait =
      until > Date.now() ? until + Math.random() * FINAL_REPORT_JITTER_MS - Date.now() : 0
    // A cancelled job has seconds left: its report goes now, refused or not.
    if (wait <= 0 || cancelled?.aborted) return
    this.warn(
      `About ${Math.round(this.traffic.clients())} runs share the token (its rate-limit count climbs that much faster than this run's requests): the final report goes in ${Math.ceil(wait / 1000)} s, a minute after the first comment, so that GitHub's limit of ${WRITES_PER_MINUTE} writes a minute does not refuse it`,
    )
    // Ended early (a rejection) by the job's cancellation: the report then goes at once.
    await sleep(wait, undefined, { signal: cancelled }).catch(() => undefined)
  }

  /**
   * The result replaces the progress (after any update in flight), once a pause
   * GitHub asked for is over (sent into it, it would only be refused again), and
   * again after each further pause until it lands (within FINAL_REPORT_BUDGET_MS).
   * On a token more runs share than its writes have room for, a short run's result
   * first waits for room (`cancelled` ends that wait: a cancelled job has seconds).
   */
  async finish(outcome: Outcome, cancelled?: AbortSignal): Promise<PostedComment> {
    await Promise.all([this.updates.close(), this.eyes])
    const final =
      this.steeringNotes.length > 0 ? { ...outcome, steering: [...this.steeringNotes] } : outcome
    const body = renderFinal(final)
    await this.waitForRoom(cancelled)
    return writeAfterPauses(
      () => this.comment.publish(body, OVERFLOW_NOTE, { retriedByCaller: true }),
      this.backoff,
      {
        budgetMs: FINAL_REPORT_BUDGET_MS,
        jitterMs: FINAL_REPORT_JITTER_MS,
        onWait: (ms) =>
          this.warn(
            `GitHub asked for a pause in writes (secondary rate limit): the final report goes in ${Math.ceil(ms / 1000)} s`,
          ),
      },
    )
  }
}
