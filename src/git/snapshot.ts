// The agent's working tree -> the changes a commit of ours will carry, read
// as data only.
//
// Git is asked which paths changed (against a private index that mirrors the
// last commit, never the workspace's own .git) and which are new; the files
// themselves are read here, by lstat first (a 4 GiB sparse file is refused
// before anything reads or hashes it), opened without following a symlink,
// and checked to be inside the work tree. Nothing becomes a gitlink: a
// repository the agent cloned or created inside the tree is taken as its
// files (its .git left out), so its work is not lost. Paths the repository's
// CI runs as code are held back, and secret-shaped content is excluded, with
// the reason recorded for the report.

import { createHash } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Dirent,
} from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Git } from './git.js'
import {
  holdBackReason,
  secretsInChange,
  type HoldBack,
  type ProtectedPaths,
  type SecretFinding,
} from './guard.js'

export type FileMode = '100644' | '100755' | '120000'

export interface Write {
  path: string
  mode: FileMode
  content: Buffer
  /** The blob id of `content`. */
  sha: string
}

export type ExclusionReason = 'oversize' | 'secret' | 'special' | 'unreadable'

export interface Exclusion {
  path: string
  why: ExclusionReason
  /** Words for the report (size, what kind of secret), never a secret value. */
  detail: string
}

export interface Snapshot {
  writes: Write[]
  deletes: string[]
  heldBack: Array<{ path: string; why: HoldBack }>
  excluded: Exclusion[]
  secretFindings: SecretFinding[]
  /** Repositories inside the tree whose files were taken as plain content. */
  nestedRepos: string[]
}

export interface SnapshotOptions {
  /** Git on the publish repository, with the work tree and the snapshot index set. */
  git: Git
  workTree: string
  maxFileBytes: number
  protectedPaths: ProtectedPaths
  allowWorkflowChanges: boolean
  knownSecretForms: readonly string[]
  /** Reads a blob of the last commit (for "was this secret already there?"). */
  readBlob: (sha: string) => Promise<Buffer | undefined>
  /**
   * A `.gitignore` or `.gitattributes` that is not a file would block git: remove it (only
   * once every agent process is gone) rather than refuse the snapshot.
   */
  removeSpecialGitFiles?: boolean
}

/** The most paths a nested repository walk takes, so a huge clone cannot stall the run. */
const NESTED_WALK_LIMIT = 50_000

export function blobSha(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex')
}

function splitZ(text: string): string[] {
  return text.split('\0').filter(Boolean)
}

function isGitName(name: string): boolean {
  return name.toLowerCase() === '.git'
}

function hasGitComponent(file: string): boolean {
  return file.split('/').some(isGitName)
}

interface Tracked {
  mode: string
  sha: string
}

/** `git diff-files --raw -z`: tracked paths whose file differs from the index (by stat or content). */
async function changedTracked(git: Git): Promise<Map<string, Tracked>> {
  const out = await git.output([
    'diff-files',
    '--raw',
    '-z',
    '--no-renames',
    '--ignore-submodules=all',
  ])
  const changed = new Map<string, Tracked>()
  const parts = out.split('\0')
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = /^:(\d+) \d+ ([0-9a-f]+) [0-9a-f]+ ([A-Z])/.exec(parts[i] as string)
    const file = parts[i + 1] as string
    if (!meta || !file) continue
    // A gitlink (a real submodule of the repository) is never changed by us.
    if (meta[1] === '160000') continue
    changed.set(file, { mode: meta[1] as string, sha: meta[2] as string })
  }
  return changed
}

