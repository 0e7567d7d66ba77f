// Which repository, which API, which token: resolved once per command from
// flags, the environment, the current git clone and the GitHub CLI, before
// any request is made. endpoint.ts decides where a token may go.

import { createGitHub } from '../github/client.js'
import { lookPath } from '../util/binaries.js'
import { runProcess } from '../util/process.js'
import {
  endpointFor,
  environmentToken,
  noTokenMessage,
  withoutTokens,
  type Endpoint,
  type Token,
} from './endpoint.js'
import { CliError } from './errors.js'
import { GitHubReader } from './github.js'
import { line, type Io } from './io.js'
import { fullName, parseRemoteUrl, type RepoRef } from './repo-ref.js'

export type { Token } from './endpoint.js'

export interface Context {
  repo: RepoRef
  fullName: string
  apiUrl: string
  token: Token
  reader: GitHubReader
}

const PROBE_TIMEOUT_MS = 10_000

/**
 * Runs a program (never a shell, never with a token in its environment) and
 * gives its trimmed stdout, or undefined on any failure.
 */
async function probe(io: Io, file: string, args: string[]): Promise<string | undefined> {
  try {
    const program = lookPath(file, io.env.PATH)
    if (!program) return undefined
    const result = await runProcess(program, args, {
      cwd: io.cwd,
      env: withoutTokens(io.env),
      timeoutMs: PROBE_TIMEOUT_MS,
    })
    return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined
  } catch {
    // Not installed, or not runnable: the same as having nothing to say.
    return undefined
  }
}

/** Credentials in a remote URL must never reach an error message. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@')
}

interface ResolvedRepo {
  repo: RepoRef
  /** For messages: where the repository (and so its host) came from. */
  from: string
}

export async function resolveRepo(io: Io, given?: RepoRef): Promise<ResolvedRepo> {
  if (given) return { repo: given, from: 'from the command line' }
  const remote = await probe(io, 'git', ['remote', 'get-url', 'origin'])
  if (!remote) {
    throw new CliError(
      `Cannot tell which repository to use: no --repo, and "git remote get-url origin" found nothing in ${io.cwd}. ` +
        'Run inside a clone of the repository, or pass --repo OWNER/NAME.',
    )
  }
  const repo = parseRemoteUrl(remote)
  if (!repo) {
    throw new CliError(
      `The origin remote (${redactUrl(remote)}) does not look like a GitHub repository. Pass --repo OWNER/NAME.`,
    )
  }
  return { repo, from: 'from the origin remote' }
}

/** A token from `gh auth token --hostname`: one word, or nothing. */
function storedToken(text: string | undefined): string | undefined {
  return text && /^\S+$/.test(text) ? text : undefined
}

/**
 * The token for this endpoint: from a variable named for it, else the one the
 * GitHub CLI stored for exactly this host (gh gets no token variables, or it
 * would answer with GH_ENTERPRISE_TOKEN for any host), else a refusal.
 */
export async function resolveToken(io: Io, endpoint: Endpoint, repo: string): Promise<Token> {
  const fromEnvironment = environmentToken(io.env, endpoint)
  if (fromEnvironment) return fromEnvironment
  const fromGh = storedToken(await probe(io, 'gh', ['auth', 'token', '--hostname', endpoint.host]))
  if (fromGh) return { value: fromGh, source: 'gh auth token' }
  throw new CliError(noTokenMessage(io.env, endpoint, repo))
}

export async function createContext(io: Io, given?: RepoRef): Promise<Context> {
  const { repo, from } = await resolveRepo(io, given)
  const endpoint = endpointFor(io.env, repo.host)
  const token = await resolveToken(io, endpoint, `${fullName(repo)} (${from})`)
  const github = createGitHub({
    token: token.value,
    baseUrl: endpoint.apiUrl,
    log: (text) => line(io.stderr, text),
  })
  return {
    repo,
    fullName: fullName(repo),
    apiUrl: endpoint.apiUrl,
    token,
    reader: new GitHubReader(github, {
      apiUrl: endpoint.apiUrl,
      tokenSource: token.source,
      signal: io.signal,
    }),
  }
}
