// Puts the workspace on the PR's head branch at the event's head SHA, whatever
// actions/checkout left behind (by default a shallow, detached merge commit,
// possibly with a token persisted in git config through an included file).

import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { withoutKeys } from './config-lines.js'
import { handOverPack } from './pack-handover.js'
import type { Git } from './git.js'
import { EVENT_HEAD_REF, upstreamRef, type FetchedBranch, type PublishRepo } from './publish.js'
import { CONTINUATION_TRAILER, RECOVERED_TRAILER, RUN_TRAILER, TASK_TRAILER } from './trailers.js'

export class WorkspaceError extends Error {
  override name = 'WorkspaceError'
}

export interface HeadCheckout {
  headRef: string
  headSha: string
  /** The PR whose stored checkpoint and session come with the branch's fetch. */
  prNumber?: number
}

/**
 * Removes tokens that actions/checkout persisted in the repository's config
 * (directly, or through an `includeIf` file under RUNNER_TEMP), and deletes
 * those files, so nothing the agent runs can read them through git or from
 * disk. Returns the config keys removed.
 */
export async function removePersistedCredentials(git: Git, commonDir?: string): Promise<string[]> {
  commonDir ??= await git.output(['rev-parse', '--path-format=absolute', '--git-common-dir'])
  // The repository's own config, and each submodule's (checkout persists the
  // token there too when it fetches submodules).
  const configs = [
    path.join(commonDir, 'config'),
    ...(await submoduleConfigs(path.join(commonDir, 'modules'))),
  ]
  const removed: string[] = []
  for (const file of configs) removed.push(...(await removeFromConfig(git, file)))
  return [...new Set(removed)]
}

async function submoduleConfigs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const child = path.join(dir, entry.name)
    if (await stat(path.join(child, 'config')).catch(() => undefined))
      found.push(path.join(child, 'config'))
    found.push(...(await submoduleConfigs(path.join(child, 'modules'))))
  }
  return found
}

async function removeFromConfig(git: Git, file: string): Promise<string[]> {
  const listed = await listConfig(git, file)
  const doomed = new Set<string>()
  const includes: string[] = []
  for (const { key, value } of listed.entries) {
    const isHeader = /^http\..*extraheader$/i.test(key)
    const isCredentialInclude =
      /^includeif\..*\.path$/i.test(key) &&
      (CHECKOUT_CREDENTIALS_FILE.test(path.basename(value)) ||
        (await fileMentionsExtraheader(value)))
    if (isHeader || isCredentialInclude) doomed.add(key)
    if (isCredentialInclude) includes.push(value)
  }
  if (doomed.size > 0 && !(await rewriteWithout(git, file, listed.entries, doomed))) {
    for (const key of doomed)
      await git.run(['config', '--file', file, '--unset-all', key], { allowFailure: true })
    // Never on with a credential still there (the file locked by someone else, say).
    const after = await listConfig(git, file)
    if (!after.ok || after.entries.some((entry) => doomed.has(entry.key))) {
      throw new WorkspaceError(
        `Could not remove the credentials actions/checkout persisted in ${file} (${[...doomed].join(', ')}). Set \`persist-credentials: false\` on actions/checkout.`,
      )
    }
  }
  // checkout's post step tolerates a missing file; the agent must not find it.
  for (const include of includes) await rm(include, { force: true }).catch(() => undefined)
  return [...doomed]
}

interface ConfigEntry {
  key: string
  value: string
  /** As git listed it, key and value together. */
  record: string
}

/** The file's entries in order, as `git config --null --list` gives them (includes not followed). */
async function listConfig(
  git: Git,
  file: string,
): Promise<{ ok: boolean; entries: ConfigEntry[] }> {
  const listed = await git.run(['config', '--file', file, '--null', '--list'], {
    allowFailure: true,
  })
  const entries: ConfigEntry[] = []
  for (const record of listed.stdout.split('\0')) {
    const newline = record.indexOf('\n')
    if (newline < 0) continue
    entries.push({ key: record.slice(0, newline), value: record.slice(newline + 1), record })
  }
  return { ok: listed.exitCode === 0, entries }
}

/**
 * Drops the `doomed` keys' lines from the config file in one go (checkout's v6 persists four
 * includes: four `git config --unset-all` processes one after the other, which the checkout
 * waits for), under git's own lock file. Kept only if git then lists exactly what it listed
 * before, without those keys; otherwise the file is put back and false returned.
 */
