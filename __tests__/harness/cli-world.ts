// A GitHub on loopback for the companion CLI: the REST emulator over a real
// bare repository, the git server that demands the action's PAT, and the
// scripted model server, but no pull request: `async-pr dispatch` opens it.
// Then the action can be run on that pull request the way the Actions runner
// would, and the CLI run in-process (fast) or as the bundled dist/cli.js.

import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { promisify } from 'node:util'
import { main } from '../../src/cli/main.js'
import type { Io } from '../../src/cli/io.js'
import { ROOT, runAction, type ActionRun } from './action-runner.js'
import { issueCommentEvent, pullRequestEvent } from './events.js'
import {
  createBareRepo,
  createBranch,
  simulateActionsCheckout,
  startGitServer,
  type GitServer,
} from './git/index.js'
import type { RepoFiles } from './git/index.js'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type SecondaryRateLimitOptions,
  type WorkflowRun,
} from './github/index.js'
import { startModelServer, type ModelScript, type ModelServer } from './model/index.js'
import { CLAUDE_BINARY } from './world.js'

export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli.js')

export interface CliWorldOptions {
  script?: ModelScript
  owner?: string
  repo?: string
  files?: RepoFiles
  /** Login of the person dispatching (a write collaborator) and their permission. */
  user?: string
  userPermission?: 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
  /** GitHub's secondary rate limits, enforced by the emulator (off by default). */
  secondaryRateLimit?: SecondaryRateLimitOptions
}

export interface CliResult {
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
}

export interface CliRunOptions {
  /** Standard input (dispatch --body-file -). */
  input?: string
  env?: Record<string, string | undefined>
  /** Pretend standard error is a terminal (in-process only). */
  tty?: boolean
  now?: () => Date
  random?: () => string
  signal?: AbortSignal
  cwd?: string
  /** Time between writes of a dispatch of many (in-process only; the CLI's default is 1 s). */
  writeSpacingMs?: number
}

/** A request a host received, as it arrived (the authorization header included). */
export interface HostRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * Another host on loopback, over HTTPS with its own certificate authority (give
 * `caFile` to the CLI as NODE_EXTRA_CA_CERTS): a forge that is not GitHub, or a
 * GitHub Enterprise Server when `forwardApi` passes /api/v3/* on to the emulator.
 */
export interface OtherHost {
  /** `localhost:PORT`, as a remote URL or a pull request URL names it. */
  host: string
  url: string
  caFile: string
  requests: HostRequest[]
  /** Whether any request carried this text anywhere (URL, a header, the body). */
  saw(text: string): boolean
  close(): Promise<void>
}

export interface ActionOnPull {
  run: ActionRun
  workflowRun: WorkflowRun
  workspace: string
}

export interface RunActionOnOptions {
  /** Runs once the workflow run is queued, before the runner picks it up. */
  beforeStart?: (run: WorkflowRun) => Promise<void>
  /** Start on `issue_comment` for this comment (a follow-up such as `/async-pr continue`). */
  followUp?: { commentId: number; body: string; login?: string }
}

/**
 * One line of the action's output as the runner writes it to the job log: workflow
 * commands become `##[group]`, `##[error]`, ...; the ones the log does not show are dropped.
 */
export function runnerLogLine(line: string): string | undefined {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, rest] = command as unknown as [string, string, string]
  if (name === 'group') return `##[group]${rest}`
  if (name === 'endgroup') return '##[endgroup]'
  if (name === 'error' || name === 'warning' || name === 'notice') return `##[${name}]${rest}`
  return undefined
}

