// Commits of ours, written in the publish repository from a snapshot of the
// agent's tree (one `git fast-import`: the blobs, the tree and the commit in
// one process), and what a range of commits contains, for the report.

import type { Git } from './git.js'
import type { Snapshot } from './snapshot.js'

export interface CommitInfo {
  sha: string
  subject: string
}

export interface FileChange {
  path: string
  /** Undefined for binary files. */
  added?: number
  removed?: number
}

export interface Identity {
  name: string
  email: string
}

export const DEFAULT_IDENTITY: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
}

export function identityEnv(identity: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  }
}

/**
 * A path as fast-import reads it, as a byte string (one character per byte,
 * for a latin1 Buffer): C-style quoted when it must be.
 */
export function fastImportPath(file: string): string {
  const bytes = Buffer.from(file, 'utf8')
  const plain = bytes.every(
    (byte) => byte >= 0x20 && byte !== 0x7f && byte !== 0x22 && byte !== 0x5c,
  )
  if (plain) return bytes.toString('latin1')
  let quoted = '"'
  for (const byte of bytes) {
    if (byte === 0x22) quoted += '\\"'
    else if (byte === 0x5c) quoted += '\\\\'
    else if (byte === 0x0a) quoted += '\\n'
    else if (byte < 0x20 || byte === 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`
    else quoted += String.fromCharCode(byte)
  }
  return `${quoted}"`
}

function dataBlock(content: Buffer | string): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')]
}

/** One commit for fast-import to write: on top of `parent`, the snapshot's writes and deletes. */
export interface CommitSpec {
  /** Undefined for a commit without parents (the stored session). */
  parent?: string
  snapshot: Pick<Snapshot, 'writes' | 'deletes'>
  message: string
  ref: string
  identity?: Identity
  now?: Date
}

function commitStream(spec: CommitSpec, mark: number): Buffer[] {
  const who = spec.identity ?? DEFAULT_IDENTITY
  const when = `${Math.floor((spec.now ?? new Date()).getTime() / 1000)} +0000`
  const person = `${who.name} <${who.email}> ${when}`
  const parts: Buffer[] = [
    // A commit without parents replaces what the ref held before: say so, not "from".
    ...(spec.parent ? [] : [Buffer.from(`reset ${spec.ref}\n`)]),
    Buffer.from(`commit ${spec.ref}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n`),
    ...dataBlock(spec.message),
    ...(spec.parent ? [Buffer.from(`from ${spec.parent}\n`)] : []),
  ]
  for (const file of spec.snapshot.deletes) {
    parts.push(Buffer.from(`D ${fastImportPath(file)}\n`, 'latin1'))
  }
  for (const write of spec.snapshot.writes) {
    parts.push(Buffer.from(`M ${write.mode} inline ${fastImportPath(write.path)}\n`, 'latin1'))
    parts.push(...dataBlock(write.content))
  }
  parts.push(Buffer.from('\n'))
  return parts
}

/**
 * Writes commits in the publish repository, all in one fast-import (one
 * process however many), each under its own ref. Returns their ids, in order.
 */
export async function writeCommits(git: Git, specs: CommitSpec[]): Promise<string[]> {
  if (specs.length === 0) return []
  const parts = specs.flatMap((spec, i) => commitStream(spec, i + 1))
  for (let i = 1; i <= specs.length; i++) parts.push(Buffer.from(`get-mark :${i}\n`))
  parts.push(Buffer.from('done\n'))
  const result = await git.run(['fast-import', '--quiet', '--done', '--force'], {
    input: Buffer.concat(parts),
  })
  const shas = result.stdout.trim().split('\n').slice(-specs.length)
  if (shas.length !== specs.length || !shas.every((sha) => /^[0-9a-f]{40}$/.test(sha)))
    throw new Error(`git fast-import gave no commit id: ${result.stderr}`)
  return shas
}

/** One commit (see writeCommits). Returns its id. */
export async function writeCommit(git: Git, spec: CommitSpec): Promise<string> {
  const [sha] = await writeCommits(git, [spec])
  return sha as string
}

export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.run(['merge-base', '--is-ancestor', ancestor, descendant], {
    allowFailure: true,
  })
  return result.exitCode === 0
}

/** A message's subject as git's `%s` gives it: its first paragraph, on one line. */
export function subjectOf(message: string): string {
  const lines = message.replace(/^\s+/, '').split('\n')
  const end = lines.findIndex((line) => line.trim() === '')
  return (end < 0 ? lines : lines.slice(0, end)).map((line) => line.trimEnd()).join(' ')
}

/** Commits in `from..to`, oldest first. */
export async function commitsBetween(git: Git, from: string, to: string): Promise<CommitInfo[]> {
  const out = await git.output([
    'log',
    '--reverse',
    '--no-show-signature',
    '--format=%H%x00%s',
    `${from}..${to}`,
  ])
  if (!out) return []
  return out.split('\n').map((line) => {
    const [sha = '', subject = ''] = line.split('\0')
    return { sha, subject }
  })
}

export async function filesChanged(git: Git, from: string, to: string): Promise<FileChange[]> {
  const out = await git.output([
    'diff',
    '--numstat',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--ignore-submodules=all',
    '-z',
    from,
    to,
  ])
  const files: FileChange[] = []
  for (const record of out.split('\0')) {
    if (!record) continue
    const [added, removed, ...rest] = record.split('\t')
    const file = rest.join('\t')
    if (!file) continue
    files.push({
      path: file,
      added: added === '-' ? undefined : Number(added),
      removed: removed === '-' ? undefined : Number(removed),
    })
  }
  return files
}
