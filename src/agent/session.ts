// One agent session, run safely: a per-run user, a model proxy so the CLI
// holds no real key, a fresh empty Claude config, the prompt on stdin, and
// afterwards every process of the agent's user killed and checked gone before
// anything with a credential (git push) runs.

import { chmod, copyFile, link, mkdir, realpath } from 'node:fs/promises'
import { constants } from 'node:fs'
import path from 'node:path'
import { binaries, trustedPath } from '../util/binaries.js'
import { prepareAgentGit } from './agent-git.js'
import { agentEnv, claudeArgs } from './command.js'
import { modelPinEnv, startModelProxy, type ModelProxy, type ProxyUsage } from './model-proxy.js'
import { runAgent, type AgentRun } from './run.js'
import { createSandbox, type Sandbox } from './sandbox.js'
import type { Transcript } from './transcript.js'
import type { Settings } from '../settings.js'

export const DEFAULT_MODEL_API = 'https://api.anthropic.com'

export class SurvivorsError extends Error {
  override name = 'SurvivorsError'
}

export interface SessionOptions {
  settings: Settings
  runnerEnv: Record<string, string | undefined>
  binary: string
  workspace: string
  /** The workspace repository's git directory (the agent's git uses it and no other). */
  gitDir: string
  /** A private directory for this run (home, config, temp of the agent). */
  scratch: string
  prompt: string
  executionFile: string
  onProgress?: (transcript: Transcript) => void
  signal?: AbortSignal
  log: (line: string) => void
  /** Applied to each line of the execution file. */
  redact?: (line: string) => string
}

export interface Session {
  run: AgentRun
  isolation: 'user' | 'none'
  /**
   * Requests, turns, tokens and cost as the model proxy counted them: unlike the
   * stream's `result`, agent code cannot forge these. Absent when no proxy ran
   * (Bedrock, Vertex).
   */
  usage?: ProxyUsage
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The CLI, from a place the agent can reach while RUNNER_TEMP stays closed to
 * it and that it cannot change: a binary under RUNNER_TEMP is linked into the
 * run's own directory, one inside the workspace (which the agent owns while
 * it works) is copied there.
 */
export async function stageBinary(
  binary: string,
  dir: string,
  roots: { runnerTemp: string; workspace: string },
  log: (line: string) => void,
): Promise<string> {
  const real = await realpath(binary)
  const [inTemp, inWorkspace] = [roots.runnerTemp, roots.workspace].map((root) =>
    isInside(real, root),
  )
  // A link under RUNNER_TEMP to a binary elsewhere: run the binary where it is.
  if (!inTemp && !inWorkspace) return real
  await mkdir(dir, { recursive: true, mode: 0o755 })
  const staged = path.join(dir, path.basename(real))
  const linked = inWorkspace
    ? false
    : await link(real, staged).then(
        () => true,
        () => false,
      )
  if (!linked) {
    await copyFile(real, staged, constants.COPYFILE_FICLONE)
    await chmod(staged, 0o755)
  }
  log(
    `Claude Code (${binary}) is inside ${inWorkspace ? 'the workspace' : 'RUNNER_TEMP'}; the agent runs ${linked ? 'a link to it' : 'a copy of it'} at ${staged}, so RUNNER_TEMP stays closed to the agent and the binary cannot be changed by it.`,
  )
  return staged
}

export async function runSession(options: SessionOptions): Promise<Session> {
  const { settings, scratch } = options
  const home = path.join(scratch, 'home')
  const configDir = path.join(scratch, 'claude-config')
  const tmpDir = path.join(scratch, 'tmp')
  await Promise.all([home, configDir, tmpDir].map((dir) => mkdir(dir, { recursive: true })))
  // Files of the action's the agent may use but not change: its git, the CLI.
  const tools = path.join(scratch, 'agent-tools')
  const agentGit = await prepareAgentGit({
    dir: tools,
    realGit: binaries().path('git'),
    gitDir: options.gitDir,
    workTree: options.workspace,
    searchPath: trustedPath(),
  })
  const binary = await stageBinary(
    options.binary,
    path.join(tools, 'cli'),
    { runnerTemp: settings.runnerTemp, workspace: options.workspace },
    options.log,
  )

  const usesProxy = Boolean(settings.anthropicApiKey || settings.oauthToken)
  let proxy: ModelProxy | undefined
  let sandbox: Sandbox | undefined
  try {
    proxy = usesProxy
      ? await startModelProxy(
          settings.anthropicBaseUrl ?? DEFAULT_MODEL_API,
          {
            apiKey: settings.anthropicApiKey,
            oauthToken: settings.anthropicApiKey ? undefined : settings.oauthToken,
          },
          {
            model: settings.model,
            maxBudgetUsd: settings.maxBudgetUsd,
            maxTurns: settings.maxTurns,
          },
        )
      : undefined
    sandbox = await createSandbox(settings.isolateAgent)
    if (sandbox.note) options.log(sandbox.note)
    await sandbox.prepare(
      options.workspace,
      [home, configDir, tmpDir],
      [binary, path.join(agentGit.binDir, 'git')],
      [settings.runnerTemp],
    )
    const env = agentEnv({
      home,
      configDir,
      tmpDir,
      runnerEnv: options.runnerEnv,
      pathPrefix: agentGit.binDir,
      model: proxy && {
        baseUrl: proxy.url,
        dummyKey: proxy.dummyKey,
        oauth: !settings.anthropicApiKey,
      },
    })
    // The proxy refuses any other model, so every request of the CLI's must carry this one.
    if (proxy) Object.assign(env, modelPinEnv(settings.model))
    const run = await runAgent({
      spawn: sandbox.spawnSpec(binary, claudeArgs(settings), env),
      cwd: options.workspace,
      prompt: options.prompt,
      executionFile: options.executionFile,
      timeoutMs: settings.timeoutMs,
      onProgress: options.onProgress,
      signal: options.signal,
      redact: options.redact,
    })
    const survivors = await sandbox.killAll()
    if (survivors > 0) {
      throw new SurvivorsError(
        `${survivors} process(es) the agent started could not be stopped; nothing was pushed, to keep the token out of their reach.`,
      )
    }
    const usage = proxy?.usage()
    return { run: { ...run, usage }, isolation: sandbox.mode, usage }
  } finally {
    // Each on its own: a failing cleanup must not keep the proxy (and so the job) alive.
    await sandbox
      ?.dispose()
      .catch((error: Error) => options.log(`Cleaning up after the agent: ${error.message}`))
    await proxy?.close()
  }
}
