// The branch from the publish repository into the workspace by its pack (src/git/pack-handover.ts):
// what a local fetch would give, checked against one, on real repositories; and the cases it
// leaves to the local fetch, with the workspace untouched.

import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGit, prepareGitHome } from '../../src/git/git.js'
import { handOverPack, MAX_HANDOVER_BYTES } from '../../src/git/pack-handover.js'
import { PublishRepo } from '../../src/git/publish.js'

const IDENTITY = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, ...IDENTITY } })
    .toString()
    .trim()

/** An origin with a branch `task` of `commits` commits, a publish repository that fetched it as the action does, a workspace cloned shallow or not. */
function repositories(options: { commits: number; depth?: number; workspaceDepth?: number }) {
  const root = mkdtempSync(path.join(tmpdir(), 'pack-handover-'))
  const origin = path.join(root, 'origin')
  git(root, 'init', '-q', '-b', 'main', origin)
  for (let i = 1; i <= options.commits; i++) {
    writeFileSync(path.join(origin, 'file.txt'), `step ${i}\n`)
    git(origin, 'add', 'file.txt')
    git(origin, 'commit', '-q', '-m', `Step ${i}`)
  }
  git(origin, 'branch', 'task')
  // The workspace starts elsewhere, as at checkout's merge commit: one commit past the branch.
  writeFileSync(path.join(origin, 'other.txt'), 'other\n')
  git(origin, 'add', 'other.txt')
  git(origin, 'commit', '-q', '-m', 'Elsewhere')
  const url = `file://${origin}`
  // The action's own publish repository, as it makes it.
  const home = prepareGitHome(path.join(root, 'home'))
  const publish = PublishRepo.create(root, home, { url, auth: {} }).dir
  git(
    publish,
    '-c',
    'fetch.unpackLimit=1',
    'fetch',
    '-q',
    '--no-tags',
    ...(options.depth ? [`--depth=${options.depth}`] : []),
    url,
    '+refs/heads/task:refs/upstream/task',
  )
  const workspace = path.join(root, 'workspace')
  git(
    root,
    'clone',
    '-q',
    ...(options.workspaceDepth ? [`--depth=${options.workspaceDepth}`] : []),
    url,
    workspace,
  )
  const gitDir = path.join(workspace, '.git')
  const target = {
    git: createGit({ cwd: workspace }, home),
    gitDir,
    commonDir: gitDir,
  }
  const refs: Array<[string, string]> = [
    ['refs/upstream/task', 'refs/remotes/origin/task'],
    ['refs/upstream/task', 'refs/async-pr/event-head'],
  ]
  return { root, origin, publish, workspace, target, refs }
}

