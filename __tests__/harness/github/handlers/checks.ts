// Check runs: for a ref (sha, branch or tag), one by id, and its annotations. Jobs of workflow
// runs are check runs with the same id; other CI is seeded with state.addCheckRun().

import { isSha } from '../git.js'
import { HttpError, notFound } from '../errors.js'
import { paginate } from '../pagination.js'
import { annotation, checkRun } from '../render-actions.js'
import type { CheckRun } from '../state.js'
import { num, ok, refsOf, str, visibleRepo, type Handler, type HandlerContext } from './context.js'

function findCheck(ctx: HandlerContext): { check: CheckRun; repo: ReturnType<typeof visibleRepo> } {
  const repo = visibleRepo(ctx)
  const check = ctx.state.checkRuns.find(
    (c) => c.repo === repo.full_name && c.id === num(ctx, 'check_run_id'),
  )
  if (!check) throw notFound()
  return { check, repo }
}

export const checkHandlers: Record<string, Handler> = {
  'checks/list-for-ref': async (ctx) => {
    const repo = visibleRepo(ctx)
    const ref = str(ctx, 'ref')
    const refs = refsOf(repo)
    const sha = isSha(ref)
      ? ref
      : ((await refs.resolve(`refs/heads/${ref}`)) ??
        (await refs.resolve(`refs/tags/${ref}`)) ??
        (await refs.resolve(ref)))
    if (sha === null) throw new HttpError(422, `No commit found for SHA: ${ref}`)
    if (ctx.query.app_id !== undefined) ctx.violation('not emulated: check runs filter "app_id"')
    let checks = ctx.state.checkRuns
      .filter((c) => c.repo === repo.full_name && c.head_sha === sha)
      .filter((c) => ctx.query.check_name === undefined || c.name === ctx.query.check_name)
      .filter((c) => ctx.query.status === undefined || c.status === ctx.query.status)
      .sort((a, b) => b.id - a.id)
    // "latest" (the default): the most recent check run of each name and app.
    if (ctx.query.filter !== 'all') {
      const seen = new Set<string>()
      checks = checks.filter((c) => {
        const key = `${c.app}\u0000${c.name}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
    }
    const page = paginate(checks, ctx.query, ctx.url)
    return ok(
      {
        total_count: checks.length,
        check_runs: page.items.map((c) => checkRun(ctx.links, ctx.state, repo, c)),
      },
      page.link ? { link: page.link } : undefined,
    )
  },

  'checks/get': (ctx) => {
    const { check, repo } = findCheck(ctx)
    return ok(checkRun(ctx.links, ctx.state, repo, check))
  },

  'checks/list-annotations': (ctx) => {
    const { check, repo } = findCheck(ctx)
    const page = paginate(check.annotations, ctx.query, ctx.url)
    return ok(
      page.items.map((a) => annotation(ctx.links, repo, a, check.head_sha)),
      page.link ? { link: page.link } : undefined,
    )
  },
}
