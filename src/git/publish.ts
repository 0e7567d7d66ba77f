// The publish repository: a bare repository the action creates for the run,
// in its own scratch directory (root-owned, outside the workspace and outside
// RUNNER_TEMP), that the agent never touches. It is the only repository git
// ever runs in while holding the PAT: every fetch and push with the token
// happens here. The workspace receives the PR's head from it by a local,
// credential-free fetch before the agent starts; the agent's work comes back
// as commits written here from the snapshot (commit.ts), never by reading the
// workspace's .git.

import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createGit, type Git, type GitHome } from './git.js'

export interface PublishRemote {
  /** The repository's URL on the server (`https://github.com/o/r.git`). */
  url: string
  /** GIT_CONFIG_* variables carrying the PAT, for this repository's fetches and pushes only. */
  auth: Record<string, string>
}

/** Where a fetched branch tip is kept in the publish repository. */
export function upstreamRef(branch: string): string {
  return `refs/upstream/${branch}`
}

export const EVENT_HEAD_REF = 'refs/async-pr/event-head'

/** What async-pr keeps on the server for a PR beside its branch (not a branch, starts no workflow). */
export type StoredName = 'checkpoint' | 'session'
export function storedRef(prNumber: number, name: StoredName): string {
  return `refs/async-pr/${prNumber}/${name}`
}
/** Where a fetched stored ref is kept in the publish repository. */
export function fetchedStoredRef(prNumber: number, name: StoredName): string {
  return `refs/stored/${prNumber}/${name}`
}

/** A branch fetched into the publish repository: its tip, and what the server keeps for its PR. */
export interface FetchedBranch {
  tip: string
  stored: Partial<Record<StoredName, string>>
}

export type PushOutcome = { ok: true } | { ok: false; detail: string }

function lastLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' ')
}

export class FetchError extends Error {
  override name = 'FetchError'
}

export class PublishRepo {
  /** Aborted by stop(): what goes over the network with the PAT ends at once. */
  private readonly stopping = new AbortController()

  private constructor(
    readonly dir: string,
    readonly git: Git,
    private readonly remote: PublishRemote,
  ) {}

  /** Ends every fetch or push of this repository's, running or to come (a run that does not start). */
  stop(): void {
    this.stopping.abort()
  }

  /**
   * A new, empty bare repository, written as `git init --bare --template=` would (a format-0
   * repository: HEAD, config, objects/, refs/), without a git process on the way to
   * the fetch, the longest way to the agent's start. Its refs are files: pack-handover.ts
   * reads them so.
   */
  static create(scratch: string, home: GitHome, remote: PublishRemote): PublishRepo {
    const dir = path.join(scratch, 'publish.git')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    // What git requires of a repository; it makes the rest (objects/pack...) as it needs it.
    for (const sub of ['objects', 'refs']) mkdirSync(path.join(dir, sub))
    writeFileSync(path.join(dir, 'HEAD'), 'ref: refs/heads/main\n')
    const config = path.join(dir, 'config')
    writeFileSync(
      config,
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n',
    )
    // git init's probe: on a case-insensitive file system (macOS's, by default) git must know,
    // or a file renamed by case would be committed twice by the snapshot, which uses this config.
    if (existsSync(path.join(dir, 'CoNfIg'))) appendFileSync(config, '\tignorecase = true\n')
    return new PublishRepo(dir, createGit({ cwd: dir, gitDir: dir }, home), remote)
  }

  private authed(args: string[], allowFailure = true) {
    return this.git.run(args, {
      env: this.remote.auth,
      transport: 'http',
      allowFailure,
      signal: this.stopping.signal,
    })
  }

