// One task → one pull request, all through the API: a branch from the base,
// an empty commit on it, and a pull request whose body is the task. No clone,
// so parallel dispatches never share a working tree. Three writes per task.

import { statusOf } from '../github/client.js'
import { branchName, randomSuffix } from './branch.js'
import type { Context } from './context.js'
import { CliError } from './errors.js'
import { githubMessage } from './github.js'
import type { Io } from './io.js'
import { unknownRepository } from './observe.js'
import type { Task } from './task-input.js'

/** Fresh names tried when a generated branch name is already taken. */
const NAME_ATTEMPTS = 5
export const EMPTY_COMMIT_SUBJECT = 'chore: trigger async task'

export interface Dispatched {
  number: number
  url: string
  title: string
  branch: string
  base: string
  draft: boolean
  headSha: string
  createdAt: string
}

export interface Base {
  name: string
  sha: string
  tree: string
}

export interface PullPlan {
  task: Task
  /** A branch name chosen by the user; otherwise one is generated from `slugFrom`. */
  branch?: string
  /** What the generated branch name is made from (the title, or "42 title" for an issue). */
  slugFrom: string
  prefix: string
  draft: boolean
}

interface ApiRepo {
  default_branch: string
  permissions?: { push?: boolean }
}

interface ApiBranch {
  commit: { sha: string; commit: { tree: { sha: string } } }
}

function params(ctx: Context) {
  return { owner: ctx.repo.owner, repo: ctx.repo.name }
}

async function baseBranch(ctx: Context, given?: string): Promise<string> {
  let repo: ApiRepo
  try {
    repo = await ctx.reader.get<ApiRepo>('/repos/{owner}/{repo}', params(ctx))
  } catch (error) {
    if (statusOf(error) === 404) throw unknownRepository(ctx.reader, ctx.repo)
    throw ctx.reader.explain(error, `look up ${ctx.fullName}`)
  }
  if (repo.permissions?.push === false)
    throw new CliError(
      `The token from ${ctx.token.source} can read ${ctx.fullName} but not push to it. ` +
        'dispatch needs write access to contents and pull requests.',
    )
  return given ?? repo.default_branch
}

/** The base branch and its tip, checked once for all the tasks of a dispatch. */
export async function resolveBase(ctx: Context, given?: string): Promise<Base> {
  const name = await baseBranch(ctx, given)
  try {
    const branch = await ctx.reader.get<ApiBranch>('/repos/{owner}/{repo}/branches/{branch}', {
      ...params(ctx),
      branch: name,
    })
    return { name, sha: branch.commit.sha, tree: branch.commit.commit.tree.sha }
  } catch (error) {
    if (statusOf(error) === 404)
      throw new CliError(
        `The base branch "${name}" does not exist in ${ctx.fullName}. Pass --base with an existing branch.`,
      )
    if (statusOf(error) === 409)
      throw new CliError(`${ctx.fullName} is empty: push a first commit before dispatching tasks.`)
    throw ctx.reader.explain(error, `read the base branch "${name}"`)
  }
}

async function emptyCommit(ctx: Context, base: Base, task: Task) {
  try {
    const commit = await ctx.reader.send<{ sha: string }>(
      'POST',
      '/repos/{owner}/{repo}/git/commits',
      {
        ...params(ctx),
        // The parent's tree: a commit that changes nothing, only there to open the PR on.
        message: `${EMPTY_COMMIT_SUBJECT}\n\n${task.title}`,
        tree: base.tree,
        parents: [base.sha],
      },
    )
    return commit.sha
  } catch (error) {
    throw ctx.reader.explain(error, 'create the empty commit')
  }
}

function alreadyExists(error: unknown): boolean {
  return statusOf(error) === 422 && /already exists/i.test(githubMessage(error))
}

/** Creates the branch; a clash on a generated name is retried with a new random part. */
async function createBranch(ctx: Context, plan: PullPlan, sha: string, io: Io): Promise<string> {
  const now = io.now ?? (() => new Date())
  const random = io.random ?? randomSuffix
  for (let attempt = 1; ; attempt++) {
    const branch = plan.branch ?? branchName(plan.prefix, plan.slugFrom, now(), random())
    try {
      await ctx.reader.send('POST', '/repos/{owner}/{repo}/git/refs', {
        ...params(ctx),
        ref: `refs/heads/${branch}`,
        sha,
      })
      return branch
    } catch (error) {
      if (!alreadyExists(error)) throw ctx.reader.explain(error, `create the branch "${branch}"`)
      if (plan.branch !== undefined)
        throw new CliError(
          `The branch "${branch}" already exists in ${ctx.fullName}. ` +
            'Choose another --branch, or leave it out for a generated name.',
        )
      if (attempt >= NAME_ATTEMPTS)
        throw new CliError(
          `${NAME_ATTEMPTS} generated branch names were all taken in ${ctx.fullName}; try again, or pass --branch.`,
        )
    }
  }
}

async function deleteBranch(ctx: Context, branch: string): Promise<boolean> {
  try {
    await ctx.reader.send('DELETE', '/repos/{owner}/{repo}/git/refs/{ref}', {
      ...params(ctx),
      ref: `heads/${branch}`,
    })
    return true
  } catch {
    return false
  }
}

async function createPull(ctx: Context, plan: PullPlan, branch: string, base: string) {
  try {
    return await ctx.reader.send<{ number: number; html_url: string; created_at: string }>(
      'POST',
      '/repos/{owner}/{repo}/pulls',
      {
        ...params(ctx),
        title: plan.task.title,
        body: plan.task.body,
        head: branch,
        base,
        draft: plan.draft,
      },
    )
  } catch (error) {
    // No pull request, no use for the branch: leave the repository as it was.
    const cleaned = await deleteBranch(ctx, branch)
    const failure = ctx.reader.explain(error, 'open the pull request')
    throw new CliError(
      cleaned
        ? `${failure.message} The branch "${branch}" was deleted again.`
        : `${failure.message} The branch "${branch}" is left behind; delete it by hand.`,
    )
  }
}

export async function openTaskPull(
  ctx: Context,
  base: Base,
  plan: PullPlan,
  io: Io,
): Promise<Dispatched> {
  const headSha = await emptyCommit(ctx, base, plan.task)
  const branch = await createBranch(ctx, plan, headSha, io)
  const pull = await createPull(ctx, plan, branch, base.name)
  return {
    number: pull.number,
    url: pull.html_url,
    title: plan.task.title,
    branch,
    base: base.name,
    draft: plan.draft,
    headSha,
    createdAt: pull.created_at,
  }
}
