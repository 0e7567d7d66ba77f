// Which API a command talks to, and which tokens from the environment may go
// there. The repository's host comes from the origin remote or a pull request
// URL, which anyone can point anywhere (a clone of a repository on another
// forge, a link in a chat), so it only chooses among the APIs the user named
// for their tokens: github.com's, the one GITHUB_API_URL names, or the host
// GH_HOST names (with GH_ENTERPRISE_TOKEN, as the GitHub CLI does). Any other
// host gets no token from the environment, only one the GitHub CLI stored for
// that very host. Pure: context.ts does the looking up.

import { CliError } from './errors.js'
import { normalHost } from './repo-ref.js'

export const GITHUB_HOST = 'github.com'
export const GITHUB_API = 'https://api.github.com'

/** The tokens for github.com, or for the API GITHUB_API_URL names; tried in this order. */
const TOKEN_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN']
/** The tokens for the GitHub Enterprise Server host GH_HOST names. */
const ENTERPRISE_TOKEN_VARIABLES = ['GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN']

/** Every variable that may hold a token: none of them is passed to a child process. */
export const TOKEN_ENVIRONMENT: readonly string[] = [
  ...TOKEN_VARIABLES,
  ...ENTERPRISE_TOKEN_VARIABLES,
]

export type NamedBy = 'github.com' | 'GITHUB_API_URL' | 'GH_HOST'

export interface Endpoint {
  /** The web host the repository is on: github.com, a GitHub Enterprise host, host:port. */
  host: string
  /** The REST API root every request goes to. */
  apiUrl: string
  /** The environment variables whose token may be sent to apiUrl, in the order they are tried. */
  tokenVariables: string[]
  /** What makes apiUrl a place for those tokens; absent when only the repository points there. */
  namedBy?: NamedBy
}

export interface Token {
  value: string
  /** Where it came from, for messages: "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "gh auth token". */
  source: string
}

/** GitHub Enterprise Cloud with data residency: SUBDOMAIN.ghe.com, API at api.SUBDOMAIN.ghe.com. */
function isGheCom(host: string): boolean {
  return /^[^.]+\.ghe\.com$/i.test(host)
}

/** The REST API of a host nobody configured: the layout GitHub uses for each kind of host. */
export function defaultApiUrl(host: string): string {
  if (host === GITHUB_HOST) return GITHUB_API
  if (isGheCom(host)) return `https://api.${host}`
  return `https://${host}/api/v3`
}

function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

/** The web host whose repositories GITHUB_API_URL serves. */
function webHostOfApi(api: URL, serverUrl: string | undefined): string {
  const server = serverUrl ? httpUrl(serverUrl.trim()) : undefined
  if (server) return normalHost(server.host)
  const host = api.host.toLowerCase()
  if (host === 'api.github.com') return GITHUB_HOST
  const gheCom = /^api\.([^.]+\.ghe\.com)$/.exec(host)
  if (gheCom) return gheCom[1] as string
  // GitHub Enterprise Server: https://HOST/api/v3; anything else: the API's own host.
  return normalHost(api.host)
}

interface NamedApi {
  host: string
  url: string
}

/** GITHUB_API_URL and the web host it belongs to (GITHUB_SERVER_URL's, when set). */
function namedApi(env: Record<string, string | undefined>): NamedApi | undefined {
  const text = env.GITHUB_API_URL?.trim()
  if (!text) return undefined
  const url = httpUrl(text)
  if (!url || url.username || url.password)
    throw new CliError(
      `GITHUB_API_URL is not an http(s) URL without credentials: "${text}". ` +
        'Set it to the REST API root (https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server), or unset it.',
    )
  return { host: webHostOfApi(url, env.GITHUB_SERVER_URL), url: text.replace(/\/+$/, '') }
}

/** GH_HOST as the GitHub CLI takes it: a host name (a URL is forgiven). */
function namedGhHost(env: Record<string, string | undefined>): string | undefined {
  const text = env.GH_HOST?.trim()
  if (!text) return undefined
  const host = text.includes('://') ? httpUrl(text)?.host : text.replace(/\/+$/, '')
  if (!host || /[\s/@]/.test(host))
    throw new CliError(
      `GH_HOST is not a host name: "${text}". Set it to the host alone (ghe.example.com), or unset it.`,
    )
  return normalHost(host)
}

/**
 * Where requests for a repository on `repoHost` go, and which variables' tokens
 * may go with them. Without a host (`--repo OWNER/NAME`) the repository is on
 * the host the user named: GITHUB_API_URL's, else GH_HOST, else github.com.
 */
