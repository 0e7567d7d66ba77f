// A pull request's diff as GitHub computes it (three-dot: merge base of base and head, to head),
// read from the repository's real bare git repo and parsed into files, hunks and lines with the
// numbers review comments are placed by: old and new line numbers, and the diff "position"
// (lines counted from the first @@ header of the file, later headers included).

import { git } from './git.js'

export type DiffLineKind = 'context' | 'add' | 'del' | 'header' | 'no-newline'

export interface DiffLine {
  kind: DiffLineKind
  /** Line in the old file (context and del lines). */
  oldLine: number | null
  /** Line in the new file (context and add lines). */
  newLine: number | null
  /** Position in the file's diff: 0 for the first @@ header, counting every line after it. */
  position: number
  /** The raw diff line, with its ' ', '+', '-', '@@' or '\' prefix. */
  text: string
}

export interface Hunk {
  oldStart: number
  oldCount: number
  newStart: number
  newCount: number
  /** The @@ header first, then the hunk's lines. */
  lines: DiffLine[]
}

export interface FileDiff {
  path: string
  /** The path before a rename or in the base; null for an added file. */
  oldPath: string | null
  status: 'added' | 'removed' | 'modified' | 'renamed'
  binary: boolean
  hunks: Hunk[]
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

// git quotes unusual paths C-style ("a/t\303\251st"); decode to the UTF-8 path GitHub shows.
function unquote(path: string): string {
  if (!path.startsWith('"')) return path
  const bytes: number[] = []
  const body = path.slice(1, -1)
  const escapes: Record<string, number> = {
    n: 10,
    t: 9,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    r: 13,
    v: 11,
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'))
      continue
    }
    const next = body[i + 1]
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function stripPrefix(path: string, prefix: 'a/' | 'b/'): string | null {
  const plain = unquote(path.trim())
  if (plain === '/dev/null') return null
  return plain.startsWith(prefix) ? plain.slice(2) : plain
}

/** Parses `git diff` output (with a/ and b/ prefixes) into files and hunks. */
export function parseUnifiedDiff(text: string): FileDiff[] {
  const files: FileDiff[] = []
  let file: FileDiff | undefined
  let hunk: Hunk | undefined
  let position = 0
  let oldLine = 0
  let newLine = 0
  let headerPaths: { old: string; new: string } | undefined

  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      // "diff --git a/x b/x": exact when both sides agree, which is all but renames; renames and
      // the ---/+++ lines below correct it.
      const rest = line.slice('diff --git '.length)
      const half = rest.length >> 1
      const guess = rest.slice(half + 1)
      headerPaths = {
        old: stripPrefix(rest.slice(0, half), 'a/') ?? '',
        new: stripPrefix(guess, 'b/') ?? '',
      }
      file = {
        path: headerPaths.new,
        oldPath: headerPaths.old,
        status: 'modified',
        binary: false,
        hunks: [],
      }
      files.push(file)
      hunk = undefined
      position = 0
      continue
    }
    if (!file) continue
    if (!hunk) {
      if (line.startsWith('new file mode')) {
        file.status = 'added'
        file.oldPath = null
      } else if (line.startsWith('deleted file mode')) file.status = 'removed'
      else if (line.startsWith('rename from ')) {
        file.oldPath = unquote(line.slice('rename from '.length))
        file.status = 'renamed'
      } else if (line.startsWith('rename to ')) file.path = unquote(line.slice('rename to '.length))
      else if (line.startsWith('--- ')) {
        const old = stripPrefix(line.slice(4), 'a/')
        if (old !== null) file.oldPath = old
      } else if (line.startsWith('+++ ')) {
        const now = stripPrefix(line.slice(4), 'b/')
        if (now !== null) file.path = now
      } else if (line.startsWith('Binary files ')) file.binary = true
    }
    const header = HUNK_HEADER.exec(line)
    if (header) {
      if (hunk) position++
      hunk = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        lines: [{ kind: 'header', oldLine: null, newLine: null, position, text: line }],
      }
      file.hunks.push(hunk)
      oldLine = hunk.oldStart
      newLine = hunk.newStart
      continue
    }
    if (!hunk) continue
    const marker = line[0]
    if (marker === ' ' || marker === '+' || marker === '-') {
      position++
      if (marker === ' ') {
        hunk.lines.push({
          kind: 'context',
          oldLine: oldLine++,
          newLine: newLine++,
          position,
          text: line,
        })
      } else if (marker === '+') {
        hunk.lines.push({ kind: 'add', oldLine: null, newLine: newLine++, position, text: line })
      } else {
        hunk.lines.push({ kind: 'del', oldLine: oldLine++, newLine: null, position, text: line })
      }
    } else if (marker === '\\') {
      position++
      hunk.lines.push({ kind: 'no-newline', oldLine: null, newLine: null, position, text: line })
    }
  }
  return files
}

function diffArgs(from: string, to: string, context: number): string[] {
  return [
    '-c',
    'core.quotePath=true',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--find-renames',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `-U${context}`,
    from,
    to,
  ]
}

// Diffs of two commits never change, so they are kept for the life of the process.
const cache = new Map<string, Promise<FileDiff[]>>()
const CACHE_LIMIT = 500

function cached(key: string, compute: () => Promise<FileDiff[]>): Promise<FileDiff[]> {
  let entry = cache.get(key)
  if (!entry) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    entry = compute()
    entry.catch(() => cache.delete(key))
    cache.set(key, entry)
  }
  return entry
}

/** The diff between two commits, with `context` lines around each change (GitHub shows 3). */
export function commitDiff(
  gitDir: string,
  from: string,
  to: string,
  context = 3,
): Promise<FileDiff[]> {
  return cached(`${gitDir}\u0000${from}\u0000${to}\u0000${context}`, async () =>
    parseUnifiedDiff(await git(gitDir, diffArgs(from, to, context))),
  )
}

/** The pull request diff GitHub shows: from the merge base of base and head, to head. */
export async function pullDiff(
  gitDir: string,
  baseSha: string,
  headSha: string,
): Promise<FileDiff[]> {
  const mergeBase = (await git(gitDir, ['merge-base', baseSha, headSha])).trim()
  return commitDiff(gitDir, mergeBase, headSha)
}

/** Commits a pull request contains: reachable from head, not from base (newest first). */
export async function pullCommits(
  gitDir: string,
  baseSha: string,
  headSha: string,
): Promise<string[]> {
  const out = await git(gitDir, ['rev-list', headSha, `^${baseSha}`])
  return out.split('\n').filter(Boolean)
}
