// The branch from the publish repository into the workspace without a local fetch. The
// publish repository is new and ours: its one fetch left one pack (fetch.unpackLimit = 1),
// checked by git as it came in, and loose refs (the files backend of `git init`). Copying
// that pack and, for a shallow history, its shallow roots, then one update-ref, gives the
// workspace what the local fetch would (fetch --update-shallow adds the same roots), with
// one process where the fetch took four (fetch, upload-pack, pack-objects, index-pack) on
// the way to the agent's start. Anything else (a packed or reftable ref, loose objects, a
// shallow publish repository for a workspace that is not) is left to the local fetch.

import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import type { Git } from './git.js'

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

// Synchronous (but for a large pack's copy): a handful of small file operations, each of
// which, awaited, would wait its turn behind the git processes starting alongside.
function readOrNothing(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** The ref's object id, as a loose ref file gives it; undefined if it is not one. */
function looseRef(gitDir: string, ref: string): string | undefined {
  if (!ref.startsWith('refs/') || ref.split('/').some((part) => part === '..' || part === ''))
    return undefined
  const id = readOrNothing(path.join(gitDir, ref))?.trim()
  return id && OBJECT_ID.test(id) ? id : undefined
}

/**
 * The packs' files to copy, each pack's index last (git finds a pack by its index);
 * undefined when there are loose objects, or a pack without its index.
 */
function packFiles(gitDir: string): string[] | undefined {
  const objects = readdirSync(path.join(gitDir, 'objects'))
  if (objects.some((name) => name !== 'pack' && name !== 'info')) return undefined
  let listed: string[] = []
  try {
    listed = readdirSync(path.join(gitDir, 'objects', 'pack'))
  } catch {
    // No pack directory: the fetch brought nothing (the local fetch says what there is).
  }
  const files = new Set(listed)
  const packs = [...files]
    .filter((name) => /^pack-[0-9a-f]+\.pack$/.test(name))
    .map((name) => name.slice(0, -'.pack'.length))
  if (!packs.every((pack) => files.has(`${pack}.idx`))) return undefined
  return packs.flatMap((pack) =>
    ['.pack', '.rev', '.idx'].map((ext) => `${pack}${ext}`).filter((name) => files.has(name)),
  )
}

const shallowIds = (text: string | undefined) =>
  (text ?? '').split('\n').filter((line) => OBJECT_ID.test(line))

/** Up to this size a pack's file is copied at once; a larger one on the thread pool. */
const COPY_AT_ONCE_BYTES = 16 * 1024 * 1024

/**
 * One file of a pack into the workspace, a copy of its own (never a hard link: the publish
 * repository shares nothing with the workspace the agent works in), with its mode (git's
 * 0444). The index, by which git finds a pack, under a temporary name renamed into place:
 * git never sees half of it. A small one synchronously: the agent's start waits on it, and
 * each file operation awaited would wait its turn behind the git processes alongside.
 */
function copyPackFile(from: string, to: string): Promise<void> | undefined {
  if (existsSync(to)) return // a pack's name is its content: that one is this one
  const partial = to.endsWith('.idx') ? `${to}.async-pr-${process.pid}` : to
  const done = () => {
    if (partial !== to) renameSync(partial, to)
  }
  if (statSync(from).size > COPY_AT_ONCE_BYTES)
    return copyFile(from, partial, constants.COPYFILE_FICLONE).then(done)
  copyFileSync(from, partial, constants.COPYFILE_FICLONE)
  done()
  return undefined
}

/** Adds the roots to the workspace's shallow file, under git's own lock. */
function addShallowRoots(commonDir: string, roots: string[]): void {
  const file = path.join(commonDir, 'shallow')
  const lock = `${file}.lock`
  const fd = openSync(lock, 'wx', 0o644)
  try {
    const all = [...new Set([...shallowIds(readOrNothing(file)), ...roots])]
    writeFileSync(fd, `${all.join('\n')}\n`)
    closeSync(fd)
    renameSync(lock, file)
  } catch (error) {
    closeSync(fd)
    rmSync(lock, { force: true })
    throw error
  }
}

/**
 * Gives the workspace (`target`, whose common git directory is `commonDir`) each of
 * `refs` ([ref here, ref there]) of the publish repository at `publishDir`, by its pack.
 * False, with the workspace untouched, when this repository is not as its one fetch
 * leaves it: the local fetch does it then.
 */
export async function handOverPack(
  publishDir: string,
  target: Git,
  commonDir: string,
  workspaceShallow: boolean,
  refs: Array<[ref: string, localRef: string]>,
): Promise<boolean> {
  const ids = refs.map(([ref]) => looseRef(publishDir, ref))
  const files = packFiles(publishDir)
  const roots = shallowIds(readOrNothing(path.join(publishDir, 'shallow')))
  if (ids.some((id) => id === undefined) || !files || files.length === 0) return false
  // A shallow history into a complete one would cut it short: the local fetch decides then.
  if (roots.length > 0 && !workspaceShallow) return false
  const into = path.join(commonDir, 'objects', 'pack')
  mkdirSync(into, { recursive: true })
  // In order: each pack's index after the pack.
  for (const name of files) {
    const copying = copyPackFile(
      path.join(publishDir, 'objects', 'pack', name),
      path.join(into, name),
    )
    if (copying) await copying
  }
  if (roots.length > 0) addShallowRoots(commonDir, roots)
  const input = refs.map(([, localRef], i) => `update ${localRef} ${ids[i]}\n`).join('')
  await target.run(['update-ref', '--stdin'], { input })
  return true
}
