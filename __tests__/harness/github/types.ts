// The emulator's public types.

import type { FaultQueue } from './faults.js'
import type { LoadStats } from './openapi.js'
import type { SecondaryRateLimitOptions } from './rate-limit.js'
import type { RequestCounts } from './request-ledger.js'
import type { EmulatorState } from './state.js'

export interface EmulatorOptions {
  /** What GITHUB_SERVER_URL would be; html_url links point here. Default 'https://github.test'. */
  serverUrl?: string
  /** Clock for timestamps and rate-limit windows (default: real time). */
  now?: () => Date
  /** Enforce GitHub's secondary rate limits per token; off when omitted. */
  secondaryRateLimit?: SecondaryRateLimitOptions
  /**
   * Also validate every response the emulator sends against the description's response schema
   * (problems go to `responseProblems`). The self-test turns this on to keep the shapes honest.
   */
  checkResponses?: boolean
  /** How long a job log URL works (GitHub: "expires after 1 minute"). Default 60 000 ms. */
  logUrlTtlMs?: number
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, as sent (percent-encoding intact). */
  path: string
  query: Record<string, string>
  /** Lower-case names; `authorization` is replaced by "[token of LOGIN]" or "[unknown token]". */
  headers: Record<string, string>
  /** Parsed JSON body, the raw text if it was not JSON, undefined if empty. */
  body: unknown
  /** Status returned; 0 while the request is still being handled. */
  status: number
  /** Arrival time, ISO 8601 with milliseconds (wall clock). */
  time: string
  /** Arrival time on the emulator's clock (`now` option), in milliseconds. */
  atMs: number
  operationId?: string
  /** "METHOD /template" once routed, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}". */
  route?: string
  /** True when the answer was 304 Not Modified (not counted against the rate limit). */
  notModified?: boolean
  /** Login the token belongs to. */
  login?: string
  /** True when an injected fault answered instead of the handler. */
  fault?: boolean
  /** True when the secondary rate limit refused the request. */
  rateLimited?: boolean
}

export interface GitHubEmulator {
  /** http://127.0.0.1:PORT, for GITHUB_API_URL (no /api/v3 prefix). */
  url: string
  serverUrl: string
  /** The host job log redirects point at (another port, like GitHub's separate log host). */
  logsUrl: string
  state: EmulatorState
  requests: RecordedRequest[]
  /**
   * What one token has spent: requests counted against its rate limit, 304s (free), per route,
   * and a timestamped log (see `peakCountedPerWindow` for "counted requests per minute").
   */
  requestCounts(token: string): RequestCounts
  /** Requests GitHub would reject as malformed, or silently mishandle. Tests assert it is empty. */
  violations: string[]
  faults: FaultQueue
  /** Emulator responses that did not match the description (only with `checkResponses`). */
  responseProblems: string[]
  /** Requests refused by the secondary rate limit, in total and per login. */
  secondaryRateLimitHits: { total: number; byLogin: Record<string, number> }
  /** How long loading the OpenAPI description took (shared by all emulators in the process). */
  openApiStats: LoadStats
  close(): Promise<void>
}
