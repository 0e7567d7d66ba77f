// The report lists our commits by subject without asking git again (src/git/branch.ts): the
// subject must be what `git log --format=%s` prints for the same message.

import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { git } from '../harness/git/index.js'
import { subjectOf } from '../../src/git/commit.js'

const MESSAGES = [
  'Add a greeting',
  'Add a greeting\n\nCreate hello.txt.\n\nAsync-PR-Task: #1\n',
  'A title that\ngoes on a second line\n\nbody',
  '\n\n  Indented, after blank lines   \nand more  \n\nbody',
  'Trailing spaces   \n',
  'First\n   indented second\n\nbody',
]

describe('subjectOf', () => {
  it('is what git log --format=%s gives', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'async-pr-subject-'))
    try {
      const env = {
        GIT_DIR: path.join(dir, 'repo.git'),
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@example.com',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@example.com',
      }
      await git(['init', '--quiet', '--bare', env.GIT_DIR])
      const tree = await git(['mktree'], { env, input: '' })
      for (const message of MESSAGES) {
        const sha = await git(['commit-tree', tree, '-m', message], { env })
        expect(subjectOf(message)).toBe(await git(['log', '-1', '--format=%s', sha], { env }))
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
