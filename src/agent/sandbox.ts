// Runs the agent as a separate, unprivileged user created for this run.
//
// A process can read the environment and memory of processes of its own user
// (`/proc/<pid>/environ` keeps a process's original environment even after it
// deletes a variable). So the only way to keep the action's credentials from
// everything the agent starts is a different uid: then /proc/<pid>/environ of
// the action and of git (which holds the PAT while it pushes) is unreadable,
// `.git` is not writable, and every process the agent left behind can be
// killed, and checked gone, with one `kill -9 -1` run as that user.
//
// It needs root, or passwordless sudo (GitHub-hosted runners have it).

import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs'
import { chmod, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { binaries, trustedPath } from '../util/binaries.js'
import { runProcess, type ProcessResult } from '../util/process.js'

export type IsolationSetting = 'auto' | 'true' | 'false'

/**
 * The nice value the agent's sessions and verify commands run at. The action that watches them
 * (the model proxy on the agent's own path, checkpoints, steering, a stop, the push and the
 * report) then gets the CPU first when the agent's tools fill the machine; with nothing else
 * running, the agent loses nothing.
 */
export const AGENT_NICENESS = 10

export interface SpawnSpec {
  command: string
  args: string[]
  env: Record<string, string>
  uid?: number
  gid?: number
}

export interface Sandbox {
  /** `user`: a separate uid; `none`: the action's own user (see `note`). */
  readonly mode: 'user' | 'none'
  readonly note?: string
  /**
   * Gives the agent's user the workspace's files and its own directories, lets
   * it reach `reachable` paths, and closes `hidden` directories to it.
   */
  prepare(
    workspace: string,
    ownDirs: string[],
    reachable: string[],
    hidden: string[],
  ): Promise<void>
  /** How to start `binary` as the agent; at `niceness` when given (see AGENT_NICENESS). */
  spawnSpec(
    binary: string,
    args: string[],
    env: Record<string, string>,
    niceness?: number,
  ): SpawnSpec
  /** Kills every process the agent's user has, and reports how many were still alive. */
  killAll(): Promise<number>
  /**
   * Hands the workspace back to its owner and starts removing the user, which runs on while
   * the work is pushed (its processes are gone already: see killAll).
   */
  dispose(): Promise<void>
  /** Resolves once the user started by dispose() is removed. */
  removed(): Promise<void>
}

export class SandboxError extends Error {
  override name = 'SandboxError'
}

/** Who still needs which directory opened for traversal (see makeReachable). */
const TRAVERSAL_REGISTRY = path.join(tmpdir(), `async-pr-traversal-${process.getuid?.() ?? 0}`)

type Privileged = (command: string, args: string[]) => Promise<ProcessResult>

// Only trusted directories: sudo may search PATH, and nothing found there may be the agent's.
const baseEnv = () => ({ PATH: trustedPath() })
/** Under sudo the program is named by absolute path too. */
const abs = (command: string) => binaries().path(command)

async function privilegeRunner(): Promise<{ run: Privileged; root: boolean } | undefined> {
  if (process.getuid?.() === 0) {
    return {
      root: true,
      run: (command, args) => runProcess(command, args, { env: baseEnv(), timeoutMs: 60_000 }),
    }
  }
  const probe = await runProcess('sudo', ['-n', 'true'], {
    env: baseEnv(),
    timeoutMs: 10_000,
  }).catch(() => undefined)
  if (probe?.exitCode !== 0) return undefined
  return {
    root: false,
    run: (command, args) =>
      runProcess('sudo', ['-n', abs(command), ...args], { env: baseEnv(), timeoutMs: 60_000 }),
  }
}

async function must(result: Promise<ProcessResult>, what: string): Promise<ProcessResult> {
  const done = await result
  if (done.exitCode !== 0)
    throw new SandboxError(`${what} failed: ${done.stderr.trim() || done.exitCode}`)
  return done
}

/**
 * Processes whose real uid is `uid`, from /proc. Read synchronously: /proc is in memory, and
 * the whole of it takes a millisecond so, where one await for each process took 35 ms for 70
 * processes (a runner has hundreds), at the end of every session of the agent.
 */
export async function processesOf(uid: number): Promise<number[]> {
  const pids: number[] = []
  for (const entry of readProc()) {
    if (!/^\d+$/.test(entry)) continue
    const status = readStatus(entry)
    const match = /^Uid:\s+(\d+)/m.exec(status)
    // A zombie has ended; only its parent's wait() is missing (PID 1 of a container may never call it).
    const zombie = /^State:\s+Z/m.test(status)
    if (match && Number(match[1]) === uid && !zombie) pids.push(Number(entry))
  }
  return pids
}

/** A path's stat, or undefined for any failure (absent, not reachable): treated as absent. */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

function readProc(): string[] {
  try {
    return readdirSync('/proc')
  } catch {
    return []
  }
}

function readStatus(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    return '' // it ended meanwhile
  }
}

