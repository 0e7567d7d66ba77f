// Where the agent lives for one run: a per-run user (the sandbox), a model
// proxy so nothing it runs holds a real key, a fresh empty Claude config, its
// own git, the CLI staged out of RUNNER_TEMP. Opened once, it runs every
// session of the run (the worker, its fixes, the reviewer) and the verify
// commands, all as that user with the same environment, and after each one
// kills every process that user has and checks them gone, before anything
// with a credential may run. Closed once, at the end.

import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Settings } from '../settings.js'
import { binaries, trustedPath } from '../util/binaries.js'
import { runProcessBytes, startProcess } from '../util/process.js'
import { prepareAgentGit } from './agent-git.js'
import { readAgentFile } from './session-store.js'
import type { LiveInput } from './live-input.js'
import { stageBinary } from './binary.js'
import { agentEnv } from './command.js'
import { modelPinEnv, startModelProxy, type ModelProxy } from './model-proxy.js'
import { usageBetween, type ProxyUsage } from './proxy-ledger.js'
import { runAgent, type AgentRun } from './run.js'
import { AGENT_NICENESS, createSandbox, type Sandbox } from './sandbox.js'
import type { SandboxAhead } from './sandbox-ahead.js'
import type { Transcript } from './transcript.js'

export const DEFAULT_MODEL_API = 'https://api.anthropic.com'

export class SurvivorsError extends Error {
  override name = 'SurvivorsError'
}

export interface HostOptions {
  settings: Settings
  runnerEnv: Record<string, string | undefined>
  binary: string
  workspace: string
  /** The workspace repository's git directory (the agent's git uses it and no other). */
  gitDir: string
  /** A private directory for this run (home, config, temp of the agent). */
  scratch: string
  log: (line: string) => void
  /** The sandbox being made ahead of time; otherwise it is made here. */
  sandbox?: SandboxAhead
  /** Made ahead of time (AgentHost.groundwork); otherwise made here. */
  groundwork?: Promise<HostGroundwork>
}

export type GroundworkOptions = Pick<
  HostOptions,
  'settings' | 'binary' | 'workspace' | 'gitDir' | 'scratch' | 'log'
>

/** What AgentHost.groundwork made: the agent's directories, its git's directory, the staged CLI. */
export interface HostGroundwork {
  home: string
  configDir: string
  tmpDir: string
  agentGitBin: string
  binary: string
}

export interface SessionRequest {
  args: string[]
  prompt: string
  executionFile: string
  timeoutMs: number
  /** Continues this transcript (a fix resumes the worker's conversation); a new one otherwise. */
  transcript?: Transcript
  onProgress?: (transcript: Transcript) => void
  signal?: AbortSignal
  redact?: (line: string) => string
  /** Messages for the agent while it works (see live-input.ts). */
  live?: LiveInput
}

export interface CommandResult {
  command: string
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** The last lines it printed (stdout and stderr, in the order they came). */
  tail: string[]
  /** How many lines it printed in all. */
  lineCount: number
  durationMs: number
  timedOut: boolean
  cancelled: boolean
}

const TAIL_LINES = 200
/** A line longer than this is cut, so a command printing one endless line cannot fill memory. */
const LINE_LIMIT = 4000

export class AgentHost {
  private constructor(
    private readonly options: HostOptions,
    private readonly sandbox: Sandbox,
    private readonly proxy: ModelProxy | undefined,
    private readonly binary: string,
    private readonly env: Record<string, string>,
    /** The CLI's config directory (CLAUDE_CONFIG_DIR): sessions' transcripts live here. */
    readonly configDir: string,
  ) {}

  /** Where the CLI's config directory of a run lives, before the host is open (to restore a session). */
  static configDirOf(scratch: string): string {
    return path.join(scratch, 'claude-config')
  }

  private closed = false

  get isolation(): 'user' | 'none' {
    return this.sandbox.mode
  }

  /**
   * A file of the agent's own (its session transcript), read as the agent's
   * user: the action's user may not read the agent's directories (on a hosted
   * runner it is not root), and as the agent nothing can be reached that the
   * agent could not read itself. Undefined when it cannot be read or is
   * longer than `maxBytes`.
   */
  async readAsAgent(file: string, maxBytes: number): Promise<Buffer | undefined> {
    // Once closed, the agent's user is gone and its files are the action's again.
    if (this.closed || this.isolation !== 'user') return readAgentFile(file, maxBytes)
    const spec = this.sandbox.spawnSpec(
      binaries().path('head'),
      ['-c', String(maxBytes + 1), '--', file],
      { PATH: trustedPath(), LANG: 'C' },
    )
    const result = await runProcessBytes(spec.command, spec.args, {
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      timeoutMs: 30_000,
      maxOutputBytes: maxBytes + 2,
    }).catch(() => undefined)
    if (!result || result.exitCode !== 0 || result.stdout.length > maxBytes) return undefined
    return result.stdout
  }

