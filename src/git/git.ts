// The one funnel through which every git command runs (see README.md here).
//
// After the agent has worked, its tree is data: nothing it could have written
// may be read as configuration or code by a git that holds a credential or
// root's rights. So every git here runs with an explicit, minimal
// configuration of ours: no system config, a global config we wrote (not the
// runner's ~/.gitconfig, not the agent's), the security-relevant keys forced
// with `-c` (which outranks any repository config), no hooks, no fsmonitor,
// no pager, no submodule recursion (diffs pass --no-ext-diff --no-textconv), no
// credential helpers, no transport unless a command asks for one by name,
// and the binary itself by absolute path from a directory the agent cannot write.

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { trustedPath } from '../util/binaries.js'
import {
  runProcess,
  runProcessBytes,
  type BytesResult,
  type ProcessResult,
} from '../util/process.js'

export class GitError extends Error {
  override name = 'GitError'
  constructor(
    message: string,
    readonly args: string[],
    readonly result: ProcessResult,
  ) {
    super(message)
  }
}

/** Transports a command may use; everything else stays `protocol.allow=never`. */
export type Transport = 'file' | 'http'

export interface GitOptions {
  input?: string | Uint8Array
  /** Extra environment for this command only (identity, credentials via GIT_CONFIG_*). */
  env?: Record<string, string>
  /** Return a failed result instead of throwing. */
  allowFailure?: boolean
  timeoutMs?: number
  /** The transport this command needs (a local fetch, a push to the server). */
  transport?: Transport
  maxOutputBytes?: number
  /** Kills the command when aborted. */
  signal?: AbortSignal
}

export interface Git {
  /** Where commands run (the work tree, or the bare repository). */
  readonly cwd: string
  run(args: string[], options?: GitOptions): Promise<ProcessResult>
  /** stdout of a command that must succeed, trimmed. */
  output(args: string[], options?: GitOptions): Promise<string>
  /** A command whose stdout is bytes (blob contents); it must succeed. */
  bytes(args: string[], options?: GitOptions): Promise<BytesResult>
  /** The same git, pointed elsewhere (another index, say). */
  with(location: Partial<GitLocation>): Git
}

export interface GitLocation {
  /** Working directory of the command. */
  cwd: string
  /** GIT_DIR, when the repository is not found from cwd (the publish repository). */
  gitDir?: string
  /** GIT_WORK_TREE, with gitDir: the files a command reads. */
  workTree?: string
  /** GIT_INDEX_FILE: a private index, so the repository's own is never read or written. */
  indexFile?: string
}

/**
 * Keys forced on every command. `-c` outranks the repository's config (which
 * the agent may have written when it runs as the action's own user) and any
 * file it includes.
 */
