// Prints the session transcript of README "Hand off many tasks": a real run on loopback of
// `dispatch --issue` (one closed issue refused), the bundled action with the real Claude Code
// on each PR at once (one task fails), and `watch` of the three on a terminal: a frame of its
// live table while they work, its last frame, and the summary. Loopback URLs are shown as
// github.com. Run: node scripts/run-ts.mjs bench/transcript-fanout.ts

import path from 'node:path'
import { createCliWorld } from '../__tests__/harness/cli-world.js'
import {
  httpError,
  say,
  stall,
  todo,
  writeFile,
  type MessagesRequest,
  type Step,
} from '../__tests__/harness/model/index.js'

function text(request: MessagesRequest): string {
  return JSON.stringify([request.system, request.messages])
}

const world = await createCliWorld({
  script: ({ request }) => {
    const step = (request.messages ?? []).filter((m) => m.role === 'assistant').length
    const dir = /Primary working directory: (\S+?)(?:\\n|\s|")/.exec(text(request))?.[1] ?? '/'
    const checklist = (done: number) =>
      todo(
        ['Find the dead code', 'Remove it', 'Run the tests'].map((content, i) => ({
          content,
          status: i < done ? 'completed' : i === done ? 'in_progress' : 'pending',
        })),
      )
    const steps: Step[] = [
      checklist(0),
      stall(6000, checklist(1)),
      text(request).includes('src/legacy')
        ? httpError(500)
        : stall(4000, writeFile(path.join(dir, 'NOTES.md'), 'Tidied.\n')),
      checklist(3),
      say('Removed the dead code; the tests pass.'),
    ]
    return steps[step]
  },
})
const show = (output: string) =>
  output
    .replaceAll(world.git.url, 'https://github.com')
    .replaceAll(world.emulator.url, 'https://api.github.com')
try {
  const s = world.emulator.state
  const add = (title: string, body: string, state?: 'closed') =>
    s.addIssue({ owner: world.owner, repo: world.repo, user: 'bob', title, body, state }).number
  const issues = [
    add('Remove the unused helpers in src/util', 'They have not been called since v2.'),
    add('Drop the old config loader', 'Delete src/config/v1.ts and its tests.'),
    add('Clean up src/legacy', 'Everything in src/legacy is dead.'),
    add('Port to Node 18', 'Not needed any more.', 'closed'),
  ]
  const lines: string[] = []
  const dispatchArgs = ['dispatch', '--issue', issues.join(','), '--repo', world.fullName]
  const dispatched = await world.spawnCli(dispatchArgs, { timeoutMs: 60_000 }).done
  // As a terminal shows them: the refusals, then a line per PR, then what to do next.
  const said = dispatched.stderr.trim().split('\n')
  const refused = said.filter((line) => line.includes(' refused: '))
  lines.push(
    `$ async-pr ${dispatchArgs.join(' ')}`,
    ...refused,
    dispatched.stdout.trim(),
    ...said.filter((line) => !refused.includes(line)),
  )
  const numbers = [...dispatched.stdout.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]))

  const watchArgs = ['watch', ...numbers.map(String), '--interval', '1s', '--repo', world.fullName]
  const watching = world.cli(watchArgs, { tty: true })
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await Promise.all(numbers.map((n) => world.runActionOn(n)))
  const watched = await watching
  // eslint-disable-next-line no-control-regex -- the table's own redraw
  const frames = watched.stderr.split(/\u001b\[\d+A\r\u001b\[0J/)
  const busy =
    frames.filter((f) => / working /.test(f) && / done /.test(f)).at(-1) ??
    frames.filter((f) => / working /.test(f)).at(-1)
  const last = frames.at(-1) ?? ''
  lines.push(`$ async-pr ${watchArgs.join(' ')}`)
  if (busy)
    lines.push(
      '# …the table while they work (redrawn in place):',
      busy.trim(),
      '# …and at the end:',
    )
  lines.push(last.trim(), watched.stdout.trim(), `$ echo $?`, String(watched.exitCode))
  console.log(show(lines.join('\n')))
} finally {
  await world.close()
}
