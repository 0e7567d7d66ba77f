// The CLI's way to the REST API: reads are conditional (If-None-Match with the
// last ETag, so a poll that finds nothing new costs a 304 that GitHub does not
// count against the rate limit), every request has a deadline, and failures
// become messages that say what to do.

import type { GitHub } from '../github/client.js'
import { statusOf } from '../github/client.js'
import { errorMessage } from '../util/errors.js'
import { CliError, EXIT } from './errors.js'
import type { WriteSpacing } from './pacing.js'

type Params = Record<string, string | number | boolean | undefined | string[] | object>

export interface ReaderOptions {
  apiUrl: string
  tokenSource: string
  signal?: AbortSignal
  /** Deadline for one request, retries included. */
  requestTimeoutMs?: number
}

export interface RequestStats {
  /** Requests sent (each page counts). */
  requests: number
  /** Of those, answered 304 Not Modified from the cache. */
  notModified: number
}

const PAGE_SIZE = 100
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

export class GitHubReader {
  readonly stats: RequestStats = { requests: 0, notModified: 0 }
  private readonly cache = new Map<string, { etag: string; data: unknown }>()
  /** Set when many writes follow each other (dispatching many tasks). */
  spacing?: WriteSpacing

  constructor(
    readonly github: GitHub,
    private readonly options: ReaderOptions,
  ) {}

  get apiUrl(): string {
    return this.options.apiUrl
  }

  private requestOptions() {
    const deadline = AbortSignal.timeout(
      this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    )
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, deadline]) : deadline
    return { signal }
  }

  /** A GET that answers from the cache when GitHub says 304 Not Modified. */
  async get<T>(route: string, params: Params = {}): Promise<T> {
    const key = `${route} ${JSON.stringify(params)}`
    const cached = this.cache.get(key)
    this.stats.requests++
    try {
      const response = await this.github.request(`GET ${route}`, {
        ...params,
        headers: cached ? { 'if-none-match': cached.etag } : {},
        request: this.requestOptions(),
      })
      const etag = response.headers.etag
      if (etag) this.cache.set(key, { etag, data: response.data })
      return response.data as T
    } catch (error) {
      if (statusOf(error) === 304 && cached) {
        this.stats.notModified++
        return cached.data as T
      }
      throw error
    }
  }

  /** Every page of a list (100 a page), up to maxPages. */
  async getAll<T>(route: string, params: Params = {}, maxPages = 30): Promise<T[]> {
    const items: T[] = []
    for (let page = 1; page <= maxPages; page++) {
      const batch = await this.get<T[]>(route, { ...params, per_page: PAGE_SIZE, page })
      items.push(...batch)
      if (batch.length < PAGE_SIZE) break
    }
    return items
  }

  /** A write (POST, PATCH, DELETE): never cached. */
  async send<T>(method: string, route: string, params: Params = {}): Promise<T> {
    await this.spacing?.next(this.options.signal)
    this.stats.requests++
    const response = await this.github.request(`${method} ${route}`, {
      ...params,
      request: this.requestOptions(),
    })
    return response.data as T
  }

  /**
   * The URL a GET answers with a redirect to (the job log endpoint's short-lived
   * link to the text), without following it: the token stays with the API, and
   * whatever is at the link is fetched without it.
   */
  async redirectOf(route: string, params: Params = {}): Promise<string> {
    this.stats.requests++
    const response = await this.github.request(`GET ${route}`, {
      ...params,
      request: { ...this.requestOptions(), redirect: 'manual' },
    })
    const location = response.headers.location
    if (response.status < 300 || response.status > 399 || typeof location !== 'string')
      throw new CliError(
        `GitHub answered ${response.status} without a link to follow for ${route}; expected a redirect.`,
      )
    return location
  }

  /** An API failure in words a person can act on; `action` says what was being done. */
  explain(error: unknown, action: string): CliError {
    if (error instanceof CliError) return error
    const status = statusOf(error)
    const detail = githubMessage(error)
    // Octokit reports a request that got no answer as a 500 without a response.
    const answered = (error as { response?: unknown })?.response !== undefined
    if (status === undefined || !answered) {
      if (this.options.signal?.aborted) return new CliError('Interrupted.', EXIT.interrupted)
      return new CliError(
        `Could not ${action}: no answer from the GitHub API at ${this.options.apiUrl} (${causes(error)}). ` +
          'Check the network, and GITHUB_API_URL for GitHub Enterprise Server.',
      )
    }
    if (status === 401)
      return new CliError(
        `GitHub rejected the token from ${this.options.tokenSource} (401 ${detail}). ` +
          'Use a valid token: set GITHUB_TOKEN or GH_TOKEN, or run "gh auth login".',
      )
    if (status === 403 || status === 429)
      return new CliError(
        `GitHub refused to ${action} (${status} ${detail}). If this is a rate limit, wait and try again; ` +
          `otherwise the token from ${this.options.tokenSource} lacks the permission.`,
      )
    if (status >= 500)
      return new CliError(
        `GitHub failed to ${action} (${status} ${detail}) even after retries. Try again later.`,
      )
    return new CliError(`GitHub refused to ${action} (${status} ${detail}).`)
  }
}

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:9": the error and what caused it. */
function causes(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error; e && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    const text = e instanceof Error ? e.message : errorMessage(e)
    const code = (e as { code?: unknown }).code
    parts.push(typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text)
  }
  return parts.join(': ')
}

/** GitHub's own words: `message`, plus the `errors[].message` of a 422. */
export function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } })?.response?.data as
    { message?: unknown; errors?: unknown } | undefined
  const parts: string[] = []
  if (typeof data?.message === 'string') parts.push(data.message)
  if (Array.isArray(data?.errors)) {
    for (const item of data.errors) {
      const text = typeof item === 'string' ? item : (item as { message?: unknown } | null)?.message
      if (typeof text === 'string' && text !== '') parts.push(text)
    }
  }
  return parts.length > 0 ? parts.join(': ') : errorMessage(error)
}
