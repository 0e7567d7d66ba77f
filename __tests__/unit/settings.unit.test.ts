import { describe, expect, it } from '@jest/globals'
import { readSettings, SettingsError, secretsOf } from '../../src/settings.js'
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
    const settings = readSettings({
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
    const settings = readSettings({ ...base, INPUT_DISALLOWED_TOOLS: 'WebFetch' })
    expect(settings.disallowedTools).toEqual(['WebFetch', 'Bash(git push:*)'])
  })

  it('names the missing token and how to provide it', () => {
    const { INPUT_GITHUB_TOKEN: _unused, ...withoutToken } = base
    expect(() => readSettings(withoutToken)).toThrow(/github_token is not set.*secrets/)
  })

  it('requires model credentials unless a cloud provider is configured', () => {
    const { INPUT_ANTHROPIC_API_KEY: _unused, ...withoutKey } = base
    expect(() => readSettings(withoutKey)).toThrow(/anthropic_api_key/)
    expect(
      readSettings({ ...withoutKey, CLAUDE_CODE_USE_BEDROCK: '1' }).anthropicApiKey,
    ).toBeUndefined()
  })

  it('rejects numbers that are not positive', () => {
    expect(() => readSettings({ ...base, INPUT_MAX_TURNS: 'ten' })).toThrow(SettingsError)
    expect(() => readSettings({ ...base, INPUT_TIMEOUT_MINUTES: '0' })).toThrow(/timeout_minutes/)
  })

  it('splits claude_args without a shell and refuses flags that bypass permissions', () => {
    expect(
      readSettings({ ...base, INPUT_CLAUDE_ARGS: `--effort high --name "two words"` }).claudeArgs,
    ).toEqual(['--effort', 'high', '--name', 'two words'])
    expect(() =>
      readSettings({ ...base, INPUT_CLAUDE_ARGS: '--dangerously-skip-permissions' }),
    ).toThrow(/bypass/)
    expect(() => readSettings({ ...base, INPUT_CLAUDE_ARGS: '--settings=/tmp/x.json' })).toThrow(
      /settings/,
    )
    expect(() => readSettings({ ...base, INPUT_CLAUDE_ARGS: '--name "open' })).toThrow(/unclosed/)
  })

  it('lists the secrets it holds', () => {
    expect(secretsOf(readSettings({ ...base, INPUT_COMMENT_TOKEN: 'c' })).sort()).toEqual(
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
    expect(readSettings(base)).toEqual(readSettings(given))
  })

  it('keeps an input given as empty empty', () => {
    expect(readSettings({ ...base, INPUT_ALLOWED_TOOLS: '' }).allowedTools).toEqual([])
  })
})
