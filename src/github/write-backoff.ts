// GitHub answers a burst of writes from one token with its secondary rate limit
// (403 or 429, a `retry-after`, "You have exceeded a secondary rate limit"):
// for that long every further write only extends the penalty. A run remembers
// the answer here. Progress edits (best effort) are held unsent while it lasts,
// and the final report goes once it is over, so a result never queues behind
// progress and a run takes at most one hit. Pure apart from its clock.

/** GitHub's advice when a secondary-limit answer names no wait: a minute. */
export const DEFAULT_BACKOFF_SECONDS = 60

export class WriteBackoff {
  private until = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** A secondary-limit answer asked for `retryAfterSeconds` (or named none). */
  hit(retryAfterSeconds?: number): void {
    const seconds =
      retryAfterSeconds !== undefined && retryAfterSeconds > 0
        ? retryAfterSeconds
        : DEFAULT_BACKOFF_SECONDS
    this.until = Math.max(this.until, this.now() + seconds * 1000)
  }

  /** How long writes should still wait; 0 when they may go. */
  remainingMs(): number {
    return Math.max(0, this.until - this.now())
  }
}

interface ErrorShape {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, unknown> }
}

/**
 * The wait, in seconds, that an error from GitHub asks for when it is a
 * secondary-limit answer; undefined for anything else (a permission 403, the
 * primary limit, which names its reset instead).
 */
export function secondaryLimitWait(error: unknown): number | undefined {
  const shape = (error ?? {}) as ErrorShape
  if (shape.status !== 403 && shape.status !== 429) return undefined
  const headers = shape.response?.headers ?? {}
  if (String(headers['x-ratelimit-remaining'] ?? '') === '0') return undefined
  const retryAfter = Number(headers['retry-after'])
  const said = /secondary rate limit/i.test(String(shape.message ?? ''))
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter
  if (said || shape.status === 429) return DEFAULT_BACKOFF_SECONDS
  return undefined
}
