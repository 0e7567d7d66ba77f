// Regenerates __tests__/fixtures/transcripts/*.jsonl: the real Claude Code CLI driven by the scripted
// model server, stdout kept exactly as printed except for scrubbing run-specific noise (port,
// PID). Paths are stable because every run works in the same fixed directory.
//
//   node scripts/run-ts.mjs __tests__/harness/model/record-transcripts.ts [name ...]
//
// Each fixture is checked for the shape it exists to show before it is written.

import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { git } from '../git/exec.js'
import { runClaudeForTest, type RunClaudeResult } from './run-claude.js'
import {
  bash,
  editFile,
  httpError,
  say,
  taskUpdate,
  todo,
  useTools,
  writeFile as writeFileTool,
  type ModelScript,
  type TodoItem,
} from './script.js'
import { startModelServer } from './server.js'

const BASE = '/tmp/async-pr-fixture'
const WORK = path.join(BASE, 'work')
const HOME = path.join(BASE, 'home')
const OUT = path.resolve('__tests__/fixtures/transcripts')
const PROMPT =
  'You are working on pull request #7 in octo-org/demo.\n\n' +
  'Task:\nAdd a greeting module that exports a greet(name) function.\n'

interface Fixture {
  file: string
  script: ModelScript
  allowedTools: string[]
  maxTurns?: number
  env?: Record<string, string>
  check: (run: RunClaudeResult) => string | undefined
}

const greeting = path.join(WORK, 'greeting.js')
const firstVersion = 'export function greet(name) {\n  return "Hello " + name\n}\n'
const plan: TodoItem[] = [
  { content: 'Create greeting.js', activeForm: 'Creating greeting.js' },
  { content: 'Polish the greeting', activeForm: 'Polishing the greeting' },
  { content: 'Check the files', activeForm: 'Checking the files' },
]
const withStatus = (done: number): TodoItem[] =>
  plan.map((item, i) => ({
    ...item,
    status: i < done ? 'completed' : i === done ? 'in_progress' : 'pending',
  }))
const summary =
  'Added `greeting.js` with `greet(name)`, which returns "Hello, <name>!". ' +
  'Checked the result with `ls`.'

function resultOf(run: RunClaudeResult): Record<string, unknown> {
  return run.result ?? {}
}

const fixtures: Record<string, Fixture> = {
  'success-edit-bash-todo': {
    file: 'success-edit-bash-todo.jsonl',
    // TodoWrite exists in 2.1.329 only with tasks v2 turned off.
    env: { CLAUDE_CODE_ENABLE_TASKS: '0' },
    allowedTools: ['Read', 'Write', 'Edit', 'Bash(ls)'],
    script: [
      { text: 'I will plan the work first.', toolUses: todo(withStatus(0)).toolUses },
      writeFileTool(greeting, firstVersion),
      todo(withStatus(1)),
      editFile(greeting, 'return "Hello " + name', 'return `Hello, ${name}!`'),
      todo(withStatus(2)),
      bash('ls', 'List files in the working directory'),
      todo(withStatus(3)),
      say(summary),
    ],
    check: (run) => {
      const r = resultOf(run)
      return r.is_error === false && r.num_turns === 8 && r.result === summary
        ? undefined
        : 'not a clean success'
    },
  },
  'success-edit-bash-tasks': {
    file: 'success-edit-bash-tasks.jsonl',
    // The default checklist tools of 2.1.329 (tasks v2): TaskCreate / TaskUpdate.
    allowedTools: ['Read', 'Write', 'Edit', 'Bash(ls)'],
    script: [
      useTools(
        plan.map((item) => ({
          name: 'TaskCreate',
          input: { subject: item.content, description: item.content, activeForm: item.activeForm },
        })),
        'I will plan the work first.',
      ),
      taskUpdate('1', 'in_progress'),
      writeFileTool(greeting, firstVersion),
      useTools([
        { name: 'TaskUpdate', input: { taskId: '1', status: 'completed' } },
        { name: 'TaskUpdate', input: { taskId: '2', status: 'in_progress' } },
      ]),
      editFile(greeting, 'return "Hello " + name', 'return `Hello, ${name}!`'),
      useTools([
        { name: 'TaskUpdate', input: { taskId: '2', status: 'completed' } },
        { name: 'TaskUpdate', input: { taskId: '3', status: 'in_progress' } },
      ]),
      bash('ls', 'List files in the working directory'),
      taskUpdate('3', 'completed'),
      say(summary),
    ],
    check: (run) => (resultOf(run).is_error === false ? undefined : 'not a clean success'),
  },
  'permission-denied': {
    file: 'permission-denied.jsonl',
    allowedTools: ['Read', 'Write'],
    script: [
      writeFileTool(greeting, firstVersion),
      bash('touch build.stamp', 'Create a build stamp file'),
      bash('git push origin HEAD', 'Push the branch'),
      say(
        'Wrote greeting.js. I could not create build.stamp or push: both commands need approval.',
      ),
    ],
    check: (run) => {
      const denials = resultOf(run).permission_denials
      return Array.isArray(denials) && denials.length === 2 && resultOf(run).is_error === false
        ? undefined
        : 'expected two permission denials'
    },
  },
  'max-turns': {
    file: 'max-turns.jsonl',
    allowedTools: ['Read', 'Bash(ls)'],
    maxTurns: 2,
    script: () => bash('ls', 'List files in the working directory'),
    check: (run) =>
      resultOf(run).subtype === 'error_max_turns' ? undefined : 'expected error_max_turns',
  },
  'api-error': {
    file: 'api-error.jsonl',
    allowedTools: ['Read', 'Write'],
    // Two retries, so the transcript shows the CLI's api_retry lines before it gives up.
    env: { CLAUDE_CODE_MAX_RETRIES: '2' },
    script: (ctx) => (ctx.step === 0 ? writeFileTool(greeting, firstVersion) : httpError(500)),
    check: (run) => {
      const r = resultOf(run)
      return r.is_error === true && r.terminal_reason === 'api_error'
        ? undefined
        : 'expected an API error'
    },
  },
}

