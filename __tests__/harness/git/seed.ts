// Seeds and inspects the bare repositories the git server serves. Commits are written straight
// into the bare repository (temporary index + commit-tree + update-ref), which is what a push
// would leave behind, minus the server's hooks: seeding must work even while a reject hook is
// installed. Ref updates are compare-and-swap, like a real push.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { git, tryGit } from './exec.js'

/** File contents by repository path; null deletes the file. */
export type RepoFiles = Record<string, string | null>

export interface Identity {
  name: string
  email: string
}

export const HARNESS_USER: Identity = { name: 'Harness User', email: 'harness-user@example.com' }
export const SOMEONE_ELSE: Identity = { name: 'Someone Else', email: 'someone-else@example.com' }

const ZERO_OID = '0000000000000000000000000000000000000000'

/** `root/owner/repo.git` */
export function repoGitDir(root: string, repo: string): string {
  if (
    !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) ||
    repo.split('/').some((p) => p.startsWith('.'))
  ) {
    throw new Error(`not an owner/repo name: ${repo}`)
  }
  return path.join(root, `${repo}.git`)
}

function identityEnv(who: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  }
}

/** Writes a commit with `files` applied on top of `parent` (or on nothing); returns its sha. */
export async function commitFiles(
  gitDir: string,
  parent: string | undefined,
  files: RepoFiles,
  message: string,
  who: Identity = HARNESS_USER,
): Promise<string> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'async-pr-git-index-'))
  const env = { GIT_DIR: gitDir, GIT_INDEX_FILE: path.join(scratch, 'index') }
  try {
    await git(parent ? ['read-tree', parent] : ['read-tree', '--empty'], { env })
    for (const [file, content] of Object.entries(files)) {
      if (content === null) {
        await git(['update-index', '--force-remove', '--', file], { env })
      } else {
        const blob = await git(['hash-object', '-w', '--stdin'], { env, input: content })
        await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], { env })
      }
    }
    const tree = await git(['write-tree'], { env })
    const parents = parent ? ['-p', parent] : []
    return await git(['commit-tree', tree, ...parents, '-m', message], {
      env: { ...env, ...identityEnv(who) },
    })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function updateRef(
  gitDir: string,
  ref: string,
  sha: string,
  expectedOld: string,
): Promise<void> {
  await git(['update-ref', '-m', 'harness', ref, sha, expectedOld], { env: { GIT_DIR: gitDir } })
}

export interface CreateBareRepoOptions {
  defaultBranch?: string
  files?: RepoFiles
  message?: string
}

/** Creates `root/owner/repo.git` with one commit on the default branch. */
export async function createBareRepo(
  root: string,
  repo: string,
  options: CreateBareRepoOptions = {},
): Promise<{ gitDir: string; sha: string }> {
  const gitDir = repoGitDir(root, repo)
  const branch = options.defaultBranch ?? 'main'
  await mkdir(path.dirname(gitDir), { recursive: true })
  await git(['init', '--quiet', '--bare', `--initial-branch=${branch}`, gitDir])
  const env = { GIT_DIR: gitDir }
  // Push over HTTP is refused unless enabled (http-backend enables it only for REMOTE_USER).
  await git(['config', 'http.receivepack', 'true'], { env })
  // Like GitHub: a client may fetch any reachable commit by sha (checkout fetches the merge sha).
  await git(['config', 'uploadpack.allowReachableSHA1InWant', 'true'], { env })
  const files = options.files ?? { 'README.md': `# ${repo}\n` }
  const sha = await commitFiles(gitDir, undefined, files, options.message ?? 'Initial commit')
  await updateRef(gitDir, `refs/heads/${branch}`, sha, ZERO_OID)
  return { gitDir, sha }
}

/** The sha a branch (or any ref, if it starts with `refs/`) points to, or undefined. */
export async function branchSha(
  root: string,
  repo: string,
  branch: string,
): Promise<string | undefined> {
  const ref = branch.startsWith('refs/') ? branch : `refs/heads/${branch}`
  const result = await tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    env: { GIT_DIR: repoGitDir(root, repo) },
  })
  return result.code === 0 ? result.stdout.trim() : undefined
}

export interface CreateBranchOptions {
  from?: string
  /** Files the branch's commit changes; none makes an empty commit (as users do for a task PR). */
  files?: RepoFiles
  message?: string
  author?: Identity
}

