// Review of issue 13: a FIFO named .gitignore, made by the agent in its tree,
// blocks `git ls-files --exclude-standard` (git opens per-directory ignore files
// with a blocking open()). A checkpoint taken while the agent works then hangs
// for git's default 10-minute timeout, and `stop()` waits for it after the agent
// ends; the final snapshot hangs the same way. Fails on the reviewed head.

import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, openSync, closeSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGit, prepareGitHome } from '../../src/git/git.js'
import { protectedPathsFrom } from '../../src/git/guard.js'
import { takeSnapshot } from '../../src/git/snapshot.js'

describe('takeSnapshot on a tree with a FIFO for a .gitignore', () => {
  it('returns in bounded time (the FIFO is excluded as special), without a writer ever opening it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'fifo-'))
    const repo = path.join(root, 'repo')
    execFileSync('git', ['init', '-q', repo])
    mkdirSync(path.join(repo, 'sub'))
    writeFileSync(path.join(repo, 'work.txt'), 'the agent’s work\n')
    const fifo = path.join(repo, 'sub', '.gitignore')
    execFileSync('mkfifo', [fifo])
    const git = createGit({ cwd: repo }, prepareGitHome(root))
    const started = Date.now()
    // The test stays bounded: after 8 s a writer opens and closes the FIFO, which unblocks git.
    const unblock = setTimeout(() => closeSync(openSync(fifo, 'w')), 8_000)
    try {
      const snapshot = await takeSnapshot({
        git,
        workTree: repo,
        maxFileBytes: 1024 * 1024,
        protectedPaths: protectedPathsFrom([]),
        allowWorkflowChanges: false,
        knownSecretForms: [],
        readBlob: async () => undefined,
      })
      expect(snapshot.writes.map((w) => w.path)).toContain('work.txt')
    } finally {
      clearTimeout(unblock)
    }
    expect(Date.now() - started).toBeLessThan(5_000)
  }, 30_000)
})
