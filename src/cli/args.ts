// The command line → one typed command, or a UsageError that says what is
// wrong. Pure (node:util parseArgs does the tokenising).

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { DEFAULT_PREFIX, branchProblem, prefixProblem } from './branch.js'
import { UsageError } from './errors.js'
import { parsePrArg, parseRepoArg, type PrRef, type RepoRef } from './repo-ref.js'

export interface WatchTiming {
  intervalMs: number
  timeoutMs: number
}

export interface DispatchCommand extends WatchTiming {
  name: 'dispatch'
  repo?: RepoRef
  title?: string
  body?: string
  /** A path, or '-' for stdin. */
  bodyFile?: string
  base?: string
  branch?: string
  prefix: string
  draft: boolean
  watch: boolean
  json: boolean
}

export interface StatusCommand {
  name: 'status' | 'result'
  repo?: RepoRef
  pr: PrRef
  json: boolean
}

export interface WatchCommand extends WatchTiming {
  name: 'watch'
  repo?: RepoRef
  pr: PrRef
  json: boolean
}

export interface ListCommand {
  name: 'list'
  repo?: RepoRef
  prefix: string
  limit: number
  json: boolean
}

export interface HelpCommand {
  name: 'help'
  topic?: CommandName
}

export type Command = DispatchCommand | StatusCommand | WatchCommand | ListCommand | HelpCommand
export type CommandName = 'dispatch' | 'status' | 'watch' | 'result' | 'list'

export const DEFAULT_INTERVAL_MS = 10_000
export const DEFAULT_TIMEOUT_MS = 60 * 60_000
export const DEFAULT_LIST_LIMIT = 30
/** Faster polling than this only spends the rate limit. */
const MIN_INTERVAL_MS = 100

const COMMANDS: readonly CommandName[] = ['dispatch', 'status', 'watch', 'result', 'list']

type Options = NonNullable<ParseArgsConfig['options']>

const COMMON: Options = {
  repo: { type: 'string', short: 'R' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
}
const TIMING: Options = {
  interval: { type: 'string' },
  timeout: { type: 'string' },
}
const OPTIONS: Record<CommandName, Options> = {
  dispatch: {
    ...COMMON,
    ...TIMING,
    title: { type: 'string', short: 't' },
    body: { type: 'string', short: 'b' },
    'body-file': { type: 'string', short: 'F' },
    base: { type: 'string' },
    branch: { type: 'string' },
    prefix: { type: 'string' },
    draft: { type: 'boolean', short: 'd' },
    watch: { type: 'boolean', short: 'w' },
  },
  status: COMMON,
  result: COMMON,
  watch: { ...COMMON, ...TIMING },
  list: { ...COMMON, prefix: { type: 'string' }, limit: { type: 'string', short: 'L' } },
}

/**
 * "90s", "10m", "1.5h", "500ms"; a bare number is in `unit` (seconds for
 * --interval, minutes for --timeout, as in the action's timeout_minutes).
 */
export function parseDuration(text: string, unit: 's' | 'm', option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim())
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  if (!match)
    throw new UsageError(`${option} wants a duration such as 30s, 10m or 1h; got "${text}".`)
  const ms = Number(match[1]) * scale[(match[2] as keyof typeof scale | undefined) ?? unit]
  if (!(ms > 0)) throw new UsageError(`${option} must be more than zero; got "${text}".`)
  return Math.round(ms)
}

function repoOption(value: unknown): RepoRef | undefined {
  if (value === undefined) return undefined
  const repo = parseRepoArg(String(value))
  if (!repo) {
    throw new UsageError(
      `--repo wants OWNER/NAME (or HOST/OWNER/NAME, or a repository URL); got "${String(value)}".`,
    )
  }
  return repo
}

