// Work a lost runner left behind: a run that never reported its end leaves its
// last checkpoint under the PR's checkpoint ref (every run that ends removes
// its own). The next run on the PR puts that work on the branch as one commit
// (`WIP: recovered from run <id>`), on top of whatever the branch holds now —
// replayed onto it if the branch moved, to a fallback branch if that
// conflicts — and removes the ref. A checkpoint the branch already contains is
// only removed. Nothing is ever force-pushed. All of it in the publish repository.

import { CHECKPOINT_BASE_TRAILER, CHECKPOINT_STATUS_TRAILER } from '../git/checkpoint.js'
import { DEFAULT_IDENTITY, filesChanged, identityEnv, type FileChange } from '../git/commit.js'
import type { Git } from '../git/git.js'
import { storedRef, upstreamRef, type PublishRepo } from '../git/publish.js'
import { rebaseCommits } from '../git/rebase.js'
import { RECOVERED_TRAILER, RUN_TRAILER, TASK_TRAILER, trailersOf } from '../git/trailers.js'

export interface Recovery {
  /** The run that was lost. */
  fromRunUrl: string
  /** Which status comment that run reported in: `main`, or a follow-up's comment id. */
  statusComment: string
  /** The commit that carries the recovered work, and where it went. */
  commitSha: string
  pushedTo: string
  /** Set when the branch could not take it: why. */
  fallbackReason?: string
  files: string[]
  /** The same files with their line counts, for the report. */
  changes: FileChange[]
}

function runIdOf(runUrl: string): string {
  return /\/runs\/(\d+)/.exec(runUrl)?.[1] ?? 'unknown'
}

async function contains(git: Git, tip: string, checkpoint: string): Promise<boolean> {
  const sameTree =
    (await git.output(['rev-parse', `${tip}^{tree}`])) ===
    (await git.output(['rev-parse', `${checkpoint}^{tree}`]))
  if (sameTree) return true
  const ancestor = await git.run(['merge-base', '--is-ancestor', checkpoint, tip], {
    allowFailure: true,
  })
  if (ancestor.exitCode === 0) return true
  const log = await git.output([
    'log',
    '-n',
    '50',
    `--format=%(trailers:key=${RECOVERED_TRAILER},valueonly)`,
    tip,
  ])
  return log.split('\n').some((line) => line.trim() === checkpoint)
}

/** What became of a checkpoint the run found. */
export type Found =
  | { kind: 'none' }
  | ({ kind: 'recovered' } & Recovery)
  /** Left where it is, for a person (or a later run): nothing this run does may replace it. */
  | { kind: 'kept'; fromRunUrl: string; reason: string }

/** Whether the branch has commits the checkpoint's run pushed itself: then it reported its end. */
async function runDelivered(git: Git, tip: string, runUrl: string): Promise<boolean> {
  if (!runUrl) return false
  const log = await git.output([
    'log',
    '-n',
    '100',
    `--format=%(trailers:key=${RUN_TRAILER},valueonly)%x00%(trailers:key=${RECOVERED_TRAILER},valueonly)%x1e`,
    tip,
  ])
  return log.split('\x1e').some((record) => {
    const [runs = '', recovered = ''] = record.replace(/^\n/, '').split('\0')
    return !recovered.trim() && runs.split('\n').some((line) => line.trim() === runUrl)
  })
}

