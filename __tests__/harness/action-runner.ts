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

interface ActionManifest {
  inputs: Record<string, ActionInput>
  runs: { using: string; main: string }
}

function manifest(actionPath = ROOT): ActionManifest {
  return parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as ActionManifest
}

export function actionInputs(actionPath = ROOT): Record<string, ActionInput> {
  return manifest(actionPath).inputs
}

/** The `github` context values action.yml defaults may name, as the runner expands them. */
export interface GitHubContext {
  token: string
  api_url: string
  server_url: string
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
  /** The action's directory (`uses: ./` in a checkout); this repository by default. */
  actionPath?: string
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

/**
 * INPUT_* for every input of action.yml, as the runner sets them: the given
 * value, else the default with its `${{ github.* }}` expressions expanded.
 */
export function inputEnv(
  inputs: Record<string, string>,
  github: GitHubContext,
  actionPath = ROOT,
): Record<string, string> {
  const declared = actionInputs(actionPath)
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(declared)) {
    const fallback = (spec.default ?? '').replace(
      /\$\{\{\s*github\.(\w+)\s*\}\}/g,
      (expression, key: string) => {
        if (!(key in github)) throw new Error(`action-runner cannot expand ${expression}`)
        return github[key as keyof GitHubContext]
      },
    )
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? fallback
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`action.yml has no input named ${name}`)
  }
  return env
}

export interface RunnerVariableOptions {
  eventName: string
  eventPath: string
  repository: string
  apiUrl: string
  serverUrl: string
  runId: string
  runAttempt: string
  workspace: string
  runnerTemp: string
  /** The step's file commands: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE. */
  files: { output: string; summary: string; env: string; path: string; state: string }
}

/** The GITHUB_* and RUNNER_* variables the runner gives every step (a workflow cannot change them). */
export function runnerVariables(options: RunnerVariableOptions): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0] as string,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: options.runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: options.runAttempt,
    GITHUB_WORKFLOW: 'async-pr',
    GITHUB_JOB: 'agent',
    GITHUB_ACTOR: 'someone',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: options.files.output,
    GITHUB_STEP_SUMMARY: options.files.summary,
    GITHUB_ENV: options.files.env,
    GITHUB_PATH: options.files.path,
    GITHUB_STATE: options.files.state,
    RUNNER_TEMP: options.runnerTemp,
    RUNNER_TOOL_CACHE: path.join(options.runnerTemp, 'tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  }
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
  const actionPath = options.actionPath ?? ROOT
  const { runs } = manifest(actionPath)
  if (runs.using !== 'node24')
    throw new Error(`action-runner runs node24 actions, not ${runs.using}`)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    LANG: 'C.UTF-8',
    ...runnerVariables({
      ...options,
      eventPath,
      runId,
      runAttempt: String(options.runAttempt ?? 1),
      runnerTemp,
      files: {
        output: outputPath,
        summary: summaryPath,
        env: path.join(files, 'set_env'),
        path: path.join(files, 'add_path'),
        state: path.join(files, 'save_state'),
      },
    }),
    ...inputEnv(
      options.inputs,
      { token: options.githubToken, api_url: options.apiUrl, server_url: options.serverUrl },
      actionPath,
    ),
    ...options.env,
  }
  const started = Date.now()
  const child = spawn(process.execPath, [path.join(actionPath, runs.main)], {
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
