// The PR branch as one run sees it: the tip it started from, and the commits
// of ours on top, each made from a snapshot of the agent's working tree.
// Everything lives in the publish repository; the workspace's own .git is
// never read after the agent has run (see README.md here).

import { copyFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { subjectOf, writeCommit, type CommitInfo, type CommitSpec } from './commit.js'
import type { Git } from './git.js'
import {
  actionEntryPoints,
  isWorkflowSource,
  localUses,
  protectedPathsFrom,
  type HoldBack,
  type ProtectedPaths,
} from './guard.js'
import type { PublishRepo } from './publish.js'
import { isEmpty, takeSnapshot, type Exclusion, type Snapshot } from './snapshot.js'

export interface BranchPolicy {
  maxFileBytes: number
  allowWorkflowChanges: boolean
  /** The run's own secrets in every form they could be written (util/secrets.ts). */
  knownSecretForms: readonly string[]
}

/** How deep local actions that name other local actions are followed. */
const USES_DEPTH = 5

async function readBlobs(git: Git, specs: string[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>()
  if (specs.length === 0) return found
  const { stdout } = await git.bytes(['cat-file', '--batch'], {
    input: specs.map((spec) => `${spec}\n`).join(''),
  })
  let at = 0
  for (const spec of specs) {
    const newline = stdout.indexOf(0x0a, at)
    if (newline < 0) break
    const header = stdout.subarray(at, newline).toString('utf8')
    at = newline + 1
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
    if (!match) continue // "<spec> missing"
    const size = Number(match[2])
    if (match[1] === 'blob') found.set(spec, stdout.subarray(at, at + size))
    at += size + 1
  }
  return found
}

/** The paths the repository's CI runs as code, as of `commit` (see guard.ts). */
export async function workflowCode(git: Git, commit: string): Promise<ProtectedPaths> {
  const listed = (await git.output(['ls-tree', '-r', '-z', '--name-only', commit, '--', '.github']))
    .split('\0')
    .filter(isWorkflowSource)
  const files: Array<{ path: string; text: string }> = []
  const entryPoints: string[] = []
  let wanted = listed
  const seen = new Set<string>()
  for (let depth = 0; depth < USES_DEPTH && wanted.length > 0; depth++) {
    const blobs = await readBlobs(
      git,
      wanted.map((file) => `${commit}:${file}`),
    )
    const next: string[] = []
    for (const file of wanted) {
      seen.add(file)
      const blob = blobs.get(`${commit}:${file}`)
      if (!blob) continue
      const text = blob.toString('utf8')
      files.push({ path: file, text })
      // An action's own metadata: what it runs may sit outside its directory (`main: ../dist/x.js`).
      const name = path.posix.basename(file)
      if (name === 'action.yml' || name === 'action.yaml') {
        entryPoints.push(...actionEntryPoints(path.posix.dirname(file), text))
      }
      for (const dir of localUses(text)) {
        for (const metadata of ['action.yml', 'action.yaml']) {
          const candidate = dir === '.' ? metadata : `${dir}/${metadata}`
          if (!seen.has(candidate)) next.push(candidate)
        }
      }
    }
    wanted = [...new Set(next)]
  }
  return protectedPathsFrom(files, entryPoints)
}

export class TaskBranch {
  /** Our latest commit (the start tip until the first one). */
  head: string
  /** Each of our commits with its subject, as `git log --format=%s` would list it. */
  readonly made: CommitInfo[] = []
  get commits(): string[] {
    return this.made.map((commit) => commit.sha)
  }
  readonly heldBack = new Map<string, HoldBack>()
  readonly excluded = new Map<string, Exclusion>()
  readonly nestedRepos = new Set<string>()
  /** Read from the start commit while the agent starts, not after it (a git process less then). */
  private readonly protectedPaths: Promise<ProtectedPaths>
  /**
   * The snapshot index catching up with the last commit: only a next snapshot needs it, so it
   * is done when one is taken (none, for most runs: a process less while the push goes).
   */
  private behind?: Snapshot
  private caughtUp: Promise<void> = Promise.resolve()

  private constructor(
    readonly publish: PublishRepo,
    private readonly snapshotGit: Git,
    private readonly indexFile: string,
    readonly workTree: string,
    readonly branch: string,
    /** The branch tip the run started from. */
    readonly base: string,
    private readonly policy: BranchPolicy,
    protectedPaths?: Promise<ProtectedPaths>,
  ) {
    this.head = base
    this.protectedPaths = protectedPaths ?? workflowCode(publish.git, base)
    // Held for snapshot(), which reports a failure; not unhandled until then.
    this.protectedPaths.catch(() => undefined)
  }

  /**
   * Starts following the branch. Must be called right after the checkout,
   * before the agent runs: the workspace's index, as checkout left it, becomes
   * the private snapshot index (its stat data spares hashing unchanged files).
   */
  static async start(options: {
    publish: PublishRepo
    workspaceIndex: string
    scratch: string
    workTree: string
    branch: string
    base: string
    policy: BranchPolicy
    /** workflowCode(publish.git, base), when it was started before (while the checkout ran). */
    protectedPaths?: Promise<ProtectedPaths>
  }): Promise<TaskBranch> {
    const indexFile = path.join(options.scratch, 'snapshot.index')
    // At once: the agent's start waits on it, and an awaited copy waits its turn behind the
    // processes starting alongside.
    copyFileSync(options.workspaceIndex, indexFile)
    const git = options.publish.git.with({
      workTree: options.workTree,
      indexFile,
      cwd: options.workTree,
    })
    return new TaskBranch(
      options.publish,
      git,
      indexFile,
      options.workTree,
      options.branch,
      options.base,
      options.policy,
      options.protectedPaths,
    )
  }

  /** What the working tree holds now that the last commit does not. */
  async snapshot(): Promise<Snapshot> {
    await this.catchUp()
    const protectedPaths = await this.protectedPaths
    const snapshot = await takeSnapshot({
      git: this.snapshotGit,
      workTree: this.workTree,
      maxFileBytes: this.policy.maxFileBytes,
      protectedPaths,
      allowWorkflowChanges: this.policy.allowWorkflowChanges,
      knownSecretForms: this.policy.knownSecretForms,
      readBlob: async (sha) => (await readBlobs(this.publish.git, [sha])).get(sha),
      // Between sessions every agent process is gone: nothing can put such a file back.
      removeSpecialGitFiles: true,
    })
    for (const { path: file, why } of snapshot.heldBack) this.heldBack.set(file, why)
    for (const exclusion of snapshot.excluded) this.excluded.set(exclusion.path, exclusion)
    for (const dir of snapshot.nestedRepos) this.nestedRepos.add(dir)
    return snapshot
  }

  /**
   * Commits what the agent changed since the last commit, on top of it.
   * Returns the new commit, or undefined when nothing changed.
   */
  async commit(message: string): Promise<string | undefined> {
    const snapshot = await this.snapshot()
    if (isEmpty(snapshot)) return undefined
    const sha = await writeCommit(this.publish.git, {
      parent: this.head,
      snapshot,
      message,
      ref: `refs/async-pr/commits/${this.commits.length + 1}`,
    })
    this.behind = snapshot
    this.head = sha
    this.made.push({ sha, subject: subjectOf(message) })
    return sha
  }

  /**
   * The working tree as it is now, as the commit to write on top of our last
   * one for the checkpoint ref — without touching the round commits' index (a
   * copy of it is used) or recording anything for the report. Undefined when
   * the tree is what the last checkpoint (`sinceKey`) already held.
   */
  async checkpointSpec(
    message: string,
    sinceKey: string | undefined,
  ): Promise<{ spec: CommitSpec; key: string } | undefined> {
    await this.catchUp()
    const protectedPaths = await this.protectedPaths
    const indexFile = path.join(path.dirname(this.indexFile), 'checkpoint.index')
    await copyFile(this.indexFile, indexFile)
    const snapshot = await takeSnapshot({
      git: this.snapshotGit.with({ indexFile }),
      workTree: this.workTree,
      maxFileBytes: this.policy.maxFileBytes,
      protectedPaths,
      allowWorkflowChanges: this.policy.allowWorkflowChanges,
      knownSecretForms: this.policy.knownSecretForms,
      readBlob: async (sha) => (await readBlobs(this.publish.git, [sha])).get(sha),
    })
    if (isEmpty(snapshot) && this.head === this.base) return undefined
    const key = [
      this.head,
      ...snapshot.deletes.map((file) => `-${file}`),
      ...snapshot.writes.map((write) => `${write.mode} ${write.sha} ${write.path}`),
    ]
      .sort()
      .join('\n')
    if (key === sinceKey) return undefined
    return {
      spec: { parent: this.head, snapshot, message, ref: 'refs/async-pr/checkpoint-local' },
      key,
    }
  }

  /** The snapshot index, once this settles, mirrors the last commit (a failure is each caller's). */
  private catchUp(): Promise<void> {
    const snapshot = this.behind
    if (snapshot) {
      this.behind = undefined
      this.caughtUp = this.remember(snapshot)
    }
    return this.caughtUp
  }

  /** The snapshot index now mirrors the new commit; stat data is gone only for what changed. */
  private async remember(snapshot: Snapshot): Promise<void> {
    const zero = '0'.repeat(40)
    const entries = [
      ...snapshot.deletes.map((file) => `0 ${zero}\t${file}\0`),
      ...snapshot.writes.map((write) => `${write.mode} ${write.sha}\t${write.path}\0`),
    ]
    await this.snapshotGit.run(['update-index', '-z', '--index-info'], { input: entries.join('') })
  }
}
