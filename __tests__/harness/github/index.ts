// A stateful GitHub REST emulator on 127.0.0.1 that checks every request against GitHub's
// published OpenAPI description. See types.ts for the public surface.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultQueue } from './faults.js'
import { startLogServer } from './log-server.js'
import { loadOpenApi } from './openapi.js'
import { SecondaryRateLimiter } from './rate-limit.js'
import { RequestLedger } from './request-ledger.js'
import { createPipeline } from './server.js'
import { EmulatorState } from './state.js'
import type { EmulatorOptions, GitHubEmulator, RecordedRequest } from './types.js'

export { EmulatorState, INSTALLATION_LOGIN } from './state.js'
export type {
  ActionsHooks,
  AddPullInput,
  Annotation,
  CheckRun,
  Conclusion,
  DiffSide,
  Dispatch,
  Identity,
  Issue,
  IssueComment,
  IssueStateReason,
  JobInput,
  Label,
  Permission,
  PullRequest,
  Reaction,
  ReactionContent,
  Repo,
  Review,
  ReviewComment,
  ReviewState,
  ReviewThread,
  Scope,
  StepInput,
  User,
  UserType,
  Workflow,
  WorkflowJob,
  WorkflowRun,
  WorkflowStep,
} from './state.js'
export type { CommentTarget } from './review-lines.js'
export { jobLogText } from './job-log.js'
export { loadGraphQLSchema } from './graphql/schema.js'
export { FaultQueue, type FaultSpec } from './faults.js'
export { loadOpenApi, type LoadStats } from './openapi.js'
export type { SecondaryRateLimitOptions } from './rate-limit.js'
export {
  peakCountedPerWindow,
  type LedgerEntry,
  type RequestCounts,
  type RouteCounts,
} from './request-ledger.js'
export { MAX_COMMENT_LENGTH } from './handlers/comments.js'
export type { EmulatorOptions, GitHubEmulator, RecordedRequest } from './types.js'

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

export async function startGitHubEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  const api = await loadOpenApi()
  const serverUrl = (options.serverUrl ?? 'https://github.test').replace(/\/+$/, '')
  const state = new EmulatorState(serverUrl, options.now)
  const faults = new FaultQueue()
  const limiter = new SecondaryRateLimiter(options.secondaryRateLimit, () => state.nowMs())
  const requests: RecordedRequest[] = []
  const ledger = new RequestLedger()
  const violations: string[] = []
  const responseProblems: string[] = []
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()
  const links = { api: '', web: serverUrl }
  const logs = await startLogServer({
    nowMs: () => state.nowMs(),
    violation: (problem) => violations.push(problem),
  })

  const handle = createPipeline({
    api,
    state,
    links,
    faults,
    limiter,
    requests,
    ledger,
    violations,
    responseProblems,
    checkResponses: options.checkResponses ?? false,
    logs,
    logUrlTtlMs: options.logUrlTtlMs ?? 60_000,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const entry = {
          resolve,
          timer: setTimeout(() => {
            timers.delete(entry)
            resolve()
          }, ms),
        }
        timers.add(entry)
      }),
  })

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`emulator error: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'emulator error' }))
    })
  })
  const port = await listen(server)
  let closing: Promise<void> | undefined
  const shutDown = async () => {
    // Cut injected delays short so nothing outlives the test.
    for (const entry of timers) {
      clearTimeout(entry.timer)
      entry.resolve()
    }
    timers.clear()
    const api = new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
    await Promise.all([api, logs.close()])
  }
  links.api = `http://127.0.0.1:${port}`

  return {
    url: links.api,
    serverUrl,
    logsUrl: logs.url,
    state,
    requests,
    requestCounts: (token) => ledger.counts(token),
    violations,
    faults,
    responseProblems,
    secondaryRateLimitHits: limiter.hits,
    openApiStats: api.stats,
    // Idempotent, so a test may close early and its afterEach close again.
    close: () => (closing ??= shutDown()),
  }
}