async function rewriteWithout(
  git: Git,
  file: string,
  before: ConfigEntry[],
  doomed: ReadonlySet<string>,
): Promise<boolean> {
  const original = dropLines(file, doomed)
  if (original === undefined) return false
  const after = await listConfig(git, file)
  const expected = before.filter((entry) => !doomed.has(entry.key))
  const same =
    after.ok &&
    after.entries.length === expected.length &&
    after.entries.every((entry, i) => entry.record === expected[i]?.record)
  if (!same) writeFileSync(file, original, 'latin1')
  return same
}

/**
 * The file's lines for `doomed` dropped, under git's own lock file; its text before, or
 * undefined when nothing was written. Synchronous: three small file operations in a row,
 * each of which would otherwise wait its turn behind the git processes of the checkout.
 */
function dropLines(file: string, doomed: ReadonlySet<string>): string | undefined {
  const lock = `${file}.lock`
  let fd: number | undefined
  try {
    const info = lstatSync(file)
    if (!info.isFile()) return undefined
    // Git's own lock first, then the read: no write of git's can fall between the two.
    fd = openSync(lock, 'wx', info.mode & 0o777)
    // latin1: every byte comes back as it was, whatever the file's encoding.
    const original = readFileSync(file, 'latin1')
    const edited = withoutKeys(original, doomed)
    if (edited === undefined) throw new Error('beyond the text edit')
    writeFileSync(fd, edited, 'latin1')
    closeSync(fd)
    fd = undefined
    renameSync(lock, file)
    return original
  } catch {
    // Locked by someone else, unreadable, or beyond the edit: git does it key by key (and must
    // find no lock of ours).
    if (fd !== undefined) {
      closeSync(fd)
      rmSync(lock, { force: true })
    }
    return undefined
  }
}

/** actions/checkout names its credentials file so (also for container paths that do not exist here). */
const CHECKOUT_CREDENTIALS_FILE = /^git-credentials-[\w-]+\.config$/

async function fileMentionsExtraheader(file: string): Promise<boolean> {
  try {
    return /extraheader/i.test(await readFile(file, 'utf8'))
  } catch {
    return false
  }
}

/** What the action needs to know of the workspace's repository, read before the agent starts. */
export interface WorkspaceRepo {
  shallow: boolean
  /** The repository's common directory (its config, its index), absolute. */
  commonDir: string
  /** The work tree's own git directory, absolute (the agent's git uses it). */
  gitDir: string
}

/**
 * Whether the checkout is shallow, as git decides it (a shallow file in its git directory),
 * read off the disk where the checkout's `.git` is a directory, as actions/checkout leaves
 * it: the fetch need not wait for readWorkspaceRepo's git process to know its depth.
 * Undefined otherwise (a worktree, a submodule, no repository): readWorkspaceRepo tells.
 */
export function shallowCheckout(workspace: string): boolean | undefined {
  try {
    if (!statSync(path.join(workspace, '.git')).isDirectory()) return undefined
    return existsSync(path.join(workspace, '.git', 'shallow'))
  } catch {
    return undefined
  }
}

/** One rev-parse for all of WorkspaceRepo; a clear error when the workspace is not a checkout. */
export async function readWorkspaceRepo(git: Git): Promise<WorkspaceRepo> {
  const result = await git.run(
    [
      'rev-parse',
      '--is-inside-work-tree',
      '--is-shallow-repository',
      '--path-format=absolute',
      '--git-common-dir',
      '--absolute-git-dir',
    ],
    { allowFailure: true },
  )
  const [inside, shallow, commonDir, gitDir] = result.stdout.split('\n').map((line) => line.trim())
  if (result.exitCode !== 0 || inside !== 'true' || !commonDir || !gitDir) {
    throw new WorkspaceError(
      `${git.cwd} is not a git checkout. Add \`- uses: actions/checkout@v5\` before async-pr in the job.`,
    )
  }
  return { shallow: shallow === 'true', commonDir, gitDir }
}

/**
 * The PR's head being fetched into the publish repository: `arrived` is true as
 * soon as the branch's ref and history are there (its tip and the stored refs
 * are still being read), false when the fetch failed; `head` is the whole result.
 */
export interface HeadFetch {
  arrived: Promise<boolean>
  head: Promise<FetchedHead>
}

/** Starts `fetch` (fetchHead, given its `arrived` callback) as a HeadFetch. */
export function startHeadFetch(fetch: (arrived: () => void) => Promise<FetchedHead>): HeadFetch {
  let settle: (ok: boolean) => void = () => undefined
  const arrived = new Promise<boolean>((resolve) => (settle = resolve))
  const head = fetch(() => settle(true))
  head.then(
    () => settle(true),
    () => settle(false),
  )
  return { arrived, head }
}

