// Where a token from the environment may go: github.com's API, GITHUB_API_URL,
// or the host GH_HOST names; never a host that only the repository points at.

import { describe, expect, it } from '@jest/globals'
import {
  defaultApiUrl,
  endpointFor,
  environmentToken,
  noTokenMessage,
  withoutTokens,
  TOKEN_ENVIRONMENT,
} from '../../src/cli/endpoint.js'

const GITHUB = ['GITHUB_TOKEN', 'GH_TOKEN']
const ENTERPRISE = ['GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN']
const GHES_API = { GITHUB_API_URL: 'https://ghe.corp/api/v3/' }

describe('endpointFor', () => {
  it.each([
    ['no host', {}, undefined, 'github.com', 'https://api.github.com', GITHUB],
    ['github.com', {}, 'github.com', 'github.com', 'https://api.github.com', GITHUB],
    ['another forge', {}, 'gitlab.com', 'gitlab.com', 'https://gitlab.com/api/v3', []],
    ['a host:port', {}, 'localhost:8443', 'localhost:8443', 'https://localhost:8443/api/v3', []],
    ['an unnamed ghe.com', {}, 'octo.ghe.com', 'octo.ghe.com', 'https://api.octo.ghe.com', []],
    ['GITHUB_API_URL alone', GHES_API, undefined, 'ghe.corp', 'https://ghe.corp/api/v3', GITHUB],
    ['its host', GHES_API, 'ghe.corp', 'ghe.corp', 'https://ghe.corp/api/v3', GITHUB],
    // GITHUB_API_URL says where GITHUB_TOKEN belongs: not to github.com then.
    ['github.com with it', GHES_API, 'github.com', 'github.com', 'https://api.github.com', []],
    ['a forge with it', GHES_API, 'some.host', 'some.host', 'https://some.host/api/v3', []],
    [
      'GITHUB_API_URL of github.com',
      { GITHUB_API_URL: 'https://api.github.com' },
      'github.com',
      'github.com',
      'https://api.github.com',
      GITHUB,
    ],
    [
      'GITHUB_API_URL of ghe.com',
      { GITHUB_API_URL: 'https://api.octo.ghe.com' },
      'octo.ghe.com',
      'octo.ghe.com',
      'https://api.octo.ghe.com',
      GITHUB,
    ],
    [
      'GITHUB_SERVER_URL names the web host of GITHUB_API_URL',
      { GITHUB_API_URL: 'http://127.0.0.1:9000', GITHUB_SERVER_URL: 'http://127.0.0.1:8000' },
      '127.0.0.1:8000',
      '127.0.0.1:8000',
      'http://127.0.0.1:9000',
      GITHUB,
    ],
    [
      'the API host is not the web host',
      { GITHUB_API_URL: 'http://127.0.0.1:9000', GITHUB_SERVER_URL: 'http://127.0.0.1:8000' },
      '127.0.0.1:9000',
      '127.0.0.1:9000',
      'https://127.0.0.1:9000/api/v3',
      [],
    ],
    [
      'GH_HOST alone',
      { GH_HOST: 'ghe.corp' },
      undefined,
      'ghe.corp',
      'https://ghe.corp/api/v3',
      ENTERPRISE,
    ],
    [
      'GH_HOST, its host',
      { GH_HOST: 'GHE.Corp' },
      'ghe.corp',
      'ghe.corp',
      'https://ghe.corp/api/v3',
      ENTERPRISE,
    ],
    [
      'GH_HOST, github.com',
      { GH_HOST: 'ghe.corp' },
      'github.com',
      'github.com',
      'https://api.github.com',
      GITHUB,
    ],
    [
      'GH_HOST, a forge',
      { GH_HOST: 'ghe.corp' },
      'other.corp',
      'other.corp',
      'https://other.corp/api/v3',
      [],
    ],
    // The GitHub CLI's rule: GH_TOKEN serves github.com and ghe.com.
    [
      'GH_HOST of ghe.com',
      { GH_HOST: 'octo.ghe.com' },
      undefined,
      'octo.ghe.com',
      'https://api.octo.ghe.com',
      GITHUB,
    ],
    [
      'GH_HOST of ghe.com when GITHUB_API_URL has the tokens',
      { ...GHES_API, GH_HOST: 'octo.ghe.com' },
      undefined,
      'ghe.corp',
      'https://ghe.corp/api/v3',
      GITHUB,
    ],
    [
      'GH_HOST of ghe.com when GITHUB_API_URL has the tokens, its host',
      { ...GHES_API, GH_HOST: 'octo.ghe.com' },
      'octo.ghe.com',
      'octo.ghe.com',
      'https://api.octo.ghe.com',
      [],
    ],
    [
      'GH_HOST and GITHUB_API_URL on one host',
      { ...GHES_API, GH_HOST: 'ghe.corp' },
      'ghe.corp',
      'ghe.corp',
      'https://ghe.corp/api/v3',
      [...GITHUB, ...ENTERPRISE],
    ],
  ])('%s', (_, env, repoHost, host, apiUrl, tokenVariables) => {
    const endpoint = endpointFor(env, repoHost)
    expect(endpoint).toMatchObject({ host, apiUrl, tokenVariables })
    // Named exactly when some variable's token may go there.
    expect(endpoint.namedBy !== undefined).toBe(tokenVariables.length > 0)
  })

  it('sends a token from the environment only to an API the user named for it', () => {
    const envs: Record<string, string>[] = [
      {},
      GHES_API,
      { GH_HOST: 'ghe.corp' },
      { GH_HOST: 'octo.ghe.com' },
      { ...GHES_API, GH_HOST: 'other.corp' },
      { GITHUB_API_URL: 'http://127.0.0.1:9000', GITHUB_SERVER_URL: 'http://localhost:8000' },
    ]
    const hosts = [
      undefined,
      'github.com',
      'ghe.corp',
      'other.corp',
      'octo.ghe.com',
      'evil.ghe.com',
    ]
    hosts.push('gitlab.com', 'localhost:8000', '127.0.0.1:9000', 'api.github.com', 'some.host')
    for (const env of envs) {
      const allowed = new Set(['https://api.github.com'])
      if (env.GITHUB_API_URL) allowed.add(env.GITHUB_API_URL.replace(/\/+$/, ''))
      if (env.GH_HOST) allowed.add(defaultApiUrl(env.GH_HOST))
      for (const host of hosts) {
        const endpoint = endpointFor(env, host)
        if (endpoint.tokenVariables.length > 0) expect(allowed).toContain(endpoint.apiUrl)
        if (host && host !== 'github.com' && host !== env.GH_HOST && !env.GITHUB_API_URL)
          expect(endpoint.tokenVariables).toEqual([])
      }
    }
  })

  it('refuses a GITHUB_API_URL or GH_HOST it cannot use, saying what to set', () => {
    expect(() => endpointFor({ GITHUB_API_URL: 'ftp://ghe.corp' })).toThrow(
      'GITHUB_API_URL is not an http(s) URL without credentials: "ftp://ghe.corp"',
    )
    expect(() => endpointFor({ GITHUB_API_URL: 'https://u:p@ghe.corp/api/v3' })).toThrow(
      /GITHUB_API_URL is not an http\(s\) URL/,
    )
    expect(() => endpointFor({ GH_HOST: 'ghe corp' })).toThrow(
      'GH_HOST is not a host name: "ghe corp". Set it to the host alone',
    )
    expect(endpointFor({ GH_HOST: 'https://ghe.corp/' }).host).toBe('ghe.corp')
  })
})