  /**
   * The part of the host that does not wait for the checkout (its directories, its git, the
   * CLI staged), made while the workspace is prepared; open() makes it when not given it.
   */
  static async groundwork(options: GroundworkOptions): Promise<HostGroundwork> {
    const { settings, scratch } = options
    const home = path.join(scratch, 'home')
    const configDir = AgentHost.configDirOf(scratch)
    const tmpDir = path.join(scratch, 'tmp')
    for (const dir of [home, configDir, tmpDir]) mkdirSync(dir, { recursive: true })
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
    return { home, configDir, tmpDir, agentGitBin: agentGit.binDir, binary }
  }

  static async open(options: HostOptions): Promise<AgentHost> {
    const { settings } = options
    const { home, configDir, tmpDir, agentGitBin, binary } = await (options.groundwork ??
      AgentHost.groundwork(options))
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
      sandbox = await (options.sandbox?.take() ?? createSandbox(settings.isolateAgent))
      if (sandbox.note) options.log(sandbox.note)
      await sandbox.prepare(
        options.workspace,
        [home, configDir, tmpDir],
        [binary, path.join(agentGitBin, 'git')],
        [settings.runnerTemp],
      )
      const env = agentEnv({
        home,
        configDir,
        tmpDir,
        runnerEnv: options.runnerEnv,
        pathPrefix: agentGitBin,
        model: proxy && {
          baseUrl: proxy.url,
          dummyKey: proxy.dummyKey,
          oauth: !settings.anthropicApiKey,
        },
      })
      // The proxy refuses any other model, so every request of the CLI's must carry this one.
      if (proxy) Object.assign(env, modelPinEnv(settings.model))
      return new AgentHost(options, sandbox, proxy, binary, env, configDir)
    } catch (error) {
      await sandbox?.dispose().catch(() => undefined)
      await sandbox?.removed().catch(() => undefined)
      await proxy?.close()
      throw error
    }
  }

  /** What the proxy counted for the whole run so far (undefined without a proxy). */
  usage(): ProxyUsage | undefined {
    return this.proxy?.usage()
  }

  /** One invocation of the CLI; every process it left is gone when this returns. */
  async runClaude(request: SessionRequest): Promise<AgentRun> {
    const before = this.proxy?.usage()
    const run = await runAgent({
      spawn: this.sandbox.spawnSpec(this.binary, request.args, this.env, AGENT_NICENESS),
      cwd: this.options.workspace,
      prompt: request.prompt,
      executionFile: request.executionFile,
      timeoutMs: request.timeoutMs,
      transcript: request.transcript,
      onProgress: request.onProgress,
      signal: request.signal,
      redact: request.redact,
      live: request.live,
    })
    await this.killAll()
    const after = this.proxy?.usage()
    return { ...run, usage: after && before ? usageBetween(before, after) : after }
  }

  /**
   * A trusted command from the workflow file (a `verify` line), run by bash as
   * the agent's user, with the agent's environment, in the workspace. Its
   * output is kept as lines, the last ones only.
   */
  async runCommand(
    command: string,
    options: { timeoutMs: number; signal?: AbortSignal; onLine?: (line: string) => void },
  ): Promise<CommandResult> {
    const started = Date.now()
    const tail: string[] = []
    let lineCount = 0
    const keep = (line: string) => {
      lineCount++
      tail.push(line.length > LINE_LIMIT ? `${line.slice(0, LINE_LIMIT)}…` : line)
      if (tail.length > TAIL_LINES) tail.shift()
      options.onLine?.(line)
    }
    const spec = this.sandbox.spawnSpec(
      binaries().path('bash'),
      ['-eo', 'pipefail', '-c', command],
      this.env,
      AGENT_NICENESS,
    )
    const child = startProcess(spec.command, spec.args, {
      cwd: this.options.workspace,
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      onLine: keep,
      onErrLine: keep,
    })
    let timedOut = false
    let cancelled = false
    const timer = setTimeout(() => {
      timedOut = true
      child.stop(2_000)
    }, options.timeoutMs)
    const onAbort = () => {
      cancelled = true
      child.stop(1_000)
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.signal?.aborted) onAbort()
    child.closeInput()
    const exit = await child.exited
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
    await this.killAll()
    if (exit.spawnError) keep(`async-pr: could not start bash: ${exit.spawnError}`)
    return {
      command,
      exitCode: exit.exitCode,
      signal: exit.signal,
      tail,
      lineCount,
      durationMs: Date.now() - started,
      timedOut,
      cancelled,
    }
  }

  /** Every process of the agent's user, gone; otherwise nothing with a credential may run. */
  async killAll(): Promise<void> {
    const survivors = await this.sandbox.killAll()
    if (survivors > 0) {
      throw new SurvivorsError(
        `${survivors} process(es) the agent started could not be stopped; nothing was pushed, to keep the token out of their reach.`,
      )
    }
  }

  async close(): Promise<void> {
    this.closed = true
    // Each on its own: a failing cleanup must not keep the proxy (and so the job) alive.
    await this.sandbox
      .dispose()
      .catch((error: Error) => this.options.log(`Cleaning up after the agent: ${error.message}`))
    await this.proxy?.close()
  }
}
