// The emulator's request log -> what the bench reports: requests by kind, the first status
// comment's arrival, and the busiest 60-second windows measured the way GitHub's secondary
// limits count (requests, content-creating requests, REST points: 1 per GET/HEAD/OPTIONS,
// 5 per POST/PATCH/PUT/DELETE).

import type { RecordedRequest } from '../../__tests__/harness/github/index.js'

export const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

export function kindOf(request: RecordedRequest): string {
  return `${request.method} ${request.operationId ?? request.path}`
}

export function requestKinds(requests: RecordedRequest[]): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const request of requests) kinds[kindOf(request)] = (kinds[kindOf(request)] ?? 0) + 1
  return Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)))
}

/** Arrival (epoch ms) of the first request that created a comment, if any. */
export function firstCommentAt(requests: RecordedRequest[]): number | undefined {
  const post = requests.find((r) => r.operationId === 'issues/create-comment')
  return post ? Date.parse(post.time) : undefined
}

export interface Windows {
  total: number
  writes: number
  points: number
  rateLimited: number
  /** Busiest 60 s of what the action sent, refused requests included. */
  maxPerMinute: number
  maxWritesPerMinute: number
  maxPointsPerMinute: number
  /** The same, counting only what the emulator admitted (refused requests left out). */
  admittedMaxWritesPerMinute: number
  admittedMaxPointsPerMinute: number
}

function maxInWindow(times: Array<{ at: number; weight: number }>, windowMs: number): number {
  let best = 0
  let sum = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    sum += (times[end] as { weight: number }).weight
    while ((times[end] as { at: number }).at - (times[start] as { at: number }).at >= windowMs) {
      sum -= (times[start] as { weight: number }).weight
      start++
    }
    best = Math.max(best, sum)
  }
  return best
}

export function windows(requests: RecordedRequest[], windowMs = 60_000): Windows {
  const timed = requests
    .map((r) => ({
      at: Date.parse(r.time),
      write: WRITE_METHODS.has(r.method),
      refused: r.rateLimited === true,
    }))
    .sort((a, b) => a.at - b.at)
  const writes = timed.filter((r) => r.write)
  const admitted = timed.filter((r) => !r.refused)
  return {
    total: requests.length,
    writes: writes.length,
    points: timed.reduce((sum, r) => sum + (r.write ? 5 : 1), 0),
    rateLimited: requests.filter((r) => r.rateLimited).length,
    maxPerMinute: maxInWindow(
      timed.map((r) => ({ at: r.at, weight: 1 })),
      windowMs,
    ),
    maxWritesPerMinute: maxInWindow(
      writes.map((r) => ({ at: r.at, weight: 1 })),
      windowMs,
    ),
    maxPointsPerMinute: maxInWindow(
      timed.map((r) => ({ at: r.at, weight: r.write ? 5 : 1 })),
      windowMs,
    ),
    admittedMaxWritesPerMinute: maxInWindow(
      admitted.filter((r) => r.write).map((r) => ({ at: r.at, weight: 1 })),
      windowMs,
    ),
    admittedMaxPointsPerMinute: maxInWindow(
      admitted.map((r) => ({ at: r.at, weight: r.write ? 5 : 1 })),
      windowMs,
    ),
  }
}

/**
 * Samples how many requests the emulator holds at once (a record's status is 0 until its
 * response is sent). Call stop() for the maximum seen.
 */
export function sampleInFlight(requests: RecordedRequest[], everyMs = 5): () => number {
  let max = 0
  let firstOpen = 0
  const timer = setInterval(() => {
    while (firstOpen < requests.length && (requests[firstOpen] as RecordedRequest).status !== 0)
      firstOpen++
    let open = 0
    for (let i = firstOpen; i < requests.length; i++)
      if ((requests[i] as RecordedRequest).status === 0) open++
    max = Math.max(max, open)
  }, everyMs)
  return () => {
    clearInterval(timer)
    return max
  }
}
