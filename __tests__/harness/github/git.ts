// Thin wrapper over the real `git` binary for repositories backed by a bare gitDir. Arguments go
// straight to execFile (no shell), so ref names and messages from requests are never interpreted.

import { execFile } from 'node:child_process'

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim()}`)
  }
}

export interface GitOptions {
  input?: string
  env?: Record<string, string>
}

export function git(gitDir: string, args: string[], options: GitOptions = {}): Promise<string> {
  const fullArgs = ['--git-dir', gitDir, ...args]
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      {
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? error.code : null
          reject(new GitError(args, code, String(stderr)))
        } else {
          resolve(String(stdout))
        }
      },
    )
    // git may exit before reading stdin (most commands never do); the exit status tells the
    // outcome, so a broken pipe here is noise, not an error.
    child.stdin?.on('error', () => {})
    if (options.input === undefined) child.stdin?.end()
    else child.stdin?.end(options.input)
  })
}

/** Like git(), but a non-zero exit yields null (for probes such as `cat-file -t`). */
export async function gitOrNull(
  gitDir: string,
  args: string[],
  options?: GitOptions,
): Promise<string | null> {
  try {
    return await git(gitDir, args, options)
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== null) return null
    throw error
  }
}

const SHA = /^[0-9a-f]{40}$/

export function isSha(value: string): boolean {
  return SHA.test(value)
}

/** 'commit' | 'tree' | 'blob' | 'tag', or null if the object does not exist. */
export async function objectType(gitDir: string, sha: string): Promise<string | null> {
  if (!isSha(sha)) return null
  const type = await gitOrNull(gitDir, ['cat-file', '-t', sha])
  return type === null ? null : type.trim()
}

export interface GitPerson {
  name: string
  email: string
  date: string // ISO 8601, UTC, no milliseconds
}

export interface CommitObject {
  sha: string
  tree: string
  parents: string[]
  author: GitPerson
  committer: GitPerson
  message: string
}

function parsePerson(line: string): GitPerson {
  const match = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(line)
  if (!match)
    return { name: line, email: '', date: new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') }
  const date = new Date(Number(match[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { name: match[1], email: match[2], date }
}

export async function readCommit(gitDir: string, sha: string): Promise<CommitObject | null> {
  if ((await objectType(gitDir, sha)) !== 'commit') return null
  const raw = await git(gitDir, ['cat-file', 'commit', sha])
  const split = raw.indexOf('\n\n')
  const headers = (split >= 0 ? raw.slice(0, split) : raw).split('\n')
  // GitHub reports the message without git's trailing newline.
  const message = split >= 0 ? raw.slice(split + 2).replace(/\n$/, '') : ''
  const commit: CommitObject = {
    sha,
    tree: '',
    parents: [],
    author: parsePerson(''),
    committer: parsePerson(''),
    message,
  }
  for (const header of headers) {
    const space = header.indexOf(' ')
    const key = header.slice(0, space)
    const value = header.slice(space + 1)
    if (key === 'tree') commit.tree = value
    else if (key === 'parent') commit.parents.push(value)
    else if (key === 'author') commit.author = parsePerson(value)
    else if (key === 'committer') commit.committer = parsePerson(value)
  }
  return commit
}

export async function commitTree(
  gitDir: string,
  input: {
    tree: string
    parents: string[]
    message: string
    author: GitPerson
    committer: GitPerson
  },
): Promise<string> {
  const args = ['commit-tree', input.tree, ...input.parents.flatMap((p) => ['-p', p]), '-F', '-']
  const out = await git(gitDir, args, {
    input: input.message,
    env: {
      GIT_AUTHOR_NAME: input.author.name,
      GIT_AUTHOR_EMAIL: input.author.email,
      GIT_AUTHOR_DATE: input.author.date,
      GIT_COMMITTER_NAME: input.committer.name,
      GIT_COMMITTER_EMAIL: input.committer.email,
      GIT_COMMITTER_DATE: input.committer.date,
    },
  })
  return out.trim()
}
