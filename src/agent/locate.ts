// Finds the Claude Code binary: the `claude_path` input, else `claude` on
// PATH, else a pinned version installed once into the tool cache.

import { access, constants } from 'node:fs/promises'
import path from 'node:path'
import { runProcess } from '../util/process.js'

export class ClaudeNotFoundError extends Error {
  override name = 'ClaudeNotFoundError'
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export async function findOnPath(
  name: string,
  searchPath: string | undefined,
): Promise<string | undefined> {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    if (await isExecutable(candidate)) return candidate
  }
  return undefined
}

/** npm settings from the environment (a registry mirror, say), and nothing else. */
function npmConfig(): Record<string, string> {
  const config: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^npm_config_/i.test(name) && value !== undefined && !/token|auth|password/i.test(name)) {
      config[name] = value
    }
  }
  return config
}

export interface LocateOptions {
  claudePath?: string
  version: string
  toolCache: string
  searchPath: string | undefined
  /** Install attempts before giving up, and the limit on each. */
  attempts?: number
  attemptTimeoutMs?: number
  log?: (line: string) => void
}

export async function locateClaude(options: LocateOptions): Promise<string> {
  if (options.claudePath) {
    if (await isExecutable(options.claudePath)) return options.claudePath
    throw new ClaudeNotFoundError(
      `Input claude_path points at ${options.claudePath}, which is not an executable file.`,
    )
  }
  const onPath = await findOnPath('claude', options.searchPath)
  if (onPath) return onPath

  const prefix = path.join(options.toolCache, 'async-pr', 'claude-code', options.version)
  const cached = path.join(prefix, 'node_modules', '.bin', 'claude')
  if (await isExecutable(cached)) return cached

  const attempts = options.attempts ?? 3
  let lastError = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    options.log?.(`Installing Claude Code ${options.version} (attempt ${attempt} of ${attempts})`)
    const result = await runProcess(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `@anthropic-ai/claude-code@${options.version}`,
      ],
      {
        env: {
          ...npmConfig(),
          PATH: options.searchPath,
          HOME: process.env.HOME,
          npm_config_update_notifier: 'false',
        },
        timeoutMs: options.attemptTimeoutMs ?? 5 * 60_000,
      },
    ).catch((error: Error) => ({ exitCode: -1, signal: null, stdout: '', stderr: error.message }))
    if (result.exitCode === 0 && (await isExecutable(cached))) return cached
    lastError = result.signal
      ? `timed out (${result.signal})`
      : result.stderr.trim().split('\n').slice(-3).join(' ')
  }
  throw new ClaudeNotFoundError(
    `Claude Code is not installed and installing ${options.version} failed ${attempts} times: ${lastError}. Set claude_path, or install it in an earlier step.`,
  )
}
