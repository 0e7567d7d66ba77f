// dispatch: branch from the base, an empty commit, and a pull request whose
// body is the task, all through the API, so no clone is needed and parallel
// dispatches never touch a shared working tree.

import { statusOf } from '../../github/client.js'
import type { DispatchCommand } from '../args.js'
import { branchName, randomSuffix } from '../branch.js'
import { createContext, type Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { githubMessage } from '../github.js'
import { json, line, type Io } from '../io.js'
import { unknownRepository } from '../observe.js'
import { readTask, type Task } from '../task-input.js'
import { terminalSafe } from '../terminal.js'
import { follow, hint } from './watch.js'

/** Fresh names tried when a generated branch name is already taken. */
const NAME_ATTEMPTS = 5
export const EMPTY_COMMIT_SUBJECT = 'chore: trigger async task'

export interface Dispatched {
  number: number
  url: string
  branch: string
  base: string
  draft: boolean
  headSha: string
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

async function baseCommit(ctx: Context, base: string): Promise<{ sha: string; tree: string }> {
  try {
    const branch = await ctx.reader.get<ApiBranch>('/repos/{owner}/{repo}/branches/{branch}', {
      ...params(ctx),
      branch: base,
    })
    return { sha: branch.commit.sha, tree: branch.commit.commit.tree.sha }
  } catch (error) {
    if (statusOf(error) === 404)
      throw new CliError(
        `The base branch "${base}" does not exist in ${ctx.fullName}. Pass --base with an existing branch.`,
      )
    if (statusOf(error) === 409)
      throw new CliError(`${ctx.fullName} is empty: push a first commit before dispatching tasks.`)
    throw ctx.reader.explain(error, `read the base branch "${base}"`)
  }
}

async function emptyCommit(ctx: Context, parent: { sha: string; tree: string }, task: Task) {
  try {
    const commit = await ctx.reader.send<{ sha: string }>(
      'POST',
      '/repos/{owner}/{repo}/git/commits',
      {
        ...params(ctx),
        // The parent's tree: a commit that changes nothing, only there to open the PR on.
        message: `${EMPTY_COMMIT_SUBJECT}\n\n${task.title}`,
        tree: parent.tree,
        parents: [parent.sha],
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
async function createBranch(
  ctx: Context,
  command: DispatchCommand,
  task: Task,
  sha: string,
  io: Io,
): Promise<string> {
  const now = io.now ?? (() => new Date())
  const random = io.random ?? randomSuffix
  for (let attempt = 1; ; attempt++) {
    const branch = command.branch ?? branchName(command.prefix, task.title, now(), random())
    try {
      await ctx.reader.send('POST', '/repos/{owner}/{repo}/git/refs', {
        ...params(ctx),
        ref: `refs/heads/${branch}`,
        sha,
      })
      return branch
    } catch (error) {
      if (!alreadyExists(error)) throw ctx.reader.explain(error, `create the branch "${branch}"`)
      if (command.branch !== undefined)
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

async function openPull(
  ctx: Context,
  command: DispatchCommand,
  task: Task,
  branch: string,
  base: string,
) {
  try {
    return await ctx.reader.send<{ number: number; html_url: string }>(
      'POST',
      '/repos/{owner}/{repo}/pulls',
      {
        ...params(ctx),
        title: task.title,
        body: task.body,
        head: branch,
        base,
        draft: command.draft,
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

export async function dispatchCommand(command: DispatchCommand, io: Io): Promise<number> {
  const task = await readTask(command, io)
  const ctx = await createContext(io, command.repo)
  const base = await baseBranch(ctx, command.base)
  const parent = await baseCommit(ctx, base)
  const headSha = await emptyCommit(ctx, parent, task)
  const branch = await createBranch(ctx, command, task, headSha, io)
  const pull = await openPull(ctx, command, task, branch, base)
  const dispatched: Dispatched = {
    number: pull.number,
    url: pull.html_url,
    branch,
    base,
    draft: command.draft,
    headSha,
  }
  if (command.json) json(io.stdout, dispatched)
  else line(io.stdout, `#${pull.number} ${terminalSafe(pull.html_url)}`)
  line(
    io.stderr,
    `Opened ${command.draft ? 'draft ' : ''}pull request #${pull.number} in ${ctx.fullName} from ${branch} (based on ${base} at ${parent.sha.slice(0, 7)}).`,
  )
  if (command.draft)
    line(io.stderr, 'It is a draft: async-pr starts when it is marked ready for review.')
  if (!command.watch) {
    line(io.stderr, `Follow it: ${hint(ctx, 'watch', pull.number)}`)
    line(io.stderr, `Read the result: ${hint(ctx, 'result', pull.number)}`)
    return EXIT.ok
  }
  return follow(ctx, pull.number, command, io, command.json)
}
