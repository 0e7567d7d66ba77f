// Settings -> the Claude Code command line and environment. Pure.

import path from 'node:path'
import type { Settings } from '../settings.js'

/** What one invocation of the CLI may still spend: the run's limits minus what is used. */
export interface SessionLimits {
  maxTurns: number
  maxBudgetUsd?: number
}

const COMMON_ARGS = [
  '-p',
  '--output-format',
  'stream-json',
  '--verbose',
  // Only the (empty, per-run) user settings: a repository's .claude/settings.json
  // cannot add hooks, widen permissions or re-point the API endpoint.
  '--setting-sources',
  'user',
  // No MCP servers from the repository's .mcp.json.
  '--strict-mcp-config',
]

function limitArgs(limits: SessionLimits): string[] {
  const args = ['--max-turns', String(Math.max(1, Math.floor(limits.maxTurns)))]
  if (limits.maxBudgetUsd !== undefined) args.push('--max-budget-usd', String(limits.maxBudgetUsd))
  return args
}

/** The worker: the task's session, or (`resume`) the same conversation continued for a fix. */
export function claudeArgs(
  settings: Settings,
  options: { resume?: string; limits?: SessionLimits } = {},
): string[] {
  const args = [
    ...COMMON_ARGS,
    ...limitArgs(
      options.limits ?? { maxTurns: settings.maxTurns, maxBudgetUsd: settings.maxBudgetUsd },
    ),
  ]
  if (options.resume) args.push('--resume', options.resume)
  if (settings.allowedTools.length > 0) args.push('--allowedTools', settings.allowedTools.join(','))
  if (settings.disallowedTools.length > 0) {
    args.push('--disallowedTools', settings.disallowedTools.join(','))
  }
  if (settings.model) args.push('--model', settings.model)
  if (settings.appendSystemPrompt) args.push('--append-system-prompt', settings.appendSystemPrompt)
  return [...args, ...settings.claudeArgs]
}

/** Tools a reviewer has at all, and may use without asking: reading and read-only git, nothing that writes. */
export const REVIEWER_TOOLS = ['Read', 'Glob', 'Grep', 'LS', 'Bash']
export const REVIEWER_ALLOWED = [
  'Read',
  'Glob',
  'Grep',
  'LS',
  'Bash(git diff:*)',
  'Bash(git log:*)',
  'Bash(git show:*)',
  'Bash(git status:*)',
]
export const REVIEWER_DISALLOWED = [
  'Write',
  'Edit',
  'MultiEdit',
  'NotebookEdit',
  'WebFetch',
  'WebSearch',
  'Agent',
  'Task',
  'Bash(git push:*)',
]

/** The reviewer: a fresh session, read-only tools, an answer in the review's JSON shape. */
export function reviewerArgs(
  settings: Settings,
  options: { jsonSchema: object; limits: SessionLimits; resume?: string },
): string[] {
  const args = [
    ...COMMON_ARGS,
    ...limitArgs(options.limits),
    '--tools',
    REVIEWER_TOOLS.join(','),
    '--allowedTools',
    REVIEWER_ALLOWED.join(','),
    '--disallowedTools',
    REVIEWER_DISALLOWED.join(','),
    '--json-schema',
    JSON.stringify(options.jsonSchema),
  ]
  if (options.resume) args.push('--resume', options.resume)
  if (settings.model) args.push('--model', settings.model)
  return args
}

/** Provider variables Claude Code reads for Bedrock, Vertex and gateways. */
const PROVIDER_VARIABLES =
  /^(CLAUDE_CODE_USE_(BEDROCK|VERTEX)|ANTHROPIC_(VERTEX_PROJECT_ID|MODEL|SMALL_FAST_MODEL|DEFAULT_\w+_MODEL)|AWS_(REGION|DEFAULT_REGION|PROFILE|ROLE_ARN|WEB_IDENTITY_TOKEN_FILE)|CLOUD_ML_REGION|VERTEX_REGION_\w+|GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_CLOUD_PROJECT|API_TIMEOUT_MS|CLAUDE_CODE_MAX_RETRIES|HTTPS?_PROXY|NO_PROXY)$/

export interface AgentEnvOptions {
  home: string
  configDir: string
  tmpDir: string
  runnerEnv: Record<string, string | undefined>
  /** A directory of the action's put first on PATH (the agent's git). */
  pathPrefix?: string
  /** The model endpoint the agent talks to: the action's loopback proxy and its per-run dummy key. */
  model?: { baseUrl: string; dummyKey: string; oauth: boolean }
}

/**
 * The agent's whole environment, built from an allow-list: nothing the runner
 * holds (GITHUB_TOKEN, INPUT_*, ACTIONS_RUNTIME_TOKEN...) is inherited.
 */
export function agentEnv(options: AgentEnvOptions): Record<string, string> {
  const env: Record<string, string> = {}
  const runner = options.runnerEnv
  for (const name of ['PATH', 'LANG', 'LC_ALL', 'TZ', 'TERM']) {
    const value = runner[name]
    if (value !== undefined) env[name] = value
  }
  for (const [name, value] of Object.entries(runner)) {
    if (value !== undefined && PROVIDER_VARIABLES.test(name)) env[name] = value
  }
  if (options.pathPrefix) {
    env.PATH = [options.pathPrefix, env.PATH].filter(Boolean).join(path.delimiter)
  }
  Object.assign(env, {
    HOME: options.home,
    SHELL: '/bin/bash',
    CLAUDE_CONFIG_DIR: options.configDir,
    TMPDIR: options.tmpDir,
    CI: 'true',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // The classic TodoWrite checklist (one call carries the whole list), which the
    // status comment shows; 2.1.329 otherwise uses TaskCreate/TaskUpdate.
    CLAUDE_CODE_ENABLE_TASKS: '0',
  })
  if (options.model) {
    // The loopback proxy is reached directly, never through a corporate proxy.
    env.NO_PROXY = [env.NO_PROXY, '127.0.0.1', 'localhost'].filter(Boolean).join(',')
    env.no_proxy = env.NO_PROXY
    env.ANTHROPIC_BASE_URL = options.model.baseUrl
    if (options.model.oauth) env.CLAUDE_CODE_OAUTH_TOKEN = options.model.dummyKey
    else env.ANTHROPIC_API_KEY = options.model.dummyKey
  }
  return env
}
