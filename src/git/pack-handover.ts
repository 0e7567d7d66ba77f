// The branch from the publish repository into the workspace without a local fetch. The
// publish repository is new and ours: its one fetch left one pack (fetch.unpackLimit = 1),
// checked by git as it came in, and loose refs (the files backend of `git init`). Copying
// that pack and, for a shallow history, its shallow roots, then one update-ref, gives a
// depth-1 checkout (actions/checkout's default) what the local fetch would (fetch
// --update-shallow adds the same roots), with one process where the fetch took four (fetch,
// upload-pack, pack-objects, index-pack) on the way to the agent's start. Anything else is
// left to the local fetch, which sends only what the workspace lacks and adds only the roots
// it needs: a packed ref, loose objects, more than MAX_HANDOVER_BYTES of packs (a complete
// history, most often), a shallow branch for a complete or deeper shallow checkout.

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
import path from 'node:path'
import type { Git } from './git.js'

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

// Synchronous: a handful of small file operations, each of which, awaited, would wait its
// turn behind the git processes starting alongside.
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

/**
 * The packs a handover copies at most, in all: a larger one (a complete history, most often,
 * that a complete checkout already holds) goes by the local fetch, which sends only what the
 * workspace lacks.
 */
export const MAX_HANDOVER_BYTES = 16 * 1024 * 1024

/**
 * Whether the workspace's history is actions/checkout's default: its only shallow root is
 * its HEAD (a depth-1 checkout), so it holds no commit of the branch's history that a root
 * of the publish repository could cut short. Deeper shallow checkouts go by the local fetch,
 * which adds only the roots the workspace needs.
 */
function depthOneCheckout(gitDir: string, commonDir: string): boolean {
  if (path.resolve(gitDir) !== path.resolve(commonDir)) return false
  const roots = shallowIds(readOrNothing(path.join(commonDir, 'shallow')))
  const head = readOrNothing(path.join(gitDir, 'HEAD'))?.trim() ?? ''
  const headId = head.startsWith('ref: ') ? looseRef(gitDir, head.slice(5).trim()) : head
  return roots.length === 1 && roots[0] === headId
}

/**
 * One file of a pack into the workspace: a copy of its own (never a hard link: the publish
 * repository shares nothing with the workspace the agent works in), with its mode (git's
 * 0444), under a temporary name renamed into place, so git never sees half a file, nor a
 * later run half of one this run's cancellation cut short. Synchronously (the packs are
 * small): the agent's start waits on it, and each file operation awaited would wait its turn
 * behind the git processes starting alongside.
 */
function copyPackFile(from: string, to: string): void {
  if (existsSync(to)) return // a whole one (renamed into place): its name is its content
  const partial = `${to}.async-pr-${process.pid}`
  try {
    copyFileSync(from, partial, constants.COPYFILE_FICLONE)
    renameSync(partial, to)
  } finally {
    rmSync(partial, { force: true })
  }
}

/** Adds the roots to the workspace's shallow file, under git's own lock. */
function addShallowRoots(commonDir: string, roots: string[]): void {
  const file = path.join(commonDir, 'shallow')
  const lock = `${file}.lock`
  const fd = openSync(lock, 'wx', 0o644)
  let open = true
  try {
    const all = [...new Set([...shallowIds(readOrNothing(file)), ...roots])]
    writeFileSync(fd, `${all.join('\n')}\n`)
    closeSync(fd)
    open = false
    renameSync(lock, file)
  } finally {
    if (open) closeSync(fd)
    rmSync(lock, { force: true }) // gone already once renamed
  }
}

/** The workspace a handover gives to: its git and its directories. */
export interface HandoverTarget {
  git: Git
  gitDir: string
  commonDir: string
}

/**
 * Gives the workspace each of `refs` ([ref here, ref there]) of the publish repository at
 * `publishDir`, by its pack. False, with the workspace untouched, when either is not as this
 * expects (the publish repository as its one fetch leaves it, a small pack, and for a shallow
 * branch a depth-1 checkout): the local fetch does it then.
 */
export async function handOverPack(
  publishDir: string,
  workspace: HandoverTarget,
  refs: Array<[ref: string, localRef: string]>,
): Promise<boolean> {
  // The roots before the packs: a fetch landing between the two reads could then only give
  // a shorter history, never one with missing parents.
  const roots = shallowIds(readOrNothing(path.join(publishDir, 'shallow')))
  const ids = refs.map(([ref]) => looseRef(publishDir, ref))
  const files = packFiles(publishDir)
  if (ids.some((id) => id === undefined) || !files || files.length === 0) return false
  const packDir = path.join(publishDir, 'objects', 'pack')
  const bytes = files.reduce((sum, name) => sum + statSync(path.join(packDir, name)).size, 0)
  if (bytes > MAX_HANDOVER_BYTES) return false
  // A shallow branch into a complete history, or into a deeper shallow one, would cut it short.
  if (roots.length > 0 && !depthOneCheckout(workspace.gitDir, workspace.commonDir)) return false
  const into = path.join(workspace.commonDir, 'objects', 'pack')
  mkdirSync(into, { recursive: true })
  // In order: each pack's index after the pack.
  for (const name of files) copyPackFile(path.join(packDir, name), path.join(into, name))
  if (roots.length > 0) addShallowRoots(workspace.commonDir, roots)
  const input = refs.map(([, localRef], i) => `update ${localRef} ${ids[i]}\n`).join('')
  await workspace.git.run(['update-ref', '--stdin'], { input })
  return true
}
