// A run on a token many other runs share holds its final report back until a minute after its
// first comment (so GitHub's 80 writes a minute do not refuse it); a run alone on its token does
// not; a cancelled run never does. The status comment is real (LiveStatus against the
// emulator), and the crowd is real too: other clients of the same token moving its count.

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import type { Task } from '../../src/event.js'
import { createGitHub, tokenTrafficOf } from '../../src/github/client.js'
import type { Outcome } from '../../src/report/outcome.js'
import { parseState } from '../../src/report/state.js'
import { LiveStatus } from '../../src/run/live-status.js'
import { expectClean } from './emulator-kit.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
let emu: GitHubEmulator
let prNumber: number

beforeEach(async () => {
  emu = await startGitHubEmulator({ checkResponses: true })
  emu.state.addRepo({ owner: OWNER, name: REPO, refs: { 'refs/heads/main': 'a'.repeat(40) } })
  emu.state.addCollaborator(OWNER, REPO, 'alice', 'write')
  emu.state.addToken('tok-shared', 'automation')
  prNumber = emu.state.addPull({
    owner: OWNER,
    repo: REPO,
    user: 'alice',
    head: { ref: 'f' },
  }).number
})

afterEach(() => emu.close())

function taskOf(): Task {
  return {
    owner: OWNER,
    repo: REPO,
    prNumber,
    prUrl: `https://github.com/${OWNER}/${REPO}/pull/${prNumber}`,
    title: 'Add hello',
    body: 'Add hello.txt',
    author: { login: 'alice', type: 'User' },
    actor: { login: 'alice', type: 'User' },
    action: 'opened',
    headRef: 'f',
    headSha: 'c'.repeat(40),
    baseRef: 'main',
  }
}

const links = {
  serverUrl: 'https://github.com',
  runUrl: 'https://github.com/octo/app/actions/runs/1',
}

function outcomeOf(task: Task): Outcome {
  return { conclusion: 'no_changes', task, links, commits: [], files: [] }
}

/** A status comment on a token that `others` other clients spent while the run started. */
async function startedRun(others: number) {
  const github = createGitHub({ token: 'tok-shared', baseUrl: emu.url })
  const crowd = createGitHub({ token: 'tok-shared', baseUrl: emu.url })
  const task = taskOf()
  const warnings: string[] = []
  const status = new LiveStatus(github, task, links, 20_000, (w) => warnings.push(w), [])
  await status.start() // lists the PR's comments, posts the first one
  for (let i = 0; i < others; i++)
    await crowd.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: prNumber })
  await github.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: prNumber })
  return { github, task, status, warnings }
}

function finalState() {
  const comments = emu.state.comments(OWNER, REPO, prNumber)
  expect(comments).toHaveLength(1)
  return parseState(comments[0]?.body ?? '')?.state
}

describe('the final report on a crowded token', () => {
  test('alone on its token, the report goes at once', async () => {
    const { github, task, status, warnings } = await startedRun(0)
    expect(tokenTrafficOf(github).clients()).toBe(1)
    await status.finish(outcomeOf(task))
    expect(finalState()).toBe('no_changes')
    expect(warnings).toEqual([])
    expectClean(emu)
  })

  test('with more runs on the token than its minute has room for, the report waits; a cancel sends it at once', async () => {
    const { github, task, status, warnings } = await startedRun(100)
    expect(tokenTrafficOf(github).clients()).toBeGreaterThan(40)
    const cancel = new AbortController()
    let done = false
    const finished = status.finish(outcomeOf(task), cancel.signal).then(() => (done = true))
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(done).toBe(false)
    expect(finalState()).toBe('working')
    expect(warnings.join('\n')).toMatch(/runs share the token .* the final report goes in \d+ s/)
    cancel.abort()
    await finished
    expect(finalState()).toBe('no_changes')
    expectClean(emu)
  })

  test('a run already cancelled does not wait', async () => {
    const { task, status } = await startedRun(100)
    const cancel = new AbortController()
    cancel.abort()
    await status.finish(outcomeOf(task), cancel.signal)
    expect(finalState()).toBe('no_changes')
    expectClean(emu)
  })
})
