import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SettingsError, secretsOf } from '../../src/settings.js'
import { settingsFor } from '../harness/settings.js'
import { actionInputs } from '../harness/action-runner.js'

const base = {
  INPUT_GITHUB_TOKEN: 'pat-value',
  INPUT_ANTHROPIC_API_KEY: 'model-key',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/tmp/event.json',
  GITHUB_REPOSITORY: 'octo/app',
  RUNNER_TEMP: '/tmp/runner',
}

describe('readSettings', () => {
  it('reads inputs and the runner environment into one object', () => {
    const settings = settingsFor({
      ...base,
      INPUT_COMMENT_TOKEN: 'actions-token',
      INPUT_ALLOWED_TOOLS: 'Read,Edit\nBash(npm run test,lint)',
      INPUT_MAX_TURNS: '12',
      INPUT_TIMEOUT_MINUTES: '1.5',
      GITHUB_API_URL: 'http://127.0.0.1:9/',
    })
    expect(settings.commentToken).toBe('actions-token')
    expect(settings.allowedTools).toEqual(['Read', 'Edit', 'Bash(npm run test,lint)'])
    expect(settings.maxTurns).toBe(12)
    expect(settings.timeoutMs).toBe(90_000)
    expect(settings.apiUrl).toBe('http://127.0.0.1:9')
    expect(settings.repository).toEqual({ owner: 'octo', repo: 'app' })
  })

  it('always refuses git push to the agent', () => {
    const settings = settingsFor({ ...base, INPUT_DISALLOWED_TOOLS: 'WebFetch' })
    expect(settings.disallowedTools).toEqual(['WebFetch', 'Bash(git push:*)'])
  })

  it('names the missing token and how to provide it', () => {
    const { INPUT_GITHUB_TOKEN: _unused, ...withoutToken } = base
    expect(() => settingsFor(withoutToken)).toThrow(/github_token is not set.*secrets/)
  })

  it('requires model credentials unless a cloud provider is configured', () => {
    const { INPUT_ANTHROPIC_API_KEY: _unused, ...withoutKey } = base
    expect(() => settingsFor(withoutKey)).toThrow(/anthropic_api_key/)
    expect(
      settingsFor({ ...withoutKey, CLAUDE_CODE_USE_BEDROCK: '1' }).anthropicApiKey,
    ).toBeUndefined()
  })

  it('rejects numbers that are not positive', () => {
    expect(() => settingsFor({ ...base, INPUT_MAX_TURNS: 'ten' })).toThrow(SettingsError)
    expect(() => settingsFor({ ...base, INPUT_TIMEOUT_MINUTES: '0' })).toThrow(/timeout_minutes/)
  })

  it('splits claude_args without a shell and refuses flags that bypass permissions', () => {
    expect(
      settingsFor({ ...base, INPUT_CLAUDE_ARGS: `--effort high --name "two words"` }).claudeArgs,
    ).toEqual(['--effort', 'high', '--name', 'two words'])
    expect(() =>
      settingsFor({ ...base, INPUT_CLAUDE_ARGS: '--dangerously-skip-permissions' }),
    ).toThrow(/bypass/)
    expect(() => settingsFor({ ...base, INPUT_CLAUDE_ARGS: '--settings=/tmp/x.json' })).toThrow(
      /settings/,
    )
    expect(() => settingsFor({ ...base, INPUT_CLAUDE_ARGS: '--name "open' })).toThrow(/unclosed/)
  })

  it('lists the secrets it holds', () => {
    expect(secretsOf(settingsFor({ ...base, INPUT_COMMENT_TOKEN: 'c' })).sort()).toEqual(
      ['c', 'model-key', 'pat-value'].sort(),
    )
  })
})

describe('defaults when the host sets no INPUT_ (as @github/local-action does not)', () => {
  const declared = actionInputs()
  const literal = Object.entries(declared).filter(
    ([, spec]) => spec.default !== undefined && !String(spec.default).includes('${{'),
  )

  it.each(literal.map(([name]) => name))('%s: absent means action.yml’s default', (name) => {
    const key = `INPUT_${name.toUpperCase()}`
    const given = { ...base, [key]: String(declared[name]?.default) }
    expect(settingsFor(base)).toEqual(settingsFor(given))
  })

  it('keeps an input given as empty empty', () => {
    expect(settingsFor({ ...base, INPUT_ALLOWED_TOOLS: '' }).allowedTools).toEqual([])
  })
})

describe("the run's context, as @actions/github's Context reads it", () => {
  const eventDir = mkdtempSync(path.join(tmpdir(), 'async-pr-settings-'))
  const eventFile = path.join(eventDir, 'event.json')
  writeFileSync(eventFile, JSON.stringify({ action: 'opened', number: 7 }))

  it('takes the event payload, run id and attempt, and URLs from the toolkit', () => {
    const settings = settingsFor({
      ...base,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_RUN_ID: '1234',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SERVER_URL: 'http://127.0.0.1:9',
    })
    expect(settings.eventPayload).toEqual({ action: 'opened', number: 7 })
    expect(settings.eventName).toBe('pull_request')
    expect(settings.repository).toEqual({ owner: 'octo', repo: 'app' })
    expect([settings.runId, settings.runAttempt]).toEqual(['1234', '2'])
    expect(settings.serverUrl).toBe('http://127.0.0.1:9')
    expect(settings.apiUrl).toBe('https://api.github.com')
  })

  it('defaults a run id and attempt the runner did not set', () => {
    const settings = settingsFor({ ...base, GITHUB_EVENT_PATH: eventFile })
    expect([settings.runId, settings.runAttempt]).toEqual(['0', '1'])
  })

  it('says so when the event file does not exist (the toolkit would read no payload)', () => {
    expect(() =>
      settingsFor(
        { ...base, GITHUB_EVENT_PATH: path.join(eventDir, 'missing.json') },
        { keepEventPath: true },
      ),
    ).toThrow(/GITHUB_EVENT_PATH names .*missing\.json, which does not exist/)
  })

  it('refuses a repository that is not owner/repo', () => {
    const { GITHUB_REPOSITORY: _unused, ...without } = base
    expect(() => settingsFor(without)).toThrow(/GITHUB_REPOSITORY must look like "owner\/repo"/)
    expect(() => settingsFor({ ...base, GITHUB_REPOSITORY: 'octo' })).toThrow(/owner\/repo/)
  })
})