export function endpointFor(env: Record<string, string | undefined>, repoHost?: string): Endpoint {
  const api = namedApi(env)
  const ghHost = namedGhHost(env)
  const host = repoHost ?? api?.host ?? ghHost ?? GITHUB_HOST
  const variables: string[] = []
  let namedBy: NamedBy | undefined
  if (api) {
    // Set by the user or the Actions runner, GITHUB_API_URL says where GITHUB_TOKEN belongs.
    if (host === api.host) {
      variables.push(...TOKEN_VARIABLES)
      namedBy = 'GITHUB_API_URL'
    }
  } else if (host === GITHUB_HOST) {
    variables.push(...TOKEN_VARIABLES)
    namedBy = 'github.com'
  }
  if (ghHost === host && host !== GITHUB_HOST) {
    // The GitHub CLI's rule: GH_TOKEN also serves ghe.com, GH_ENTERPRISE_TOKEN the servers.
    // (When GITHUB_API_URL is set, GH_TOKEN is its token, and ghe.com gets none.)
    const named = isGheCom(host) ? (api ? [] : TOKEN_VARIABLES) : ENTERPRISE_TOKEN_VARIABLES
    variables.push(...named)
    if (named.length > 0) namedBy ??= 'GH_HOST'
  }
  return {
    host,
    apiUrl: api && host === api.host ? api.url : defaultApiUrl(host),
    tokenVariables: [...new Set(variables)],
    namedBy,
  }
}

/** The first token in the environment that may go to this endpoint. */
export function environmentToken(
  env: Record<string, string | undefined>,
  endpoint: Endpoint,
): Token | undefined {
  for (const name of endpoint.tokenVariables) {
    const value = env[name]?.trim()
    if (value) return { value, source: name }
  }
  return undefined
}

/** The environment a child process (git, gh) gets: the caller's, without any token. */
export function withoutTokens(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const copy = { ...env }
  for (const name of TOKEN_ENVIRONMENT) delete copy[name]
  return copy
}

function orList(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

const ACCESS =
  'dispatch needs contents and pull requests write access; the other commands need read access.'

/**
 * Why there is no token for this endpoint, and what to set. `repo` names the
 * repository and where it came from ("octo/app (from the origin remote)").
 */
export function noTokenMessage(
  env: Record<string, string | undefined>,
  endpoint: Endpoint,
  repo: string,
): string {
  const { host } = endpoint
  const login = host === GITHUB_HOST ? 'gh auth login' : `gh auth login --hostname ${host}`
  if (endpoint.namedBy) {
    const where = host === GITHUB_HOST ? '' : ` for ${host}`
    return (
      `No GitHub token${where}. Set ${orList(endpoint.tokenVariables)}, or log in with the GitHub CLI (${login}). ` +
      ACCESS
    )
  }
  const withheld = TOKEN_ENVIRONMENT.filter((name) => env[name]?.trim())
  const api = namedApi(env)
  const ghHost = namedGhHost(env)
  const destinations = [
    api ? `${api.url} (GITHUB_API_URL)` : GITHUB_API,
    ...(ghHost && ghHost !== GITHUB_HOST && ghHost !== api?.host
      ? [`${defaultApiUrl(ghHost)} (GH_HOST)`]
      : []),
  ]
  if (host === GITHUB_HOST)
    // Only GITHUB_API_URL takes github.com's tokens away from it.
    return (
      `${repo} is on github.com, but GITHUB_API_URL names ${api?.url}, where the token from ` +
      `${orList(TOKEN_VARIABLES)} belongs, so it was not sent to github.com and no request was made. ` +
      `Log in to github.com with "${login}", or unset GITHUB_API_URL, or pass --repo OWNER/NAME for a repository on ${api?.host ?? 'that host'}.`
    )
  const kept = withheld.length
    ? `A token from ${orList(withheld)} goes only to ${orList(destinations)}, so it was not sent and no request was made. `
    : 'No request was made. '
  return (
    `${repo} is on ${host}, a host no token is set for. ${kept}` +
    `If ${host} is a GitHub Enterprise Server you use, log in to it with "${login}", ` +
    `or set GH_HOST=${host} and GH_ENTERPRISE_TOKEN, or GITHUB_API_URL=${defaultApiUrl(host)} and GITHUB_TOKEN. ` +
    'If the repository is on github.com, pass --repo OWNER/NAME.'
  )
}
