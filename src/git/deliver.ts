// Turns the agent's work into commits on the PR branch and pushes them, after
// the checks on what may be pushed. Returns what happened; never throws for a
// refused push, so the report can say what was kept and where.

import {
  commitsBetween,
  commitStaged,
  DEFAULT_IDENTITY,
  filesChanged,
  headSha,
  identityEnv,
  isAncestor,
  type CommitInfo,
  type FileChange,
} from './commit.js'
import type { Git } from './git.js'
import { oversizedFiles, secretsInChanges, stageChanges } from './guard.js'
import { pushWork } from './push.js'

export interface DeliverOptions {
  git: Git
  remoteUrl: string
  auth: Record<string, string>
  branch: string
  /** The head the run started from. */
  base: string
  message: string
  /** Where the work goes when the branch cannot take it. */
  fallbackBranch: string
  /** Set to send the work to the fallback branch directly: why. */
  forceFallback?: string
  allowWorkflowChanges: boolean
  maxFileBytes: number
  secrets: string[]
}

export interface Delivery {
  commits: CommitInfo[]
  files: FileChange[]
  /** Workflow files changed by the agent and not pushed. */
  heldBack: string[]
  pushedTo?: string
  commitSha?: string
  /** Set when the work went to a fallback branch instead of the PR's: why. */
  fallbackReason?: string
  /** The branch tip the commits were rebased onto, when the branch had moved. */
  rebasedOnto?: string
  /** Why nothing was pushed although there were commits. */
  refused?: string
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export async function deliver(options: DeliverOptions): Promise<Delivery> {
  const { git, base } = options
  const heldBack = await stageChanges(git, base, options.allowWorkflowChanges)
  await commitStaged(git, options.message)

  const head = await headSha(git)
  if (head !== base && !(await isAncestor(git, base, head))) {
    return {
      commits: [],
      files: [],
      heldBack,
      refused: `The agent moved the branch away from ${base}; nothing was pushed.`,
    }
  }
  const commits = await commitsBetween(git, base, head)
  if (commits.length === 0) return { commits, files: [], heldBack }
  const files = await filesChanged(git, base, head)

  const oversized = await oversizedFiles(git, base, head, options.maxFileBytes)
  if (oversized.length > 0) {
    const list = oversized.map((file) => `\`${file.path}\` (${megabytes(file.bytes)})`).join(', ')
    return {
      commits,
      files,
      heldBack,
      refused: `Nothing was pushed: ${list} ${oversized.length === 1 ? 'is' : 'are'} larger than max_file_size_mb (${megabytes(options.maxFileBytes)}). Raise the limit or ask for a smaller change.`,
    }
  }
  const secrets = await secretsInChanges(git, base, head, options.secrets)
  if (secrets.length > 0) {
    const list = secrets
      .slice(0, 10)
      .map((finding) => `\`${finding.path}\` line ${finding.line} (${finding.kind})`)
    return {
      commits,
      files,
      heldBack,
      refused: `Nothing was pushed: the change contains what looks like a credential: ${list.join('; ')}. Remove it and run again.`,
    }
  }
  const pushed = await pushWork(git, {
    remoteUrl: options.remoteUrl,
    auth: options.auth,
    branch: options.branch,
    base,
    fallbackBranch: options.fallbackBranch,
    forceFallback: options.forceFallback,
    committerEnv: identityEnv(DEFAULT_IDENTITY),
  })
  if (pushed.kind === 'failed') return { commits, files, heldBack, refused: pushed.why }
  // A rebase gives the commits new ids: report what is on the remote now.
  const finalCommits = await commitsBetween(git, pushed.upstream, pushed.head)
  const finalFiles = await filesChanged(git, pushed.upstream, pushed.head)
  return {
    commits: finalCommits,
    files: finalFiles,
    heldBack,
    pushedTo: pushed.branch,
    commitSha: pushed.head,
    fallbackReason: pushed.kind === 'fallback' ? pushed.why : undefined,
    rebasedOnto: pushed.kind === 'pushed' ? pushed.rebasedOnto : undefined,
  }
}
