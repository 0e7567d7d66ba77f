// The publish repository is written by hand (no git process on the way to the fetch): it must
// be what `git init --bare --template=` makes, as git itself reads the two.

import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { prepareGitHome } from '../../src/git/git.js'
import { PublishRepo } from '../../src/git/publish.js'

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  })
    .toString()
    .trim()

describe('PublishRepo.create', () => {
  it('makes the repository git init --bare --template= makes, as git reads it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'publish-repo-'))
    const ours = PublishRepo.create(path.join(root, 'ours'), prepareGitHome(root), {
      url: 'http://127.0.0.1:1/none.git',
      auth: {},
    }).dir
    const theirs = path.join(root, 'theirs.git')
    git(root, 'init', '-q', '--bare', '--template=', theirs)
    const view = (dir: string) => ({
      config: git(dir, 'config', '--local', '--list').split('\n').sort(),
      bare: git(dir, 'rev-parse', '--is-bare-repository'),
      format: git(dir, 'rev-parse', '--show-object-format'),
      gitDir: path.resolve(dir, git(dir, 'rev-parse', '--git-dir')),
    })
    expect(view(ours)).toEqual({ ...view(theirs), gitDir: ours })
    expect(view(ours).bare).toBe('true')
    // And it takes objects and refs as any repository does.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: ours, input: 'x\n' })
      .toString()
      .trim()
    git(
      ours,
      'update-ref',
      'refs/upstream/x',
      git(ours, 'commit-tree', git(ours, 'mktree'), '-m', 'x'),
    )
    git(ours, 'fsck', '--no-dangling')
    expect(blob).toMatch(/^[0-9a-f]{40}$/)
  })
})
