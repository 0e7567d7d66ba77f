// Inputs and the runner's environment -> one typed, validated Settings object.
// Everything the action does later reads from here, never from process.env.

import type { IsolationSetting } from './agent/sandbox.js'
import { existsSync } from 'node:fs'
import { EndpointError, resolveEndpoints } from './github/endpoints.js'
import type { RunContext } from './github/run-context.js'
import { splitArgs } from './util/split-args.js'
import { splitList } from './util/split-list.js'

/** Raised for a wrong input; the message names the input and how to fix it. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

export interface Repository {
  owner: string
  repo: string
}

export interface Settings {
  /** PAT that pushes the agent's commits (input `github_token`). */
  pushToken: string
  /** Token for the status comment and reactions (input `comment_token`). */
  commentToken: string
  /** Model credentials; at most one of these is used, the API key first. */
  anthropicApiKey?: string
  oauthToken?: string
  /** Permission rules handed to Claude Code. `Bash(git push:*)` is always refused. */
  allowedTools: string[]
  disallowedTools: string[]
  model?: string
  maxTurns: number
  maxBudgetUsd?: number
  timeoutMs: number
  appendSystemPrompt?: string
  /** Extra CLI arguments, already split into words (no shell involved). */
  claudeArgs: string[]
  claudePath?: string
  claudeCodeVersion: string
  /** Where the model API lives, when a gateway or a local server is used. */
  anthropicBaseUrl?: string
  /** Bot logins allowed to start runs (`*` for any). */
  allowedBots: string[]
  allowWorkflowChanges: boolean
  maxFileBytes: number
  isolateAgent: IsolationSetting
  /** What a PR comment starts with to ask for a follow-up run. */
  triggerPrefix: string
  progressIntervalMs: number
  /** Commands (one per line of `verify`) that must pass before the run counts as done. */
  verify: string[]
  verifyTimeoutMs: number
  /** How many times a failing verify command is sent back to the agent. */
  fixAttempts: number
  /** How many times the reviewer may send the work back (0: no review). */
  reviewCycles: number
  /** CI fixes allowed since the last person's commit on the branch (input `ci_fix_attempts`). */
  ciFixAttempts: number
  /** How often the work in progress is pushed to the PR's checkpoint ref while the agent works; 0: never. */
  checkpointMs: number
  /** How many times a run that stopped on its time or turns may start the next one itself. */
  maxContinuations: number

  // What the Actions runner tells us.
  eventName: string
  eventPath: string
  /** The event's payload, as the toolkit read it from eventPath. */
  eventPayload: unknown
  repository: Repository
  /** GitHub's REST API, server and GraphQL API (inputs `api_url`, `server_url`, else the runner's). */
  apiUrl: string
  serverUrl: string
  graphqlUrl: string
  runId: string
  runAttempt: string
  /** `owner/repo/.github/workflows/file.yml@ref` of the workflow running async-pr, and its name. */
  workflowRef?: string
  workflowName?: string
  workspace: string
  runnerTemp: string
  toolCache: string
}

/** Rules that keep the action, not the agent, in charge of pushing. */
export const ALWAYS_DISALLOWED = ['Bash(git push:*)']

/** `claude_args` that would undo the action's guarantees. */
const REFUSED_CLAUDE_ARGS = [
  '--dangerously-skip-permissions',
  '--allow-dangerously-skip-permissions',
  '--permission-mode',
  '--setting-sources',
  '--settings',
  '--mcp-config',
  '--plugin-dir',
  '--plugin-url',
]

type Env = Record<string, string | undefined>

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/**
 * action.yml's default when the host sets no INPUT_ at all: the runner always
 * does, @github/local-action does not (it answers defaults only through its
 * core.getInput). An input given as '' stays ''.
 */
function inputOr(env: Env, name: string, fallback: string): string {
  return env[`INPUT_${name.toUpperCase()}`] === undefined ? fallback : input(env, name)
}

/** The defaults of action.yml that differ from "nothing" (a unit test keeps them equal). */
const DEFAULT_ALLOWED_TOOLS =
  'Read,Edit(./**),Glob,Grep,LS,TodoWrite,Bash(git status:*),Bash(git diff:*),Bash(git log:*),Bash(git show:*)'
