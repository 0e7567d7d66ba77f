import { describe, expect, it } from '@jest/globals'
import { graphqlUrlFor, resolveEndpoints } from '../../src/github/endpoints.js'
import { SettingsError } from '../../src/settings.js'
import { settingsFor } from '../harness/settings.js'

const base = {
  INPUT_GITHUB_TOKEN: 'pat-value',
  INPUT_ANTHROPIC_API_KEY: 'model-key',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/tmp/event.json',
  GITHUB_REPOSITORY: 'octo/app',
  RUNNER_TEMP: '/tmp/runner',
}

describe('GitHub endpoints', () => {
  it('finds GraphQL beside the REST API, on github.com and on Enterprise Server', () => {
    expect(graphqlUrlFor('https://api.github.com')).toBe('https://api.github.com/graphql')
    expect(graphqlUrlFor('https://ghe.example.com/api/v3')).toBe(
      'https://ghe.example.com/api/graphql',
    )
    expect(graphqlUrlFor('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/graphql')
    expect(graphqlUrlFor('https://proxy.example.com/github/api/v3')).toBe(
      'https://proxy.example.com/github/api/graphql',
    )
  })

  it('takes the inputs over the runner’s variables, which a workflow cannot overwrite', () => {
    const settings = settingsFor({
      ...base,
      INPUT_API_URL: 'http://127.0.0.1:4000/',
      INPUT_SERVER_URL: 'http://127.0.0.1:4001',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_SERVER_URL: 'https://github.com',
    })
    expect(settings.apiUrl).toBe('http://127.0.0.1:4000')
    expect(settings.serverUrl).toBe('http://127.0.0.1:4001')
    expect(settings.graphqlUrl).toBe('http://127.0.0.1:4000/graphql')
  })

  it('falls back to GITHUB_API_URL and GITHUB_SERVER_URL, then to github.com', () => {
    const enterprise = settingsFor({
      ...base,
      INPUT_API_URL: '',
      INPUT_SERVER_URL: '  ',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
    })
    expect(enterprise).toMatchObject({
      apiUrl: 'https://ghe.example.com/api/v3',
      serverUrl: 'https://ghe.example.com',
      graphqlUrl: 'https://ghe.example.com/api/graphql',
    })
    expect(resolveEndpoints({ apiUrlInput: '', serverUrlInput: '' })).toEqual({
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      graphqlUrl: 'https://api.github.com/graphql',
    })
  })

  it('refuses a value that is not a plain http(s) URL, naming the input', () => {
    expect(() => settingsFor({ ...base, INPUT_API_URL: 'api.github.com' })).toThrow(SettingsError)
    expect(() => settingsFor({ ...base, INPUT_API_URL: 'api.github.com' })).toThrow(
      /Input api_url must be an http\(s\) URL such as https:\/\/api\.github\.com, got "api\.github\.com"/,
    )
    expect(() => settingsFor({ ...base, INPUT_SERVER_URL: 'ssh://github.com' })).toThrow(
      /Input server_url must be an http\(s\) URL/,
    )
    expect(() =>
      settingsFor({ ...base, INPUT_SERVER_URL: 'https://user:secret@github.com' }),
    ).toThrow(/server_url must be a plain URL without credentials/)
    expect(() => settingsFor({ ...base, GITHUB_API_URL: '${{ github.api_url }}' })).toThrow(
      /GITHUB_API_URL must be an http\(s\) URL/,
    )
  })
})