export interface CliWorld {
  root: string
  owner: string
  repo: string
  fullName: string
  emulator: GitHubEmulator
  git: GitServer
  gitRoot: string
  model: ModelServer
  user: string
  /** The dispatching user's token, given to the CLI as GITHUB_TOKEN. */
  userToken: string
  secrets: { pat: string; actionsToken: string; modelKey: string }
  /** The checkout of the action run in progress, or of the last one (model scripts write there). */
  currentWorkspace(): string
  /**
   * A pull request made directly (a branch with an empty commit, as dispatch makes), for tests
   * about reading runs: Octokit spaces writes a second apart within one process, so opening many
   * pull requests through dispatch in-process is slow.
   */
  seedPull(input: {
    title: string
    branch: string
    body?: string
    draft?: boolean
  }): Promise<number>
  /** The environment the CLI gets: API and server URLs, the token, nothing from this process. */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>
  /** Starts another host on loopback (HTTPS, host name `localhost`); closed with the world. */
  otherHost(options?: { forwardApi?: boolean }): Promise<OtherHost>
  /** Runs `main` in this process (fast; captures output). */
  cli(args: string[], options?: CliRunOptions): Promise<CliResult>
  /** Runs the bundled dist/cli.js as a child process. */
  spawnCli(
    args: string[],
    options?: CliRunOptions & { timeoutMs?: number },
  ): {
    child: ChildProcess
    done: Promise<CliResult>
  }
  /**
   * GitHub's side of `pull_request: opened`: a workflow run (queued), the
   * checkout, then the bundled action with that run's id; the run is
   * completed with the action's conclusion.
   */
  runActionOn(number: number, options?: RunActionOnOptions): Promise<ActionOnPull>
  /**
   * What a runner does when a run is cancelled through the API: SIGINT to the action, then
   * SIGTERM seconds later (state.hooks.onCancel). The run ends `cancelled` when the action exits.
   */
  signalOnCancel(): void
  close(): Promise<void>
}

/** A certificate authority of one self-signed certificate for localhost and 127.0.0.1. */
async function selfSignedCertificate(dir: string): Promise<{ key: string; cert: string }> {
  await mkdir(dir, { recursive: true })
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  await promisify(execFile)(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { timeout: 10_000 },
  )
  return { key, cert }
}

