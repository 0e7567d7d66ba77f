// One agent session, run safely: a per-run user, a model proxy so the CLI
// holds no real key, a fresh empty Claude config, the prompt on stdin, and
// afterwards every process of the agent's user killed and checked gone before
// anything with a credential (git push) runs.

import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
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
  /** A private directory for this run (home, config, temp of the agent). */
  scratch: string
  prompt: string
  executionFile: string
  onProgress?: (transcript: Transcript) => void
  signal?: AbortSignal
  log: (line: string) => void
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

export async function runSession(options: SessionOptions): Promise<Session> {
  const { settings, scratch } = options
  const home = path.join(scratch, 'home')
  const configDir = path.join(scratch, 'claude-config')
  const tmpDir = path.join(scratch, 'tmp')
  await Promise.all([home, configDir, tmpDir].map((dir) => mkdir(dir, { recursive: true })))
  // Read-only git for the agent in a repository owned by another user.
  await writeFile(path.join(home, '.gitconfig'), '[safe]\n\tdirectory = *\n')

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
    const hidden = [settings.runnerTemp].filter((dir) => !isInside(options.binary, dir))
    await sandbox.prepare(options.workspace, [home, configDir, tmpDir], [options.binary], hidden)
    const env = agentEnv({
      home,
      configDir,
      tmpDir,
      runnerEnv: options.runnerEnv,
      model: proxy && {
        baseUrl: proxy.url,
        dummyKey: proxy.dummyKey,
        oauth: !settings.anthropicApiKey,
      },
    })
    // The proxy refuses any other model, so every request of the CLI's must carry this one.
    if (proxy) Object.assign(env, modelPinEnv(settings.model))
    const run = await runAgent({
      spawn: sandbox.spawnSpec(options.binary, claudeArgs(settings), env),
      cwd: options.workspace,
      prompt: options.prompt,
      executionFile: options.executionFile,
      timeoutMs: settings.timeoutMs,
      onProgress: options.onProgress,
      signal: options.signal,
    })
    const survivors = await sandbox.killAll()
    if (survivors > 0) {
      throw new SurvivorsError(
        `${survivors} process(es) the agent started could not be stopped; nothing was pushed, to keep the token out of their reach.`,
      )
    }
    return { run, isolation: sandbox.mode, usage: proxy?.usage() }
  } finally {
    // Each on its own: a failing cleanup must not keep the proxy (and so the job) alive.
    await sandbox
      ?.dispose()
      .catch((error: Error) => options.log(`Cleaning up after the agent: ${error.message}`))
    await proxy?.close()
  }
}
