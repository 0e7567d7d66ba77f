// Git data (refs and commits), branches and commits, served from the repository's real bare
// gitDir, so objects the code under test creates through the API are visible to real git and
// the other way round. Repositories without a gitDir have refs only, and no objects: the commit
// routes answer 409 "Git Repository is empty." for them, as GitHub does for an empty repository.

import { HttpError, notFound, validationFailed } from '../errors.js'
import {
  commitTree,
  git,
  isSha,
  objectType,
  readCommit,
  type CommitObject,
  type GitPerson,
} from '../git.js'
import type { Links } from '../links.js'
import { paginate } from '../pagination.js'
import { nodeId, simpleUser } from '../render.js'
import type { RefEntry } from '../refs.js'
import type { EmulatorState, Repo } from '../state.js'
import {
  created,
  noContent,
  ok,
  refsOf,
  requireWrite,
  str,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

function gitDirOf(repo: Repo): string {
  if (!repo.gitDir) throw new HttpError(409, 'Git Repository is empty.')
  return repo.gitDir
}

function gitRef(links: Links, repo: Repo, entry: RefEntry) {
  const api = `${links.api}/repos/${repo.full_name}`
  const kind =
    entry.type === 'tag'
      ? 'tags'
      : entry.type === 'tree'
        ? 'trees'
        : entry.type === 'blob'
          ? 'blobs'
          : 'commits'
  return {
    ref: entry.ref,
    node_id: nodeId('Ref', Buffer.from(`${repo.id}:${entry.ref}`).toString('hex')),
    url: `${api}/git/${entry.ref}`,
    object: { type: entry.type, sha: entry.sha, url: `${api}/git/${kind}/${entry.sha}` },
  }
}

function gitCommit(links: Links, repo: Repo, commit: CommitObject) {
  const api = `${links.api}/repos/${repo.full_name}`
  const web = `${links.web}/${repo.full_name}`
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  }
}

/** The GitHub user a commit email belongs to, if the emulator knows it (noreply or plain). */
function userForEmail(state: EmulatorState, email: string) {
  const noreply = /^(?:\d+\+)?([^@]+)@users\.noreply\./.exec(email)
  if (noreply) return state.user(noreply[1])
  return [...state.users.values()].find((u) => u.email?.toLowerCase() === email.toLowerCase())
}

/** The `commit` shape of GET /commits/{ref}, also embedded in a branch. */
function repoCommit(links: Links, state: EmulatorState, repo: Repo, commit: CommitObject) {
  const api = `${links.api}/repos/${repo.full_name}`
  const web = `${links.web}/${repo.full_name}`
  const author = userForEmail(state, commit.author.email)
  const committer = userForEmail(state, commit.committer.email)
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: author ? simpleUser(links, author) : null,
    committer: committer ? simpleUser(links, committer) : null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
  }
}

/** `ref` path parameter ("heads/main") → fully qualified name. */
function qualified(ctx: HandlerContext): string {
  return `refs/${str(ctx, 'ref')}`
}

function validRefName(ref: string): boolean {
  // GitHub: must start with "refs" and contain at least two slashes.
  return (
    ref.startsWith('refs/') &&
    ref.split('/').length >= 3 &&
    !ref.split('/').some((part) => part === '')
  )
}

function personFrom(ctx: HandlerContext, given: unknown, fallback: GitPerson): GitPerson {
  if (typeof given !== 'object' || given === null) return fallback
  const person = given as Partial<GitPerson>
  return {
    name: person.name ?? fallback.name,
    email: person.email ?? fallback.email,
    date: person.date ?? ctx.state.now(),
  }
}

