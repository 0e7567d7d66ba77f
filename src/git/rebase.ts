// Replays our commits onto a branch tip that moved, inside the bare publish
// repository: no work tree, no checkout of the agent's files, no submodules.
//
// Each commit's tree is the merge (`git merge-tree --write-tree`, git ≥ 2.38)
// of the new base so far with that commit; their merge base is where the run
// started, so the result is the new tip plus everything the run changed up to
// that commit (changes already replayed merge as identical on both sides).
// A conflict leaves the branch alone: the caller sends the work elsewhere.

import type { Git } from './git.js'

interface Original {
  sha: string
  authorName: string
  authorEmail: string
  authorDate: string
  message: string
}

async function originals(git: Git, from: string, to: string): Promise<Original[]> {
  const out = await git.output([
    'log',
    '--reverse',
    '--no-show-signature',
    '--format=%H%x00%an%x00%ae%x00%ad%x00%B%x1e',
    '--date=raw',
    `${from}..${to}`,
  ])
  return out
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha = '', authorName = '', authorEmail = '', authorDate = '', message = ''] =
        record.split('\0')
      return { sha, authorName, authorEmail, authorDate, message }
    })
}

/** The commits of `from..to` replayed onto `onto`; the new head, or undefined on a conflict. */
export async function rebaseCommits(
  git: Git,
  from: string,
  to: string,
  onto: string,
  committer: { name: string; email: string } = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
  },
): Promise<string | undefined> {
  let head = onto
  for (const commit of await originals(git, from, to)) {
    const merged = await git.run(
      ['merge-tree', '--write-tree', '--no-messages', head, commit.sha],
      {
        allowFailure: true,
      },
    )
    if (merged.exitCode !== 0) return undefined
    const tree = merged.stdout.split('\n')[0]?.trim() ?? ''
    if (!/^[0-9a-f]{40}$/.test(tree)) return undefined
    head = await git.output(['commit-tree', tree, '-p', head, '-F', '-'], {
      input: commit.message,
      env: {
        GIT_AUTHOR_NAME: commit.authorName,
        GIT_AUTHOR_EMAIL: commit.authorEmail,
        GIT_AUTHOR_DATE: commit.authorDate,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      },
    })
  }
  return head
}