export async function recoverCheckpoint(options: {
  publish: PublishRepo
  prNumber: number
  branch: string
  runAttemptUrl: string
  fallbackBranch: string
  /** The PR's checkpoint as fetched into the publish repository (fetchBranch's `stored`), if any. */
  checkpoint: string | undefined
}): Promise<Found> {
  const { publish } = options
  const git = publish.git
  const { checkpoint } = options
  if (!checkpoint) return { kind: 'none' }
  const trailers = trailersOf(await git.output(['log', '-1', '--format=%B', checkpoint]))
  const fromRunUrl = trailers.get(RUN_TRAILER.toLowerCase())?.at(-1) ?? ''
  const base = trailers.get(CHECKPOINT_BASE_TRAILER.toLowerCase())?.at(-1) ?? ''
  const statusComment = trailers.get(CHECKPOINT_STATUS_TRAILER.toLowerCase())?.at(-1) ?? 'main'
  const task = trailers.get(TASK_TRAILER.toLowerCase())?.at(-1)
  const kept = (reason: string): Found => ({ kind: 'kept', fromRunUrl, reason })
  const removeCheckpoint = () =>
    publish.deleteRemote(storedRef(options.prNumber, 'checkpoint'), checkpoint)
  // Not one of ours for this PR: leave it alone rather than guess.
  if (task !== `#${options.prNumber}` || !/^[0-9a-f]{40}$/.test(base))
    return kept('it is not a checkpoint async-pr made for this PR')
  const tip = await publish.localRef(upstreamRef(options.branch))
  if (!tip) return kept(`the branch \`${options.branch}\` could not be read`)
  // The branch holds it already, or its run pushed its own work (only its clean-up failed).
  if ((await contains(git, tip, checkpoint)) || (await runDelivered(git, tip, fromRunUrl))) {
    await removeCheckpoint()
    return { kind: 'none' }
  }
  const hasBase =
    (await git.run(['cat-file', '-e', `${base}^{commit}`], { allowFailure: true })).exitCode === 0
  const changes = hasBase ? await filesChanged(git, base, checkpoint) : []
  const files = changes.map((change) => change.path)
  const message = [
    `WIP: recovered from run ${runIdOf(fromRunUrl)}`,
    '',
    `Work in progress of ${fromRunUrl}, which stopped without reporting (its runner was lost),`,
    'restored by async-pr from the checkpoint it had pushed.',
    '',
    `${RUN_TRAILER}: ${options.runAttemptUrl}`,
    `${TASK_TRAILER}: #${options.prNumber}`,
    `${RECOVERED_TRAILER}: ${checkpoint}`,
  ].join('\n')
  // The checkpoint's work on top of the branch as it is now: as it is when nothing moved, replayed when it did.
  let tree: string | undefined
  if (hasBase && base === tip) tree = await git.output(['rev-parse', `${checkpoint}^{tree}`])
  else if (hasBase) {
    const replayed = await rebaseCommits(git, base, checkpoint, tip)
    if (replayed) tree = await git.output(['rev-parse', `${replayed}^{tree}`])
  }
  if (tree) {
    const commit = await git.output(['commit-tree', tree, '-p', tip, '-F', '-'], {
      input: message,
      env: identityEnv(DEFAULT_IDENTITY),
    })
    const pushed = await publish.push(commit, `refs/heads/${options.branch}`, tip)
    if (pushed.ok) {
      await removeCheckpoint()
      return {
        kind: 'recovered',
        fromRunUrl,
        statusComment,
        commitSha: commit,
        pushedTo: options.branch,
        files,
        changes,
      }
    }
  }
  // The branch cannot take it (a conflict, or it moved again): the checkpoint as it is, on a new branch.
  const aside = await publish.push(checkpoint, `refs/heads/${options.fallbackBranch}`, '')
  if (!aside.ok) {
    return kept(
      `neither \`${options.branch}\` (its work conflicts with what is there now) nor a new branch \`${options.fallbackBranch}\` could take it (${aside.detail.split('\n').slice(-1)[0] ?? 'refused'})`,
    )
  }
  await removeCheckpoint()
  return {
    kind: 'recovered',
    fromRunUrl,
    statusComment,
    commitSha: checkpoint,
    pushedTo: options.fallbackBranch,
    fallbackReason: `The branch \`${options.branch}\` changed since the lost run started, and its work conflicts with what is there now.`,
    files,
    changes,
  }
}