  /**
   * Fetches the branch's tip; undefined when the branch no longer exists.
   * With `storedFor`, the PR's checkpoint and saved session come in the same
   * fetch (a glob that matches nothing costs nothing), and are read back in the
   * same `for-each-ref` as the tip. `arrived` is called once the branch is here,
   * before that read (what only needs the branch's ref can start then).
   */
  async fetchBranch(
    branch: string,
    depth?: number,
    storedFor?: number,
    arrived?: () => void,
  ): Promise<FetchedBranch | undefined> {
    const fetched = await this.authed([
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      ...(depth ? [`--depth=${depth}`] : []),
      this.remote.url,
      `+refs/heads/${branch}:${upstreamRef(branch)}`,
      ...(storedFor ? [`+refs/async-pr/${storedFor}/*:refs/stored/${storedFor}/*`] : []),
    ])
    if (fetched.exitCode !== 0) {
      if (/couldn't find remote ref|not our ref|no such ref/i.test(fetched.stderr)) return undefined
      throw new FetchError(`Could not fetch ${branch}: ${lastLines(fetched.stderr)}`)
    }
    arrived?.()
    const tipRef = upstreamRef(branch)
    const storedRefs = (name: StoredName) => fetchedStoredRef(storedFor ?? 0, name)
    const refs = await this.localRefs([
      tipRef,
      ...(storedFor ? [storedRefs('checkpoint'), storedRefs('session')] : []),
    ])
    const tip = refs.get(tipRef)
    if (!tip) throw new FetchError(`Could not fetch ${branch}: git kept no ${tipRef}`)
    const stored: FetchedBranch['stored'] = {}
    if (storedFor) {
      stored.checkpoint = refs.get(storedRefs('checkpoint'))
      stored.session = refs.get(storedRefs('session'))
    }
    return { tip, stored }
  }

  /** The ids of those of `refs` that exist here (full names), in one process. */
  async localRefs(refs: string[]): Promise<Map<string, string>> {
    const listed = await this.git.output([
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      ...refs,
    ])
    const wanted = new Set(refs)
    const found = new Map<string, string>()
    for (const line of listed.split('\n')) {
      const [sha, ref] = line.trim().split(' ')
      // for-each-ref also matches below a name (refs/x/y for refs/x): only the names asked for.
      if (sha && ref && wanted.has(ref)) found.set(ref, sha)
    }
    return found
  }

  /** Fetches one commit by id (the event's head, when the branch has moved on since). */
  async fetchCommit(sha: string, ref: string, depth?: number): Promise<boolean> {
    const fetched = await this.authed([
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      ...(depth ? [`--depth=${depth}`] : []),
      this.remote.url,
      `+${sha}:${ref}`,
    ])
    return fetched.exitCode === 0 && (await this.hasCommit(sha))
  }

  async hasCommit(sha: string): Promise<boolean> {
    const result = await this.git.run(['cat-file', '-e', `${sha}^{commit}`], { allowFailure: true })
    return result.exitCode === 0
  }

  async setRef(ref: string, sha: string): Promise<void> {
    await this.git.run(['update-ref', ref, sha])
  }

  /**
   * Pushes `sha` to `ref` on the server, only if the server's `ref` is still
   * `lease` (an empty lease: only if it does not exist). Never forces past that.
   */
  async push(sha: string, ref: string, lease: string): Promise<PushOutcome> {
    const result = await this.authed([
      'push',
      '--porcelain',
      '--no-verify',
      `--force-with-lease=${ref}:${lease}`,
      this.remote.url,
      `${sha}:${ref}`,
    ])
    if (result.exitCode === 0) return { ok: true }
    return { ok: false, detail: `${result.stdout}\n${result.stderr}`.trim() }
  }

  /** The local id of a ref, if it exists here. */
  async localRef(ref: string): Promise<string | undefined> {
    const result = await this.git.run(['rev-parse', '--verify', '--quiet', ref], {
      allowFailure: true,
    })
    const sha = result.stdout.trim()
    return result.exitCode === 0 && sha ? sha : undefined
  }

  /**
   * Points several refs on the server at new commits in one push, each only if
   * the server still has what we expect there (`lease`; '' for "absent").
   * For async-pr's own refs (checkpoint, session), never a branch.
   */
  async pushRefs(
    updates: Array<{ sha: string; ref: string; lease: string }>,
  ): Promise<PushOutcome> {
    const result = await this.authed([
      'push',
      '--porcelain',
      '--no-verify',
      '--atomic',
      ...updates.map((u) => `--force-with-lease=${u.ref}:${u.lease}`),
      this.remote.url,
      // No `+`: a forcing refspec overrides its lease. The lease alone allows a non-fast-forward.
      ...updates.map((u) => `${u.sha}:${u.ref}`),
    ])
    if (result.exitCode === 0) return { ok: true }
    return { ok: false, detail: `${result.stdout}\n${result.stderr}`.trim() }
  }

  /** Deletes `ref` on the server if it still points at `lease`. */
  async deleteRemote(ref: string, lease: string): Promise<PushOutcome> {
    const result = await this.authed([
      'push',
      '--porcelain',
      '--no-verify',
      `--force-with-lease=${ref}:${lease}`,
      this.remote.url,
      `:${ref}`,
    ])
    if (result.exitCode === 0) return { ok: true }
    return { ok: false, detail: `${result.stdout}\n${result.stderr}`.trim() }
  }

  /** Refs on the server under `prefix` (`refs/async-pr/12/`), with their ids. */
  async remoteRefs(prefix: string): Promise<Map<string, string>> {
    const listed = await this.authed(['ls-remote', '--refs', this.remote.url, `${prefix}*`], false)
    const refs = new Map<string, string>()
    for (const line of listed.stdout.split('\n')) {
      const [sha, ref] = line.trim().split(/\s+/)
      if (sha && ref) refs.set(ref, sha)
    }
    return refs
  }

  /**
   * Brings refs of this repository into another one (the workspace) by one local
   * fetch, each `[ref, localRef]`: no credential involved, and git's upload-pack runs here, in the
   * clean repository, never in the workspace.
   */
  async giveTo(target: Git, refs: Array<[ref: string, localRef: string]>): Promise<void> {
    await target.run(
      [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        // This repository is shallow when the workspace is (a depth-50 fetch): without this,
        // a branch whose history goes deeper is refused ("shallow roots are not allowed to be
        // updated", and git still exits 0), and the workspace cannot walk the history it got.
        '--update-shallow',
        `file://${this.dir}`,
        ...refs.map(([ref, localRef]) => `+${ref}:${localRef}`),
      ],
      { transport: 'file' },
    )
  }
}
