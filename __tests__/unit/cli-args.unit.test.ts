import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  parseCommand,
  parseDuration,
  type DispatchCommand,
} from '../../src/cli/args.js'
import { UsageError } from '../../src/cli/errors.js'

function usageError(argv: string[]): string {
  try {
    parseCommand(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

describe('parseCommand', () => {
  it('shows help with no arguments, -h, --help, help and help <command>', () => {
    expect(parseCommand([])).toEqual({ name: 'help' })
    expect(parseCommand(['-h'])).toEqual({ name: 'help' })
    expect(parseCommand(['--help'])).toEqual({ name: 'help' })
    expect(parseCommand(['help', 'watch'])).toEqual({ name: 'help', topic: 'watch' })
    expect(parseCommand(['status', '--help'])).toEqual({ name: 'help', topic: 'status' })
  })

  it('parses dispatch with a positional title and every option', () => {
    const command = parseCommand([
      'dispatch',
      'Fix the lint',
      '--body',
      'All of it',
      '--base',
      'develop',
      '--prefix',
      'bot/',
      '--draft',
      '--watch',
      '--interval',
      '5',
      '--timeout',
      '90s',
      '--json',
      '-R',
      'octo/app',
    ]) as DispatchCommand
    expect(command).toEqual({
      name: 'dispatch',
      repo: { owner: 'octo', name: 'app' },
      issues: [],
      tasksFile: undefined,
      title: 'Fix the lint',
      body: 'All of it',
      bodyFile: undefined,
      base: 'develop',
      branch: undefined,
      prefix: 'bot/',
      draft: true,
      watch: true,
      json: true,
      intervalMs: 5000,
      timeoutMs: 90_000,
    })
  })

  it('defaults dispatch to the async/ prefix, 10 s polls and a 60 min timeout', () => {
    const command = parseCommand(['dispatch', '-F', '-']) as DispatchCommand
    expect(command).toMatchObject({
      bodyFile: '-',
      prefix: 'async/',
      draft: false,
      watch: false,
      intervalMs: DEFAULT_INTERVAL_MS,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    })
    expect(DEFAULT_INTERVAL_MS).toBe(10_000)
    expect(DEFAULT_TIMEOUT_MS).toBe(3_600_000)
  })

  it('refuses contradictions and bad values with a message that says what to do', () => {
    expect(usageError(['dispatch', 'a', 'b'])).toMatch(/Quote the title/)
    expect(usageError(['dispatch', 'a', '--title', 'b'])).toMatch(
      /either as an argument or with --title/,
    )
    expect(usageError(['dispatch', '--body', 'x', '--body-file', 'y'])).toMatch(/not both/)
    expect(usageError(['dispatch', '--branch', 'bad..name'])).toMatch(
      /not a valid branch name: it contains "\.\."/,
    )
    expect(usageError(['dispatch', '--prefix', 'a b/'])).toMatch(/cannot start a branch name/)
    expect(usageError(['watch', '3', '--interval', 'soon'])).toMatch(/duration such as 30s/)
    expect(usageError(['watch', '3', '--interval', '10ms'])).toMatch(/at least 100ms/)
    expect(usageError(['watch', '3', '--timeout', '0'])).toMatch(/more than zero/)
    expect(usageError(['status'])).toMatch(/needs a pull request/)
    expect(usageError(['status', '1', '2'])).toMatch(/takes one pull request/)
    expect(usageError(['status', 'abc'])).toMatch(/not a pull request number/)
    expect(usageError(['status', '1', '--repo', 'nope'])).toMatch(/--repo wants OWNER\/NAME/)
    expect(usageError(['status', '1', '--frob'])).toMatch(/Unknown option '--frob'/)
    expect(usageError(['list', 'x'])).toMatch(/takes no arguments/)
    expect(usageError(['list', '--limit', '0'])).toMatch(/whole number from 1 to 1000/)
    expect(usageError(['frob'])).toMatch(/There is no command "frob"/)
    expect(usageError(['--json', 'status'])).toMatch(/Put the command first/)
  })

  it('takes a pull request as a number, #number or URL, which also names the repository', () => {
    expect(parseCommand(['status', '12'])).toEqual({
      name: 'status',
      pr: { number: 12 },
      repo: undefined,
      json: false,
    })
    expect(parseCommand(['result', '#12', '--json'])).toMatchObject({
      pr: { number: 12 },
      json: true,
    })
    const fromUrl = parseCommand(['watch', 'https://ghe.example.com/Octo/App/pull/7/files'])
    expect(fromUrl).toMatchObject({
      name: 'watch',
      prs: [{ number: 7 }],
      repo: { host: 'ghe.example.com', owner: 'Octo', name: 'App' },
    })
    expect(usageError(['status', 'https://github.com/a/b/pull/1', '--repo', 'c/d'])).toMatch(
      /URL is in a\/b but --repo says c\/d/,
    )
    // The same repository in another case is the same repository.
    expect(
      parseCommand(['status', 'https://github.com/a/b/pull/1', '--repo', 'A/B']),
    ).toMatchObject({
      repo: { owner: 'A', name: 'B' },
    })
  })

  it('parses list with its limit and prefix', () => {
    expect(parseCommand(['list', '-L', '5', '--prefix', 'tasks/', '--json'])).toEqual({
      name: 'list',
      repo: undefined,
      prefix: 'tasks/',
      limit: 5,
      json: true,
    })
  })
})

describe('the commands for many tasks', () => {
  it('takes --issue repeated and as comma lists, each issue once, in order', () => {
    const command = parseCommand([
      'dispatch',
      '--issue',
      '42',
      '-i',
      '#43,44 , 42',
      '--watch',
    ]) as DispatchCommand
    expect(command).toMatchObject({ issues: [42, 43, 44], watch: true, tasksFile: undefined })
    expect(parseCommand(['dispatch', '--tasks', 'tasks.md'])).toMatchObject({
      issues: [],
      tasksFile: 'tasks.md',
    })
    expect(usageError(['dispatch', '--issue', '42,x'])).toMatch(
      /--issue wants issue numbers \(42, #42, or 42,43,44\); got "x"/,
    )
    expect(usageError(['dispatch', '--issue', '0'])).toMatch(/--issue wants issue numbers/)
    expect(usageError(['dispatch', 'Title', '--issue', '1'])).toMatch(/leave out TITLE/)
    expect(usageError(['dispatch', '--tasks', 'f.md', '--body', 'x', '--branch', 'b'])).toMatch(
      /leave out --body, --branch\./,
    )
  })

  it('watches several pull requests of one repository, or --all', () => {
    expect(parseCommand(['watch', '55', '#56', '57', '56'])).toMatchObject({
      name: 'watch',
      prs: [{ number: 55 }, { number: 56 }, { number: 57 }],
      all: false,
      prefix: 'async/',
    })
    expect(parseCommand(['watch', '--all', '--prefix', 'bot/', '--timeout', '5m'])).toMatchObject({
      prs: [],
      all: true,
      prefix: 'bot/',
      timeoutMs: 300_000,
    })
    const urls = parseCommand([
      'watch',
      'https://github.com/a/b/pull/1',
      '2',
      'https://github.com/A/B/pull/3',
    ])
    expect(urls).toMatchObject({
      repo: { owner: 'a', name: 'b' },
      prs: [{ number: 1 }, { number: 2 }, { number: 3 }],
    })
    expect(
      usageError(['watch', 'https://github.com/a/b/pull/1', 'https://github.com/c/d/pull/2']),
    ).toMatch(/different repositories \(a\/b and c\/d\)/)
    expect(usageError(['watch'])).toMatch(/watch needs pull requests/)
    expect(usageError(['watch', '--all', '3'])).toMatch(/leave out "3"/)
    expect(usageError(['watch', '3', '--prefix', 'x/'])).toMatch(/add --all/)
  })

  it('parses cancel, logs and continue with their defaults', () => {
    expect(parseCommand(['cancel', '55'])).toEqual({
      name: 'cancel',
      pr: { number: 55 },
      repo: undefined,
      json: false,
      intervalMs: 10_000,
      timeoutMs: 3 * 60_000,
    })
    expect(parseCommand(['logs', '55', '-n', '20', '--follow'])).toMatchObject({
      name: 'logs',
      lines: 20,
      follow: true,
      timeoutMs: 10 * 60_000,
    })
    expect(parseCommand(['logs', '55'])).toMatchObject({ lines: 100, follow: false })
    expect(usageError(['logs', '55', '--lines', '0'])).toMatch(/whole number from 1 to 100000/)
    expect(usageError(['logs', '55', '--follow', '--json'])).toMatch(/without --follow/)
    expect(parseCommand(['continue', '55', 'also', 'fix the docs', '--watch'])).toMatchObject({
      name: 'continue',
      pr: { number: 55 },
      instruction: 'also fix the docs',
      triggerPrefix: '/async-pr',
      watch: true,
    })
    expect(parseCommand(['continue', '55', '--trigger-prefix', '/bot'])).toMatchObject({
      instruction: '',
      triggerPrefix: '/bot',
    })
    expect(usageError(['continue'])).toMatch(/continue needs a pull request/)
    expect(usageError(['continue', '5', '--trigger-prefix', 'a b'])).toMatch(/one word/)
    expect(usageError(['cancel', '1', '2'])).toMatch(/takes one pull request/)
  })
})

describe('parseDuration', () => {
  it('reads units, and a bare number in the default unit', () => {
    expect(parseDuration('250ms', 's', '--interval')).toBe(250)
    expect(parseDuration('1.5', 's', '--interval')).toBe(1500)
    expect(parseDuration('2m', 's', '--interval')).toBe(120_000)
    expect(parseDuration('45', 'm', '--timeout')).toBe(45 * 60_000)
    expect(parseDuration('1h', 'm', '--timeout')).toBe(3_600_000)
  })
})
