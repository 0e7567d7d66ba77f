// How busy the run's token is with requests that are not the run's own. GitHub
// counts its secondary limit (80 content-creating requests a minute) across
// every client of a token, and says nothing of it until a write is refused; but
// every answer carries `x-ratelimit-used`, the token's primary count, which
// other clients move too. Fifty runs on one token each see it climb about fifty
// times as fast as their own requests do, so progress edits (best effort) go
// that much further apart from the start, and the final reports find room.
// Pure.

/** GitHub's content-creating requests a token may make in a minute (its secondary limit). */
export const WRITES_PER_MINUTE = 80

/**
 * Progress edits a minute that all runs on one token may spend between them: a share of
 * GitHub's 80, the rest kept for first comments and final reports (one each per run).
 */
export const PROGRESS_WRITES_PER_MINUTE = 30

/** Writes a minute that progress leaves free however many runs share the token. */
const PROGRESS_HEADROOM = 10
/** The widest interval the traffic stretches progress to. */
export const MAX_TRAFFIC_INTERVAL_MS = 10 * 60_000

export class TokenTraffic {
  /**
   * @param spread This run's share of a crowd's spacing, in [0, 1): its progress edits go
   * (1 + spread) times the fair interval apart. Runs started together would otherwise edit
   * together, a burst of all of them in one of GitHub's minutes however far apart each run's
   * edits are (in a full bench, 50 ten-minute runs' last burst met their final reports, and 27
   * reports were refused); spread apart, a minute holds its share of them.
   */
  constructor(private readonly spread: number = Math.random()) {}

  /** The token's count at the run's first answer, and the highest seen since. */
  private first?: number
  private latest = 0
  /** The run's own counted answers since the first (a 304 counts for no one). */
  private own = 0
  /** The most clients judged so far in this rate-limit window (see clients()). */
  private peak = 1

  /**
   * One answer of the REST API (`core`): its `x-ratelimit-used`, and whether it counted
   * (a 304 does not). GraphQL has a count of its own and is not fed here.
   */
  observe(usedHeader: unknown, counted: boolean): void {
    const used = Number(usedHeader)
    if (!Number.isFinite(used) || used < 0) return
    // The first answer, or a new rate-limit window: the count fell to less than half where it
    // began (answers that overtook each other differ by a few; held as the most judged, such a
    // few read as other clients would slow a lone run for good).
    if (this.first === undefined || used < this.first / 2) {
      this.first = this.latest = used
      this.own = 0
      this.peak = 1
      return
    }
    if (counted) this.own++
    // Answers overtake each other: the highest count seen is the latest word.
    this.latest = Math.max(this.latest, used)
    this.peak = Math.max(this.peak, this.judged())
  }

  /** Counted requests of other clients of the token since the first answer. */
  othersSince(): number {
    if (this.first === undefined) return 0
    return Math.max(0, this.latest - this.first - this.own)
  }

  /**
   * How many clients like this run share the token, judged by how much faster its count
   * climbs than the run's own requests do: 1 when no one else spends it.
   */
  clients(): number {
    // The most judged so far, not the latest: the judgement falls as the run's own requests
    // add up while the others, spaced by it, go quiet, and a run that then edits more often
    // judges fewer still (in a bench of 50 ten-minute runs, one that started after the crowd's
    // first requests edited every 23 s by its end, where the others kept 150 s and more).
    return this.peak
  }

  private judged(): number {
    const others = this.othersSince()
    if (others === 0) return 1
    return 1 + others / Math.max(1, this.own)
  }

  /**
   * How far apart this run's progress edits go so all the token's runs stay in their share.
   * Every run also writes about once a minute that no one can put off (its first comment, or
   * its final report: a crowd's reports go a minute after its first comments), so progress
   * gets at most what those leave of GitHub's 80: with 50 runs, 20 a minute, not 30 (at 30,
   * in a full bench on a slow machine, seven final reports were refused and waited a minute).
   */
  progressIntervalMs(baseMs: number): number {
    const clients = this.clients()
    const share = Math.min(
      PROGRESS_WRITES_PER_MINUTE,
      WRITES_PER_MINUTE - PROGRESS_HEADROOM - clients,
    )
    // Alone on its token, a run has nothing to keep apart from.
    const spread = clients < 2 ? 0 : this.spread
    const fair = share > 0 ? (clients * 60_000 * (1 + spread)) / share : MAX_TRAFFIC_INTERVAL_MS
    return Math.max(baseMs, Math.min(MAX_TRAFFIC_INTERVAL_MS, Math.round(fair)))
  }
}

/** What every run writes however short: its first comment and its final report. */
const WRITES_EVERY_RUN_MAKES = 2

/**
 * When a short run's final report may go without being refused: a minute after its first
 * comment, while more runs share the token than its minute of writes has room for (a first
 * comment and a final report each); the first comments of the runs started alongside it are
 * out of GitHub's minute by then. 0 when the token has room. A refused report would wait
 * GitHub's whole pause instead (a minute, or more), and add to the token's penalty.
 */
export function crowdedUntil(traffic: TokenTraffic, firstWriteAt: number | undefined): number {
  if (firstWriteAt === undefined) return 0
  if (traffic.clients() * WRITES_EVERY_RUN_MAKES <= WRITES_PER_MINUTE) return 0
  return firstWriteAt + 60_000
}
