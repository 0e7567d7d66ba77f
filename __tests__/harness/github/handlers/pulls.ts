// Pull requests: get, list (with GitHub's filters and ordering), create and update.

import { HttpError, notFound, validationFailed } from '../errors.js'
import { paginate } from '../pagination.js'
import { pullRequest, pullRequestSimple } from '../render.js'
import { gitOrNull } from '../git.js'
import type { PullRequest, Repo } from '../state.js'
import { checkBodyLength } from './comments.js'
import {
  canWrite,
  created,
  forbidden,
  liveShas,
  num,
  ok,
  refsOf,
  visibleRepo,
  type Handler,
  type HandlerContext,
} from './context.js'

function findPull(ctx: HandlerContext, repo: Repo): PullRequest {
  const pr = ctx.state.pull(repo.owner, repo.name, num(ctx, 'pull_number'))
  if (!pr) throw notFound()
  return pr
}

async function render(ctx: HandlerContext, pr: PullRequest) {
  return pullRequest(ctx.links, ctx.state, pr, await liveShas(ctx, pr))
}

/** `head` in a create request: "branch" (same repository) or "owner:branch" (a fork). */
function resolveHead(ctx: HandlerContext, base: Repo, head: string): { repo: Repo; ref: string } {
  const colon = head.indexOf(':')
  if (colon < 0) return { repo: base, ref: head }
  const owner = head.slice(0, colon)
  const ref = head.slice(colon + 1)
  if (owner.toLowerCase() === base.owner.toLowerCase()) return { repo: base, ref }
  const fork = ctx.state.repo(owner, base.name)
  if (!fork) throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'head' })
  return { repo: fork, ref }
}

async function branchSha(repo: Repo, branch: string): Promise<string | null> {
  return refsOf(repo).resolve(`refs/heads/${branch}`)
}

/** True when head has nothing base lacks (GitHub: "No commits between ..."). */
async function nothingToMerge(
  base: Repo,
  baseSha: string,
  headRepo: Repo,
  headSha: string,
): Promise<boolean> {
  if (baseSha === headSha) return true
  // Ancestry is only knowable when both sides live in the same real repository.
  if (!base.gitDir || base.gitDir !== headRepo.gitDir) return false
  return (await gitOrNull(base.gitDir, ['merge-base', '--is-ancestor', headSha, baseSha])) !== null
}

function byOrder(sort: unknown, direction: unknown): (a: PullRequest, b: PullRequest) => number {
  const key = sort === 'updated' ? 'updated_at' : 'created_at'
  // GitHub: descending by default for created (or no sort), ascending otherwise.
  const desc =
    direction === undefined ? sort === undefined || sort === 'created' : direction === 'desc'
  return (a, b) => {
    const cmp = a[key].localeCompare(b[key]) || a.number - b.number
    return desc ? -cmp : cmp
  }
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': async (ctx) => {
    const repo = visibleRepo(ctx)
    return ok(await render(ctx, findPull(ctx, repo)))
  },

  'pulls/list': async (ctx) => {
    const repo = visibleRepo(ctx)
    const state = (ctx.query.state as string | undefined) ?? 'open'
    let pulls = ctx.state.pulls.filter(
      (p) =>
        p.repo.toLowerCase() === repo.full_name.toLowerCase() &&
        (state === 'all' || p.state === state),
    )
    const head = ctx.query.head as string | undefined
    if (head !== undefined) {
      const colon = head.indexOf(':')
      if (colon < 0) {
        // GitHub ignores a bare branch name here and returns every pull request.
        ctx.violation(
          `pulls/list: head=${JSON.stringify(head)} must be "owner:branch"; GitHub ignores it`,
        )
      } else {
        const owner = head.slice(0, colon).toLowerCase()
        const ref = head.slice(colon + 1)
        pulls = pulls.filter(
          (p) =>
            p.head.ref === ref && (p.head.repo ?? p.user).split('/')[0].toLowerCase() === owner,
        )
      }
    }
    if (ctx.query.base !== undefined) pulls = pulls.filter((p) => p.base.ref === ctx.query.base)
    pulls = [...pulls].sort(byOrder(ctx.query.sort, ctx.query.direction))
    const page = paginate(pulls, ctx.query, ctx.url)
    const items = []
    for (const pr of page.items)
      items.push(pullRequestSimple(ctx.links, ctx.state, pr, await liveShas(ctx, pr)))
    return ok(items, page.link ? { link: page.link } : undefined)
  },

  'pulls/create': async (ctx) => {
    const repo = visibleRepo(ctx)
    const body = ctx.body as {
      title?: string
      head: string
      base: string
      body?: string
      draft?: boolean
      maintainer_can_modify?: boolean
    }
    if (body.title === undefined || body.title.trim() === '') {
      throw validationFailed({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
    }
    if (body.body !== undefined) checkBodyLength(ctx, body.body, 'PullRequest')
    const head = resolveHead(ctx, repo, body.head)
    const headSha = await branchSha(head.repo, head.ref)
    if (headSha === null)
      throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'head' })
    const baseSha = await branchSha(repo, body.base)
    if (baseSha === null)
      throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'base' })
    const duplicate = ctx.state.pulls.find(
      (p) =>
        p.state === 'open' &&
        p.repo === repo.full_name &&
        p.base.ref === body.base &&
        p.head.ref === head.ref &&
        p.head.repo === head.repo.full_name,
    )
    if (duplicate) {
      throw validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${head.repo.owner}:${head.ref}.`,
      })
    }
    if (await nothingToMerge(repo, baseSha, head.repo, headSha)) {
      throw validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${body.base} and ${body.head}`,
      })
    }
    const pr = ctx.state.addPull({
      owner: repo.owner,
      repo: repo.name,
      user: ctx.identity.login,
      title: body.title,
      body: body.body ?? null,
      draft: body.draft ?? false,
      head: { ref: head.ref, sha: headSha, repo: head.repo.full_name },
      base: { ref: body.base, sha: baseSha },
    })
    pr.maintainer_can_modify = body.maintainer_can_modify ?? false
    const json = await render(ctx, pr)
    return created(json, json.url)
  },

  'pulls/update': async (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = findPull(ctx, repo)
    if (pr.user.toLowerCase() !== ctx.identity.login.toLowerCase() && !canWrite(ctx, repo))
      throw forbidden(ctx)
    const body = ctx.body as {
      title?: string
      body?: string
      state?: 'open' | 'closed'
      base?: string
      maintainer_can_modify?: boolean
    }
    if (body.body !== undefined) checkBodyLength(ctx, body.body, 'PullRequest')
    if (body.base !== undefined) {
      if ((await branchSha(repo, body.base)) === null) {
        throw validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'base' })
      }
      pr.base.ref = body.base
    }
    if (body.state !== undefined && body.state !== pr.state) {
      if (pr.merged)
        throw new HttpError(422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            field: 'state',
            message:
              'state cannot be changed. The pull request cannot be reopened after it has been merged.',
          },
        ])
      pr.state = body.state
      pr.closed_at = body.state === 'closed' ? ctx.state.now() : null
    }
    if (body.title !== undefined) pr.title = body.title
    if (body.body !== undefined) pr.body = body.body
    if (body.maintainer_can_modify !== undefined)
      pr.maintainer_can_modify = body.maintainer_can_modify
    pr.updated_at = ctx.state.now()
    return ok(await render(ctx, pr))
  },
}
