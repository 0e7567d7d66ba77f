// A second, independent runner: GitHub's @github/local-action, which reads
// action.yml, loads the environment from a .env file, replaces the toolkit
// (@actions/core, @actions/github) with its own implementation and calls the
// entrypoint's exported run(). Its outputs are what its core.setOutput saw
// (printed as `::set-output name=…::…`; it writes no GITHUB_OUTPUT file), its job
// summary is written by its own core.summary to GITHUB_STEP_SUMMARY, and its
// exit status is 0 unless the entrypoint throws (its core.setFailed only
// records the failure and logs `::error::`).
//
// It cannot run dist/index.js as it is, for two reasons the first test shows:
// the bundle inlines the toolkit, so local-action's replacements are never
// reached, and it exports no run() (it runs on import, as the Actions runner
// needs), so local-action fails after the bundle has already run. What it can
// run is the same bundle of src/main.ts with the toolkit left to node_modules
// (`node scripts/bundle.mjs --toolkit-external`), which the second test does,
// against the loopback world, next to our own runner (action-runner.ts) on an
// identical world: the two must agree.

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT, parseOutputFile, runnerVariables } from '../harness/action-runner.js'
import { say, writeFile } from '../harness/model/index.js'
import { closeWorld, statusComments } from '../harness/status.js'
import { CLAUDE_BINARY, createWorld, type World } from '../harness/world.js'

const LOCAL_ACTION = path.join(ROOT, 'node_modules', '.bin', 'local-action')
const TIMEOUT_MS = 120_000

interface Exit {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Runs a child without blocking this process, where the world's servers live. */
function runChild(command: string, args: string[], env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: 'pipe' })
    child.stdin.end()
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    }, TIMEOUT_MS)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({
        exitCode,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      })
    })
  })
}

const childEnv = {
  PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
  HOME: process.env.HOME ?? '/tmp',
  LANG: 'C.UTF-8',
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
}