const DEFAULT_DISALLOWED_TOOLS = 'WebFetch,WebSearch'

function required(name: string, value: string | undefined, hint: string): string {
  if (!value) throw new SettingsError(`${name} is not set. ${hint}`)
  return value
}

function positiveNumber(env: Env, name: string, fallback?: number): number | undefined {
  const raw = input(env, name)
  if (raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new SettingsError(`Input ${name} must be a positive number, got "${raw}".`)
  }
  return value
}

/** A number of minutes where 0 means "off" (and fractions are fine: tests use seconds). */
function nonNegativeNumber(env: Env, name: string, fallback: number): number {
  const raw = input(env, name)
  if (raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new SettingsError(`Input ${name} must be 0 or a positive number, got "${raw}".`)
  }
  return value
}

function count(env: Env, name: string, fallback: number): number {
  const raw = input(env, name)
  if (raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new SettingsError(`Input ${name} must be a whole number (0 or more), got "${raw}".`)
  }
  return value
}

/** `verify`: one command per line; blank lines and lines starting with # are skipped. */
function commandLines(env: Env, name: string): string[] {
  return (env[`INPUT_${name.toUpperCase()}`] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = input(env, name).toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new SettingsError(`Input ${name} must be true or false, got "${raw}".`)
}

function isolation(env: Env): IsolationSetting {
  const raw = input(env, 'isolate_agent').toLowerCase() || 'auto'
  if (raw === 'auto' || raw === 'true' || raw === 'false') return raw
  throw new SettingsError(`Input isolate_agent must be auto, true or false, got "${raw}".`)
}

function parseRepository(value: string): Repository {
  const [owner, repo, ...rest] = value.split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new SettingsError(
      `GITHUB_REPOSITORY must look like "owner/repo", got "${value}". Run async-pr inside GitHub Actions.`,
    )
  }
  return { owner, repo }
}

function githubEndpoints(env: Env, context: RunContext) {
  try {
    return resolveEndpoints({
      apiUrlInput: input(env, 'api_url'),
      serverUrlInput: input(env, 'server_url'),
      apiUrlEnv: context.apiUrl,
      serverUrlEnv: context.serverUrl,
    })
  } catch (error) {
    if (error instanceof EndpointError) throw new SettingsError(error.message)
    throw error
  }
}

function refusedArg(args: string[]): string | undefined {
  return args.find((arg) =>
    REFUSED_CLAUDE_ARGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)),
  )
}

/** The repository the run belongs to; the toolkit's getter throws when the runner names none. */
function repositoryOf(context: RunContext): Repository {
  let named: { owner: string; repo: string }
  try {
    named = context.repo
  } catch {
    return parseRepository('')
  }
  // The toolkit splits GITHUB_REPOSITORY without checking it: "octo" is { owner: 'octo', repo: undefined }.
  return parseRepository([named.owner, named.repo].filter((part) => part).join('/'))
}

/** The event payload; the toolkit reads a missing file as an empty payload, which would read as no task. */
function eventPayload(env: Env, context: RunContext): { path: string; payload: unknown } {
  const eventPath = required(
    'GITHUB_EVENT_PATH',
    env.GITHUB_EVENT_PATH,
    'Run async-pr inside GitHub Actions.',
  )
  if (!existsSync(eventPath)) {
    throw new SettingsError(
      `GITHUB_EVENT_PATH names ${eventPath}, which does not exist. Run async-pr inside GitHub Actions.`,
    )
  }
  return { path: eventPath, payload: context.payload }
}

/** A run id or attempt as the toolkit parsed it (NaN when the runner sets none). */
function runNumber(value: number, fallback: string): string {
  return Number.isFinite(value) ? String(value) : fallback
}

/**
 * The inputs (from `env`, the runner's INPUT_* variables) and the run's context
 * (from @actions/github's `context`: src/github/run-context.ts).
 */