/** Creates a branch with one new commit on top of `from`; returns the commit sha. */
export async function createBranch(
  root: string,
  repo: string,
  branch: string,
  options: CreateBranchOptions = {},
): Promise<string> {
  const gitDir = repoGitDir(root, repo)
  const from = options.from ?? 'main'
  const base = await branchSha(root, repo, from)
  if (!base) throw new Error(`createBranch: ${repo} has no branch ${from}`)
  const sha = await commitFiles(
    gitDir,
    base,
    options.files ?? {},
    options.message ?? `Start ${branch}`,
    options.author,
  )
  await updateRef(gitDir, `refs/heads/${branch}`, sha, ZERO_OID)
  return sha
}

export interface AdvanceBranchOptions {
  files?: RepoFiles
  message?: string
  author?: Identity
}

/** Adds a commit to an existing branch, by default from "someone else" (for race tests). */
export async function advanceBranch(
  root: string,
  repo: string,
  branch: string,
  options: AdvanceBranchOptions = {},
): Promise<string> {
  const gitDir = repoGitDir(root, repo)
  const parent = await branchSha(root, repo, branch)
  if (!parent) throw new Error(`advanceBranch: ${repo} has no branch ${branch}`)
  const files = options.files ?? { [`someone-else-${Date.now()}.txt`]: 'a concurrent change\n' }
  const sha = await commitFiles(
    gitDir,
    parent,
    files,
    options.message ?? 'A concurrent change',
    options.author ?? SOMEONE_ELSE,
  )
  await updateRef(gitDir, `refs/heads/${branch}`, sha, parent)
  return sha
}

export async function deleteBranch(root: string, repo: string, branch: string): Promise<void> {
  await git(['update-ref', '-d', `refs/heads/${branch}`], {
    env: { GIT_DIR: repoGitDir(root, repo) },
  })
}

/** Contents of a file at a ref, or undefined if it does not exist there. */
export async function fileAt(
  root: string,
  repo: string,
  ref: string,
  file: string,
): Promise<string | undefined> {
  const result = await tryGit(['cat-file', 'blob', `${ref}:${file}`], {
    env: { GIT_DIR: repoGitDir(root, repo) },
  })
  return result.code === 0 ? result.stdout : undefined
}

export interface CommitInfo {
  sha: string
  parents: string[]
  authorName: string
  authorEmail: string
  subject: string
  body: string
}

export async function commitInfo(root: string, repo: string, ref: string): Promise<CommitInfo> {
  const out = await git(['log', '-1', '--format=%H%x00%P%x00%an%x00%ae%x00%s%x00%b', ref, '--'], {
    env: { GIT_DIR: repoGitDir(root, repo) },
  })
  const [sha = '', parents = '', authorName = '', authorEmail = '', subject = '', body = ''] =
    out.split('\0')
  return {
    sha,
    parents: parents.split(' ').filter(Boolean),
    authorName,
    authorEmail,
    subject,
    body,
  }
}

export interface RejectHookOptions {
  /** Shown to the pusher (each line as `remote: ...`). */
  message?: string
  /** Full ref names to refuse; default: every ref. */
  refs?: string[]
}

const REJECT_HOOK = `#!/bin/sh
# Installed by the async-pr test harness: refuses pushes the way a protected branch does.
# refs/pull/* are written by "GitHub" itself (the merge ref) and are never refused.
dir=$(dirname "$0")
refuse=0
while read -r old new ref; do
  case "$ref" in refs/pull/*) continue ;; esac
  if [ -f "$dir/reject-refs.txt" ] && ! grep -qxF -e "$ref" "$dir/reject-refs.txt"; then
    continue
  fi
  refuse=1
done
if [ "$refuse" = 1 ]; then
  cat "$dir/reject-message.txt" >&2
  exit 1
fi
exit 0
`

/** Installs a pre-receive hook refusing pushes with a message (data in files, not the script). */
export async function installRejectHook(
  root: string,
  repo: string,
  options: RejectHookOptions = {},
): Promise<void> {
  const hooks = path.join(repoGitDir(root, repo), 'hooks')
  await mkdir(hooks, { recursive: true })
  const message = options.message ?? 'error: GH006: Protected branch update failed.'
  await writeFile(
    path.join(hooks, 'reject-message.txt'),
    message.endsWith('\n') ? message : `${message}\n`,
  )
  const refsFile = path.join(hooks, 'reject-refs.txt')
  if (options.refs) await writeFile(refsFile, options.refs.map((r) => `${r}\n`).join(''))
  else await rm(refsFile, { force: true })
  const hook = path.join(hooks, 'pre-receive')
  await writeFile(hook, REJECT_HOOK)
  await chmod(hook, 0o755)
}

export async function removeRejectHook(root: string, repo: string): Promise<void> {
  await rm(path.join(repoGitDir(root, repo), 'hooks', 'pre-receive'), { force: true })
}
