// Every program the action runs with its own rights (git while it holds the
// PAT, sudo, chown, kill...) is looked up here, in PATH directories the agent
// cannot write, and run by absolute path ever after. An earlier step often
// puts `$GITHUB_WORKSPACE/node_modules/.bin` on PATH: a `git` or `chown` the
// agent plants there must never be what root runs after the agent.

import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'

export class BinaryNotFoundError extends Error {
  override name = 'BinaryNotFoundError'
}

/** The programs the action itself runs; resolved together, once, at start. */
export const ACTION_BINARIES = [
  'git',
  'sudo',
  'chown',
  'chmod',
  'kill',
  'useradd',
  'userdel',
  'id',
  'npm',
  'bash',
  'env',
  'nice',
] as const

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function real(file: string): string | undefined {
  try {
    return realpathSync(file)
  } catch {
    return undefined
  }
}

/**
 * The PATH entries a binary may come from: absolute, existing directories that
 * are not (and do not resolve to a place) under an untrusted root, and that
 * nobody but their owner can write. Relative and empty entries (the current
 * directory) are dropped.
 */
export function trustedDirs(searchPath: string | undefined, untrustedRoots: string[]): string[] {
  const roots = untrustedRoots.filter(Boolean).flatMap((root) => {
    const resolved = real(root)
    return resolved && resolved !== root ? [root, resolved] : [root]
  })
  const dirs: string[] = []
  for (const entry of (searchPath ?? '').split(path.delimiter)) {
    if (!entry || !path.isAbsolute(entry)) continue
    const resolved = real(entry)
    if (!resolved) continue
    if (roots.some((root) => isInside(entry, root) || isInside(resolved, root))) continue
    const info = statSync(resolved, { throwIfNoEntry: false })
    if (!info?.isDirectory()) continue
    // Group- or world-writable (sticky or not): someone else could drop a program in.
    if ((info.mode & 0o022) !== 0) continue
    const me = process.getuid?.() ?? 0
    if (info.uid !== 0 && info.uid !== me) continue
    if (!dirs.includes(resolved)) dirs.push(resolved)
  }
  return dirs
}

function findIn(dirs: string[], name: string): string | undefined {
  for (const dir of dirs) {
    const candidate = path.join(dir, name)
    let info
    try {
      info = statSync(candidate, { throwIfNoEntry: false })
    } catch {
      continue // a directory this user may not search (EACCES): skipped, as a shell skips it
    }
    if (info?.isFile() && (info.mode & 0o111) !== 0) return candidate
  }
  return undefined
}

export interface BinaryRegistry {
  /** The trusted directories, for the PATH of processes the action runs. */
  readonly dirs: readonly string[]
  /** The absolute path of `name`; throws when it was not found at start. */
  path(name: string): string
  has(name: string): boolean
}

/**
 * The system's own directories, searched after PATH: sudo finds useradd in
 * /usr/sbin through its secure_path even when the runner's PATH lacks it, and
 * since we hand sudo an absolute path, we must find it too.
 */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

export function resolveBinaries(
  searchPath: string | undefined,
  untrustedRoots: string[],
  names: readonly string[] = ACTION_BINARIES,
): BinaryRegistry {
  const dirs = trustedDirs([searchPath ?? '', ...SYSTEM_DIRS].join(path.delimiter), untrustedRoots)
  const found = new Map<string, string>()
  for (const name of names) {
    const file = findIn(dirs, name)
    if (file) found.set(name, file)
  }
  return {
    dirs,
    has: (name) => found.has(name) || findIn(dirs, name) !== undefined,
    path(name) {
      if (path.isAbsolute(name)) return name
      // A program outside the list (the CLI's `gh`) is looked up once, in the same directories.
      if (!found.has(name)) {
        const late = findIn(dirs, name)
        if (late) found.set(name, late)
      }
      const file = found.get(name)
      if (!file) {
        throw new BinaryNotFoundError(
          `${name} was not found in a PATH directory that only its owner can write (${dirs.join(', ') || 'none'}). Install it system-wide, or put its directory on PATH ahead of the workspace.`,
        )
      }
      return file
    },
  }
}

let registry: BinaryRegistry | undefined

/**
 * Resolves the action's binaries once. Called at the start of a run, before
 * the agent exists; later calls return the same registry.
 */
export function initBinaries(
  searchPath: string | undefined,
  untrustedRoots: string[],
): BinaryRegistry {
  registry ??= resolveBinaries(searchPath, untrustedRoots)
  return registry
}

/** The registry (from the run's start, or, outside a run, from this process's PATH). */
export function binaries(): BinaryRegistry {
  registry ??= resolveBinaries(process.env.PATH, [
    process.env.GITHUB_WORKSPACE ?? '',
    process.env.RUNNER_TEMP ?? '',
  ])
  return registry
}

/** A PATH for the action's own children: the trusted directories only. */
export function trustedPath(): string {
  return binaries().dirs.join(path.delimiter)
}

/**
 * A plain PATH search, for the command line tool, which runs as the user with
 * the user's own PATH and no privilege: `gh`, `git` as the user has them.
 */
export function lookPath(name: string, searchPath: string | undefined): string | undefined {
  if (path.isAbsolute(name)) return name
  const dirs = (searchPath ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir))
  return findIn(dirs, name)
}