function forcedConfig(hooksPath: string): string[] {
  const keys: Array<[string, string]> = [
    ['core.hooksPath', hooksPath],
    ['core.fsmonitor', 'false'],
    ['core.pager', 'cat'],
    ['core.askPass', ''],
    ['core.editor', 'false'],
    ['credential.helper', ''],
    ['protocol.allow', 'never'],
    ['submodule.recurse', 'false'],
    ['fetch.recurseSubmodules', 'false'],
    ['push.recurseSubmodules', 'no'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['commit.gpgSign', 'false'],
    // The private snapshot index must stand alone (see snapshot.ts).
    ['core.splitIndex', 'false'],
    ['core.untrackedCache', 'false'],
  ]
  return keys.flatMap(([key, value]) => ['-c', `${key}=${value}`])
}

function transportConfig(transport: Transport | undefined): string[] {
  switch (transport) {
    case 'file':
      return ['-c', 'protocol.file.allow=always']
    case 'http':
      return ['-c', 'protocol.https.allow=always', '-c', 'protocol.http.allow=always']
    default:
      return []
  }
}

/** A private, root-owned place for git's own files: its global config, an empty hooks directory. */
export interface GitHome {
  home: string
  globalConfig: string
  hooksPath: string
}

export function prepareGitHome(scratchDir: string): GitHome {
  const home = path.join(scratchDir, 'git-home')
  const hooksPath = path.join(home, 'no-hooks')
  mkdirSync(hooksPath, { recursive: true, mode: 0o700 })
  const globalConfig = path.join(home, 'gitconfig')
  writeFileSync(
    globalConfig,
    [
      '# async-pr: the only global git config of the action (GIT_CONFIG_GLOBAL).',
      '[core]',
      '\tattributesFile = /dev/null',
      '\texcludesFile = /dev/null',
      '\tquotePath = false',
      '[color]',
      '\tui = false',
      '[advice]',
      '\tdetachedHead = false',
      '[init]',
      '\tdefaultBranch = main',
      // What a fetch brings is kept as the one pack it came as: unpacked, each object is a
      // file and each new fan-out a directory (a dozen of them for a small branch).
      '[fetch]',
      '\tunpackLimit = 1',
      '',
    ].join('\n'),
    { mode: 0o600 },
  )
  return { home, globalConfig, hooksPath }
}

/** The whole environment of a git command: nothing of the runner's but what git needs. */
export function gitEnv(home: GitHome): Record<string, string> {
  return {
    PATH: trustedPath(),
    HOME: home.home,
    XDG_CONFIG_HOME: home.home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: home.globalConfig,
    GIT_ATTR_NOSYSTEM: '1',
    // Replace refs could swap what an object id means.
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    // Reads never write the index behind our back.
    GIT_OPTIONAL_LOCKS: '0',
    // Only the transports a command names (see protocol.*.allow).
    GIT_PROTOCOL_FROM_USER: '0',
    // A path is a path: no pathspec magic from names the agent chose.
    GIT_LITERAL_PATHSPECS: '1',
  }
}

export function createGit(location: GitLocation, home: GitHome): Git {
  const forced = forcedConfig(home.hooksPath)
  const base = gitEnv(home)
  const where: Record<string, string> = {}
  if (location.gitDir) where.GIT_DIR = location.gitDir
  if (location.workTree) where.GIT_WORK_TREE = location.workTree
  if (location.indexFile) where.GIT_INDEX_FILE = location.indexFile

  function spawnOptions(options: GitOptions) {
    return {
      cwd: location.cwd,
      env: { ...base, ...where, ...options.env },
      input: options.input,
      timeoutMs: options.timeoutMs ?? 10 * 60_000,
      maxOutputBytes: options.maxOutputBytes,
      signal: options.signal,
    }
  }

  function check<T extends ProcessResult | BytesResult>(
    args: string[],
    result: T,
    options: GitOptions,
  ): T {
    if (result.exitCode !== 0 && !options.allowFailure) {
      const detail =
        result.stderr.trim() ||
        result.stdout.toString().trim().slice(0, 2000) ||
        `exit ${result.exitCode ?? result.signal}`
      // The command's name, past any `-c name=value` of its own.
      const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c')
      throw new GitError(`git ${command ?? args[0]} failed: ${detail}`, args, {
        ...result,
        stdout: result.stdout.toString(),
      })
    }
    return result
  }

  const argv = (args: string[], options: GitOptions) => [
    ...forced,
    ...transportConfig(options.transport),
    ...args,
  ]

  async function run(args: string[], options: GitOptions = {}): Promise<ProcessResult> {
    return check(args, await runProcess('git', argv(args, options), spawnOptions(options)), options)
  }

  return {
    cwd: location.cwd,
    run,
    async output(args, options) {
      return (await run(args, options)).stdout.trim()
    },
    async bytes(args, options = {}) {
      const result = await runProcessBytes('git', argv(args, options), spawnOptions(options))
      return check(args, result, options)
    },
    with(other) {
      return createGit({ ...location, ...other }, home)
    },
  }
}