/** What fetchHead put in the publish repository for the checkout. */
export interface FetchedHead {
  /** The publish repository's ref at the event's head commit. */
  eventHead: string
  /** What the server keeps for the PR (its checkpoint, its saved session), as fetched. */
  stored: FetchedBranch['stored']
}

/**
 * Fetches the PR's head branch (and the event's commit, when the branch moved
 * on) into the publish repository: the fetch with the PAT happens there, and
 * the workspace is not touched, so this may run while its credentials are
 * being removed.
 */
export async function fetchHead(
  publish: PublishRepo,
  target: HeadCheckout,
  shallow: boolean,
  arrived?: () => void,
): Promise<FetchedHead> {
  const depth = shallow ? 50 : undefined
  let fetched: FetchedBranch | undefined
  try {
    fetched = await publish.fetchBranch(target.headRef, depth, target.prNumber, arrived)
  } catch (error) {
    throw new WorkspaceError(
      `${(error as Error).message}. Check that the branch still exists and that github_token can read the repository.`,
    )
  }
  if (fetched === undefined) {
    throw new WorkspaceError(
      `The branch ${target.headRef} no longer exists on the remote. Re-open the PR from an existing branch.`,
    )
  }
  // Most often the branch is where the event saw it: its tip is the event's commit.
  if (fetched.tip === target.headSha)
    return { eventHead: upstreamRef(target.headRef), stored: fetched.stored }
  // The branch moved on since the event: fetch the event's commit itself.
  if (!(await publish.hasCommit(target.headSha))) {
    await publish.fetchCommit(target.headSha, EVENT_HEAD_REF, depth)
    if (!(await publish.hasCommit(target.headSha))) {
      throw new WorkspaceError(
        `Commit ${target.headSha} of branch ${target.headRef} is not on the remote any more (force-pushed?). Re-run the job on the current head.`,
      )
    }
  }
  await publish.setRef(EVENT_HEAD_REF, target.headSha)
  return { eventHead: EVENT_HEAD_REF, stored: fetched.stored }
}

/** The workspace's remote-tracking ref of the PR's head branch. */
function trackingRef(target: HeadCheckout): string {
  return `refs/remotes/origin/${target.headRef}`
}

/**
 * The branch's history, from the publish repository into the workspace, as soon
 * as it arrived there (HeadFetch.arrived): its pack (pack-handover.ts), or a local
 * fetch, with no credential in sight either way (file:// only: a persisted http
 * header is never sent), so it need not wait for the credentials to go. Most often
 * the event's commit is the tip, so the tip is also given as the event's head;
 * checkoutFetched corrects that when not.
 */
export async function giveBranch(
  git: Git,
  publish: PublishRepo,
  target: HeadCheckout,
  repo: WorkspaceRepo,
): Promise<void> {
  const tip = upstreamRef(target.headRef)
  const refs: Array<[string, string]> = [
    [tip, trackingRef(target)],
    [tip, EVENT_HEAD_REF],
  ]
  // Its one pack and one update-ref most often; the local fetch where that cannot be done.
  const workspace = { git, gitDir: repo.gitDir, commonDir: repo.commonDir }
  if (await handOverPack(publish.dir, workspace, refs)) return
  await publish.giveTo(git, refs)
}

/**
 * Puts the workspace on the PR's head branch at the event's head commit, once
 * giveBranch gave it the branch (`given`), with the branch's upstream set. The
 * checkout waits for `credentialsGone`: it can start the repository's filters
 * (git-lfs, which downloads with checkout's persisted header), and the
 * upstream is written to the config, which the removal writes too.
 */
export async function checkoutFetched(
  git: Git,
  publish: PublishRepo,
  target: HeadCheckout,
  fetched: FetchedHead,
  given: Promise<void>,
  credentialsGone: Promise<unknown>,
): Promise<void> {
  const tracking = trackingRef(target)
  await given
  const atTip = fetched.eventHead === upstreamRef(target.headRef)
  // The branch moved on since the event: the event's own commit, fetched apart.
  if (!atTip) await publish.giveTo(git, [[fetched.eventHead, EVENT_HEAD_REF]])
  await credentialsGone
  if (atTip) {
    // Started from the remote-tracking branch (whose tip is the event's commit), checkout
    // sets the upstream itself: one process. Where the remote's refspec does not map the
    // branch there, it sets none, as --set-upstream-to would fail to.
    await git.run([
      '-c',
      'branch.autoSetupMerge=true',
      'checkout',
      '--quiet',
      '--force',
      '-B',
      target.headRef,
      tracking,
    ])
    return
  }
  await git.run(['checkout', '--quiet', '--force', '-B', target.headRef, target.headSha])
  await git.run(['branch', '--quiet', `--set-upstream-to=${tracking}`], { allowFailure: true })
}

