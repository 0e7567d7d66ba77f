// `npm run demo -- --lost-runner`: nothing lost when the runner dies. The agent
// writes two files while checkpoints are taken every 0.6 s; then the whole
// process tree of the run is SIGKILLed, as a runner's shutdown would end it.
// A re-run of the job on a new machine restores the work from the checkpoint
// and says so. Scripted model only (the kill is timed on its steps).

import { spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { git, tryGit } from '../__tests__/harness/git/index.js'
import { killRunTree, waitFor } from '../__tests__/harness/lost-runner.js'
import { say, stall, todo, writeFile, type Step } from '../__tests__/harness/model/index.js'
import { createWorld, type World } from '../__tests__/harness/world.js'

function hiddenLinesRemoved(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^<!-- async-pr:/.test(line))
    .join('\n')
    .trim()
}

function stateOf(body: string | undefined): string {
  return /"state":"([a-z_]+)"/.exec(body ?? '')?.[1] ?? '(none)'
}

export async function lostRunnerDemo(): Promise<void> {
  const canIsolate =
    process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
  if (!canIsolate) {
    console.error(
      'The lost-runner demo needs root or passwordless sudo: checkpoints are taken only while the agent runs as a separate user.',
    )
    process.exitCode = 1
    return
  }
  let world: World | undefined = undefined
  let action: ChildProcess | undefined
  let killed: Promise<unknown> = Promise.resolve()
  let firstRun = 0
  const file = (name: string) => path.join(world!.checkout.workspace, name)
  world = await createWorld({
    title: 'Write the two parts',
    body: '## Task\n\nWrite `part-one.txt` and `part-two.txt`.\n',
    script: ({ request }): Step | undefined => {
      if (JSON.stringify(request.messages ?? []).includes('stopped without reporting')) {
        return say(
          'The lost run had written both parts; async-pr restored them, and they are complete.',
        )
      }
      const steps = [
        todo([
          { content: 'Write part one', status: 'in_progress' },
          { content: 'Write part two', status: 'pending' },
        ]),
        writeFile(file('part-one.txt'), 'one\n'),
        writeFile(file('part-two.txt'), 'two\n'),
      ]
      const step = steps[firstRun++]
      if (step) return step
      killed = (async () => {
        const w = world!
        const gitDir = path.join(w.gitRoot, `${w.fullName}.git`)
        await waitFor(async () => {
          const shown = await tryGit(
            ['show', `refs/async-pr/${w.prNumber}/checkpoint:part-two.txt`],
            { env: { GIT_DIR: gitDir } },
          )
          return shown.code === 0
        }, 20_000)
        console.log(
          '\n💥 A checkpoint holds both files: SIGKILL to the whole run, like a lost runner.',
        )
        await killRunTree(action!.pid!)
      })()
      return stall(60_000)
    },
  })
  try {
    console.log(`async-pr demo (lost runner): PR #${world.prNumber} on branch ${world.headRef}`)
    console.log('Run 1: checkpoint_minutes 0.01 (a checkpoint every 0.6 s while the agent works).')
    await world.run({
      inputs: { checkpoint_minutes: '0.01' },
      runId: 4242,
      onSpawn: (child) => (action = child),
      timeoutMs: 60_000,
    })
    await killed
    const comments = () =>
      world!.emulator.state
        .comments(world!.owner, world!.repo, world!.prNumber)
        .filter((c) => c.body.includes('<!-- async-pr:status -->'))
    console.log(`The status comment after the kill still says: ${stateOf(comments()[0]?.body)}`)

    console.log('\nRun 2: a re-run of the job on a new machine.')
    await world.freshRunner()
    const rerun = await world.run({ runId: 4242, runAttempt: 2, timeoutMs: 90_000 })

    console.log('\n──────── Status comment on the PR ────────\n')
    console.log(hiddenLinesRemoved(comments()[0]?.body ?? '(none)'))
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    console.log(`\n──────── What is on ${world.headRef} now ────────\n`)
    console.log(
      await git(['log', '--stat', '--format=fuller', `${world.headSha}..${world.headRef}`], {
        env: { GIT_DIR: gitDir },
      }),
    )
    console.log(`\nconclusion = ${rerun.outputs.conclusion}`)
    if (rerun.outputs.conclusion !== 'success' || world.emulator.violations.length > 0) {
      console.error(
        `\nThe re-run did not succeed cleanly.\n${world.emulator.violations.join('\n')}`,
      )
      process.exitCode = 1
    }
  } finally {
    await world.close()
  }
}
