// Which repository, which API, which token: resolved once per command from
// flags, the environment, the current git clone and the GitHub CLI.

import { execFile } from 'node:child_process'
import { createGitHub } from '../github/client.js'
import { CliError } from './errors.js'
import { GitHubReader } from './github.js'
import type { Io } from './io.js'
import { fullName, parseRemoteUrl, type RepoRef } from './repo-ref.js'

export interface Token {
  value: string
  /** Where it came from, for error messages: "GITHUB_TOKEN", "GH_TOKEN", "gh auth token". */
  source: string
}

export interface Context {
  repo: RepoRef
  fullName: string
  apiUrl: string
  token: Token
  reader: GitHubReader
}

const PROBE_TIMEOUT_MS = 10_000

/** Runs a program (never a shell) and gives its trimmed stdout, or undefined on any failure. */
function probe(io: Io, file: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: io.cwd,
        env: io.env as NodeJS.ProcessEnv,
        timeout: PROBE_TIMEOUT_MS,
        windowsHide: true,
      },
      (error, stdout) => resolve(error ? undefined : String(stdout).trim() || undefined),
    )
  })
}

/** The web host the API URL belongs to, when GITHUB_SERVER_URL says so. */
function serverHost(env: Io['env']): string | undefined {
  try {
    return env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).host : undefined
  } catch {
    return undefined
  }
}

/**
 * The REST API root: GITHUB_API_URL when set (GitHub Enterprise Server, or an
 * Actions job), otherwise derived from the repository's host.
 */
export function apiUrlFor(env: Io['env'], host?: string): string {
  const explicit = env.GITHUB_API_URL?.trim()
  if (explicit) return explicit.replace(/\/+$/, '')
  if (!host || host === 'github.com') return 'https://api.github.com'
  // GitHub Enterprise Cloud with data residency: SUBDOMAIN.ghe.com → api.SUBDOMAIN.ghe.com.
  if (/\.ghe\.com$/i.test(host)) return `https://api.${host}`
  return `https://${host}/api/v3`
}

/** Credentials in a remote URL must never reach an error message. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@')
}

export async function resolveRepo(io: Io, given?: RepoRef): Promise<RepoRef> {
  if (given) return given
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
  return repo
}

export async function resolveToken(io: Io, host: string): Promise<Token> {
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN']) {
    const value = io.env[name]?.trim()
    if (value) return { value, source: name }
  }
  // The GitHub CLI keeps tokens per host; an absent or logged-out gh is fine.
  const fromGh = await probe(io, 'gh', ['auth', 'token', '--hostname', host])
  if (fromGh) return { value: fromGh, source: 'gh auth token' }
  throw new CliError(
    'No GitHub token. Set GITHUB_TOKEN or GH_TOKEN, or log in with the GitHub CLI (gh auth login). ' +
      'dispatch needs contents and pull requests write access; the other commands need read access.',
  )
}

export async function createContext(io: Io, given?: RepoRef): Promise<Context> {
  const repo = await resolveRepo(io, given)
  const apiUrl = apiUrlFor(io.env, repo.host)
  const host = repo.host ?? serverHost(io.env) ?? 'github.com'
  const token = await resolveToken(io, host)
  const github = createGitHub({
    token: token.value,
    baseUrl: apiUrl,
    log: (text) => io.stderr.write(`${text}\n`),
  })
  return {
    repo,
    fullName: fullName(repo),
    apiUrl,
    token,
    reader: new GitHubReader(github, { apiUrl, tokenSource: token.source, signal: io.signal }),
  }
}
