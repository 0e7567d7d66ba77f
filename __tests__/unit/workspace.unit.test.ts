// Persisted checkout credentials, removed from the repository and its submodules (real git, a temp repo).

import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGit, prepareGitHome } from '../../src/git/git.js'
import { removePersistedCredentials, shallowCheckout } from '../../src/git/workspace.js'
import { processesStarted } from '../../src/util/process.js'

describe('removePersistedCredentials', () => {
  it('removes extraheaders and checkout includes, in the repository and in submodule configs, and deletes the credential file', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'creds-'))
    const repo = path.join(root, 'repo')
    execFileSync('git', ['init', '-q', repo])
    const credentials = path.join(root, 'git-credentials-1234-abcd.config')
    writeFileSync(
      credentials,
      '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n',
    )
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args])
    git(
      'config',
      '--local',
      'http.https://github.com/.extraheader',
      'AUTHORIZATION: basic c2VjcmV0',
    )
    git('config', '--local', `includeIf.gitdir:${repo}/.git.path`, credentials)
    git('config', '--local', 'user.name', 'kept')
    const submodule = path.join(repo, '.git', 'modules', 'lib', 'config')
    mkdirSync(path.dirname(submodule), { recursive: true })
    writeFileSync(
      submodule,
      '[core]\n\tbare = false\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n',
    )

    const removed = await removePersistedCredentials(createGit({ cwd: repo }, prepareGitHome(root)))
    expect(removed.length).toBeGreaterThanOrEqual(2)
    const config = readFileSync(path.join(repo, '.git', 'config'), 'utf8')
    expect(config).not.toMatch(/extraheader|includeIf/i)
    expect(config).toContain('kept')
    expect(readFileSync(submodule, 'utf8')).not.toMatch(/extraheader/i)
    expect(existsSync(credentials)).toBe(false)
  })

  it("edits checkout v6's four includes out in one go, checked by git, and asks git key by key for what it cannot read", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'creds-'))
    const repo = path.join(root, 'repo')
    execFileSync('git', ['init', '-q', repo])
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args]).toString()
    const credentials = path.join(root, 'git-credentials-5678-ef.config')
    writeFileSync(
      credentials,
      '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic x\n',
    )
    for (const dir of [
      `${repo}/.git`,
      `${repo}/.git/worktrees/*`,
      '/github/workspace/.git',
      '/github/workspace/.git/worktrees/*',
    ])
      git('config', '--local', `includeIf.gitdir:${dir}.path`, credentials)
    git('config', '--local', 'user.name', 'kept')
    git('config', '--local', 'alias.x', '!echo "a # b"')
    const list = () => git('config', '--local', '--list').split('\n').filter(Boolean)
    const kept = list().filter((line) => !line.startsWith('includeif.'))

    const before = processesStarted()
    const removed = await removePersistedCredentials(
      createGit({ cwd: repo }, prepareGitHome(root)),
      path.join(repo, '.git'),
    )
    expect(removed).toHaveLength(4)
    expect(list()).toEqual(kept)
    // One listing and one check: no process for each key.
    expect(processesStarted() - before).toBe(2)
    expect(existsSync(credentials)).toBe(false)

    // A key on its header's line is beyond the text edit: git removes it.
    const config = path.join(repo, '.git', 'config')
    writeFileSync(
      config,
      `${readFileSync(config, 'utf8')}[http "https://github.com/"] extraheader = AUTHORIZATION: basic y\n`,
    )
    expect(list()).toContain('http.https://github.com/.extraheader=AUTHORIZATION: basic y')
    const again = await removePersistedCredentials(createGit({ cwd: repo }, prepareGitHome(root)))
    expect(again).toEqual(['http.https://github.com/.extraheader'])
    expect(list()).toEqual(kept)
    expect(existsSync(`${config}.lock`)).toBe(false)
  })
})

describe('shallowCheckout', () => {
  it('tells what git tells of a checkout whose .git is a directory, and nothing of anything else', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'shallow-'))
    const origin = path.join(root, 'origin')
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    }
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, { cwd, env }).toString().trim()
    git(root, 'init', '-q', origin)
    for (const n of [1, 2]) git(origin, 'commit', '-q', '--allow-empty', '-m', `c${n}`)
    git(root, 'clone', '-q', '--depth=1', `file://${origin}`, path.join(root, 'shallow'))
    git(root, 'clone', '-q', `file://${origin}`, path.join(root, 'full'))
    git(path.join(root, 'full'), 'worktree', 'add', '-q', path.join(root, 'linked'))
    for (const name of ['shallow', 'full']) {
      const dir = path.join(root, name)
      expect(shallowCheckout(dir)).toBe(git(dir, 'rev-parse', '--is-shallow-repository') === 'true')
    }
    expect(shallowCheckout(path.join(root, 'shallow'))).toBe(true)
    // A linked worktree's .git is a file; a directory without one is no checkout.
    expect(shallowCheckout(path.join(root, 'linked'))).toBeUndefined()
    mkdirSync(path.join(root, 'plain'))
    expect(shallowCheckout(path.join(root, 'plain'))).toBeUndefined()
  })
})
