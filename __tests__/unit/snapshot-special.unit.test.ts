// A FIFO named .gitignore (or .gitattributes), made by the agent in its tree,
// would block git: it opens per-directory ignore and attribute files with a
// blocking open(), and a FIFO without a writer never returns. A checkpoint
// (the agent alive) refuses such a tree at once; the snapshot between sessions
// (every agent process gone) removes the FIFO and takes the rest. Found by the
// review of issue 13.

import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGit, prepareGitHome } from '../../src/git/git.js'
import { protectedPathsFrom } from '../../src/git/guard.js'
import { specialGitFiles, takeSnapshot } from '../../src/git/snapshot.js'

let root = ''
let unblock: NodeJS.Timeout | undefined
afterEach(() => {
  clearTimeout(unblock)
  rmSync(root, { recursive: true, force: true })
})

function treeWithFifo(name: string) {
  root = mkdtempSync(path.join(tmpdir(), 'fifo-'))
  const repo = path.join(root, 'repo')
  execFileSync('git', ['init', '-q', repo])
  mkdirSync(path.join(repo, 'sub'))
  mkdirSync(path.join(repo, 'dir.gitignore-like', '.gitignore'), { recursive: true })
  writeFileSync(path.join(repo, 'work.txt'), 'the agent’s work\n')
  const fifo = path.join(repo, 'sub', name)
  execFileSync('mkfifo', [fifo])
  // Keeps the test bounded even if git does block: a writer opens and closes the FIFO late.
  unblock = setTimeout(() => {
    if (existsSync(fifo)) closeSync(openSync(fifo, 'w'))
  }, 8_000)
  const git = createGit({ cwd: repo }, prepareGitHome(root))
  const options = {
    git,
    workTree: repo,
    maxFileBytes: 1024 * 1024,
    protectedPaths: protectedPathsFrom([]),
    allowWorkflowChanges: false,
    knownSecretForms: [],
    readBlob: async () => undefined,
  }
  return { repo, fifo, options }
}

describe('a .gitignore or .gitattributes that is not a file', () => {
  it('is found without following links or counting directories of that name', async () => {
    const { repo } = treeWithFifo('.gitignore')
    expect(await specialGitFiles(repo)).toEqual(['sub/.gitignore'])
  })

  it('makes a checkpoint (agent alive) refuse at once, before git can block', async () => {
    const { options } = treeWithFifo('.gitignore')
    const started = Date.now()
    await expect(takeSnapshot(options)).rejects.toThrow(
      'sub/.gitignore is not a file, which would block git',
    )
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('is removed between sessions (agent gone), reported, and the rest is taken', async () => {
    for (const name of ['.gitignore', '.gitattributes']) {
      const { fifo, options } = treeWithFifo(name)
      const started = Date.now()
      const snapshot = await takeSnapshot({ ...options, removeSpecialGitFiles: true })
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(snapshot.writes.map((w) => w.path)).toContain('work.txt')
      expect(snapshot.excluded).toContainEqual(
        expect.objectContaining({ path: `sub/${name}`, why: 'special' }),
      )
      expect(existsSync(fifo)).toBe(false)
      clearTimeout(unblock)
      rmSync(root, { recursive: true, force: true })
    }
  })
})
