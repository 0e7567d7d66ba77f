// `npm run demo`: the whole action, once, on this machine, with no account and
// no network. A GitHub REST emulator, a local git remote that demands the PAT,
// the real Claude Code CLI, and a scripted model (or the real model when
// ANTHROPIC_API_KEY is set). Prints the status comment and the commit.

import path from 'node:path'
import { git } from '../__tests__/harness/git/index.js'
import {
  bash,
  byRole,
  say,
  todo,
  useTool,
  writeFile,
  type ModelScript,
} from '../__tests__/harness/model/index.js'
import { createWorld, type World } from '../__tests__/harness/world.js'
import { lostRunnerDemo } from './lost-runner.js'

const realModelKey = process.env.ANTHROPIC_API_KEY
/** `npm run demo -- --review-ready`: verify fails once and is fixed, then a reviewer looks. */
const reviewReady = process.argv.includes('--review-ready')
const REVIEW_READY_INPUTS = { verify: 'grep -q friendly hello.txt', review_cycles: '2' }

/** The review-ready scenario: the worker's first pass, its fix, and the reviewer's answer. */
function reviewReadyAgent(world: () => World): ModelScript {
  const file = () => path.join(world().checkout.workspace, 'hello.txt')
  return byRole(() => ({
    firstPass: [
      writeFile(file(), 'Hello from async-pr!\n'),
      say('Created `hello.txt` with a greeting.\n\n- [x] `hello.txt` exists and greets the reader'),
    ],
    fixes: [
      [
        writeFile(file(), 'Hello from async-pr, friendly as ever!\n'),
        say('The check wanted a friendly greeting: `hello.txt` now says so.'),
      ],
    ],
    reviews: [
      [
        useTool('StructuredOutput', {
          verdict: 'approved',
          findings: [
            {
              path: 'hello.txt',
              line: 1,
              severity: 'minor',
              what: 'The greeting could name the project',
              why: 'Readers landing on the file would know where they are.',
            },
          ],
        }),
      ],
    ],
  }))
}

function scriptedAgent(world: () => World): ModelScript {
  return ({ step }) => {
    const workspace = world().checkout.workspace
    const steps = [
      todo([
        { content: 'Write hello.txt with a greeting', status: 'in_progress' },
        { content: 'Check the file is there', status: 'pending' },
      ]),
      writeFile(path.join(workspace, 'hello.txt'), 'Hello from async-pr!\n'),
      bash('ls -l hello.txt'),
      todo([
        { content: 'Write hello.txt with a greeting', status: 'completed' },
        { content: 'Check the file is there', status: 'completed' },
      ]),
      say(
        'Created `hello.txt` with a friendly greeting and checked that it is there.\n\n' +
          '- [x] `hello.txt` exists and greets the reader',
      ),
    ]
    return steps[step]
  }
}

function hiddenLinesRemoved(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^<!-- async-pr:/.test(line))
    .join('\n')
    .trim()
}

function timing(stdout: string, phase: RegExp): number | undefined {
  const match = stdout.match(phase)
  return match ? Number(match[1]) : undefined
}

async function main(): Promise<void> {
  let world: World | undefined = undefined
  world = await createWorld({
    script: reviewReady
      ? reviewReadyAgent(() => world as World)
      : scriptedAgent(() => world as World),
    title: 'Add a greeting',
    body: [
      '## Task',
      '',
      'Create `hello.txt` at the root of the repository with a friendly greeting.',
      '',
      '## Acceptance criteria',
      '',
      '- [ ] `hello.txt` exists and greets the reader',
    ].join('\n'),
  })
  try {
    console.log(
      `async-pr demo: PR #${world.prNumber} "${world.fullName}" on branch ${world.headRef}`,
    )
    console.log(
      realModelKey
        ? 'Model: the real Anthropic API (ANTHROPIC_API_KEY is set).'
        : 'Model: a scripted model server on 127.0.0.1 (set ANTHROPIC_API_KEY to use the real one).',
    )
    if (reviewReady) {
      console.log(
        `Review-ready: verify \`${REVIEW_READY_INPUTS.verify}\`, review_cycles ${REVIEW_READY_INPUTS.review_cycles}.`,
      )
    }
    const extra = reviewReady ? REVIEW_READY_INPUTS : {}
    const run = await world.run(
      realModelKey
        ? {
            inputs: { anthropic_api_key: realModelKey, ...extra },
            env: { ANTHROPIC_BASE_URL: '' },
          }
        : { inputs: extra },
    )
    const comments = world.emulator.state.comments(world.owner, world.repo, world.prNumber)
    const status = comments.find((comment) => comment.body.includes('<!-- async-pr:status -->'))

    console.log('\n──────── Status comment on the PR ────────\n')
    console.log(status ? hiddenLinesRemoved(status.body) : '(no status comment was posted)')

    for (const review of world.emulator.state.reviewsOn(world.owner, world.repo, world.prNumber)) {
      console.log('\n──────── The pull request review async-pr posted ────────\n')
      console.log(review.body)
      for (const comment of world.emulator.state.reviewCommentsOn(
        world.owner,
        world.repo,
        world.prNumber,
      )) {
        console.log(`\n(inline comment)\n${comment.body}`)
      }
    }

    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    console.log(`\n──────── What was pushed to ${world.headRef} ────────\n`)
    if (run.outputs.commit_sha) {
      console.log(
        await git(
          [
            'log',
            '--stat',
            '--patch',
            '--format=fuller',
            `${world.headSha}..${run.outputs.commit_sha}`,
          ],
          { env: { GIT_DIR: gitDir } },
        ),
      )
    } else {
      console.log('(nothing was pushed)')
    }

    const agentMs = timing(run.stdout, /agent finished \((\d+) ms\)/)
    console.log('\n──────── Outputs and timing ────────\n')
    for (const [name, value] of Object.entries(run.outputs))
      if (value) console.log(`${name} = ${value}`)
    console.log('\nPhases, as the action logged them:')
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('async-pr timing:'))
        console.log(`  ${line.slice('async-pr timing: '.length)}`)
    }
    console.log(`\nwall time of the action: ${run.durationMs} ms`)
    if (agentMs !== undefined) {
      console.log(`  agent (Claude Code):   ${agentMs} ms`)
      console.log(`  async-pr's overhead:   ${run.durationMs - agentMs} ms`)
    }
    if (run.exitCode !== 0) {
      console.error(`\nThe action exited with ${run.exitCode}.\n${run.stderr}\n${run.stdout}`)
      process.exitCode = 1
    } else if (world.emulator.violations.length > 0) {
      console.error(
        `\nThe emulator saw requests GitHub would reject:\n${world.emulator.violations.join('\n')}`,
      )
      process.exitCode = 1
    }
  } finally {
    await world.close()
  }
}

// `npm run demo -- --lost-runner`: the runner dies mid-run; the re-run loses nothing.
if (process.argv.includes('--lost-runner')) await lostRunnerDemo()
else await main()
