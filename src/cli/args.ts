// The command line → one typed command, or a UsageError that says what is
// wrong. Pure (node:util parseArgs does the tokenising).

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { DEFAULT_PREFIX, branchProblem, prefixProblem } from './branch.js'
import { UsageError } from './errors.js'
import { parsePrArg, parseRepoArg, type PrRef, type RepoRef } from './repo-ref.js'

export interface WatchTiming {
  intervalMs: number
  timeoutMs: number
  /** No progress display: only the result (or summary) and what went wrong. */
  quiet?: boolean
}

export interface DispatchCommand extends WatchTiming {
  name: 'dispatch'
  repo?: RepoRef
  /** Issues to turn into tasks (--issue, repeated or comma-separated), in the order given. */
  issues: number[]
  /** A markdown file whose `## ` sections are tasks (--tasks). */
  tasksFile?: string
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
  /** The pull requests to follow; empty with --all. */
  prs: PrRef[]
  /** Every open async pull request (branch starts with the prefix, or a status comment). */
  all: boolean
  prefix: string
  json: boolean
}

export interface CancelCommand extends WatchTiming {
  name: 'cancel'
  repo?: RepoRef
  pr: PrRef
  json: boolean
}

export interface LogsCommand extends WatchTiming {
  name: 'logs'
  repo?: RepoRef
  pr: PrRef
  /** How many of the log's last lines to print. */
  lines: number
  follow: boolean
  json: boolean
}

export interface ContinueCommand extends WatchTiming {
  name: 'continue'
  repo?: RepoRef
  pr: PrRef
  /** What to do next; empty: carry on where the run stopped. */
  instruction: string
  /** The workflow's trigger_prefix. */
  triggerPrefix: string
  watch: boolean
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

export type Command =
  | DispatchCommand
  | StatusCommand
  | WatchCommand
  | ListCommand
  | CancelCommand
  | LogsCommand
  | ContinueCommand
  | HelpCommand
export type CommandName =
  'dispatch' | 'status' | 'watch' | 'result' | 'list' | 'cancel' | 'logs' | 'continue'

export const DEFAULT_INTERVAL_MS = 10_000
export const DEFAULT_TIMEOUT_MS = 60 * 60_000
export const DEFAULT_LIST_LIMIT = 30
/** cancel waits this long for the status comment to say cancelled. */
export const DEFAULT_CANCEL_TIMEOUT_MS = 3 * 60_000
/** logs --follow stops after this long. */
export const DEFAULT_FOLLOW_TIMEOUT_MS = 10 * 60_000
export const DEFAULT_LOG_LINES = 100
export const DEFAULT_TRIGGER_PREFIX = '/async-pr'
/** Faster polling than this only spends the rate limit. */
const MIN_INTERVAL_MS = 100

const COMMANDS: readonly CommandName[] = [
  'dispatch',
  'status',
  'watch',
  'result',
  'list',
  'cancel',
  'logs',
  'continue',
]

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
const QUIET: Options = { quiet: { type: 'boolean', short: 'q' } }
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
    issue: { type: 'string', short: 'i', multiple: true },
    tasks: { type: 'string' },
    ...QUIET,
  },
  status: COMMON,
  result: COMMON,
  watch: {
    ...COMMON,
    ...TIMING,
    ...QUIET,
    all: { type: 'boolean', short: 'a' },
    prefix: { type: 'string' },
  },
  list: { ...COMMON, prefix: { type: 'string' }, limit: { type: 'string', short: 'L' } },
  cancel: { ...COMMON, ...TIMING, ...QUIET },
  logs: {
    ...COMMON,
    ...TIMING,
    lines: { type: 'string', short: 'n' },
    follow: { type: 'boolean', short: 'f' },
  },
  continue: {
    ...COMMON,
    ...TIMING,
    ...QUIET,
    'trigger-prefix': { type: 'string' },
    watch: { type: 'boolean', short: 'w' },
  },
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

function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase()
  )
}

/** Pull requests as numbers or URLs; URLs name the repository, and all must name the same one. */
function prArguments(texts: string[], given?: RepoRef): { prs: PrRef[]; repo?: RepoRef } {
  let repo = given
  const prs: PrRef[] = []
  for (const text of texts) {
    const pr = parsePrArg(text)
    if (!pr) throw new UsageError(`"${text}" is not a pull request number (12, #12) or URL.`)
    if (pr.repo && repo && !sameRepo(pr.repo, repo)) {
      throw new UsageError(
        given
          ? `The pull request URL is in ${pr.repo.owner}/${pr.repo.name} but --repo says ${repo.owner}/${repo.name}.`
          : `The pull requests are in different repositories (${repo.owner}/${repo.name} and ${pr.repo.owner}/${pr.repo.name}); watch one repository at a time.`,
      )
    }
    repo ??= pr.repo
    prs.push(pr)
  }
  return { prs, repo }
}