/**
 * The repository's config file, held in memory while the agent works: anything
 * the agent writes there (fsmonitor, filters, credential helpers, aliases) is
 * undone before the action runs git again.
 */
export async function snapshotConfig(git: Git, commonDir?: string): Promise<() => Promise<void>> {
  commonDir ??= await git.output(['rev-parse', '--path-format=absolute', '--git-common-dir'])
  const file = path.join(commonDir, 'config')
  const saved = readFileSync(file) // a small file, on the way to the agent's start
  return async () => writeFile(file, saved)
}

/**
 * The run whose commits for PR #`prNumber` already sit in the recent history of
 * `tip`, if any: then this PR's task was done before (a re-run, a double
 * trigger, a reopened PR). Other PRs' trailers (squash-merged into the base) do not count.
 */
export async function taskDeliveredBy(
  git: Git,
  tip: string,
  prNumber: number,
): Promise<string | undefined> {
  const log = await git.run(
    [
      'log',
      '-n',
      '50',
      `--format=%(trailers:key=${TASK_TRAILER},valueonly)%x00%(trailers:key=${RUN_TRAILER},valueonly)%x00%(trailers:key=${RECOVERED_TRAILER},valueonly)%x1e`,
      tip,
    ],
    { allowFailure: true },
  )
  for (const record of log.stdout.split('\x1e')) {
    const [task = '', run = '', recovered = ''] = record.split('\0')
    // Work restored from a lost run was never finished: it delivers nothing.
    if (recovered.trim()) continue
    if (task.split('\n').some((line) => line.trim() === `#${prNumber}`))
      return run.trim() || 'an earlier run'
  }
  return undefined
}

/** Puts the workspace on `sha` of the branch (after the publish repository moved it: a recovery). */
export async function moveWorkspaceTo(
  git: Git,
  publish: PublishRepo,
  headRef: string,
  sha: string,
): Promise<void> {
  await publish.setRef(EVENT_HEAD_REF, sha)
  await publish.setRef(upstreamRef(headRef), sha)
  await publish.giveTo(git, [
    [EVENT_HEAD_REF, EVENT_HEAD_REF],
    [upstreamRef(headRef), `refs/remotes/origin/${headRef}`],
  ])
  await git.run(['checkout', '--quiet', '--force', '-B', headRef, sha])
}

/**
 * What the branch's recent history says about a continuation `runId` sent:
 * whether that run worked on this PR (its commits are in the unbroken run of
 * async-pr's commits for the PR at the branch's tip), how many automatic
 * continuations the chain has had up to now — the highest continuation number
 * from the tip down to that run's newest commit — and whether a continuation
 * already committed above it (the dispatch was answered: a replay). A
 * person's `/async-pr continue` starts a chain afresh (its commits carry no number).
 */
export async function continuationHistory(
  git: Git,
  tip: string,
  prNumber: number,
  runId: string,
): Promise<{ runWorkedHere: boolean; continuations: number; answered: boolean }> {
  const log = await git.run(
    [
      'log',
      '-n',
      '100',
      `--format=%(trailers:key=${TASK_TRAILER},valueonly)%x00%(trailers:key=${RUN_TRAILER},valueonly)%x00%(trailers:key=${CONTINUATION_TRAILER},valueonly)%x1e`,
      tip,
    ],
    { allowFailure: true },
  )
  const byRun = new RegExp(`/runs/${runId}(/|$)`)
  let continuations = 0
  let answered = false
  for (const record of log.stdout.split('\x1e')) {
    if (!record.trim()) continue
    const [task = '', run = '', continuation = ''] = record.replace(/^\n/, '').split('\0')
    if (!task.split('\n').some((line) => line.trim() === `#${prNumber}`)) break
    const ownRun = run.split('\n').some((url) => byRun.test(url.trim()))
    const n = Number(continuation.trim().split('\n').at(-1))
    if (Number.isInteger(n) && n > continuations) continuations = n
    if (ownRun) return { runWorkedHere: true, continuations, answered }
    if (Number.isInteger(n) && n > 0) answered = true
  }
  return { runWorkedHere: false, continuations, answered }
}