async function startOtherHost(dir: string, forwardTo: string | undefined): Promise<OtherHost> {
  const files = await selfSignedCertificate(dir)
  const requests: HostRequest[] = []
  const server = createHttpsServer(
    { key: await readFile(files.key), cert: await readFile(files.cert) },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        const url = req.url ?? '/'
        requests.push({
          method: req.method ?? '',
          url,
          headers: req.headers,
          body: body.toString('utf8'),
        })
        if (!forwardTo || !url.startsWith('/api/v3/')) {
          res.writeHead(404, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ message: 'Not Found' }))
          return
        }
        // GitHub Enterprise Server's layout (/api/v3/…) in front of the emulator.
        const target = new URL(url.slice('/api/v3'.length), forwardTo)
        const headers = { ...req.headers, host: target.host }
        const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        upstream.on('error', () => {
          res.writeHead(502)
          res.end()
        })
        upstream.end(body)
      })
    },
  )
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
  const host = `localhost:${port}`
  return {
    host,
    url: `https://${host}`,
    caFile: files.cert,
    requests,
    saw: (text) =>
      requests.some(
        (r) =>
          r.url.includes(text) || r.body.includes(text) || JSON.stringify(r.headers).includes(text),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function fakeSecret(kind: string): string {
  return `test-${kind}-${randomBytes(12).toString('hex')}`
}

/** An output stream that remembers what was written. */
function capture(tty: boolean) {
  let text = ''
  return {
    write(chunk: string) {
      text += chunk
      return true
    },
    isTTY: tty,
    columns: 100,
    get text() {
      return text
    },
  }
}

export async function createCliWorld(options: CliWorldOptions = {}): Promise<CliWorld> {
  const owner = options.owner ?? 'octo'
  const repo = options.repo ?? 'app'
  const fullName = `${owner}/${repo}`
  const user = options.user ?? 'alice'
  const patLogin = 'automation'
  const secrets = {
    pat: fakeSecret('pat'),
    actionsToken: fakeSecret('actions'),
    modelKey: fakeSecret('model-key'),
  }
  const userToken = fakeSecret('user')

  const root = await mkdtemp(path.join(tmpdir(), 'async-pr-cli-world-'))
  const gitRoot = path.join(root, 'git')
  await mkdir(gitRoot, { recursive: true })
  const git = await startGitServer({ root: gitRoot, token: secrets.pat })
  const emulator = await startGitHubEmulator({
    serverUrl: git.url,
    secondaryRateLimit: options.secondaryRateLimit,
  })
  const model = await startModelServer(options.script ?? [])
  const { gitDir } = await createBareRepo(gitRoot, fullName, {
    files: options.files ?? { 'README.md': '# app\n' },
  })

  const state = emulator.state
  state.addUser({ login: user, type: 'User' })
  state.addUser({ login: patLogin, type: 'User' })
  state.addRepo({ owner, name: repo, gitDir, private: true })
  state.addCollaborator(owner, repo, user, options.userPermission ?? 'write')
  state.addCollaborator(owner, repo, patLogin, 'write')
  state.addToken(userToken, user)
  state.addToken(secrets.pat, patLogin)
  state.addInstallationToken(secrets.actionsToken)

  let runs = 0
  // Children still running when the world closes (a test that failed half-way) are stopped.
  const children = new Set<ChildProcess>()
  /** The action process of each workflow run in progress. */
  const actions = new Map<number, ChildProcess>()
  const hosts: OtherHost[] = []
  const workspaceFor = (n: number) => path.join(root, `workspace-${n}`)

  const env = (extra: Record<string, string | undefined> = {}) => ({
    PATH: process.env.PATH,
    HOME: root,
    LANG: 'C.UTF-8',
    GITHUB_API_URL: emulator.url,
    GITHUB_SERVER_URL: git.url,
    GITHUB_TOKEN: userToken,
    ...extra,
  })

  const world: CliWorld = {
    root,
    owner,
    repo,
    fullName,
    emulator,
    git,
    gitRoot,
    model,
    user,
    userToken,
    secrets,
    currentWorkspace: () => workspaceFor(runs),

    async seedPull(input) {
      const sha = await createBranch(gitRoot, fullName, input.branch, {
        message: 'chore: trigger async task',
      })
      const pull = state.addPull({
        owner,
        repo,
        user,
        title: input.title,
        body: input.body ?? input.title,
        draft: input.draft,
        head: { ref: input.branch, sha },
        base: { ref: 'main' },
      })
      return pull.number
    },
    env,

    async otherHost(hostOptions = {}) {
      const host = await startOtherHost(
        path.join(root, `host-${hosts.length + 1}`),
        hostOptions.forwardApi ? emulator.url : undefined,
      )
      hosts.push(host)
      return host
    },

    async cli(args, runOptions = {}) {
      const stdout = capture(false)
      const stderr = capture(runOptions.tty ?? false)
      const stdin = new PassThrough()
      stdin.end(runOptions.input ?? '')
      const io: Io = {
        env: env(runOptions.env),
        cwd: runOptions.cwd ?? root,
        stdout,
        stderr,
        stdin,
        signal: runOptions.signal,
        now: runOptions.now,
        random: runOptions.random,
        writeSpacingMs: runOptions.writeSpacingMs,
      }
      const started = Date.now()
      const exitCode = await main(args, io)
      return {
        exitCode,
        stdout: stdout.text,
        stderr: stderr.text,
        durationMs: Date.now() - started,
      }
    },

    spawnCli(args, runOptions = {}) {
      const started = Date.now()
      const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
        cwd: runOptions.cwd ?? root,
        env: env(runOptions.env) as NodeJS.ProcessEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      children.add(child)
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.stdin?.end(runOptions.input ?? '')
      const timer = setTimeout(() => child.kill('SIGKILL'), runOptions.timeoutMs ?? 60_000)
      const done = new Promise<CliResult>((resolve) =>
        child.on('close', (code) => {
          clearTimeout(timer)
          children.delete(child)
          resolve({
            exitCode: code ?? -1,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
            durationMs: Date.now() - started,
          })
        }),
      )
      return { child, done }
    },

    async runActionOn(number, actionOptions = {}) {
      const pull = state.pull(owner, repo, number)
      if (!pull) throw new Error(`cli-world: no pull request #${number}`)
      runs++
      const workspace = workspaceFor(runs)
      const runnerTemp = path.join(root, `runner-temp-${runs}`)
      await mkdir(workspace, { recursive: true })
      await mkdir(runnerTemp, { recursive: true })
      const followUp = actionOptions.followUp
      // What GitHub does on `pull_request: opened`: queue a run of the workflow on the head.
      const workflowRun = state.addWorkflowRun(owner, repo, {
        head_sha: pull.head.sha,
        head_branch: followUp ? 'main' : pull.head.ref,
        status: 'queued',
        event: followUp ? 'issue_comment' : 'pull_request',
        display_title: pull.title,
        actor: followUp?.login ?? pull.user,
      })
      await actionOptions.beforeStart?.(workflowRun)
      const checkout = await simulateActionsCheckout({
        serverUrl: git.url,
        repo: fullName,
        token: secrets.pat,
        workspace,
        runnerTemp,
        prNumber: number,
        headRef: pull.head.ref,
        baseRef: pull.base.ref,
      })
      workflowRun.status = 'in_progress'
      // The job, whose log the runner writes as the action prints (GitHub serves it as text).
      const job = state.addWorkflowJob(workflowRun.id, {
        name: 'task',
        status: 'in_progress',
        steps: [
          { name: 'Run actions/checkout@v5', status: 'completed', log: ['Syncing repository'] },
          { name: 'Run async-pr/async-pr@v0', status: 'in_progress', log: [] },
        ],
      })
      const step = job.steps.find((s) => s.name === 'Run async-pr/async-pr@v0')!
      const logLines = (stream: NodeJS.ReadableStream) => {
        let rest = ''
        stream.on('data', (chunk: Buffer) => {
          const parts = (rest + chunk.toString('utf8')).split('\n')
          rest = parts.pop() ?? ''
          for (const part of parts) {
            const text = runnerLogLine(part)
            if (text !== undefined) step.log.push(text)
          }
        })
      }
      const payload = followUp
        ? issueCommentEvent({
            owner,
            repo,
            number,
            commentId: followUp.commentId,
            body: followUp.body,
            commenter: { login: followUp.login ?? pull.user },
            serverUrl: git.url,
          })
        : pullRequestEvent({
            action: 'opened',
            owner,
            repo,
            number,
            title: pull.title,
            body: pull.body,
            draft: pull.draft,
            headRef: pull.head.ref,
            headSha: checkout.headSha,
            baseRef: pull.base.ref,
            baseSha: checkout.baseSha,
            author: { login: pull.user },
            serverUrl: git.url,
          })
      const run = await runAction({
        inputs: {
          github_token: secrets.pat,
          anthropic_api_key: secrets.modelKey,
          claude_path: CLAUDE_BINARY,
        },
        eventName: followUp ? 'issue_comment' : 'pull_request',
        payload,
        repository: fullName,
        workspace,
        apiUrl: emulator.url,
        serverUrl: git.url,
        githubToken: secrets.actionsToken,
        runId: workflowRun.id,
        runnerTemp,
        env: { ANTHROPIC_BASE_URL: model.url, CLAUDE_CODE_MAX_RETRIES: '0' },
        onSpawn: (child) => {
          actions.set(workflowRun.id, child)
          if (child.stdout) logLines(child.stdout)
          if (child.stderr) logLines(child.stderr)
        },
      })
      actions.delete(workflowRun.id)
      const conclusion = workflowRun.cancel_requested
        ? 'cancelled'
        : run.exitCode === 0
          ? 'success'
          : 'failure'
      step.status = 'completed'
      step.conclusion = conclusion
      step.completed_at = state.now()
      state.completeWorkflowRun(workflowRun.id, conclusion)
      return { run, workflowRun, workspace }
    },

    signalOnCancel() {
      state.hooks.onCancel = (run) => {
        const child = actions.get(run.id)
        if (!child) return
        child.kill('SIGINT')
        const term = setTimeout(() => child.kill('SIGTERM'), 5000)
        child.once('close', () => clearTimeout(term))
      }
    },

    async close() {
      for (const child of children) child.kill('SIGKILL')
      await Promise.allSettled([
        model.close(),
        emulator.close(),
        git.close(),
        ...hosts.map((host) => host.close()),
      ])
      await rm(root, { recursive: true, force: true })
    },
  }
  return world
}