async function walkNested(workTree: string, dir: string, found: string[]): Promise<void> {
  const entries = await readdir(path.join(workTree, dir), { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (found.length >= NESTED_WALK_LIMIT) return
    if (isGitName(entry.name)) continue
    const rel = `${dir}/${entry.name}`
    // A symlinked directory is a link, never followed.
    if (entry.isDirectory()) await walkNested(workTree, rel, found)
    else found.push(rel)
  }
}

/** Untracked paths; the files of nested repositories (their .git left out) among them. */
async function untracked(
  git: Git,
  workTree: string,
): Promise<{ files: string[]; nestedRepos: string[] }> {
  const listed = splitZ(await git.output(['ls-files', '-z', '--others', '--exclude-standard']))
  const files: string[] = []
  const nestedRepos: string[] = []
  const nestedFiles: string[] = []
  for (const entry of listed) {
    if (!entry.endsWith('/')) {
      files.push(entry)
      continue
    }
    const dir = entry.slice(0, -1)
    nestedRepos.push(dir)
    await walkNested(workTree, dir, nestedFiles)
  }
  if (nestedFiles.length > 0) {
    // The repository's ignore rules still apply inside (and the nested .gitignore files).
    const ignored = new Set(
      splitZ(
        (
          await git.run(['check-ignore', '--no-index', '--stdin', '-z'], {
            input: nestedFiles.join('\0') + '\0',
            allowFailure: true,
          })
        ).stdout,
      ),
    )
    const tracked = new Set(
      splitZ(
        await git.output(['ls-files', '-z', '--cached', '--', ...nestedRepos.map((d) => `${d}/`)]),
      ),
    )
    for (const file of nestedFiles) if (!ignored.has(file) && !tracked.has(file)) files.push(file)
  }
  return { files, nestedRepos }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

export type ReadResult =
  | { kind: 'file'; content: Buffer; mode: FileMode }
  | { kind: 'link'; content: Buffer }
  | { kind: 'missing' }
  | { kind: 'excluded'; why: ExclusionReason; detail: string }

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** lstat, with a path that is not there as undefined and any other failure as the error. */
function lstatOrError(full: string) {
  try {
    return lstatSync(full)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : (error as Error)
  }
}

/**
 * Reads one path under `workTree` as data, never following a link, never past
 * the size limit, and only if what was opened really lies inside `realWorkTree`.
 * Synchronous, as the walk for special files: a handful of system calls a file,
 * each of which, awaited, waited its turn behind the run's other work (after the
 * agent, while the push waits for this snapshot).
 */
export async function readEntry(
  workTree: string,
  realWorkTree: string,
  file: string,
  maxBytes: number,
): Promise<ReadResult> {
  const full = path.join(workTree, file)
  const info = lstatOrError(full)
  if (info === undefined) return { kind: 'missing' }
  if (info instanceof Error) return { kind: 'excluded', why: 'unreadable', detail: info.message }
  if (info.isSymbolicLink()) {
    try {
      return { kind: 'link', content: Buffer.from(readlinkSync(full)) }
    } catch (error) {
      // Gone or changed since the lstat: what the next snapshot sees is what counts.
      return { kind: 'excluded', why: 'unreadable', detail: (error as Error).message }
    }
  }
  if (info.isDirectory()) return { kind: 'missing' }
  if (!info.isFile()) {
    return { kind: 'excluded', why: 'special', detail: 'not a regular file, directory or link' }
  }
  if (info.size > maxBytes) {
    return { kind: 'excluded', why: 'oversize', detail: megabytes(info.size) }
  }
  let fd: number
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    return { kind: 'excluded', why: 'unreadable', detail: (error as Error).message }
  }
  try {
    const opened = fstatSync(fd)
    if (!opened.isFile()) {
      return { kind: 'excluded', why: 'special', detail: 'changed into something else while read' }
    }
    // What was opened, wherever the path's directories pointed at that moment.
    let where: string | undefined
    try {
      where = readlinkSync(`/proc/self/fd/${fd}`)
    } catch {
      where = undefined
    }
    if (where !== undefined && !isInside(where, realWorkTree)) {
      return { kind: 'excluded', why: 'unreadable', detail: 'resolves outside the workspace' }
    }
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1)
    let length = 0
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) {
      return { kind: 'excluded', why: 'oversize', detail: `over ${megabytes(maxBytes)}` }
    }
    return {
      kind: 'file',
      content: buffer.subarray(0, length),
      mode: (opened.mode & 0o100) !== 0 ? '100755' : '100644',
    }
  } finally {
    closeSync(fd)
  }
}

/** The files git opens in every directory it walks; one that is not a file can block it. */
const GIT_READS = new Set(['.gitignore', '.gitattributes'])
/** The most entries the walk for them looks at (a bigger tree is left to git's timeout). */
const SPECIAL_WALK_LIMIT = 500_000

