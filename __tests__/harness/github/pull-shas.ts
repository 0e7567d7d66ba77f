// A pull request's SHAs as GitHub would report them now: read from the branch refs when the
// repository has a gitDir (so a real `git push` shows up), else the stored values. Closed pull
// requests keep the SHAs they had; only open ones follow their branches.

import { refStore } from './refs.js'
import type { EmulatorState, PullRequest } from './state.js'

export interface PullShas {
  head: string
  base: string
}

export async function currentShas(state: EmulatorState, pr: PullRequest): Promise<PullShas> {
  const read = async (repoName: string | null, ref: string, stored: string): Promise<string> => {
    if (!repoName) return stored
    const [owner, name] = repoName.split('/')
    const repo = state.repo(owner, name)
    if (!repo) return stored
    return (await refStore(repo).resolve(`refs/heads/${ref}`)) ?? stored
  }
  if (pr.state === 'open') {
    pr.head.sha = await read(pr.head.repo, pr.head.ref, pr.head.sha)
    pr.base.sha = await read(pr.base.repo, pr.base.ref, pr.base.sha)
  }
  return { head: pr.head.sha, base: pr.base.sha }
}
