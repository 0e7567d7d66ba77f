// The floor: the least any action of this kind has to do, as a bare Node script with no
// dependencies. Start Node, post one comment (fetch), commit one file and push it (git over
// HTTP, using the credentials actions/checkout left in the workspace). Runs in the workspace.
// Prints its own milestones as one JSON line, milliseconds since the process started.

import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'

const run = promisify(execFile)
const env = process.env
const since = () => Math.round(performance.now())
const started = since()

const response = await fetch(
  `${env.FLOOR_API}/repos/${env.FLOOR_REPO}/issues/${env.FLOOR_ISSUE}/comments`,
  {
    method: 'POST',
    headers: {
      authorization: `token ${env.FLOOR_TOKEN}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
      'user-agent': 'async-pr-bench-floor',
      'x-github-api-version': '2022-11-28',
    },
    body: JSON.stringify({ body: 'Working on it.' }),
  },
)
if (response.status !== 201) {
  console.error(`floor: comment answered ${response.status}: ${await response.text()}`)
  process.exit(1)
}
const commented = since()

await writeFile('floor.txt', 'The least an action must do.\n')
const git = (...args) =>
  run('git', args, {
    env: {
      ...env,
      GIT_AUTHOR_NAME: 'floor',
      GIT_AUTHOR_EMAIL: 'floor@example.com',
      GIT_COMMITTER_NAME: 'floor',
      GIT_COMMITTER_EMAIL: 'floor@example.com',
    },
  })
await git('add', 'floor.txt')
await git('commit', '--quiet', '--message', 'floor')
const committed = since()
await git('push', '--quiet', 'origin', `HEAD:refs/heads/${env.FLOOR_BRANCH}`)
const pushed = since()

console.log(JSON.stringify({ started, commented, committed, pushed }))