/**
 * `.gitignore` and `.gitattributes` entries that are neither files nor links
 * nor directories (a FIFO, a socket, a device): git opens them with a blocking
 * open(), and a FIFO with no writer never returns. Symlinks are not followed.
 */
export async function specialGitFiles(workTree: string): Promise<string[]> {
  const found: string[] = []
  let seen = 0
  // Synchronous: one readdir a directory, which awaited waited its turn behind the run's work.
  const walk = (dir: string): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(path.join(workTree, dir), { withFileTypes: true })
    } catch {
      entries = []
    }
    for (const entry of entries) {
      if (++seen > SPECIAL_WALK_LIMIT) return
      if (isGitName(entry.name)) continue
      const rel = dir ? `${dir}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(rel)
      else if (GIT_READS.has(entry.name) && !entry.isFile() && !entry.isSymbolicLink())
        found.push(rel)
    }
  }
  walk('')
  return found
}

export class SnapshotError extends Error {
  override name = 'SnapshotError'
}

export async function takeSnapshot(options: SnapshotOptions): Promise<Snapshot> {
  const { git, workTree } = options
  const special = await specialGitFiles(workTree)
  if (special.length > 0) {
    // While the agent lives it could put them back between a removal and git: give up this snapshot.
    if (!options.removeSpecialGitFiles) {
      throw new SnapshotError(
        `${special.join(', ')} ${special.length === 1 ? 'is' : 'are'} not a file, which would block git`,
      )
    }
    // The agent is gone: they are not content, and without them git cannot hang.
    for (const file of special)
      await rm(path.join(workTree, file), { force: true, recursive: true })
  }
  const [changed, fresh] = await Promise.all([changedTracked(git), untracked(git, workTree)])
  const realWorkTree = realpathSync(workTree)
  const snapshot: Snapshot = {
    writes: [],
    deletes: [],
    heldBack: [],
    excluded: [],
    secretFindings: [],
    nestedRepos: fresh.nestedRepos,
  }
  for (const file of special) {
    snapshot.excluded.push({
      path: file,
      why: 'special',
      detail: 'not a file (it would block git)',
    })
  }
  const candidates: Array<[string, Tracked | undefined]> = [
    ...changed.entries(),
    ...fresh.files.map((file): [string, undefined] => [file, undefined]),
  ]
  const held = (file: string): boolean => {
    const why = holdBackReason(file, options.protectedPaths, options.allowWorkflowChanges)
    if (why) snapshot.heldBack.push({ path: file, why })
    return why !== undefined
  }
  for (const [file, before] of candidates) {
    if (hasGitComponent(file)) continue
    const entry = await readEntry(workTree, realWorkTree, file, options.maxFileBytes)
    if (entry.kind === 'missing') {
      if (before && !held(file)) snapshot.deletes.push(file)
      continue
    }
    if (entry.kind === 'excluded') {
      if (!held(file)) snapshot.excluded.push({ path: file, why: entry.why, detail: entry.detail })
      continue
    }
    const mode: FileMode = entry.kind === 'link' ? '120000' : entry.mode
    const sha = blobSha(entry.content)
    // Unchanged but for its stat data (the agent's user owned the tree): nothing to say about it.
    if (before && before.sha === sha && before.mode === mode) continue
    if (held(file)) continue
    let secrets = secretsInChange(file, entry.content, undefined, options.knownSecretForms)
    if (secrets.length > 0 && before) {
      // Only worth reading the old content when the new one has something to compare.
      const previous = await options.readBlob(before.sha)
      secrets = secretsInChange(file, entry.content, previous, options.knownSecretForms)
    }
    if (secrets.length > 0) {
      snapshot.secretFindings.push(...secrets)
      snapshot.excluded.push({
        path: file,
        why: 'secret',
        detail: secrets
          .map((s) => (s.line ? `${s.kind}, line ${s.line}` : `${s.kind} in its name`))
          .join('; '),
      })
      continue
    }
    snapshot.writes.push({ path: file, mode, content: entry.content, sha })
  }
  return snapshot
}

export function isEmpty(snapshot: Snapshot): boolean {
  return snapshot.writes.length === 0 && snapshot.deletes.length === 0
}
