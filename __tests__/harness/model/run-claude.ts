// Runs the pinned Claude Code CLI headless against a model server, the way the action will:
// prompt on stdin (argv has a size limit), stream-json out, a fresh HOME and config dir so
// nothing from this machine's ~/.claude leaks in, and only user settings (no repo hooks).

import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface RunClaudeOptions {
  cwd: string
  modelUrl: string
  prompt: string
  allowedTools: string[]
  disallowedTools?: string[]
  maxTurns?: number
  /** Added to (and overriding) the minimal environment the CLI gets. */
  env?: Record<string, string>
  model?: string
  /** Kill the CLI (and what it started) after this long; default 60 s. */
  timeoutMs?: number
  /** Appended to argv after the standard flags. */
  extraArgs?: string[]
  /** Defaults to the pinned dev dependency, node_modules/.bin/claude under the current dir. */
  claudePath?: string
  /**
   * HOME for the run (CLAUDE_CONFIG_DIR is `<home>/.claude`); kept afterwards. Default: a fresh
   * temporary directory, removed after the run.
   */
  home?: string
}

export interface RunClaudeResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** stdout parsed line by line (stream-json); lines that are not JSON go to `noise`. */
  lines: Array<Record<string, unknown>>
  noise: string[]
  stdout: string
  stderr: string
  durationMs: number
  timedOut: boolean
  /** The final `type: "result"` line, if the CLI printed one. */
  result: Record<string, unknown> | undefined
}

export const DEFAULT_TEST_MODEL = 'claude-sonnet-4-5'

export function defaultClaudePath(): string {
  return path.resolve(process.cwd(), 'node_modules', '.bin', 'claude')
}

export function claudeArgs(options: RunClaudeOptions): string[] {
  const args = ['-p', '--output-format', 'stream-json', '--verbose', '--setting-sources', 'user']
  args.push('--max-turns', String(options.maxTurns ?? 10))
  args.push('--model', options.model ?? DEFAULT_TEST_MODEL)
  // One argument per flag: the CLI splits a rule list on commas and whitespace itself, but a
  // single argument also keeps rules like `Bash(git diff:*)` from swallowing what follows.
  if (options.allowedTools.length > 0) args.push('--allowedTools', options.allowedTools.join(','))
  if (options.disallowedTools?.length) {
    args.push('--disallowedTools', options.disallowedTools.join(','))
  }
  args.push(...(options.extraArgs ?? []))
  return args
}

function parseLines(stdout: string): { lines: Array<Record<string, unknown>>; noise: string[] } {
  const lines: Array<Record<string, unknown>> = []
  const noise: string[] = []
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue
    try {
      const value: unknown = JSON.parse(line)
      if (typeof value === 'object' && value !== null) lines.push(value as Record<string, unknown>)
      else noise.push(line)
    } catch {
      noise.push(line)
    }
  }
  return { lines, noise }
}

export async function runClaudeForTest(options: RunClaudeOptions): Promise<RunClaudeResult> {
  const home = options.home ?? (await mkdtemp(path.join(os.tmpdir(), 'async-pr-claude-home-')))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
    ANTHROPIC_BASE_URL: options.modelUrl,
    ANTHROPIC_API_KEY: 'sk-ant-harness-dummy',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    ...options.env,
  }
  const started = performance.now()
  try {
    const child = spawn(options.claudePath ?? defaultClaudePath(), claudeArgs(options), {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Own process group, so a timeout can end the CLI and every tool process it started.
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdin.on('error', () => {}) // the CLI may exit before reading all of stdin
    child.stdin.end(options.prompt)

    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
    }, options.timeoutMs ?? 60_000)

    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (resolve, reject) => {
        child.once('error', reject)
        child.once('close', (code, sig) => resolve([code, sig]))
      },
    ).finally(() => clearTimeout(timer))

    const { lines, noise } = parseLines(stdout)
    return {
      exitCode,
      signal,
      lines,
      noise,
      stdout,
      stderr,
      durationMs: Math.round(performance.now() - started),
      timedOut,
      result: lines.findLast((line) => line.type === 'result'),
    }
  } finally {
    if (options.home === undefined) await rm(home, { recursive: true, force: true })
  }
}
