// Nothing lost when the run ends badly: time limit, cancellation, the CLI
// killed or missing, its install failing. The work in progress is always on
// the branch and the comment always says what happened.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync, type ChildProcess } from 'node:child_process'
import { readdir, readFile, readlink } from 'node:fs/promises'
import path from 'node:path'
import { fileAt, git as runGit } from '../harness/git/index.js'
import { stall, todo, writeFile, type ModelScript } from '../harness/model/index.js'
import { createWorld, type World } from '../harness/world.js'
import { closeWorld, statusBody } from '../harness/status.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

/** Writes a file and a checklist, says where it is, then hangs while `meanwhile` runs. */
function workThenHang(meanwhile: () => void = () => undefined): ModelScript {
  return ({ step }) => {
    const workspace = world!.checkout.workspace
    if (step === 0) {
      return todo([
        { content: 'Write part one', status: 'completed' },
        { content: 'Write part two', status: 'in_progress' },
      ])
    }
    if (step === 1)
      return {
        ...writeFile(path.join(workspace, 'part-one.txt'), 'one\n'),
        text: 'Part one is written; starting part two.',
      }
    if (step === 2) {
      meanwhile()
      return stall(60_000)
    }
    return undefined
  }
}

async function lastCommitMessage(w: World): Promise<string> {
  return runGit(['log', '-1', '--format=%B', w.headRef], {
    env: { GIT_DIR: path.join(w.gitRoot, `${w.fullName}.git`) },
  })
}

/** SIGKILL, through sudo when the CLI runs as the agent's own user and we are not root. */
function killHard(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    spawnSync('sudo', ['-n', 'kill', '-KILL', String(pid)], { stdio: 'ignore' })
  }
}

/** The Claude Code process working in `workspace`. */
async function claudeIn(workspace: string): Promise<number | undefined> {
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'latin1').catch(() => '')
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '')
    if (cmdline.includes('stream-json') && cwd === workspace) return Number(pid)
  }
  return undefined
}

describe('when the run ends badly', () => {
  it('stops the agent at timeout_minutes, pushes its work in progress, and shows its last progress', async () => {
    world = await createWorld({ script: workThenHang() })
    const started = Date.now()
    const run = await world.run({ inputs: { timeout_minutes: '0.05' } })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-one.txt')).toBe('one\n')
    expect(await lastCommitMessage(world)).toMatch(/^WIP: Add a greeting/)
    const body = statusBody(world)
    expect(body).toMatch(/^.*\n### ⏱️ async-pr stopped: time limit reached/)
    expect(body).toContain('stopped after 0.1 minutes')
    expect(body).toContain('Part one is written; starting part two.')
    expect(body).toContain('- [x] Write part one')
    expect(body).toContain('- [ ] Write part two')
  })

  it('on cancellation, stops the agent, pushes its work and marks the comment cancelled within the grace period', async () => {
    let action: ChildProcess | undefined
    let signalledAt = 0
    world = await createWorld({
      script: workThenHang(() => {
        signalledAt = Date.now()
        action!.kill('SIGINT')
      }),
    })
    const run = await world.run({ onSpawn: (child) => (action = child), timeoutMs: 40_000 })
    // The runner kills a cancelled step 7.5 s after the first signal.
    expect(Date.now() - signalledAt).toBeLessThan(7_500)
    expect(run.outputs.conclusion).toBe('cancelled')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-one.txt')).toBe('one\n')
    expect(statusBody(world)).toContain('🛑 async-pr was cancelled')
  })

  it('reports the CLI killed mid-run and keeps what it had written', async () => {
    world = await createWorld({
      script: workThenHang(() => {
        void claudeIn(world!.checkout.workspace).then((pid) => pid && killHard(pid))
      }),
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-one.txt')).toBe('one\n')
    const body = statusBody(world)
    expect(body).toContain('Claude Code was killed by SIGKILL without reporting a result')
    expect(body).toContain('Part one is written')
  })

  it('says clearly when the CLI is missing', async () => {
    world = await createWorld({ script: [] })
    const run = await world.run({ inputs: { claude_path: '/nonexistent/claude' } })
    expect(run.outputs.conclusion).toBe('failure')
    expect(statusBody(world)).toContain(
      'claude_path points at /nonexistent/claude, which is not an executable file',
    )
    expect(world.model.requests).toHaveLength(0)
  })

  it('retries a failing install a bounded number of times, then says what to do', async () => {
    world = await createWorld({ script: [] })
    const run = await world.run({
      inputs: { claude_path: '' },
      // No claude on PATH, and a registry that refuses connections at once.
      env: {
        PATH: '/usr/bin:/bin',
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_fetch_retries: '0',
      },
      timeoutMs: 120_000,
    })
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.stdout.match(/Installing Claude Code 2\.1\.329 \(attempt \d of 3\)/g)).toHaveLength(
      3,
    )
    expect(statusBody(world)).toMatch(/installing 2\.1\.329 failed 3 times.*Set claude_path/)
  })
})
