// Keeps a loopback world (GitHub emulator, git remote, scripted model, a PR
// checked out as actions/checkout leaves it) running for CI's `uses: ./` job,
// and writes what the action step needs to a file of NAME=value lines.
// Usage: node scripts/run-ts.mjs demo/serve.ts <env-file> [seconds to live]

import { writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { say, writeFile } from '../__tests__/harness/model/index.js'
import { CLAUDE_BINARY, createWorld, type World } from '../__tests__/harness/world.js'

const [envFile, lifetime = '600'] = process.argv.slice(2)
if (!envFile) throw new Error('usage: serve.ts <env-file> [seconds]')

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
const values = {
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
  WORLD_STOP_FILE: path.join(world.root, 'stop'),
}
writeFileSync(
  envFile,
  Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n') + '\n',
)
console.log(`world ready; env in ${envFile}`)

const deadline = Date.now() + Number(lifetime) * 1000
while (Date.now() < deadline && !existsSync(values.WORLD_STOP_FILE)) {
  await new Promise((resolve) => setTimeout(resolve, 250))
}
const comments = world.emulator.state.comments(world.owner, world.repo, world.prNumber)
console.log(comments.map((c) => c.body).join('\n---\n'))
if (world.emulator.violations.length > 0) {
  console.error(world.emulator.violations.join('\n'))
  process.exitCode = 1
}
await world.close()