const shallowOf = (workspace: string) => {
  try {
    return readFileSync(path.join(workspace, '.git', 'shallow'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .sort()
  } catch {
    return []
  }
}

describe('handOverPack', () => {
  it('gives a shallow workspace the branch and the shallow roots a local fetch --update-shallow would', async () => {
    const byPack = repositories({ commits: 60, depth: 50, workspaceDepth: 1 })
    const ok = await handOverPack(byPack.publish, byPack.target, byPack.refs)
    expect(ok).toBe(true)
    const tip = git(byPack.publish, 'rev-parse', 'refs/upstream/task')
    expect(git(byPack.workspace, 'rev-parse', 'refs/remotes/origin/task')).toBe(tip)
    expect(git(byPack.workspace, 'rev-parse', 'refs/async-pr/event-head')).toBe(tip)
    // Every object the branch needs is there, and its history walks to the shallow root.
    git(byPack.workspace, 'fsck', '--connectivity-only', '--no-dangling')
    expect(
      git(byPack.workspace, 'log', '--format=%s', 'refs/remotes/origin/task').split('\n'),
    ).toHaveLength(50)

    // The same start, given by the local fetch the action did before: the same shallow file.
    const byFetch = repositories({ commits: 60, depth: 50, workspaceDepth: 1 })
    git(
      byFetch.workspace,
      'fetch',
      '-q',
      '--no-tags',
      '--update-shallow',
      `file://${byFetch.publish}`,
      '+refs/upstream/task:refs/remotes/origin/task',
    )
    const roots = (w: string, o: string) =>
      shallowOf(w)
        .map((id) => git(o, 'log', '-1', '--format=%s', id))
        .sort()
    expect(roots(byPack.workspace, byPack.origin)).toEqual(roots(byFetch.workspace, byFetch.origin))
    expect(roots(byPack.workspace, byPack.origin)).toContain('Step 11')

    // Copies of the pack's own, read-only as git makes them: nothing is shared with the publish repository.
    const packDir = path.join(byPack.workspace, '.git', 'objects', 'pack')
    const copied = readdirSync(path.join(byPack.publish, 'objects', 'pack'))
    for (const name of copied) {
      const copy = statSync(path.join(packDir, name))
      expect(copy.ino).not.toBe(statSync(path.join(byPack.publish, 'objects', 'pack', name)).ino)
      expect(copy.mode & 0o777).toBe(0o444)
    }
    expect(readdirSync(packDir).filter((name) => name.includes('async-pr'))).toEqual([])
  })

  it('gives a complete workspace a complete branch, and leaves its history whole', async () => {
    const r = repositories({ commits: 5 })
    expect(await handOverPack(r.publish, r.target, r.refs)).toBe(true)
    expect(shallowOf(r.workspace)).toEqual([])
    // (A complete clone had origin/task already: the event's ref is the handover's own.)
    const tip = git(r.publish, 'rev-parse', 'refs/upstream/task')
    expect(git(r.workspace, 'rev-parse', 'refs/async-pr/event-head')).toBe(tip)
    expect(git(r.workspace, 'rev-list', '--count', 'refs/async-pr/event-head')).toBe('5')
    expect(git(r.workspace, 'rev-list', '--count', 'HEAD')).toBe('6')
  })

  it.each([
    ['a packed ref', (r: ReturnType<typeof repositories>) => git(r.publish, 'pack-refs', '--all')],
    [
      'a loose object',
      (r: ReturnType<typeof repositories>) =>
        execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: r.publish, input: 'loose\n' }),
    ],
  ])(
    'leaves it to the local fetch when the publish repository has %s, the workspace untouched',
    async (_what, change) => {
      const r = repositories({ commits: 3, depth: 50, workspaceDepth: 1 })
      change(r)
      const before = readdirSync(path.join(r.workspace, '.git', 'objects', 'pack')).sort()
      expect(await handOverPack(r.publish, r.target, r.refs)).toBe(false)
      expect(readdirSync(path.join(r.workspace, '.git', 'objects', 'pack')).sort()).toEqual(before)
      expect(() =>
        git(r.workspace, 'rev-parse', '--verify', '-q', 'refs/remotes/origin/task'),
      ).toThrow()
    },
  )

  it('leaves a shallow branch for a complete workspace to the local fetch', async () => {
    const r = repositories({ commits: 60, depth: 50 })
    expect(await handOverPack(r.publish, r.target, r.refs)).toBe(false)
    expect(shallowOf(r.workspace)).toEqual([])
  })

  it('leaves a shallow branch for a checkout deeper than one commit to the local fetch, whose history it would cut short', async () => {
    // fetch-depth: 100 holds the branch's commits beyond the publish repository's root.
    const r = repositories({ commits: 120, depth: 50, workspaceDepth: 100 })
    const before = shallowOf(r.workspace)
    expect(await handOverPack(r.publish, r.target, r.refs)).toBe(false)
    expect(shallowOf(r.workspace)).toEqual(before)
    expect(git(r.workspace, 'rev-list', '--count', 'HEAD')).toBe('100')
  })

  it('leaves packs larger than MAX_HANDOVER_BYTES to the local fetch', async () => {
    const r = repositories({ commits: 1 })
    // Bytes that do not compress, in one more commit of the branch, fetched again.
    writeFileSync(path.join(r.origin, 'big.bin'), randomBytes(MAX_HANDOVER_BYTES + 1024))
    git(r.origin, 'checkout', '-q', 'task')
    git(r.origin, 'add', 'big.bin')
    git(r.origin, 'commit', '-q', '-m', 'Big')
    git(
      r.publish,
      '-c',
      'fetch.unpackLimit=1',
      'fetch',
      '-q',
      `file://${r.origin}`,
      '+refs/heads/task:refs/upstream/task',
    )
    expect(await handOverPack(r.publish, r.target, r.refs)).toBe(false)
    expect(() =>
      git(r.workspace, 'rev-parse', '--verify', '-q', 'refs/async-pr/event-head'),
    ).toThrow()
  })
})
