// Turns what the agent changed into commits on the branch: keeps commits the
// agent made itself, commits whatever it left uncommitted, never an empty one.

import type { Git } from './git.js'

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

/** Commits what is staged; returns the new commit, or undefined when nothing is staged. */
export async function commitStaged(
  git: Git,
  message: string,
  identity: Identity = DEFAULT_IDENTITY,
): Promise<string | undefined> {
  const staged = await git.run(['diff', '--cached', '--quiet'], { allowFailure: true })
  if (staged.exitCode === 0) return undefined
  await git.run(['commit', '--quiet', '--no-verify', '--no-gpg-sign', '--file=-'], {
    input: message,
    env: identityEnv(identity),
  })
  return git.output(['rev-parse', 'HEAD'])
}

export async function headSha(git: Git): Promise<string> {
  return git.output(['rev-parse', 'HEAD'])
}

export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.run(['merge-base', '--is-ancestor', ancestor, descendant], {
    allowFailure: true,
  })
  return result.exitCode === 0
}

/** Commits in `from..to`, oldest first. */
export async function commitsBetween(git: Git, from: string, to: string): Promise<CommitInfo[]> {
  const out = await git.output(['log', '--reverse', '--format=%H%x00%s', `${from}..${to}`])
  if (!out) return []
  return out.split('\n').map((line) => {
    const [sha = '', subject = ''] = line.split('\0')
    return { sha, subject }
  })
}

export async function filesChanged(git: Git, from: string, to: string): Promise<FileChange[]> {
  const out = await git.output(['diff', '--numstat', '--no-renames', '-z', from, to])
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