/**
 * `binary args` behind nice(1) when a nice value is asked for: the value is then set before the
 * program starts, for every thread and child of it, on every path (through sudo too, which
 * forks the agent at a moment of its own). Without a trusted `nice` it runs as it is.
 */
function niced(niceness: number | undefined, binary: string, args: string[]): string[] {
  if (niceness === undefined || !binaries().has('nice')) return [binary, ...args]
  return [abs('nice'), '-n', String(niceness), binary, ...args]
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Exported for its unit test; runs use createSandbox. */
export class UserSandbox implements Sandbox {
  readonly mode = 'user' as const
  private owner?: { uid: number; gid: number; workspace: string; ownDirs: string[] }
  private readonly opened: Array<{ dir: string; registry: string }> = []
  private readonly closedDirs: Array<{ dir: string; mode: number }> = []
  private workspaceMode?: number
  private removal?: Promise<SandboxError | undefined>

  constructor(
    private readonly privileged: Privileged,
    private readonly root: boolean,
    readonly user: string,
    readonly uid: number,
    readonly gid: number,
  ) {}

  async prepare(
    workspace: string,
    ownDirs: string[],
    reachable: string[],
    hidden: string[],
  ): Promise<void> {
    // The file operations are synchronous, as in makeReachable: a handful, just before the agent
    // starts, each of which would wait its turn behind the run's processes.
    const info = statSync(workspace)
    this.owner = { uid: info.uid, gid: info.gid, workspace, ownDirs }
    const ids = `${this.uid}:${this.gid}`
    // The working tree becomes the agent's; .git stays the action's, so the
    // agent cannot plant hooks, config or refs that the action would run.
    const entries = readdirSync(workspace).filter((name) => name !== '.git')
    // The workspace directory itself stays the action's, shared with the agent's
    // group and sticky: the agent can add files at the root, but cannot rename
    // or replace `.git` (a `.git` of its own could make the action's git run its code).
    if (this.root) {
      // As root, the two single-file changes need no process of their own.
      chownSync(workspace, info.uid, this.gid)
      chmodSync(workspace, 0o1775)
    } else {
      await must(
        this.privileged('chown', [`${info.uid}:${this.gid}`, workspace]),
        'Sharing the workspace with the agent user',
      )
      await must(
        this.privileged('chmod', ['1775', workspace]),
        'Sharing the workspace with the agent user',
      )
    }
    this.workspaceMode = info.mode & 0o7777
    // The working tree's files and the agent's own directories, in one chown.
    const given = [...entries.map((name) => path.join(workspace, name)), ...ownDirs]
    if (given.length > 0) {
      await must(
        this.privileged('chown', ['-R', ids, ...given]),
        'Giving the workspace and its home to the agent user',
      )
    }
    for (const target of [workspace, ...ownDirs, ...reachable]) await this.makeReachable(target)
    // RUNNER_TEMP holds step scripts (with secrets written into them) and the
    // runner's file commands: closed to the agent while it runs.
    for (const dir of hidden) {
      const mode = statSync(dir).mode & 0o7777
      if (this.root) chmodSync(dir, 0o700)
      else await must(this.privileged('chmod', ['700', dir]), `Closing ${dir} to the agent`)
      this.closedDirs.push({ dir, mode })
    }
  }

  /**
   * Lets the agent's user traverse (not list) the directories above `target`.
   * Runs side by side may open the same directories: a registry in the temp
   * directory counts who still needs each, and the last one out closes it.
   */
  private async makeReachable(target: string): Promise<void> {
    let dir = path.dirname(path.resolve(target))
    // The file operations are synchronous: dozens of stats, each of which would wait its turn
    // behind the run's processes, just before the agent starts.
    while (true) {
      const info = statOrNothing(dir)
      if (info && !this.opened.some((entry) => entry.dir === dir)) {
        const registry = path.join(TRAVERSAL_REGISTRY, createHash('sha1').update(dir).digest('hex'))
        const closed = (info.mode & 0o001) === 0
        if (closed || statOrNothing(registry)) {
          mkdirSync(registry, { recursive: true, mode: 0o700 })
          // Only the first run records the mode to go back to.
          try {
            writeFileSync(path.join(registry, 'mode'), String(info.mode & 0o7777), { flag: 'wx' })
          } catch {
            // recorded by a run before this one
          }
          writeFileSync(path.join(registry, this.user), '')
          if (closed) {
            if (this.root) chmodSync(dir, (info.mode & 0o7777) | 0o001)
            else await must(this.privileged('chmod', ['o+x', dir]), `Opening ${dir} for traversal`)
          }
          this.opened.push({ dir, registry })
        }
      }
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }

  /** Closes a directory this run opened, unless another run still needs it. */
  private async release({ dir, registry }: { dir: string; registry: string }): Promise<void> {
    await rm(path.join(registry, this.user), { force: true })
    const left = (await readdir(registry).catch(() => ['?'])).filter((name) => name !== 'mode')
    if (left.length > 0) return
    const mode = Number(await readFile(path.join(registry, 'mode'), 'utf8'))
    await rm(registry, { recursive: true, force: true })
    if (!Number.isInteger(mode)) return
    if (this.root) await chmod(dir, mode)
    else await must(this.privileged('chmod', [mode.toString(8), dir]), `Restoring ${dir}`)
  }

  spawnSpec(
    binary: string,
    args: string[],
    env: Record<string, string>,
    niceness?: number,
  ): SpawnSpec {
    const [command = binary, ...rest] = niced(niceness, binary, args)
    if (this.root) return { command, args: rest, env, uid: this.uid, gid: this.gid }
    // Through sudo: `env -i` gives the agent exactly `env`; none of it is secret.
    const pairs = Object.entries(env).map(([name, value]) => `${name}=${value}`)
    return {
      command: 'sudo',
      args: ['-n', '-u', this.user, '--', abs('env'), '-i', ...pairs, command, ...rest],
      env: baseEnv(),
    }
  }

  async killAll(): Promise<number> {
    // kill(-1) as the agent's user signals every process that user has.
    for (let attempt = 0; attempt < 20; attempt++) {
      const alive = await processesOf(this.uid)
      if (alive.length === 0) return 0
      if (this.root) {
        await runProcess('kill', ['-KILL', '-1'], {
          env: baseEnv(),
          uid: this.uid,
          gid: this.gid,
          timeoutMs: 5_000,
        }).catch(() => undefined)
      } else {
        await runProcess('sudo', ['-n', '-u', this.user, abs('kill'), '-KILL', '-1'], {
          env: baseEnv(),
          timeoutMs: 5_000,
        }).catch(() => undefined)
      }
      await delay(50 * (attempt + 1))
    }
    return (await processesOf(this.uid)).length
  }

  async dispose(): Promise<void> {
    // Each step on its own: one failing must not leave the others undone.
    const steps: Array<() => Promise<unknown>> = []
    if (this.owner) {
      const { uid, gid, workspace, ownDirs } = this.owner
      // The agent's own directories too: the runner must be able to clean them up.
      steps.push(() =>
        must(
          this.privileged('chown', ['-R', `${uid}:${gid}`, workspace, ...ownDirs]),
          'Handing the workspace back',
        ),
      )
      if (this.workspaceMode !== undefined) {
        const mode = this.workspaceMode.toString(8)
        steps.push(() =>
          this.root
            ? chmod(workspace, this.workspaceMode as number)
            : must(this.privileged('chmod', [mode, workspace]), 'Handing the workspace back'),
        )
      }
    }
    for (const { dir, mode } of this.closedDirs) {
      steps.push(() =>
        this.root
          ? chmod(dir, mode)
          : must(this.privileged('chmod', [mode.toString(8), dir]), `Restoring ${dir}`),
      )
    }
    for (const entry of this.opened.reverse()) steps.push(() => this.release(entry))
    const failures: string[] = []
    for (const step of steps) {
      await step().catch((error: unknown) => failures.push((error as Error).message))
    }
    // userdel waits on /etc/passwd's lock (every run side by side takes it): nothing after the
    // agent needs the user gone, only the job's end does, which reports a failure (removed()).
    // Caught here, at once: an unhandled rejection in the middle of the push would end the job.
    this.removal ??= must(this.privileged('userdel', [this.user]), 'userdel').then(
      () => undefined,
      (error: unknown) =>
        new SandboxError(`Removing the agent's user ${this.user}: ${(error as Error).message}`),
    )
    if (failures.length > 0) throw new SandboxError(failures.join('; '))
  }

  async removed(): Promise<void> {
    const failure = await this.removal
    if (failure) throw failure
  }
}

class SameUserSandbox implements Sandbox {
  readonly mode = 'none' as const
  constructor(readonly note: string) {}
  async prepare(): Promise<void> {}

  spawnSpec(
    binary: string,
    args: string[],
    env: Record<string, string>,
    niceness?: number,
  ): SpawnSpec {
    const [command = binary, ...rest] = niced(niceness, binary, args)
    return { command, args: rest, env }
  }
  async killAll(): Promise<number> {
    return 0
  }
  async dispose(): Promise<void> {}
  async removed(): Promise<void> {}
}

/** useradd wrote the user to /etc/passwd: read its ids there, without two more processes. */
async function idsFromPasswd(user: string): Promise<[number, number] | undefined> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '')
  const entry = passwd.split('\n').find((line) => line.startsWith(`${user}:`))
  const [, , uid, gid] = entry?.split(':') ?? []
  return uid && gid ? [Number(uid), Number(gid)] : undefined
}

