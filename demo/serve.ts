// Keeps a loopback world (GitHub emulator, git remote, scripted model) running
// for a `uses: ./` step, and writes what that step needs to a file of
// NAME=value lines (for $GITHUB_ENV).
//
// Usage: node scripts/run-ts.mjs demo/serve.ts [--from-runner] <env-file> [seconds to live]
//
// --from-runner (CI's `action` job): the world serves the job's own pull
// request, from GITHUB_EVENT_PATH, GITHUB_REPOSITORY and the checkout in
// GITHUB_WORKSPACE, which the action then reads as they are; only the inputs
// `api_url` and `server_url` point it here. The step after the action writes
// the action's outputs (JSON) to WORLD_STOP_FILE; the world checks them against
// what it saw, writes `ok` or the problems to WORLD_VERDICT_FILE, and exits.
//
// Without it: a world of its own (a PR checked out as actions/checkout leaves
// it), for trying the action by hand; its event is in WORLD_EVENT_PATH.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { say, writeFile } from '../__tests__/harness/model/index.js'
import { createRunnerWorld } from '../__tests__/harness/runner-world.js'
import { CLAUDE_BINARY, createWorld, type World } from '../__tests__/harness/world.js'

const args = process.argv.slice(2)
const fromRunner = args[0] === '--from-runner'
const [envFile, lifetime = '600'] = fromRunner ? args.slice(1) : args
if (!envFile) throw new Error('usage: serve.ts [--from-runner] <env-file> [seconds]')

function writeEnvFile(values: Record<string, string>): void {
  writeFileSync(
    envFile as string,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  )
  console.log(`world ready; env in ${envFile}`)
}

async function untilStopped(stopFile: string): Promise<void> {
  const deadline = Date.now() + Number(lifetime) * 1000
  while (Date.now() < deadline && !existsSync(stopFile)) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

if (fromRunner) {
  const world = await createRunnerWorld(process.env)
  const stopFile = path.join(world.root, 'stop')
  const verdictFile = path.join(path.dirname(path.resolve(envFile)), 'world-verdict')
  writeEnvFile({
    WORLD_API_URL: world.emulator.url,
    WORLD_SERVER_URL: world.git.url,
    WORLD_PAT: world.secrets.pat,
    WORLD_ACTIONS_TOKEN: world.secrets.actionsToken,
    WORLD_MODEL_URL: world.model.url,
    WORLD_MODEL_KEY: world.secrets.modelKey,
    WORLD_CLAUDE: CLAUDE_BINARY,
    WORLD_STOP_FILE: stopFile,
    WORLD_VERDICT_FILE: verdictFile,
  })
  const expected = world.expected
  console.log(
    `serving ${world.owner}/${world.repo}#${world.prNumber} (${world.headRef} at ${world.headSha}); this event asks for ${expected.conclusion}${'skipReason' in expected ? ` (${expected.skipReason})` : ''}`,
  )
  await untilStopped(stopFile)
  let problems: string[]
  try {
    const text = existsSync(stopFile) ? readFileSync(stopFile, 'utf8').trim() : ''
    problems = text
      ? await world.verify(JSON.parse(text) as Record<string, string>)
      : ['the action step wrote no outputs to WORLD_STOP_FILE before the world timed out']
  } catch (error) {
    problems = [`could not check the outputs: ${(error as Error).message}`]
  }
  for (const comment of world.emulator.state.comments(world.owner, world.repo, world.prNumber)) {
    console.log(`--- comment ${comment.id} by ${comment.user}\n${comment.body}`)
  }
  console.log(problems.length === 0 ? 'the world agrees' : `problems:\n${problems.join('\n')}`)
  writeFileSync(verdictFile, problems.length === 0 ? 'ok\n' : problems.join('\n') + '\n')
  process.exitCode = problems.length === 0 ? 0 : 1
  await world.close()
} else {
  let world: World | undefined = undefined
  world = await createWorld({
    script: ({ step }) =>
      [
        writeFile(path.join((world as World).checkout.workspace, 'hello.txt'), 'Hello from CI!\n'),
        say('Created hello.txt.'),
      ][step],
  })
  const eventPath = path.join(world.root, 'event.json')
  writeFileSync(eventPath, JSON.stringify(world.event()))
  const stopFile = path.join(world.root, 'stop')
  writeEnvFile({
    WORLD_API_URL: world.emulator.url,
    WORLD_SERVER_URL: world.git.url,
    WORLD_WORKSPACE: world.checkout.workspace,
    WORLD_EVENT_PATH: eventPath,
    WORLD_REPOSITORY: world.fullName,
    WORLD_PAT: world.secrets.pat,
    WORLD_ACTIONS_TOKEN: world.secrets.actionsToken,
    WORLD_MODEL_URL: world.model.url,
    WORLD_MODEL_KEY: world.secrets.modelKey,
    WORLD_CLAUDE: CLAUDE_BINARY,
    WORLD_STOP_FILE: stopFile,
  })
  await untilStopped(stopFile)
  const comments = world.emulator.state.comments(world.owner, world.repo, world.prNumber)
  console.log(comments.map((c) => c.body).join('\n---\n'))
  if (world.emulator.violations.length > 0) {
    console.error(world.emulator.violations.join('\n'))
    process.exitCode = 1
  }
  await world.close()
}
