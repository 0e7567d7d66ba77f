// Runs the bundled action (dist/index.js) the way the Actions runner does: a
// child process on this Node (24), inputs as INPUT_* with action.yml's
// defaults filled in, the event payload in a file, and the runner's files for
// outputs and the job summary.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = path.join(ROOT, 'dist', 'index.js')

interface ActionInput {
  default?: string
}

export function actionInputs(): Record<string, ActionInput> {
  const manifest = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, ActionInput>
  }
  return manifest.inputs
}

export interface RunActionOptions {
  inputs: Record<string, string>
  eventName: string
  payload: unknown
  repository: string
  workspace: string
  apiUrl: string
  serverUrl: string
  /** What `${{ github.token }}` expands to. */
  githubToken: string
  runId?: number
  runAttempt?: number
  runnerTemp?: string
  /** Extra environment (ANTHROPIC_BASE_URL for the scripted model, say). */
  env?: Record<string, string>
  /** Kill the action if it runs longer than this. */
  timeoutMs?: number
  /** Called with the child as soon as it is started (to signal it, say). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  runnerTemp: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter` blocks and `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}

function inputEnv(inputs: Record<string, string>, githubToken: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionInputs())) {
    const given = inputs[name]
    const fallback = (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken)
    env[`INPUT_${name.toUpperCase()}`] = given ?? fallback
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in actionInputs())) throw new Error(`action.yml has no input named ${name}`)
  }
  return env
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const runnerTemp = options.runnerTemp ?? mkdtempSync(path.join(tmpdir(), 'runner-temp-'))
  const files = path.join(runnerTemp, '_runner_file_commands')
  mkdirSync(files, { recursive: true })
  const eventPath = path.join(runnerTemp, 'event.json')
  const outputPath = path.join(files, 'set_output')
  const summaryPath = path.join(files, 'step_summary')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  for (const file of [
    outputPath,
    summaryPath,
    path.join(files, 'add_path'),
    path.join(files, 'set_env'),
    path.join(files, 'save_state'),
  ]) {
    writeFileSync(file, '')
  }
  const runId = String(options.runId ?? 4242)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0] as string,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_WORKFLOW: 'async-pr',
    GITHUB_WORKFLOW_REF: `${options.repository}/.github/workflows/async-pr.yml@refs/heads/main`,
    GITHUB_JOB: 'agent',
    GITHUB_ACTOR: 'someone',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ENV: path.join(files, 'set_env'),
    GITHUB_PATH: path.join(files, 'add_path'),
    GITHUB_STATE: path.join(files, 'save_state'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...inputEnv(options.inputs, options.githubToken),
    ...options.env,
  }
  const started = Date.now()
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  options.onSpawn?.(child)
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  )
  clearTimeout(timer)
  return {
    exitCode,
    signal,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    durationMs: Date.now() - started,
    runnerTemp,
  }
}