/** A .env file as dotenv reads it: single-quoted values are taken literally. */
function writeDotenv(file: string, values: Record<string, string>): void {
  const lines = Object.entries(values).map(([name, value]) => {
    if (/['\n]/.test(value)) throw new Error(`${name}: a .env value cannot hold ' or a newline`)
    return `${name}='${value}'`
  })
  writeFileSync(file, lines.join('\n') + '\n')
}

interface LocalRun extends Exit {
  /** What local-action's core.setOutput was given. */
  outputs: Record<string, string>
  /** What reached GITHUB_OUTPUT: only the real toolkit writes it. */
  outputFile: Record<string, string>
  summary: string
}

/**
 * The environment a workflow step gives: the runner's variables, and the inputs
 * of its `with:` only (as CI's action job writes them), no defaults filled in.
 */
async function underLocalAction(world: World, entrypoint: string): Promise<LocalRun> {
  const dir = mkdtempSync(path.join(world.root, 'local-action-'))
  const files = {
    output: path.join(dir, 'set_output'),
    summary: path.join(dir, 'step_summary'),
    env: path.join(dir, 'set_env'),
    path: path.join(dir, 'add_path'),
    state: path.join(dir, 'save_state'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const eventPath = path.join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(world.event()))
  const dotenv = path.join(dir, '.env')
  writeDotenv(dotenv, {
    ...runnerVariables({
      eventName: 'pull_request',
      eventPath,
      repository: world.fullName,
      apiUrl: world.emulator.url,
      serverUrl: world.git.url,
      runId: '4242',
      runAttempt: '1',
      workspace: world.checkout.workspace,
      runnerTemp: path.join(world.root, 'runner-temp'),
      files,
    }),
    INPUT_GITHUB_TOKEN: world.secrets.pat,
    INPUT_COMMENT_TOKEN: world.secrets.actionsToken,
    INPUT_ANTHROPIC_API_KEY: world.secrets.modelKey,
    INPUT_CLAUDE_PATH: CLAUDE_BINARY,
    INPUT_API_URL: world.emulator.url,
    INPUT_SERVER_URL: world.git.url,
    ANTHROPIC_BASE_URL: world.model.url,
    CLAUDE_CODE_MAX_RETRIES: '0',
  })
  const ran = await runChild(LOCAL_ACTION, ['run', ROOT, entrypoint, dotenv], childEnv)
  const outputs: Record<string, string> = {}
  for (const match of ran.stdout.matchAll(/^::set-output name=([\w-]+)::(.*)$/gm)) {
    outputs[match[1] as string] = match[2] as string
  }
  return {
    ...ran,
    outputs,
    outputFile: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  }
}

function greetingWorld(): Promise<World> {
  let world: World | undefined = undefined
  const script = ({ step }: { step: number }) =>
    [
      writeFile(path.join((world as World).checkout.workspace, 'hello.txt'), 'Hello, world!\n'),
      say('Created hello.txt with a greeting.'),
    ][step]
  return createWorld({ script }).then((created) => (world = created))
}

let bundleDir: string
const worlds: World[] = []

beforeAll(async () => {
  // Inside the project, so the bundle's bare imports resolve from node_modules/.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true })
  bundleDir = mkdtempSync(path.join(ROOT, '.tmp', 'local-action-'))
  const built = await runChild(
    process.execPath,
    ['scripts/bundle.mjs', '--toolkit-external', bundleDir],
    childEnv,
  )
  expect(built).toMatchObject({ exitCode: 0, stderr: '' })
}, TIMEOUT_MS)

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true })
})

afterEach(async () => {
  for (const world of worlds.splice(0)) await closeWorld(world)
})

describe('the action under @github/local-action', () => {
  it(
    'cannot run dist/index.js as it is: the bundle runs on import with its own toolkit, and exports no run()',
    async () => {
      const world = await createWorld({ script: () => say('unused'), draft: true })
      worlds.push(world)
      const run = await underLocalAction(world, 'dist/index.js')
      expect(run.exitCode).not.toBe(0)
      expect(run.stderr).toContain(
        `Entrypoint ${path.join(ROOT, 'dist', 'index.js')} does not export a run() function`,
      )
      // The bundle ran at import, writing GITHUB_OUTPUT with the toolkit it carries inside…
      expect(run.outputFile).toMatchObject({ conclusion: 'skipped', skip_reason: 'draft' })
      // …so local-action's own core never saw an output.
      expect(run.outputs).toEqual({})
    },
    TIMEOUT_MS,
  )

  it(
    'runs the bundle with its toolkit, agreeing with our runner on outputs, summary and exit status',
    async () => {
      const local = await greetingWorld()
      worlds.push(local)
      const run = await underLocalAction(
        local,
        path.relative(ROOT, path.join(bundleDir, 'main.js')),
      )
      expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' })
      expect(run.stdout).not.toMatch(/^::error::/m)
      // Outputs went through local-action's core.setOutput (it masks none: no secret in them)…
      expect(run.stdout).not.toContain('since it may contain secret')
      expect(run.outputFile).toEqual({})
      expect(run.outputs.conclusion).toBe('success')
      // …and the inputs the workflow did not give took action.yml's defaults (Write allowed).
      expect(run.summary).not.toContain('Not allowed')
      const [comment] = statusComments(local)
      expect(comment?.user).toBe('github-actions[bot]')
      expect(run.outputs.comment_id).toBe(String(comment?.id))
      expect(run.outputs.commit_sha).toMatch(/^[0-9a-f]{40}$/)

      // The same world again, under our runner, which fills in action.yml's defaults itself.
      const ours = await greetingWorld()
      worlds.push(ours)
      const reference = await ours.run({ inputs: { comment_token: ours.secrets.actionsToken } })
      expect(reference.exitCode).toBe(0)
      const set = (outputs: Record<string, string>) =>
        Object.keys(outputs).filter((name) => outputs[name] !== '')
      expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(reference.outputs).sort())
      expect(set(run.outputs).sort()).toEqual(set(reference.outputs).sort())
      expect(run.outputs.conclusion).toBe(reference.outputs.conclusion)
      expect(run.outputs.num_turns).toBe(reference.outputs.num_turns)
      // The job summaries tell the same story; only ids, links and timings differ.
      const normalized = (summary: string) =>
        summary
          .replaceAll('\\u002d', '-')
          .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'URL')
          .replace(/\b[0-9a-f]{40}\b/g, 'SHA')
          .replace(/\b[0-9a-f]{7}\b/g, 'SHORT')
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'SESSION')
          .replace(/\d+(\.\d+)?(ms|s|k)?\b/g, 'N')
      expect(normalized(run.summary)).toBe(normalized(reference.summary))
      expect(run.summary).toContain('Created hello.txt with a greeting.')
    },
    TIMEOUT_MS,
  )
})
