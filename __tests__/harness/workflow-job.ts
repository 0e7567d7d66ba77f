// Runs one job of a workflow file the way the Actions runner runs it, as far as
// this machine allows, so a test can check the project's own CI job rather than
// a copy of it: `run:` steps through `bash -e` in the workspace with the
// runner's GITHUB_*/RUNNER_* variables and $GITHUB_ENV carried from step to
// step, `uses: ./` through the action runner (action-runner.ts), other `uses:`
// through handlers the test gives (a simulated checkout, say). Like GitHub, it
// does not let a step's `env:` overwrite GITHUB_* or RUNNER_*; unlike GitHub it
// refuses the attempt, so a job that relies on it fails here. Expressions: the
// few forms the project's workflow uses; anything else is an error, not a guess.

import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import {
  parseOutputFile,
  runAction,
  runnerVariables,
  type ActionRun,
  type GitHubContext,
} from './action-runner.js'

interface Step {
  name?: string
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string | number | boolean>
}

interface Job {
  if?: string
  steps: Step[]
}

export interface JobRunner {
  workflowFile: string
  jobId: string
  workspace: string
  runnerTemp: string
  eventName: string
  payload: Record<string, unknown>
  repository: string
  /** What the runner sets GITHUB_API_URL and GITHUB_SERVER_URL to (GitHub itself, for CI). */
  github: GitHubContext
  /** `uses:` steps other than `./`, by action without its version (`actions/checkout`). */
  uses: Record<string, (inputs: Record<string, string>) => Promise<void>>
  /** `run:` steps done another way here, by their exact script (`npm ci`). */
  runs?: Record<string, () => Promise<void>>
  /** Bound for one step. */
  stepTimeoutMs?: number
}

export interface StepResult {
  name: string
  outcome: 'success' | 'failure' | 'skipped'
  log: string
  outputs: Record<string, string>
  /** The action's run, for `uses: ./`. */
  action?: ActionRun
}

export interface JobResult {
  /** False when the job's `if:` is false for this event. */
  ran: boolean
  steps: StepResult[]
  /** Processes that steps left behind and that were still running at the end (then killed). */
  leftovers: number
}

const LOG_LIMIT = 1024 * 1024

type Context = {
  env: Record<string, string>
  steps: Record<string, { outputs: Record<string, string> }>
  github: Record<string, unknown>
}

function lookup(context: Context, dotted: string): unknown {
  let value: unknown = context
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function evaluate(expression: string, context: Context): unknown {
  const text = expression.trim()
  if (text === 'always()') return true
  const json = /^toJSON\(([\w.-]+)\)$/.exec(text)
  if (json) return JSON.stringify(lookup(context, json[1] as string) ?? null, null, 2)
  const equals = /^([\w.-]+)\s*==\s*'([^']*)'$/.exec(text)
  if (equals) return String(lookup(context, equals[1] as string) ?? '') === equals[2]
  if (/^(env|steps|github)(\.[\w-]+)+$/.test(text)) return lookup(context, text) ?? ''
  throw new Error(`workflow-job cannot evaluate \${{ ${text} }}`)
}

function expand(value: string | number | boolean, context: Context): string {
  return String(value).replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => {
    const result = evaluate(expression, context)
    return typeof result === 'string' ? result : JSON.stringify(result)
  })
}

function condition(text: string | undefined, context: Context): boolean {
  if (text === undefined) return true
  const bare = text.replace(/^\s*\$\{\{(.*)\}\}\s*$/, '$1')
  return Boolean(evaluate(bare, context))
}

/** NAME=value lines and NAME<<DELIMITER blocks, as the runner reads $GITHUB_ENV. */
function parseEnvFile(text: string): Record<string, string> {
  return parseOutputFile(text)
}

function refuseRunnerVariables(step: Step, env: Record<string, string>): void {
  const overwritten = Object.keys(env).filter((name) => /^(GITHUB|RUNNER)_/.test(name))
  if (overwritten.length > 0) {
    throw new Error(
      `Step "${step.name ?? step.uses ?? step.run}" sets ${overwritten.join(', ')} in env:, which GitHub does not let a workflow overwrite ("You can't overwrite the value of the default environment variables named GITHUB_* and RUNNER_*").`,
    )
  }
}

function runScript(
  script: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  groups: number[],
): Promise<{ exitCode: number | null; log: string }> {
  return new Promise((resolve) => {
    // The runner's default shell on Linux: the script in a file, `bash -e {0}`.
    const file = path.join(env.RUNNER_TEMP as string, `step-${groups.length}-${Date.now()}.sh`)
    writeFileSync(file, script)
    // Its own process group, so what it leaves running can be ended as the runner ends it.
    const child = spawn('bash', ['-e', file], { cwd, env, detached: true, stdio: 'pipe' })
    if (child.pid !== undefined) groups.push(child.pid)
    child.stdin.end()
    let log = ''
    const collect = (chunk: Buffer) => {
      if (log.length < LOG_LIMIT) log += chunk.toString('utf8')
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ exitCode: code, log })
    })
  })
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

