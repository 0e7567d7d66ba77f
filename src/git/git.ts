// The one funnel through which every git command runs.
//
// Git runs with a minimal environment (no INPUT_* secrets inherited), never
// prompts, and ignores hooks and fsmonitor: after the agent has worked in the
// repository, its .git directory is untrusted, and a hook or fsmonitor command
// written there must not run with the action's rights.

import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { runProcess, type ProcessResult } from '../util/process.js'

export class GitError extends Error {
  override name = 'GitError'
  constructor(
    message: string,
    readonly args: string[],
    readonly result: ProcessResult,
  ) {
    super(message)
  }
}

export interface GitOptions {
  input?: string
  /** Extra environment for this command only (identity, credentials via GIT_CONFIG_*). */
  env?: Record<string, string>
  /** Return a failed result instead of throwing. */
  allowFailure?: boolean
  timeoutMs?: number
}

export interface Git {
  readonly cwd: string
  run(args: string[], options?: GitOptions): Promise<ProcessResult>
  /** stdout of a command that must succeed, trimmed. */
  output(args: string[], options?: GitOptions): Promise<string>
}

/** The parts of the runner's environment git legitimately needs. */
function baseEnv(): Record<string, string | undefined> {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT']
  const env: Record<string, string | undefined> = {}
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name]
  return { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' }
}

export function createGit(cwd: string, scratchDir: string): Git {
  // An empty hooks directory: hooks the agent may have written never run.
  const hooksPath = path.join(scratchDir, 'no-hooks')
  mkdirSync(hooksPath, { recursive: true })
  const safety = ['-c', `core.hooksPath=${hooksPath}`, '-c', 'core.fsmonitor=false']

  async function run(args: string[], options: GitOptions = {}): Promise<ProcessResult> {
    const result = await runProcess('git', [...safety, ...args], {
      cwd,
      env: { ...baseEnv(), ...options.env },
      input: options.input,
      timeoutMs: options.timeoutMs ?? 10 * 60_000,
    })
    if (result.exitCode !== 0 && !options.allowFailure) {
      const detail =
        result.stderr.trim() || result.stdout.trim() || `exit ${result.exitCode ?? result.signal}`
      throw new GitError(`git ${args[0]} failed: ${detail}`, args, result)
    }
    return result
  }

  return {
    cwd,
    run,
    async output(args, options) {
      return (await run(args, options)).stdout.trim()
    },
  }
}
