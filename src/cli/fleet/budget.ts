// How fast watch may spend the rate limit. An answer that did not change is a
// 304, which GitHub does not count; an answer that did change counts. watch
// asks every --interval, but once the counted answers have used up the budget
// it waits for the budget to refill: one counted request per three intervals
// (2 a minute at the default 10 s; a look that brought two waits six). No
// bursts, so no minute holds more than that. Pure, on a given clock.

export const INTERVALS_PER_COUNTED_REQUEST = 3
export const BURST = 1

export class CountedBudget {
  private tokens: number
  private updated: number

  constructor(
    /** Time for one counted request to be allowed again. */
    readonly refillMs: number,
    private readonly now: () => number,
    readonly capacity = BURST,
  ) {
    this.tokens = capacity
    this.updated = now()
  }

  static forInterval(intervalMs: number, now: () => number): CountedBudget {
    return new CountedBudget(intervalMs * INTERVALS_PER_COUNTED_REQUEST, now)
  }

  private refill(): void {
    const at = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + (at - this.updated) / this.refillMs)
    this.updated = at
  }

  /** Counted requests just made (they may take the budget below zero: they are spent). */
  spend(counted: number): void {
    this.refill()
    this.tokens -= counted
  }

  /** How long until the next look may start. */
  waitMs(): number {
    this.refill()
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs)
  }
}
