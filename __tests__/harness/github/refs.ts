// One interface over a repository's refs, whether they live in a real bare repository (gitDir)
// or, for repositories seeded without one, in the state's plain `refs` record.

import { git, gitOrNull, isSha, objectType } from './git.js'
import type { Repo } from './state.js'

export interface RefEntry {
  ref: string // fully qualified: refs/heads/main
  sha: string
  type: string // commit | tag | ...
}

export type UpdateResult = 'ok' | 'missing' | 'not-fast-forward' | 'no-object'
export type CreateResult = 'ok' | 'exists' | 'no-object'

export interface RefStore {
  resolve(ref: string): Promise<string | null>
  list(prefix: string): Promise<RefEntry[]>
  create(ref: string, sha: string): Promise<CreateResult>
  update(ref: string, sha: string, force: boolean): Promise<UpdateResult>
  delete(ref: string): Promise<boolean>
}

class GitRefStore implements RefStore {
  constructor(private readonly gitDir: string) {}

  async resolve(ref: string): Promise<string | null> {
    // show-ref --verify wants the exact, fully qualified name (no DWIM, no abbreviations).
    const out = await gitOrNull(this.gitDir, ['show-ref', '--verify', '--hash', ref])
    return out === null ? null : out.trim()
  }

  async list(prefix: string): Promise<RefEntry[]> {
    const out = await git(this.gitDir, [
      'for-each-ref',
      '--format=%(refname) %(objectname) %(objecttype)',
      'refs/',
    ])
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, type] = line.split(' ')
        return { ref, sha, type }
      })
      .filter((entry) => entry.ref.startsWith(prefix))
  }

  async create(ref: string, sha: string): Promise<CreateResult> {
    if ((await objectType(this.gitDir, sha)) === null) return 'no-object'
    // An empty old value makes update-ref refuse to overwrite an existing ref, atomically.
    const ok = await gitOrNull(this.gitDir, ['update-ref', ref, sha, ''])
    return ok === null ? 'exists' : 'ok'
  }

  async update(ref: string, sha: string, force: boolean): Promise<UpdateResult> {
    const current = await this.resolve(ref)
    if (current === null) return 'missing'
    if ((await objectType(this.gitDir, sha)) === null) return 'no-object'
    if (!force && current !== sha) {
      const ancestor = await gitOrNull(this.gitDir, ['merge-base', '--is-ancestor', current, sha])
      if (ancestor === null) return 'not-fast-forward'
    }
    // Passing the old value makes the write a compare-and-swap against concurrent pushes.
    const ok = await gitOrNull(this.gitDir, ['update-ref', ref, sha, current])
    return ok === null ? 'not-fast-forward' : 'ok'
  }

  async delete(ref: string): Promise<boolean> {
    if ((await this.resolve(ref)) === null) return false
    return (await gitOrNull(this.gitDir, ['update-ref', '-d', ref])) !== null
  }
}

// Without an object store there is no ancestry to check, so every update counts as a
// fast-forward; tests that care about that seed a gitDir.
class MemoryRefStore implements RefStore {
  constructor(private readonly refs: Record<string, string>) {}

  async resolve(ref: string): Promise<string | null> {
    return this.refs[ref] ?? null
  }

  async list(prefix: string): Promise<RefEntry[]> {
    return Object.entries(this.refs)
      .filter(([ref]) => ref.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ref, sha]) => ({ ref, sha, type: 'commit' }))
  }

  async create(ref: string, sha: string): Promise<CreateResult> {
    if (!isSha(sha)) return 'no-object'
    if (ref in this.refs) return 'exists'
    this.refs[ref] = sha
    return 'ok'
  }

  async update(ref: string, sha: string): Promise<UpdateResult> {
    if (!(ref in this.refs)) return 'missing'
    if (!isSha(sha)) return 'no-object'
    this.refs[ref] = sha
    return 'ok'
  }

  async delete(ref: string): Promise<boolean> {
    if (!(ref in this.refs)) return false
    delete this.refs[ref]
    return true
  }
}

export function refStore(repo: Repo): RefStore {
  return repo.gitDir ? new GitRefStore(repo.gitDir) : new MemoryRefStore(repo.refs)
}
