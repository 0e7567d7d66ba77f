// Pushes the run's commits and says what happened. Never throws for a refused
// push, so the report can say what was kept and where.

import type { TaskBranch } from './branch.js'
import { commitsBetween, filesChanged, type CommitInfo, type FileChange } from './commit.js'
import type { HoldBack } from './guard.js'
import { pushWork } from './push.js'
import type { Exclusion } from './snapshot.js'

export interface DeliverOptions {
  /** Where the work goes when the branch cannot take it. */
  fallbackBranch: string
  /** Set to send the work to the fallback branch directly: why. */
  forceFallback?: string
}

export interface Delivery {
  commits: CommitInfo[]
  files: FileChange[]
  /** Paths the agent changed that were not pushed: CI code (workflows, actions) and .gitmodules. */
  heldBack: Array<{ path: string; why: HoldBack }>
  /** Paths left out of the commits: too large, secret-shaped, unreadable, special files. */
  excluded: Exclusion[]
  /** Repositories the agent made inside the tree; their files were committed as content. */
  nestedRepos: string[]
  pushedTo?: string
  commitSha?: string
  /** Set when the work went to a fallback branch instead of the PR's: why. */
  fallbackReason?: string
  /** The branch tip the commits were rebased onto, when the branch had moved. */
  rebasedOnto?: string
  /** Why nothing was pushed although there were commits. */
  refused?: string
}

export async function deliver(branch: TaskBranch, options: DeliverOptions): Promise<Delivery> {
  const kept = {
    heldBack: [...branch.heldBack].map(([path, why]) => ({ path, why })),
    excluded: [...branch.excluded.values()],
    nestedRepos: [...branch.nestedRepos],
  }
  const git = branch.publish.git
  if (branch.commits.length === 0) return { commits: [], files: [], ...kept }
  // The push first (its git starts now); what the report lists is read while it runs, and read
  // again only if the push rebased.
  const pushing = pushWork({
    publish: branch.publish,
    branch: branch.branch,
    base: branch.base,
    head: branch.head,
    fallbackBranch: options.fallbackBranch,
    forceFallback: options.forceFallback,
  })
  const between = (base: string, head: string) =>
    Promise.all([commitsBetween(git, base, head), filesChanged(git, base, head)])
  // Our own commits, as written: only the files changed need git.
  const planned = Promise.all([[...branch.made], filesChanged(git, branch.base, branch.head)])
  planned.catch(() => undefined)
  const pushed = await pushing
  if (pushed.kind === 'failed') {
    const [commits, files] = await planned
    return { commits, files, ...kept, refused: pushed.why }
  }
  const asPlanned = pushed.upstream === branch.base && pushed.head === branch.head
  const [commits, files] = asPlanned ? await planned : await between(pushed.upstream, pushed.head)
  return {
    commits,
    files,
    ...kept,
    pushedTo: pushed.branch,
    commitSha: pushed.head,
    fallbackReason: pushed.kind === 'fallback' ? pushed.why : undefined,
    rebasedOnto: pushed.kind === 'pushed' ? pushed.rebasedOnto : undefined,
  }
}
