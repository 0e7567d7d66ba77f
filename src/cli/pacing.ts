// Spacing between writes, so that many dispatches in a row stay within
// GitHub's secondary rate limits: at most 80 content-creating requests a minute
// (and 500 an hour), and, in GitHub's words, "if you are making a large number
// of POST, PATCH, PUT, or DELETE requests for a single user or client ID, wait
// at least one second between each request". A dispatch is three writes (the
// empty commit, the branch, the pull request), so 20 dispatches are 60 writes
// a minute at one a second, inside both limits.

import { setTimeout as sleep } from 'node:timers/promises'

/** One write a second when dispatching many tasks; a single dispatch is not spaced. */
export const BATCH_WRITE_SPACING_MS = 1000

export class WriteSpacing {
  private last: number | undefined

  constructor(
    readonly spacingMs: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<unknown> = (ms, signal) =>
      sleep(ms, undefined, { signal }),
  ) {}

  /** Resolves when the next write may start, and counts it as started. */
  async next(signal?: AbortSignal): Promise<void> {
    if (this.last !== undefined) {
      const due = this.last + this.spacingMs - this.now()
      if (due > 0) await this.wait(due, signal)
    }
    this.last = this.now()
  }
}
