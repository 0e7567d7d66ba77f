// The agent's git wrapper, run for real by bash, in front of a stand-in for git
// that records what it was given and in which environment.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { prepareAgentGit } from '../../src/agent/agent-git.js'

let root: string
let wrapper: string
const record = () => path.join(root, 'record')

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'agent-git-'))
  const fakeGit = path.join(root, 'real-git')
  writeFileSync(
    fakeGit,
    `#!/bin/bash\n{ printf 'ARGS'; printf ' [%s]' "$@"; echo; env | grep -E '^(GIT_|PATH=|PAGER=)' | sort; } > ${record()}\n`,
    { mode: 0o755 },
  )
  const { binDir } = await prepareAgentGit({
    dir: path.join(root, "tools with 'quotes'"),
    realGit: fakeGit,
    gitDir: '/ws/.git',
    workTree: '/ws',
    searchPath: '/usr/bin:/bin',
  })
  wrapper = path.join(binDir, 'git')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function git(args: string[], env: Record<string, string> = {}) {
  rmSync(record(), { force: true })
  const run = spawnSync(wrapper, args, {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', ...env },
  })
  let recorded = ''
  try {
    recorded = readFileSync(record(), 'utf8')
  } catch {
    // The real git never ran.
  }
  return { status: run.status, stderr: run.stderr, recorded }
}

describe("the agent's git", () => {
  it.each([
    ['log', '--output=/home/agent/.gitconfig'],
    ['log', '--outp=x'],
    ['diff', '--output', 'x'],
    ['diff', '--ext-diff'],
    ['show', '--textconv', 'HEAD:a'],
    ['log', '--show-signature'],
    ['format-patch', '-o', 'out'],
    ['grep', '-nOvim', 'x'],
    ['rebase', '-xtouch pwned'],
    ['difftool'],
    ['submodule', 'foreach', 'touch pwned'],
    ['status', '--git-dir=/elsewhere'],
    ['log', '--upload-pack=x'],
  ])('refuses git %s %s, and the real git never runs', (...args) => {
    const run = git(args)
    expect(run.status).toBe(128)
    expect(run.stderr).toContain('async-pr refused')
    expect(run.recorded).toBe('')
  })

  it("lets ordinary reads through, and Claude Code's own calls with their -c options", () => {
    for (const args of [
      ['log', '--oneline', '-n', '5'],
      ['diff', '--stat', '--no-ext-diff', 'HEAD'],
      [
        '-c',
        'core.alternateRefsCommand=f() { git --git-dir="$1" for-each-ref; }; f',
        'status',
        '--short',
      ],
      [
        '-c',
        'core.hooksPath=/dev/null',
        '--no-optional-locks',
        'config',
        '--local',
        '--includes',
        '-z',
        '--list',
      ],
      ['rev-parse', '--is-inside-work-tree', '--show-cdup'],
      ['log', '--', '--output=is-a-path'],
      ['grep', '-o', 'pattern'],
    ]) {
      const run = git(args)
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({
        args,
        status: 0,
        stderr: '',
      })
      expect(run.recorded).toContain(args.map((arg) => ` [${arg}]`).join(''))
    }
  })

  it('runs the real git on the workspace repository with our config only, and none of the caller’s git environment', () => {
    const run = git(['status'], {
      GIT_DIR: '/tmp/nested/.git',
      GIT_EXTERNAL_DIFF: 'touch /tmp/pwned',
      GIT_CONFIG_GLOBAL: '/home/agent/.gitconfig',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.pager',
      GIT_CONFIG_VALUE_0: 'touch /tmp/pwned',
      PAGER: 'touch /tmp/pwned',
    })
    expect(run.status).toBe(0)
    expect(run.recorded).toContain('GIT_DIR=/ws/.git')
    expect(run.recorded).toContain('GIT_WORK_TREE=/ws')
    expect(run.recorded).toContain('GIT_CONFIG_NOSYSTEM=1')
    expect(run.recorded).toMatch(/GIT_CONFIG_GLOBAL=.*tools with 'quotes'\/gitconfig/)
    expect(run.recorded).toContain('PATH=/usr/bin:/bin')
    expect(run.recorded).not.toMatch(/GIT_EXTERNAL_DIFF|GIT_CONFIG_COUNT|PAGER=touch/)
    expect(run.recorded).toContain('[core.fsmonitor=false]')
  })
})
