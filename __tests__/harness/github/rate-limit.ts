// GitHub's secondary rate limits, per token: too many content-creating requests per minute, or
// too many requests in flight at once, get a 403 with `retry-after` and the documented message.
// Off unless the emulator is started with `secondaryRateLimit`.

export interface SecondaryRateLimitOptions {
  /** Writes (POST, PATCH, PUT, DELETE) allowed per token in any 60-second window. */
  maxWritesPerMinute?: number
  /** Requests per token allowed in flight at once. */
  maxConcurrent?: number
  /** Value of the `retry-after` header on the 403 (default 60). */
  retryAfterSeconds?: number
}

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID '
export const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

export class SecondaryRateLimiter {
  /** How many requests were refused, in total and per login. */
  readonly hits: { total: number; byLogin: Record<string, number> } = { total: 0, byLogin: {} }
  private readonly writes = new Map<string, number[]>()
  private readonly inFlight = new Map<string, number>()

  constructor(
    private readonly options: SecondaryRateLimitOptions | undefined,
    private readonly nowMs: () => number,
  ) {}

  get retryAfterSeconds(): number {
    return this.options?.retryAfterSeconds ?? 60
  }

  /**
   * Admits a request or refuses it. When admitted, the caller must call the returned release()
   * once the response is sent.
   */
  admit(token: string, login: string, method: string): { release: () => void } | undefined {
    const { maxWritesPerMinute, maxConcurrent } = this.options ?? {}
    const now = this.nowMs()
    const active = this.inFlight.get(token) ?? 0
    const isWrite = WRITE_METHODS.has(method.toUpperCase())
    const recent = (this.writes.get(token) ?? []).filter((t) => now - t < 60_000)
    this.writes.set(token, recent)
    const overConcurrency = maxConcurrent !== undefined && active >= maxConcurrent
    const overWrites =
      isWrite && maxWritesPerMinute !== undefined && recent.length >= maxWritesPerMinute
    if (overConcurrency || overWrites) {
      this.hits.total++
      this.hits.byLogin[login] = (this.hits.byLogin[login] ?? 0) + 1
      return undefined
    }
    if (isWrite) recent.push(now)
    this.inFlight.set(token, active + 1)
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.inFlight.set(token, (this.inFlight.get(token) ?? 1) - 1)
      },
    }
  }
}
