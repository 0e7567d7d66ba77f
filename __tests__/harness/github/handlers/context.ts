// What a route handler gets, what it returns, and the access rules shared by all of them.

import { HttpError, notFound } from '../errors.js'
import type { Links } from '../links.js'
import type { LogServer } from '../log-server.js'
import type { Operation } from '../openapi.js'
import { refStore, type RefStore } from '../refs.js'
import type { EmulatorState, Identity, Permission, PullRequest, Repo } from '../state.js'
import { currentShas, type PullShas } from '../pull-shas.js'

export interface HandlerContext {
  state: EmulatorState
  links: Links
  operation: Operation
  /** Path parameters, coerced to their schema types (pull_number is a number). */
  params: Record<string, unknown>
  /** Query parameters, coerced likewise. */
  query: Record<string, unknown>
  /** Parsed JSON body ({} when none was sent). */
  body: Record<string, unknown>
  identity: Identity
  /** Absolute URL of the request on the emulator, for Link headers. */
  url: URL
  /** Record a problem GitHub would not reject but silently mishandle (the test should fail). */
  violation(problem: string): void
  /** Where job logs are served from (GET .../logs redirects there). */
  logs: LogServer
  /** How long a log URL works (GitHub: one minute). */
  logUrlTtlMs: number
  /** Run `task` once the answer is sent (test hooks); a throw becomes a violation. */
  after(task: () => unknown): void
}

export interface HandlerResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => Promise<HandlerResult> | HandlerResult

export const ok = (body: unknown, headers?: Record<string, string>): HandlerResult => ({
  status: 200,
  body,
  headers,
})
export const created = (body: unknown, location?: string): HandlerResult => ({
  status: 201,
  body,
  headers: location ? { location } : undefined,
})
export const noContent = (): HandlerResult => ({ status: 204 })

export function str(ctx: HandlerContext, name: string): string {
  return String(ctx.params[name])
}

export function num(ctx: HandlerContext, name: string): number {
  return Number(ctx.params[name])
}

function installationSees(identity: Identity, repo: Repo): boolean {
  return (
    identity.repositories === undefined ||
    identity.repositories.some((name) => name.toLowerCase() === repo.full_name.toLowerCase())
  )
}

/** The repository named in the path, or 404 when it does not exist or the caller can't see it. */
export function visibleRepo(ctx: HandlerContext): Repo {
  const repo = ctx.state.repo(str(ctx, 'owner'), str(ctx, 'repo'))
  if (!repo) throw notFound()
  if (ctx.identity.installation) {
    if (!installationSees(ctx.identity, repo)) throw notFound()
  } else if (ctx.state.permission(repo, ctx.identity.login) === 'none') {
    throw notFound()
  }
  return repo
}

const WRITE_LEVELS: Permission[] = ['write', 'maintain', 'admin']
const RANK: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin']

export function canWrite(ctx: HandlerContext, repo: Repo): boolean {
  return (
    ctx.identity.installation ||
    WRITE_LEVELS.includes(ctx.state.permission(repo, ctx.identity.login))
  )
}

/** The caller's role is `level` or higher (an installation counts as write). */
export function atLeast(ctx: HandlerContext, repo: Repo, level: Permission): boolean {
  const role = ctx.identity.installation ? 'write' : ctx.state.permission(repo, ctx.identity.login)
  return RANK.indexOf(role) >= RANK.indexOf(level)
}

/** 403 in the words GitHub uses for a token that lacks the permission. */
export function forbidden(ctx: HandlerContext): HttpError {
  return new HttpError(
    403,
    ctx.identity.installation
      ? 'Resource not accessible by integration'
      : 'Resource not accessible by personal access token',
  )
}

export function requireWrite(ctx: HandlerContext, repo: Repo): void {
  if (!canWrite(ctx, repo)) throw forbidden(ctx)
}

export function refsOf(repo: Repo): RefStore {
  return refStore(repo)
}

/** A pull request's SHAs as GitHub would report them now (see pull-shas.ts). */
export function liveShas(ctx: HandlerContext, pr: PullRequest): Promise<PullShas> {
  return currentShas(ctx.state, pr)
}