/** Replaces what differs from run to run without meaning anything: the port and the PID. */
function scrub(stdout: string, modelUrl: string): string {
  const port = new URL(modelUrl).port
  return stdout
    .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:8787')
    .replace(/\/tmp\/cc-socks\/\d+\.sock/g, '/tmp/cc-socks/0.sock')
}

async function freshWorkspace(): Promise<void> {
  await rm(BASE, { recursive: true, force: true })
  await mkdir(WORK, { recursive: true })
  await mkdir(HOME, { recursive: true })
  await git(['init', '--quiet', '--initial-branch=main', WORK])
  await writeFile(path.join(WORK, 'README.md'), '# demo\n')
  await git(['add', 'README.md'], { cwd: WORK })
  await git(['commit', '--quiet', '-m', 'Initial commit'], {
    cwd: WORK,
    env: {
      GIT_AUTHOR_NAME: 'Harness User',
      GIT_AUTHOR_EMAIL: 'harness-user@example.com',
      GIT_COMMITTER_NAME: 'Harness User',
      GIT_COMMITTER_EMAIL: 'harness-user@example.com',
    },
  })
}

async function record(name: string, fixture: Fixture): Promise<void> {
  await freshWorkspace()
  const server = await startModelServer(fixture.script)
  try {
    const run = await runClaudeForTest({
      cwd: WORK,
      home: HOME,
      modelUrl: server.url,
      prompt: PROMPT,
      allowedTools: fixture.allowedTools,
      maxTurns: fixture.maxTurns ?? 20,
      env: fixture.env,
    })
    const problem = run.timedOut ? 'timed out' : fixture.check(run)
    if (problem) {
      throw new Error(`${name}: ${problem}\n${run.stderr}\n${JSON.stringify(run.result, null, 2)}`)
    }
    await writeFile(path.join(OUT, fixture.file), scrub(run.stdout, server.url))
    console.log(
      `${fixture.file}: ${run.lines.length} lines, exit ${run.exitCode}, ${run.durationMs} ms`,
    )
  } finally {
    await server.close()
  }
}

const wanted = process.argv.slice(2)
await mkdir(OUT, { recursive: true })
for (const [name, fixture] of Object.entries(fixtures)) {
  if (wanted.length === 0 || wanted.includes(name)) await record(name, fixture)
}
await rm(BASE, { recursive: true, force: true })
