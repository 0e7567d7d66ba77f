// The companion CLI against the GitHub emulator (which checks every request
// against GitHub's OpenAPI description), and once end to end: `dispatch` opens
// a pull request, the bundled action runs on that event with the real Claude
// Code CLI and real git, and `watch` and `result` tell what the agent did.

import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile as writeTextFile } from 'node:fs/promises'
import path from 'node:path'
import { renderFinal, renderWorking } from '../../src/report/comment.js'
import type { Outcome } from '../../src/report/outcome.js'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { CLI_BUNDLE, createCliWorld, type CliWorld } from '../harness/cli-world.js'
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
    expect(noToken.stderr).toMatch(
      /^async-pr: No GitHub token\. Set GITHUB_TOKEN or GH_TOKEN, or log in with the GitHub CLI \(gh auth login\)/,
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
    await runGit(['remote', 'add', 'origin', `git@github.com:${w.fullName}.git`], { cwd: clone })
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
