import { describe, expect, it } from '@jest/globals'
import { redactUrl } from '../../src/cli/context.js'
import { parsePrArg, parseRemoteUrl, parseRepoArg } from '../../src/cli/repo-ref.js'

describe('parseRemoteUrl', () => {
  it.each([
    ['https://github.com/octo/app.git', 'github.com'],
    ['https://github.com/octo/app', 'github.com'],
    ['https://github.com/octo/app/', 'github.com'],
    ['https://x-access-token:ghp_secret@github.com/octo/app.git', 'github.com'],
    ['http://127.0.0.1:8080/octo/app', '127.0.0.1:8080'],
    ['git@github.com:octo/app.git', 'github.com'],
    ['github.com:octo/app', 'github.com'],
    ['ssh://git@github.com/octo/app.git', 'github.com'],
    ['ssh://git@ssh.github.com:443/octo/app.git', 'github.com'],
    ['git://github.com/octo/app.git', 'github.com'],
    ['git@ghe.corp.example:octo/app.git', 'ghe.corp.example'],
    ['https://GHE.corp.example/octo/app.git', 'ghe.corp.example'],
    ['ssh://git@ghe.corp.example:2222/octo/app.git', 'ghe.corp.example'],
  ])('%s → %s octo/app', (url, host) => {
    expect(parseRemoteUrl(url)).toEqual({ host, owner: 'octo', name: 'app' })
  })

  it('keeps dots, underscores and hyphens in names', () => {
    expect(parseRemoteUrl('git@github.com:my-org/my_repo.js.git')).toEqual({
      host: 'github.com',
      owner: 'my-org',
      name: 'my_repo.js',
    })
  })

  it.each([
    '/srv/git/app.git',
    'file:///srv/git/octo/app.git',
    'https://github.com/octo',
    'https://github.com/octo/app/tree/main',
    'git@github.com:app.git',
    'https://github.com/-bad/app',
    '',
  ])('refuses %j', (url) => {
    expect(parseRemoteUrl(url)).toBeUndefined()
  })
})

describe('parseRepoArg', () => {
  it('takes owner/name, host/owner/name and URLs', () => {
    expect(parseRepoArg('octo/app')).toEqual({ owner: 'octo', name: 'app' })
    expect(parseRepoArg('ghe.example.com/octo/app')).toEqual({
      host: 'ghe.example.com',
      owner: 'octo',
      name: 'app',
    })
    expect(parseRepoArg('https://github.com/octo/app')).toEqual({
      host: 'github.com',
      owner: 'octo',
      name: 'app',
    })
    expect(parseRepoArg('octo')).toBeUndefined()
    expect(parseRepoArg('octo/app/x/y')).toBeUndefined()
  })
})

describe('parsePrArg', () => {
  it('takes numbers and pull request URLs', () => {
    expect(parsePrArg('12')).toEqual({ number: 12 })
    expect(parsePrArg('#12')).toEqual({ number: 12 })
    expect(parsePrArg('https://github.com/octo/app/pull/12')).toEqual({
      number: 12,
      repo: { host: 'github.com', owner: 'octo', name: 'app' },
    })
    expect(parsePrArg('https://github.com/octo/app/pull/12#issuecomment-1')).toMatchObject({
      number: 12,
    })
    expect(parsePrArg('0')).toBeUndefined()
    expect(parsePrArg('-3')).toBeUndefined()
    expect(parsePrArg('https://github.com/octo/app/issues/12')).toBeUndefined()
    expect(parsePrArg('twelve')).toBeUndefined()
  })
})

describe('redactUrl', () => {
  it('never shows credentials from a remote URL', () => {
    expect(redactUrl('https://x-access-token:ghp_secret@github.com/o/r.git')).toBe(
      'https://***@github.com/o/r.git',
    )
    expect(redactUrl('git@github.com:o/r.git')).toBe('git@github.com:o/r.git')
  })
})
