// Keeps a long run far from GitHub's secondary rate limits: at most one status
// update per interval, only when what it says has changed, one at a time, none
// while GitHub asked for a pause (only the latest waits it out), further apart
// once GitHub has refused one (`currentIntervalMs`), and never after the final report.

export interface ThrottleOptions {
  intervalMs: number
  /** Sends one update; errors are reported, not thrown (progress is best effort). */
  send: (body: string) => Promise<void>
  onError?: (error: unknown) => void
  now?: () => number
  /** How long GitHub asked writes to wait (a secondary rate limit); 0 when they may go. */
  pausedForMs?: () => number
  /** The interval as it stands now (it grows after a secondary rate limit); `intervalMs` if unset. */
  currentIntervalMs?: () => number
}

interface Pending {
  key: string
  render: () => string
  /** Not sent before this time (an update that only matters if what follows is slow). */
  notBefore: number
}

export class ThrottledUpdates {
  private lastKey?: string
  private pending?: Pending
  private lastSentAt = -Infinity
  private timer?: NodeJS.Timeout
  /** When `timer` fires. */
  private timerAt = 0
  private inFlight: Promise<void> = Promise.resolve()
  private closed = false
  sent = 0
  /** Updates held back by a pause GitHub asked for. */
  held = 0

  constructor(private readonly options: ThrottleOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private interval(): number {
    return this.options.currentIntervalMs?.() ?? this.options.intervalMs
  }

  /**
   * Offers new content. `key` is what the update says apart from the clock:
   * an offer with the same key as the last one sent is dropped. With `delayMs`
   * it goes no sooner than that from now, so an update superseded (or closed)
   * before then costs no write.
   */
  offer(key: string, render: () => string, delayMs = 0): void {
    if (this.closed || key === this.lastKey) return
    this.pending = { key, render, notBefore: this.now() + delayMs }
    const wait = this.waitFor(this.pending)
    if (!this.timer) return this.schedule(wait)
    // A timer set for a delayed offer must not hold back a newer one that may go sooner (one
    // set for the end of a pause stays: nothing goes before it).
    const sooner = Math.max(this.options.pausedForMs?.() ?? 0, wait)
    if (this.now() + sooner < this.timerAt) this.schedule(sooner)
  }

  private schedule(wait: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timerAt = this.now() + wait
    this.timer = setTimeout(() => this.fire(), wait)
  }

  private waitFor(next: Pending): number {
    return Math.max(0, this.lastSentAt + this.interval() - this.now(), next.notBefore - this.now())
  }

  /** Marks the content as already shown (the first comment, say). */
  shown(key: string): void {
    this.lastKey = key
    this.lastSentAt = this.now()
  }

  private fire(): void {
    this.timer = undefined
    const next = this.pending
    this.pending = undefined
    if (!next || this.closed || next.key === this.lastKey) return
    const paused = this.options.pausedForMs?.() ?? 0
    // The interval may have grown since this update was scheduled (a refused edit).
    const wait = Math.max(paused, this.waitFor(next))
    if (wait > 0) {
      // Nothing is sent in the pause; what is newest when it ends goes then (or the final report).
      this.pending = next
      if (paused > 0) this.held++
      this.schedule(wait)
      return
    }
    const shownBefore = this.lastKey
    this.lastKey = next.key
    this.lastSentAt = this.now()
    this.sent++
    this.inFlight = this.inFlight
      .then(() => this.sendUnlessPaused(next, shownBefore))
      .catch((error: unknown) => this.options.onError?.(error))
  }

  /**
   * An update decided while the one before it was still on its way is sent only if GitHub did
   * not refuse that one meanwhile: otherwise it is held like any update in a pause (on a busy
   * machine a request can take seconds to go out, and the second refusal would be a second hit).
   */
  private async sendUnlessPaused(next: Pending, shownBefore: string | undefined): Promise<void> {
    const paused = this.options.pausedForMs?.() ?? 0
    if (paused <= 0) return this.options.send(next.render())
    this.sent--
    this.held++
    if (this.lastKey === next.key) this.lastKey = shownBefore
    if (this.closed) return
    this.pending ??= next
    if (!this.timer) this.schedule(paused)
  }

  /** Stops further updates and waits for the one in flight, so the final report lands last. */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    await this.inFlight
  }
}