/** Where the user is not in /etc/passwd (another account database): ask id(1). */
async function idsFromId(user: string): Promise<[number, number]> {
  const [uid = NaN, gid = NaN] = await Promise.all(
    ['-u', '-g'].map(async (flag) =>
      Number((await runProcess('id', [flag, user], { env: baseEnv() })).stdout.trim()),
    ),
  )
  return [uid, gid]
}

async function createUser(
  privileged: Privileged,
): Promise<{ user: string; uid: number; gid: number }> {
  const user = `async-pr-${randomBytes(5).toString('hex')}`
  let last = ''
  // useradd locks /etc/passwd; runs side by side may have to wait their turn.
  for (let attempt = 0; attempt < 10; attempt++) {
    const made = await privileged('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/bin/bash',
      user,
    ]).catch((error: Error) => ({ exitCode: -1, signal: null, stdout: '', stderr: error.message }))
    if (made.exitCode === 0) break
    last = made.stderr.trim()
    await delay(100 + Math.random() * 200)
  }
  const [uid, gid] = (await idsFromPasswd(user)) ?? (await idsFromId(user))
  if (!Number.isInteger(uid) || uid <= 0 || !Number.isInteger(gid)) {
    throw new SandboxError(`Could not create the agent user: ${last}`)
  }
  return { user, uid, gid }
}

export async function createSandbox(setting: IsolationSetting): Promise<Sandbox> {
  if (setting === 'false') {
    return new SameUserSandbox('isolate_agent is false: the agent runs as the action’s own user.')
  }
  const privilege = process.platform === 'linux' ? await privilegeRunner() : undefined
  if (!privilege) {
    const note =
      'The agent runs as the action’s own user (no root or passwordless sudo to create a separate one), so processes it starts could read the action’s memory and environment.'
    if (setting === 'true')
      throw new SandboxError(`isolate_agent is true but cannot be honoured: ${note}`)
    return new SameUserSandbox(note)
  }
  const { user, uid, gid } = await createUser(privilege.run)
  return new UserSandbox(privilege.run, privilege.root, user, uid, gid)
}
