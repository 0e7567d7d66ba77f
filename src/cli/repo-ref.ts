// Which repository and which pull request: parsed from a git remote URL, an
// `owner/name` argument, or a pull request URL. Pure.

export interface RepoRef {
  /** The web host (github.com, a GitHub Enterprise host, host:port); absent for `owner/name`. */
  host?: string
  owner: string
  name: string
}

export interface PrRef {
  number: number
  /** Set when the pull request was given as a URL. */
  repo?: RepoRef
}

// GitHub's rules: owners are alphanumerics and single hyphens, names add `.` and `_`.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const NAME = /^[A-Za-z0-9._-]{1,100}$/

// Hosts that are github.com under another name.
const GITHUB_ALIASES = new Set(['github.com', 'www.github.com', 'ssh.github.com'])

export function fullName(repo: RepoRef): string {
  return `${repo.owner}/${repo.name}`
}

function valid(owner: string, name: string): boolean {
  return OWNER.test(owner) && NAME.test(name) && name !== '.' && name !== '..'
}

/** A host as the CLI compares it: lower case, github.com's other names folded into it. */
export function normalHost(host: string): string {
  const lower = host.toLowerCase()
  return GITHUB_ALIASES.has(lower) ? 'github.com' : lower
}

/** `owner/name` from the tail of a path, with `.git` and trailing slashes removed. */
function fromPath(host: string | undefined, path: string): RepoRef | undefined {
  const parts = path
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter((part) => part !== '')
  if (parts.length !== 2) return undefined
  const [owner, name] = parts as [string, string]
  if (!valid(owner, name)) return undefined
  return host === undefined ? { owner, name } : { host: normalHost(host), owner, name }
}

/**
 * A git remote URL → repository: https (with or without credentials), ssh://,
 * git://, and the scp-like `git@host:owner/name.git`, for github.com and
 * GitHub Enterprise hosts alike.
 */
export function parseRemoteUrl(url: string): RepoRef | undefined {
  const text = url.trim()
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text)
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fromPath(scp[1], scp[2] as string)
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return undefined
  }
  if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol))
    return undefined
  // An ssh port says nothing about where the web and API live; an http one does.
  const host = parsed.protocol.startsWith('http') ? parsed.host : parsed.hostname
  return fromPath(host, decodeURIComponent(parsed.pathname))
}

/** The `--repo` argument: `owner/name`, `host/owner/name`, or any URL parseRemoteUrl takes. */
export function parseRepoArg(text: string): RepoRef | undefined {
  const trimmed = text.trim()
  const parts = trimmed.split('/')
  let short: RepoRef | undefined
  if (!trimmed.includes('://') && !trimmed.includes('@')) {
    if (parts.length === 2) short = fromPath(undefined, trimmed)
    if (parts.length === 3) short = fromPath(parts[0], `${parts[1]}/${parts[2]}`)
  }
  return short ?? parseRemoteUrl(trimmed)
}

/** A pull request: `12`, `#12`, or its URL (`https://host/owner/name/pull/12[/files…]`). */
export function parsePrArg(text: string): PrRef | undefined {
  const trimmed = text.trim()
  const plain = /^#?(\d{1,10})$/.exec(trimmed)
  if (plain) {
    const number = Number(plain[1])
    return number > 0 ? { number } : undefined
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const match = /^\/([^/]+)\/([^/]+)\/pulls?\/(\d{1,10})(?:[/?#].*)?$/.exec(url.pathname)
  if (!match) return undefined
  const [, owner, name, digits] = match as unknown as [string, string, string, string]
  if (!valid(owner, name) || Number(digits) <= 0) return undefined
  return { number: Number(digits), repo: { host: normalHost(url.host), owner, name } }
}
