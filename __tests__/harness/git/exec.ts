// One way to run git for the harness: argument arrays (never a shell), a time limit, and an
// environment cut off from this machine's git config, so a developer's credential helper,
// hooksPath or url rewrites can neither help nor break a test.

import { execFile } from 'node:child_process'

export interface GitRunOptions {
  cwd?: string
  /** Merged over the isolated base environment. */
  env?: Record<string, string>
  input?: string
  timeoutMs?: number
}

export interface GitRunResult {
  code: number
  stdout: string
  stderr: string
}

/** Base environment for every git the harness starts. */
export function isolatedGitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // A 401 must fail the command, not wait for a password on a terminal.
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    ...extra,
  }
}

/** Runs git; resolves with exit code and output, rejects only if git cannot run or times out. */
export function tryGit(args: string[], options: GitRunOptions = {}): Promise<GitRunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: isolatedGitEnv(options.env),
        timeout: options.timeoutMs ?? 30_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error && error.killed) {
          reject(new Error(`git ${args.join(' ')} timed out\n${stderr}`))
        } else if (error && typeof error.code !== 'number') {
          reject(error)
        } else {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
        }
      },
    )
    child.stdin?.on('error', () => {}) // git may exit before reading its input
    child.stdin?.end(options.input ?? '')
  })
}

/** Runs git and returns trimmed stdout; throws with stderr on a non-zero exit. */
export async function git(args: string[], options: GitRunOptions = {}): Promise<string> {
  const result = await tryGit(args, options)
  if (result.code !== 0) {
    throw new Error(`git ${args.join(' ')} exited ${result.code}\n${result.stderr}`)
  }
  return result.stdout.trim()
}
