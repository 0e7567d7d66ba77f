// GitHub answers a burst of writes from one token with its secondary rate limit
// (403 or 429, a `retry-after`, "You have exceeded a secondary rate limit"):
// for that long every further write only extends the penalty. A run remembers
// the answer here. Progress edits (best effort) are held unsent while it lasts,
// and the final report goes once it is over, so a result never queues behind
// progress. A hit also says the token is shared and busy (GitHub counts its
// 80 writes a minute across every run using it), so from then on the run's
// progress edits come far apart: what other runs need, a result above all,
// finds room, and a run takes one hit, not one a minute. Pure apart from its clock.

/** GitHub's advice when a secondary-limit answer names no wait: a minute. */
export const DEFAULT_BACKOFF_SECONDS = 60

/**
 * Progress edits after a secondary-limit answer: at least this far apart, twice as far after
 * each further one, at most MAX_PROGRESS_INTERVAL_MS. Fifty runs on one token then spend
 * 10 writes a minute on progress, and their final reports fit in the rest of the 80.
 */
export const SLOWED_PROGRESS_INTERVAL_MS = 5 * 60_000
export const MAX_PROGRESS_INTERVAL_MS = 20 * 60_000

export class WriteBackoff {
  private until = 0
  /** Pauses GitHub asked for so far (secondary-limit answers, those in one pause counted once). */
  hits = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** A secondary-limit answer asked for `retryAfterSeconds` (or named none). */
  hit(retryAfterSeconds?: number): void {
    const seconds =
      retryAfterSeconds !== undefined && retryAfterSeconds > 0
        ? retryAfterSeconds
        : DEFAULT_BACKOFF_SECONDS
    // One refusal reaches here twice (the throttling plugin, then the error hook), and
    // requests refused together are one episode: only a hit after the pause counts again.
    if (this.now() >= this.until) this.hits++
    this.until = Math.max(this.until, this.now() + seconds * 1000)
  }

  /** How far apart progress edits go now: `baseMs` until GitHub's first secondary-limit answer. */
  progressIntervalMs(baseMs: number): number {
    if (this.hits === 0) return baseMs
    const slowed = SLOWED_PROGRESS_INTERVAL_MS * 2 ** (this.hits - 1)
    return Math.max(baseMs, Math.min(MAX_PROGRESS_INTERVAL_MS, slowed))
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

export interface WriteAfterPausesOptions {
  /** The most time spent waiting and trying; after it the last refusal is thrown. */
  budgetMs: number
  /** Up to this much added to each wait, so runs refused together do not all come back at once. */
  jitterMs?: number
  /** Told each wait before it starts. */
  onWait?: (ms: number) => void
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/**
 * Sends a write that must land (the final report): once GitHub's pause is over, and again
 * after each further pause a secondary-limit answer asks for, until it goes through or
 * `budgetMs` is spent. Anything but a secondary-limit answer is thrown at once.
 */
export async function writeAfterPauses<T>(
  write: () => Promise<T>,
  backoff: WriteBackoff,
  options: WriteAfterPausesOptions,
): Promise<T> {
  const now = options.now ?? Date.now
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const random = options.random ?? Math.random
  const deadline = now() + options.budgetMs
  for (;;) {
    const pause = backoff.remainingMs()
    const jitter = pause > 0 ? random() * (options.jitterMs ?? 0) : 0
    const wait = Math.min(pause + jitter, Math.max(0, deadline - now()))
    if (wait > 0) {
      options.onWait?.(wait)
      await sleep(wait)
    }
    try {
      return await write()
    } catch (error) {
      const asked = secondaryLimitWait(error)
      if (asked === undefined || now() >= deadline) throw error
      backoff.hit(asked)
    }
  }
}