export function readSettings(env: Env, context: RunContext): Settings {
  const pushToken = required(
    'Input github_token',
    input(env, 'github_token'),
    'Create a personal access token with the `repo` scope (or Contents read/write), store it as a repository secret, and pass it as `github_token: ${{ secrets.YOUR_PAT }}`.',
  )
  const commentToken = input(env, 'comment_token') || pushToken

  const anthropicApiKey = input(env, 'anthropic_api_key') || undefined
  const oauthToken = input(env, 'claude_code_oauth_token') || undefined
  const usesCloudProvider = ['CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX'].some(
    (name) => env[name] === '1' || env[name] === 'true',
  )
  if (!anthropicApiKey && !oauthToken && !usesCloudProvider) {
    throw new SettingsError(
      'No model credentials: set `anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}` or `claude_code_oauth_token`, or configure Bedrock/Vertex through the Claude Code environment variables.',
    )
  }

  let claudeArgs: string[]
  try {
    claudeArgs = splitArgs(input(env, 'claude_args'))
  } catch (error) {
    throw new SettingsError((error as Error).message)
  }
  const refused = refusedArg(claudeArgs)
  if (refused) {
    throw new SettingsError(
      `Input claude_args contains ${refused}, which would bypass async-pr's permission and settings guarantees. Use allowed_tools / disallowed_tools instead.`,
    )
  }

  const timeoutMinutes = positiveNumber(env, 'timeout_minutes', 30) as number
  const runnerTemp = required('RUNNER_TEMP', env.RUNNER_TEMP, 'Run async-pr inside GitHub Actions.')
  const endpoints = githubEndpoints(env, context)
  const event = eventPayload(env, context)

  return {
    pushToken,
    commentToken,
    anthropicApiKey,
    oauthToken,
    allowedTools: splitList(inputOr(env, 'allowed_tools', DEFAULT_ALLOWED_TOOLS)),
    disallowedTools: [
      ...new Set([
        ...splitList(inputOr(env, 'disallowed_tools', DEFAULT_DISALLOWED_TOOLS)),
        ...ALWAYS_DISALLOWED,
      ]),
    ],
    model: input(env, 'model') || undefined,
    maxTurns: Math.floor(positiveNumber(env, 'max_turns', 40) as number),
    maxBudgetUsd: positiveNumber(env, 'max_budget_usd'),
    timeoutMs: Math.round(timeoutMinutes * 60_000),
    appendSystemPrompt: input(env, 'append_system_prompt') || undefined,
    claudeArgs,
    claudePath: input(env, 'claude_path') || undefined,
    claudeCodeVersion: input(env, 'claude_code_version') || '2.1.329',
    anthropicBaseUrl: env.ANTHROPIC_BASE_URL || undefined,
    allowedBots: splitList(input(env, 'allowed_bots')),
    allowWorkflowChanges: boolean(env, 'allow_workflow_changes', false),
    maxFileBytes: Math.round((positiveNumber(env, 'max_file_size_mb', 5) as number) * 1024 * 1024),
    isolateAgent: isolation(env),
    triggerPrefix: input(env, 'trigger_prefix') || '/async-pr',
    progressIntervalMs: Math.round(
      (positiveNumber(env, 'progress_interval_seconds', 20) as number) * 1000,
    ),
    verify: commandLines(env, 'verify'),
    verifyTimeoutMs: Math.round(
      (positiveNumber(env, 'verify_timeout_minutes', 10) as number) * 60_000,
    ),
    fixAttempts: count(env, 'fix_attempts', 2),
    reviewCycles: count(env, 'review_cycles', 0),
    ciFixAttempts: count(env, 'ci_fix_attempts', 2),
    checkpointMs: Math.round(nonNegativeNumber(env, 'checkpoint_minutes', 5) * 60_000),
    maxContinuations: count(env, 'max_continuations', 0),

    eventName: required(
      'GITHUB_EVENT_NAME',
      context.eventName,
      'Run async-pr inside GitHub Actions.',
    ),
    eventPath: event.path,
    eventPayload: event.payload,
    repository: repositoryOf(context),
    ...endpoints,
    runId: runNumber(context.runId, '0'),
    runAttempt: runNumber(context.runAttempt, '1'),
    workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
    workflowName: env.GITHUB_WORKFLOW || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp,
    toolCache: env.RUNNER_TOOL_CACHE || runnerTemp,
  }
}

/** The secret values the action holds, for masking and for leak checks. */
export function secretsOf(settings: Settings): string[] {
  return [
    settings.pushToken,
    settings.commentToken,
    settings.anthropicApiKey,
    settings.oauthToken,
  ].filter((value): value is string => typeof value === 'string' && value.length > 0)
}
