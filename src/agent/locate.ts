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

/**
 * What npm needs from the environment to reach its registry: npm settings (a
 * mirror, say), proxies and extra CA certificates; no credentials.
 */
function npmEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue
    const npmSetting = /^npm_config_/i.test(name) && !/token|auth|password/i.test(name)
    const network =
      /^(https?_proxy|no_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/i.test(name)
    if (npmSetting || network) env[name] = value
  }
  return env
}

/**
 * With --prefix npm would look for its global config under the tool cache and
 * miss the machine's (where a registry mirror or a CA may be set): name it.
 */
async function globalConfigArgs(env: Record<string, string | undefined>): Promise<string[]> {
  const asked = await runProcess('npm', ['config', 'get', 'globalconfig'], {
    env,
    timeoutMs: 30_000,
  }).catch(() => undefined)
  const file = asked?.exitCode === 0 ? asked.stdout.trim() : ''
  return file ? ['--globalconfig', file] : []
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

  const env = {
    ...npmEnv(),
    PATH: options.searchPath,
    HOME: process.env.HOME,
    npm_config_update_notifier: 'false',
  }
  const globalConfig = await globalConfigArgs(env)
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
        ...globalConfig,
        '--prefix',
        prefix,
        `@anthropic-ai/claude-code@${options.version}`,
      ],
      {
        env,
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
