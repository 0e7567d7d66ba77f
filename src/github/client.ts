// The one Octokit factory: the toolkit's client (@actions/github's getOctokit:
// REST methods, pagination), with retries for transient failures and throttling
// that honours primary and secondary rate limits, over node:http with the
// runner's proxy settings (http-fetch.ts).

import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
// The light build is the one the throttling plugin itself uses.
// @ts-expect-error -- bottleneck types only its main entry; light.js has the same API.
import BottleneckLight from 'bottleneck/light.js'
import type BottleneckType from 'bottleneck'
import { quickenBottleneck } from './bottleneck-yield.js'
import { httpFetch } from './http-fetch.js'
import { secondaryLimitWait, WriteBackoff } from './write-backoff.js'
import { TokenTraffic } from './token-traffic.js'

const Bottleneck = BottleneckLight as typeof BottleneckType

export type GitHub = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  log?: (line: string) => void
  debug?: (line: string) => void
  /** How often a rate-limited request is tried again. */
  rateLimitRetries?: number
}

/**
 * Writes one at a time, a quarter second apart. The plugin's default (a full
 * second) is GitHub's advice for bulk writes; a run makes a handful, and the
 * second would add itself to every run's end. Rate-limit answers still back off.
 */
const writes = new Bottleneck.Group({ id: 'async-pr-write', maxConcurrent: 1, minTime: 250 })

/** Each client's memory of GitHub's last secondary-limit answer (see write-backoff.ts). */
const backoffs = new WeakMap<object, WriteBackoff>()

/** When this client's writes may go again; a client not made here never waits. */
export function writeBackoffOf(github: GitHub): WriteBackoff {
  return backoffs.get(github) ?? new WriteBackoff()
}

/** Each client's reading of how many others spend its token (see token-traffic.ts). */
const traffics = new WeakMap<object, TokenTraffic>()

/** How busy this client's token is with other clients; a client not made here sees no one. */
export function tokenTrafficOf(github: GitHub): TokenTraffic {
  return traffics.get(github) ?? new TokenTraffic()
}

/** Request options of a write that is dropped, not retried, on a secondary limit (progress). */
export const BEST_EFFORT = { bestEffort: true }
/** Request options of a write its caller tries again after GitHub's pause (see writeAfterPauses). */
export const RETRIED_BY_CALLER = { retriedByCaller: true }

interface LimitedRequest {
  method: string
  url: string
  request?: object
}

function flagOf(request: LimitedRequest, flag: 'bestEffort' | 'retriedByCaller'): boolean {
  return (request.request as Record<string, unknown> | undefined)?.[flag] === true
}

export function createGitHub(options: ClientOptions): GitHub {
  quickenBottleneck()
  const backoff = new WriteBackoff()
  const traffic = new TokenTraffic()
  const retries = options.rateLimitRetries ?? 3
  const log = options.log ?? (() => undefined)
  const quiet = options.debug ?? (() => undefined)
  const github = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: 'async-pr',
      // Failed requests are handled (and reported) by the caller; Octokit's own
      // account of them only belongs in the debug log.
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      throttle: {
        write: writes,
        onRateLimit: (
          retryAfter: number,
          request: LimitedRequest,
          _octokit: unknown,
          retryCount: number,
        ) => {
          log(`Rate limited on ${request.method} ${request.url}; retrying in ${retryAfter}s`)
          return retryCount < retries
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: LimitedRequest,
          _octokit: unknown,
          retryCount: number,
        ) => {
          backoff.hit(retryAfter)
          if (flagOf(request, 'bestEffort')) {
            log(
              `Secondary rate limit on ${request.method} ${request.url}; no progress updates for ${retryAfter}s`,
            )
            return false
          }
          if (flagOf(request, 'retriedByCaller')) {
            log(
              `Secondary rate limit on ${request.method} ${request.url}; trying again once GitHub's pause (${retryAfter}s) is over`,
            )
            return false
          }
          log(
            `Secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`,
          )
          return retryCount < retries
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      // Not fetch: node:http, its agent (and proxy) chosen for each URL called (http-fetch.ts).
      request: { fetch: httpFetch },
    },
    retry,
    throttling,
  )
  // A 429 or 403 with `retry-after` that the throttling plugin does not read as a secondary
  // limit (its message differs) still means: no writes for that long.
  github.hook.error('request', (error) => {
    const answer = (error as { status?: number; response?: { headers?: Headers } }).response
    if (answer) observeTraffic(traffic, answer.headers, (error as { status?: number }).status)
    const wait = secondaryLimitWait(error)
    if (wait !== undefined) backoff.hit(wait)
    throw error
  })
  github.hook.after('request', (response) => {
    observeTraffic(traffic, response.headers as Headers, response.status)
  })
  backoffs.set(github, backoff)
  traffics.set(github, traffic)
  return github
}

type Headers = Record<string, unknown> | undefined

/** The token's REST count from one answer (a 304 counts for no one; GraphQL counts apart). */
function observeTraffic(traffic: TokenTraffic, headers: Headers, status: number | undefined): void {
  const resource = headers?.['x-ratelimit-resource']
  if (resource !== undefined && resource !== 'core') return
  traffic.observe(headers?.['x-ratelimit-used'], status !== 304)
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status
  return typeof status === 'number' ? status : undefined
}