export const gitDataHandlers: Record<string, Handler> = {
  'git/get-ref': async (ctx) => {
    const repo = visibleRepo(ctx)
    const ref = qualified(ctx)
    const entry = (await refsOf(repo).list(ref)).find((e) => e.ref === ref)
    if (!entry) throw notFound()
    return ok(gitRef(ctx.links, repo, entry))
  },

  'git/list-matching-refs': async (ctx) => {
    const repo = visibleRepo(ctx)
    const entries = await refsOf(repo).list(qualified(ctx))
    return ok(entries.map((e) => gitRef(ctx.links, repo, e)))
  },

  'git/create-ref': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWrite(ctx, repo)
    const { ref, sha } = ctx.body as { ref: string; sha: string }
    if (!validRefName(ref)) throw new HttpError(422, `${ref} is not a valid ref name.`)
    const result = await refsOf(repo).create(ref, sha)
    if (result === 'exists') throw new HttpError(422, 'Reference already exists')
    if (result === 'no-object') throw new HttpError(422, 'Object does not exist')
    const entry = (await refsOf(repo).list(ref)).find((e) => e.ref === ref)
    if (!entry) throw new HttpError(500, 'ref vanished after creation')
    const json = gitRef(ctx.links, repo, entry)
    return created(json, json.url)
  },

  'git/update-ref': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWrite(ctx, repo)
    const { sha, force } = ctx.body as { sha: string; force?: boolean }
    const ref = qualified(ctx)
    const result = await refsOf(repo).update(ref, sha, force === true)
    if (result === 'missing') throw new HttpError(422, 'Reference does not exist')
    if (result === 'no-object') throw new HttpError(422, 'Object does not exist')
    if (result === 'not-fast-forward') throw new HttpError(422, 'Update is not a fast forward')
    const entry = (await refsOf(repo).list(ref)).find((e) => e.ref === ref)
    if (!entry) throw new HttpError(500, 'ref vanished after update')
    return ok(gitRef(ctx.links, repo, entry))
  },

  'git/delete-ref': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWrite(ctx, repo)
    if (!(await refsOf(repo).delete(qualified(ctx))))
      throw new HttpError(422, 'Reference does not exist')
    return noContent()
  },

  'git/get-commit': async (ctx) => {
    const repo = visibleRepo(ctx)
    const commit = await readCommit(gitDirOf(repo), str(ctx, 'commit_sha'))
    if (!commit) throw notFound()
    return ok(gitCommit(ctx.links, repo, commit))
  },

  'git/create-commit': async (ctx) => {
    const repo = visibleRepo(ctx)
    requireWrite(ctx, repo)
    const gitDir = gitDirOf(repo)
    const body = ctx.body as {
      message: string
      tree: string
      parents?: string[]
      author?: unknown
      committer?: unknown
    }
    if ((await objectType(gitDir, body.tree)) !== 'tree') {
      throw validationFailed({
        resource: 'Commit',
        code: 'invalid',
        field: 'tree',
        message: 'Tree SHA does not exist',
      })
    }
    const parents = body.parents ?? []
    for (const parent of parents) {
      if ((await objectType(gitDir, parent)) !== 'commit') {
        throw validationFailed({
          resource: 'Commit',
          code: 'invalid',
          field: 'parents',
          message: 'Parent SHA does not exist or is not a commit object',
        })
      }
    }
    // Defaults as on GitHub: the author is the authenticated user, the committer the author.
    const user = ctx.state.ensureUser(ctx.identity.login)
    const self: GitPerson = {
      name: user.name ?? user.login,
      email: `${user.id}+${user.login}@users.noreply.${new URL(ctx.links.web).host}`,
      date: ctx.state.now(),
    }
    const author = personFrom(ctx, body.author, self)
    const committer = personFrom(ctx, body.committer, author)
    const sha = await commitTree(gitDir, {
      tree: body.tree,
      parents,
      message: body.message,
      author,
      committer,
    })
    const commit = await readCommit(gitDir, sha)
    if (!commit) throw new HttpError(500, 'commit vanished after creation')
    const json = gitCommit(ctx.links, repo, commit)
    return created(json, json.url)
  },

  'repos/get-branch': async (ctx) => {
    const repo = visibleRepo(ctx)
    const branch = str(ctx, 'branch')
    const sha = await refsOf(repo).resolve(`refs/heads/${branch}`)
    if (sha === null) throw new HttpError(404, 'Branch not found')
    const commit = await readCommit(gitDirOf(repo), sha)
    if (!commit) throw notFound()
    const api = `${ctx.links.api}/repos/${repo.full_name}`
    return ok({
      name: branch,
      commit: repoCommit(ctx.links, ctx.state, repo, commit),
      _links: {
        self: `${api}/branches/${branch}`,
        html: `${ctx.links.web}/${repo.full_name}/tree/${branch}`,
      },
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
      },
      protection_url: `${api}/branches/${branch}/protection`,
    })
  },

  // GET /repos/{owner}/{repo}/commits: newest first from `sha` (a SHA or branch; default the
  // default branch), as `git rev-list` orders them. Path, author and date filters are not emulated.
  'repos/list-commits': async (ctx) => {
    const repo = visibleRepo(ctx)
    const gitDir = gitDirOf(repo)
    for (const filter of ['path', 'author', 'committer', 'since', 'until']) {
      if (ctx.query[filter] !== undefined)
        ctx.violation(`not emulated: list commits filter "${filter}"`)
    }
    const ref = (ctx.query.sha as string | undefined) ?? repo.default_branch
    const refs = refsOf(repo)
    const sha = isSha(ref)
      ? ref
      : ((await refs.resolve(`refs/heads/${ref}`)) ?? (await refs.resolve(`refs/tags/${ref}`)))
    if (sha === null || (await objectType(gitDir, sha)) !== 'commit') throw notFound()
    const shas = (await git(gitDir, ['rev-list', '--max-count=1000', sha]))
      .split('\n')
      .filter(Boolean)
    const page = paginate(shas, ctx.query, ctx.url)
    const items = []
    for (const each of page.items) {
      const commit = await readCommit(gitDir, each)
      if (commit) items.push(repoCommit(ctx.links, ctx.state, repo, commit))
    }
    return ok(items, page.link ? { link: page.link } : undefined)
  },

  'repos/get-commit': async (ctx) => {
    const repo = visibleRepo(ctx)
    const gitDir = gitDirOf(repo)
    const ref = str(ctx, 'ref')
    // {ref} may be a SHA, a branch or a tag name, as on GitHub.
    const refs = refsOf(repo)
    const sha = isSha(ref)
      ? ref
      : ((await refs.resolve(`refs/heads/${ref}`)) ??
        (await refs.resolve(`refs/tags/${ref}`)) ??
        (await refs.resolve(ref)))
    const commit = sha === null ? null : await readCommit(gitDir, sha)
    if (!commit) throw new HttpError(422, `No commit found for SHA: ${ref}`)
    return ok(repoCommit(ctx.links, ctx.state, repo, commit))
  },
}