function prArgument(command: CommandName, positionals: string[], repo?: RepoRef) {
  if (positionals.length === 0)
    throw new UsageError(`${command} needs a pull request: a number (12) or its URL.`)
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one pull request; got ${positionals.length} arguments.`)
  const text = positionals[0] as string
  const pr = parsePrArg(text)
  if (!pr) throw new UsageError(`"${text}" is not a pull request number (12, #12) or URL.`)
  if (pr.repo && repo) {
    const same =
      pr.repo.owner.toLowerCase() === repo.owner.toLowerCase() &&
      pr.repo.name.toLowerCase() === repo.name.toLowerCase()
    if (!same)
      throw new UsageError(
        `The pull request URL is in ${pr.repo.owner}/${pr.repo.name} but --repo says ${repo.owner}/${repo.name}.`,
      )
  }
  return { pr, repo: repo ?? pr.repo }
}

function timing(values: Record<string, unknown>): WatchTiming {
  const intervalMs =
    values.interval === undefined
      ? DEFAULT_INTERVAL_MS
      : parseDuration(String(values.interval), 's', '--interval')
  if (intervalMs < MIN_INTERVAL_MS)
    throw new UsageError(`--interval must be at least ${MIN_INTERVAL_MS}ms.`)
  const timeoutMs =
    values.timeout === undefined
      ? DEFAULT_TIMEOUT_MS
      : parseDuration(String(values.timeout), 'm', '--timeout')
  return { intervalMs, timeoutMs }
}

function prefixOption(value: unknown): string {
  const prefix = value === undefined ? DEFAULT_PREFIX : String(value)
  const problem = prefixProblem(prefix)
  if (problem) throw new UsageError(`--prefix "${prefix}" cannot start a branch name: ${problem}.`)
  return prefix
}

function parseDispatch(values: Record<string, unknown>, positionals: string[]): DispatchCommand {
  if (positionals.length > 1)
    throw new UsageError(
      `dispatch takes one TITLE argument; got ${positionals.length}. Quote the title, and pass the task with --body or --body-file.`,
    )
  if (positionals.length === 1 && values.title !== undefined)
    throw new UsageError('Give the title either as an argument or with --title, not both.')
  if (values.body !== undefined && values['body-file'] !== undefined)
    throw new UsageError('Give the task either with --body or with --body-file, not both.')
  const branch = values.branch === undefined ? undefined : String(values.branch)
  if (branch !== undefined) {
    const problem = branchProblem(branch)
    if (problem)
      throw new UsageError(`--branch "${branch}" is not a valid branch name: ${problem}.`)
  }
  const title = positionals[0] ?? (values.title as string | undefined)
  return {
    name: 'dispatch',
    repo: repoOption(values.repo),
    title,
    body: values.body as string | undefined,
    bodyFile: values['body-file'] as string | undefined,
    base: values.base as string | undefined,
    branch,
    prefix: prefixOption(values.prefix),
    draft: values.draft === true,
    watch: values.watch === true,
    json: values.json === true,
    ...timing(values),
  }
}

function parseLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_LIST_LIMIT
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit wants a whole number from 1 to 1000; got "${String(value)}".`)
  return limit
}

export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help') return { name: 'help' }
  if (first === 'help') {
    const topic = rest[0]
    if (topic === undefined) return { name: 'help' }
    if (!COMMANDS.includes(topic as CommandName))
      throw new UsageError(`There is no command "${topic}".`)
    return { name: 'help', topic: topic as CommandName }
  }
  if (!COMMANDS.includes(first as CommandName))
    throw new UsageError(
      first.startsWith('-')
        ? `Put the command first (dispatch, status, watch, result, list); got "${first}".`
        : `There is no command "${first}". The commands are: ${COMMANDS.join(', ')}.`,
    )
  const name = first as CommandName
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS[name], allowPositionals: true, strict: true })
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--foo'"); only the tail is noise.
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(`${name}: ${message.replace(/\. To specify a positional.*$/s, '.')}`)
  }
  const { values, positionals } = parsed
  if (values.help === true) return { name: 'help', topic: name }
  switch (name) {
    case 'dispatch':
      return parseDispatch(values, positionals)
    case 'status':
    case 'result': {
      const { pr, repo } = prArgument(name, positionals, repoOption(values.repo))
      return { name, pr, repo, json: values.json === true }
    }
    case 'watch': {
      const { pr, repo } = prArgument(name, positionals, repoOption(values.repo))
      return { name, pr, repo, json: values.json === true, ...timing(values) }
    }
    case 'list':
      if (positionals.length > 0)
        throw new UsageError(`list takes no arguments; got "${positionals.join(' ')}".`)
      return {
        name,
        repo: repoOption(values.repo),
        prefix: prefixOption(values.prefix),
        limit: parseLimit(values.limit),
        json: values.json === true,
      }
  }
}
