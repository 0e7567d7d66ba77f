// Requests per token, the way GitHub's primary rate limit sees them: a 304 Not Modified is
// served but not counted. Tests read totals, a per-route breakdown and a timestamped log, from
// which "counted requests per minute" follows.

export interface LedgerEntry {
  /** Emulator clock (state.nowMs()) when the request arrived. */
  atMs: number
  method: string
  /** "GET /repos/{owner}/{repo}/pulls/{pull_number}", "POST /graphql", or the raw path if unknown. */
  route: string
  status: number
  counted: boolean
}

export interface RouteCounts {
  counted: number
  notModified: number
}

export interface RequestCounts {
  /** Requests that count against the token's rate limit (everything but 304s). */
  counted: number
  /** 304 Not Modified answers (free on GitHub). */
  notModified: number
  byRoute: Record<string, RouteCounts>
  log: LedgerEntry[]
}

export class RequestLedger {
  private readonly entries = new Map<string, LedgerEntry[]>()

  add(token: string, entry: LedgerEntry): void {
    const list = this.entries.get(token) ?? []
    list.push(entry)
    this.entries.set(token, list)
  }

  counts(token: string): RequestCounts {
    const log = [...(this.entries.get(token) ?? [])]
    const byRoute: Record<string, RouteCounts> = {}
    let counted = 0
    for (const entry of log) {
      const route = (byRoute[entry.route] ??= { counted: 0, notModified: 0 })
      if (entry.counted) {
        counted++
        route.counted++
      } else {
        route.notModified++
      }
    }
    return { counted, notModified: log.length - counted, byRoute, log }
  }
}

/**
 * The most counted requests in any window of `windowMs` (default one minute), sliding over the
 * log: the figure to hold against a target such as "at most 1 counted request per minute".
 */
export function peakCountedPerWindow(log: LedgerEntry[], windowMs = 60_000): number {
  const times = log.filter((e) => e.counted).map((e) => e.atMs)
  times.sort((a, b) => a - b)
  let peak = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++
    peak = Math.max(peak, end - start + 1)
  }
  return peak
}