/** Waits (bounded) for what the steps left running to end by itself, then ends the rest. */
async function endLeftovers(groups: number[], graceMs: number): Promise<number> {
  const deadline = Date.now() + graceMs
  let alive = groups.filter((pgid) => signalGroup(pgid, 0))
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    alive = alive.filter((pgid) => signalGroup(pgid, 0))
  }
  for (const pgid of alive) signalGroup(pgid, 'SIGKILL')
  return alive.length
}

export async function runWorkflowJob(runner: JobRunner): Promise<JobResult> {
  const workflow = parse(readFileSync(runner.workflowFile, 'utf8')) as {
    jobs: Record<string, Job>
  }
  const job = workflow.jobs[runner.jobId]
  if (!job) throw new Error(`${runner.workflowFile} has no job ${runner.jobId}`)
  const context: Context = {
    env: {},
    steps: {},
    github: { event_name: runner.eventName, event: runner.payload, ...runner.github },
  }
  if (!condition(job.if, context)) return { ran: false, steps: [], leftovers: 0 }

  const eventPath = path.join(runner.runnerTemp, 'event.json')
  writeFileSync(eventPath, JSON.stringify(runner.payload))
  const timeoutMs = runner.stepTimeoutMs ?? 120_000
  const groups: number[] = []
  const steps: StepResult[] = []
  let failed = false
  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run ?? `step ${index}`
    if ((failed && step.if === undefined) || !condition(step.if, context)) {
      steps.push({ name, outcome: 'skipped', log: '', outputs: {} })
      continue
    }
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, context)]),
    )
    refuseRunnerVariables(step, stepEnv)
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([key, value]) => [key, expand(value, context)]),
    )
    const result: StepResult = { name, outcome: 'success', log: '', outputs: {} }
    if (step.uses === './') {
      const run = await runAction({
        inputs,
        eventName: runner.eventName,
        payload: runner.payload,
        repository: runner.repository,
        workspace: runner.workspace,
        apiUrl: runner.github.api_url,
        serverUrl: runner.github.server_url,
        githubToken: runner.github.token,
        runnerTemp: runner.runnerTemp,
        actionPath: runner.workspace,
        env: { ...context.env, ...stepEnv },
        timeoutMs,
      })
      result.action = run
      result.outputs = run.outputs
      result.log = run.stdout + run.stderr
      if (run.exitCode !== 0) result.outcome = 'failure'
    } else if (step.uses) {
      const handler = runner.uses[step.uses.replace(/@.*$/, '')]
      if (!handler) throw new Error(`workflow-job has no handler for uses: ${step.uses}`)
      await handler(inputs)
    } else if (step.run !== undefined && runner.runs?.[step.run.trim()]) {
      await (runner.runs[step.run.trim()] as () => Promise<void>)()
    } else if (step.run !== undefined) {
      const files = path.join(runner.runnerTemp, `_runner_file_commands_${index}`)
      mkdirSync(files, { recursive: true })
      const fileCommands = {
        output: path.join(files, 'set_output'),
        summary: path.join(files, 'step_summary'),
        env: path.join(files, 'set_env'),
        path: path.join(files, 'add_path'),
        state: path.join(files, 'save_state'),
      }
      for (const file of Object.values(fileCommands)) writeFileSync(file, '')
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? runner.runnerTemp,
        LANG: 'C.UTF-8',
        ...context.env,
        ...stepEnv,
        ...runnerVariables({
          eventName: runner.eventName,
          eventPath,
          repository: runner.repository,
          apiUrl: runner.github.api_url,
          serverUrl: runner.github.server_url,
          runId: '4242',
          runAttempt: '1',
          workspace: runner.workspace,
          runnerTemp: runner.runnerTemp,
          files: fileCommands,
        }),
      }
      const script = expand(step.run, context)
      const ran = await runScript(script, env, runner.workspace, timeoutMs, groups)
      result.log = ran.log
      if (ran.exitCode !== 0) result.outcome = 'failure'
      const exported = parseEnvFile(readFileSync(fileCommands.env, 'utf8'))
      refuseRunnerVariables(step, exported)
      Object.assign(context.env, exported)
      result.outputs = parseOutputFile(readFileSync(fileCommands.output, 'utf8'))
    } else {
      throw new Error(`step ${name} has neither uses: nor run:`)
    }
    if (step.id) context.steps[step.id] = { outputs: result.outputs }
    if (result.outcome === 'failure') failed = true
    steps.push(result)
  }
  const leftovers = await endLeftovers(groups, 30_000)
  return { ran: true, steps, leftovers }
}