describe('environmentToken', () => {
  const env = {
    GITHUB_TOKEN: ' ',
    GH_TOKEN: 'test-gh-token',
    GH_ENTERPRISE_TOKEN: 'test-enterprise-token',
  }
  it('takes the first variable named for the endpoint', () => {
    expect(environmentToken(env, endpointFor(env, 'github.com'))).toEqual({
      value: 'test-gh-token',
      source: 'GH_TOKEN',
    })
    expect(
      environmentToken({ ...env, GH_HOST: 'ghe.corp' }, endpointFor({ GH_HOST: 'ghe.corp' })),
    ).toEqual({
      value: 'test-enterprise-token',
      source: 'GH_ENTERPRISE_TOKEN',
    })
  })
  it('has none for a host nobody named', () => {
    expect(environmentToken(env, endpointFor(env, 'some.host'))).toBeUndefined()
    expect(environmentToken(env, endpointFor(env, 'ghe.corp'))).toBeUndefined()
  })
})

describe('withoutTokens', () => {
  it('keeps every token variable from a child process', () => {
    const env = Object.fromEntries(TOKEN_ENVIRONMENT.map((name) => [name, 'test-secret']))
    expect(withoutTokens({ ...env, PATH: '/bin', GH_HOST: 'ghe.corp' })).toEqual({
      PATH: '/bin',
      GH_HOST: 'ghe.corp',
    })
  })
})

describe('noTokenMessage', () => {
  it('says the token was kept from a host only the repository names, and what to set', () => {
    const env = { GITHUB_TOKEN: 'test-token' }
    const text = noTokenMessage(env, endpointFor(env, 'some.host'), 'o/r (from the origin remote)')
    expect(text).toBe(
      'o/r (from the origin remote) is on some.host, a host no token is set for. ' +
        'A token from GITHUB_TOKEN goes only to https://api.github.com, so it was not sent and no request was made. ' +
        'If some.host is a GitHub Enterprise Server you use, log in to it with "gh auth login --hostname some.host", ' +
        'or set GH_HOST=some.host and GH_ENTERPRISE_TOKEN, or GITHUB_API_URL=https://some.host/api/v3 and GITHUB_TOKEN. ' +
        'If the repository is on github.com, pass --repo OWNER/NAME.',
    )
  })

  it('names every place the tokens may go', () => {
    const env = { ...GHES_API, GH_HOST: 'other.corp', GH_TOKEN: 'x', GH_ENTERPRISE_TOKEN: 'y' }
    expect(noTokenMessage(env, endpointFor(env, 'some.host'), 'o/r')).toContain(
      'A token from GH_TOKEN or GH_ENTERPRISE_TOKEN goes only to https://ghe.corp/api/v3 (GITHUB_API_URL) ' +
        'or https://other.corp/api/v3 (GH_HOST), so it was not sent',
    )
  })

  it('explains github.com without its token when GITHUB_API_URL took it', () => {
    expect(noTokenMessage(GHES_API, endpointFor(GHES_API, 'github.com'), 'o/r')).toContain(
      'o/r is on github.com, but GITHUB_API_URL names https://ghe.corp/api/v3, where the token from GITHUB_TOKEN or GH_TOKEN belongs',
    )
  })

  it('asks for the token of a named host', () => {
    expect(noTokenMessage({}, endpointFor({}), 'o/r')).toMatch(
      /^No GitHub token\. Set GITHUB_TOKEN or GH_TOKEN, or log in with the GitHub CLI \(gh auth login\)\./,
    )
    const env = { GH_HOST: 'ghe.corp' }
    expect(noTokenMessage(env, endpointFor(env), 'o/r')).toMatch(
      /^No GitHub token for ghe\.corp\. Set GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN, or log in with the GitHub CLI \(gh auth login --hostname ghe\.corp\)\./,
    )
  })
})