function prArgument(command: CommandName, positionals: string[], repo?: RepoRef) {
  if (positionals.length === 0)
    throw new UsageError(`${command} needs a pull request: a number (12) or its URL.`)
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one pull request; got ${positionals.length} arguments.`)
  const parsed = prArguments(positionals, repo)
  return { pr: parsed.prs[0] as PrRef, repo: parsed.repo }
}

/** `--issue 42 --issue 43,#44`: issue numbers, each once, in the order given. */
export function parseIssueList(values: string[]): number[] {
  const numbers: number[] = []
  for (const value of values) {
    for (const part of value.split(',')) {
      const text = part.trim()
      const match = /^#?(\d{1,10})$/.exec(text)
      if (!match || Number(match[1]) <= 0)
        throw new UsageError(
          `--issue wants issue numbers (42, #42, or 42,43,44); got "${text || value}".`,
        )
      const number = Number(match[1])
      if (!numbers.includes(number)) numbers.push(number)
    }
  }
  return numbers
}

function timing(
  values: Record<string, unknown>,
  defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
): WatchTiming {
  const intervalMs =
    values.interval === undefined
      ? DEFAULT_INTERVAL_MS
      : parseDuration(String(values.interval), 's', '--interval')
  if (intervalMs < MIN_INTERVAL_MS)
    throw new UsageError(`--interval must be at least ${MIN_INTERVAL_MS}ms.`)
  const timeoutMs =
    values.timeout === undefined
      ? defaultTimeoutMs
      : parseDuration(String(values.timeout), 'm', '--timeout')
  return values.quiet === true ? { intervalMs, timeoutMs, quiet: true } : { intervalMs, timeoutMs }
}

function prefixOption(value: unknown): string {
  const prefix = value === undefined ? DEFAULT_PREFIX : String(value)
  const problem = prefixProblem(prefix)
  if (problem) throw new UsageError(`--prefix "${prefix}" cannot start a branch name: ${problem}.`)
  return prefix
}

function parseDispatch(values: Record<string, unknown>, positionals: string[]): DispatchCommand {
  const issues = parseIssueList((values.issue as string[] | undefined) ?? [])
  const tasksFile = values.tasks === undefined ? undefined : String(values.tasks)
  if (issues.length > 0 || tasksFile !== undefined) {
    const single = ['title', 'body', 'body-file', 'branch'].filter(
      (name) => values[name] !== undefined,
    )
    if (positionals.length > 0) single.unshift('TITLE')
    if (single.length > 0)
      throw new UsageError(
        `--issue and --tasks make one pull request per task, each with its own title, body and branch; ` +
          `leave out ${single.map((name) => (name === 'TITLE' ? name : `--${name}`)).join(', ')}.`,
      )
  }
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
    issues,
    tasksFile,
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

function parseLines(value: unknown): number {
  if (value === undefined) return DEFAULT_LOG_LINES
  const lines = Number(value)
  if (!Number.isInteger(lines) || lines < 1 || lines > 100_000)
    throw new UsageError(`--lines wants a whole number from 1 to 100000; got "${String(value)}".`)
  return lines
}

function parseWatch(values: Record<string, unknown>, positionals: string[]): WatchCommand {
  const all = values.all === true
  if (all && positionals.length > 0)
    throw new UsageError(
      `watch --all follows every open async pull request; leave out "${positionals.join(' ')}".`,
    )
  if (!all && positionals.length === 0)
    throw new UsageError(
      'watch needs pull requests: numbers (12 13) or URLs, or --all for every open async pull request.',
    )
  if (!all && values.prefix !== undefined)
    throw new UsageError(
      '--prefix chooses the pull requests of watch --all; add --all or leave it out.',
    )
  const { prs, repo } = prArguments(positionals, repoOption(values.repo))
  const unique = prs.filter((pr, i) => prs.findIndex((other) => other.number === pr.number) === i)
  return {
    name: 'watch',
    repo,
    prs: unique,
    all,
    prefix: prefixOption(values.prefix),
    json: values.json === true,
    ...timing(values),
  }
}

function parseContinue(values: Record<string, unknown>, positionals: string[]): ContinueCommand {
  const [first, ...rest] = positionals
  const { pr, repo } = prArgument(
    'continue',
    first === undefined ? [] : [first],
    repoOption(values.repo),
  )
  const triggerPrefix =
    values['trigger-prefix'] === undefined
      ? DEFAULT_TRIGGER_PREFIX
      : String(values['trigger-prefix'])
  if (triggerPrefix.trim() === '' || /\s/.test(triggerPrefix))
    throw new UsageError(
      `--trigger-prefix wants the workflow's trigger_prefix, one word such as /async-pr; got "${triggerPrefix}".`,
    )
  return {
    name: 'continue',
    repo,
    pr,
    instruction: rest.join(' ').trim(),
    triggerPrefix,
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
        ? `Put the command first (${COMMANDS.join(', ')}); got "${first}".`
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
    case 'watch':
      return parseWatch(values, positionals)
    case 'cancel': {
      const { pr, repo } = prArgument(name, positionals, repoOption(values.repo))
      return {
        name,
        pr,
        repo,
        json: values.json === true,
        ...timing(values, DEFAULT_CANCEL_TIMEOUT_MS),
      }
    }
    case 'logs': {
      const { pr, repo } = prArgument(name, positionals, repoOption(values.repo))
      const follow = values.follow === true
      if (follow && values.json === true)
        throw new UsageError(
          'logs --follow prints lines as they come; --json gives one snapshot, without --follow.',
        )
      return {
        name,
        pr,
        repo,
        lines: parseLines(values.lines),
        follow,
        json: values.json === true,
        ...timing(values, DEFAULT_FOLLOW_TIMEOUT_MS),
      }
    }
    case 'continue':
      return parseContinue(values, positionals)
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
