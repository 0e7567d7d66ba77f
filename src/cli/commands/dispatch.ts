// dispatch: one task (TITLE and --body), or many (--issue, --tasks FILE), each
// becoming its own pull request through the API. Many are dispatched one after
// another with their writes spaced (pacing.ts), refused issues are said so one
// line each while the rest go ahead, and --watch follows them all in one table.

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { statusOf } from '../../github/client.js'
import { errorMessage } from '../../util/errors.js'
import type { DispatchCommand } from '../args.js'
import { createContext, type Context } from '../context.js'
import { CliError, EXIT, UsageError } from '../errors.js'
import { followMany } from '../fleet/follow.js'
import { memberOf, type ApiListedPull } from '../fleet/members.js'
import type { Member } from '../fleet/poller.js'
import { json, jsonLine, line, type Io } from '../io.js'
import { issueVerdict, type IssueInfo, type IssueVerdict, type OpenPull } from '../issue-tasks.js'
import { openTaskPull, resolveBase, type Base, type Dispatched } from '../open-pull.js'
import { BATCH_WRITE_SPACING_MS, WriteSpacing } from '../pacing.js'
import { parseTaskFile } from '../task-file.js'
import { readStdin, readTask, type Task } from '../task-input.js'
import { terminalSafe } from '../terminal.js'
import { follow, hint } from './watch.js'

export { EMPTY_COMMIT_SUBJECT, type Dispatched } from '../open-pull.js'

/** Issues read at a time (reads are not spaced; GitHub asks only that writes be). */
const READ_CONCURRENCY = 4
const OPEN_PULL_PAGES = 10

async function dispatchOne(command: DispatchCommand, io: Io): Promise<number> {
  const task = await readTask(command, io)
  const ctx = await createContext(io, command.repo)
  const base = await resolveBase(ctx, command.base)
  const pull = await openTaskPull(
    ctx,
    base,
    {
      task,
      branch: command.branch,
      slugFrom: task.title,
      prefix: command.prefix,
      draft: command.draft,
    },
    io,
  )
  if (command.json) {
    const { number, url, branch, base: baseName, draft, headSha } = pull
    json(io.stdout, { number, url, branch, base: baseName, draft, headSha })
  } else line(io.stdout, `#${pull.number} ${terminalSafe(pull.url)}`)
  line(
    io.stderr,
    `Opened ${command.draft ? 'draft ' : ''}pull request #${pull.number} in ${ctx.fullName} from ${pull.branch} (based on ${base.name} at ${base.sha.slice(0, 7)}).`,
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

interface ApiIssue {
  number: number
  title: string
  body?: string | null
  state: string
  html_url: string
  pull_request?: unknown
}

type ApiOpenPull = ApiListedPull

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

async function loadIssue(ctx: Context, number: number): Promise<IssueInfo | undefined> {
  try {
    const issue = await ctx.reader.get<ApiIssue>('/repos/{owner}/{repo}/issues/{issue_number}', {
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      issue_number: number,
    })
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      state: issue.state === 'closed' ? 'closed' : 'open',
      url: issue.html_url,
      isPull: issue.pull_request !== undefined && issue.pull_request !== null,
    }
  } catch (error) {
    // 410: the issue was deleted (or issues are off); both mean there is no such issue to do.
    if (statusOf(error) === 404 || statusOf(error) === 410) return undefined
    throw ctx.reader.explain(error, `read issue #${number}`)
  }
}

/** The open pull requests (newest first), to find the ones already made for an issue. */
async function openPulls(ctx: Context): Promise<ApiOpenPull[]> {
  const pulls: ApiOpenPull[] = []
  try {
    for (let page = 1; page <= OPEN_PULL_PAGES; page++) {
      const batch = await ctx.reader.get<ApiOpenPull[]>('/repos/{owner}/{repo}/pulls', {
        owner: ctx.repo.owner,
        repo: ctx.repo.name,
        state: 'open',
        per_page: 100,
        page,
      })
      pulls.push(...batch)
      if (batch.length < 100) break
    }
  } catch (error) {
    throw ctx.reader.explain(error, `list the open pull requests of ${ctx.fullName}`)
  }
  return pulls
}

interface Planned {
  /** 1-based, in the order the tasks were given. */
  index: number
  issue?: number
  task: Task
  slugFrom: string
}

async function tasksFromFile(command: DispatchCommand, io: Io): Promise<Task[]> {
  const file = command.tasksFile as string
  let text: string
  try {
    text =
      file === '-' ? await readStdin(io.stdin) : await readFile(path.resolve(io.cwd, file), 'utf8')
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`Cannot read the tasks from ${file}: ${errorMessage(error)}`)
  }
  const parsed = parseTaskFile(text)
  const name = file === '-' ? 'Standard input' : file
  if (parsed.problems.length > 0)
    throw new UsageError(
      `${name} has sections that are not tasks:\n` +
        parsed.problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n'),
    )
  if (parsed.tasks.length === 0)
    throw new UsageError(
      `${name} has no tasks: each task is a section that starts with a "## " heading (its title).`,
    )
  return parsed.tasks
}

function dispatchedMember(pull: Dispatched, issue: number | undefined, author: string): Member {
  return {
    issue,
    pull: {
      number: pull.number,
      title: pull.title,
      url: pull.url,
      state: 'open',
      merged: false,
      draft: pull.draft,
      author,
      headRef: pull.branch,
      headSha: pull.headSha,
      baseRef: pull.base,
      createdAt: pull.createdAt,
    },
  }
}

async function dispatchMany(command: DispatchCommand, io: Io): Promise<number> {
  const fileTasks = command.tasksFile === undefined ? [] : await tasksFromFile(command, io)
  const ctx = await createContext(io, command.repo)
  const base: Base = await resolveBase(ctx, command.base)

  // Issues: read each, and the open pull requests once, before anything is written.
  let verdicts: IssueVerdict[] = []
  const open = command.issues.length > 0 ? await openPulls(ctx) : []
  if (command.issues.length > 0) {
    const issues = await mapLimited(command.issues, READ_CONCURRENCY, (n) => loadIssue(ctx, n))
    const known: OpenPull[] = open.map((pull) => ({
      number: pull.number,
      url: pull.html_url,
      title: pull.title,
      headRef: pull.head.ref,
      body: pull.body ?? '',
      createdAt: pull.created_at,
    }))
    verdicts = command.issues.map((number, i) =>
      issueVerdict(number, issues[i], known, { repo: ctx.fullName, prefix: command.prefix }),
    )
  }
  const planned: Planned[] = []
  let index = 0
  for (const verdict of verdicts) {
    index++
    if (verdict.kind === 'task')
      planned.push({
        index,
        issue: verdict.issue,
        task: verdict.task,
        slugFrom: `${verdict.issue} ${verdict.task.title}`,
      })
    else {
      line(io.stderr, `#${verdict.issue} refused: ${verdict.message}`)
      if (command.json)
        jsonLine(io.stdout, {
          task: index,
          issue: verdict.issue,
          status: 'refused',
          reason: verdict.reason,
          message: verdict.message,
          number: verdict.existing?.number ?? null,
          url: verdict.existing?.url ?? null,
        })
    }
  }
  for (const task of fileTasks) planned.push({ index: ++index, task, slugFrom: task.title })

  // Writes one a second: 20 dispatches (60 writes) stay within GitHub's secondary limits.
  if (planned.length > 1)
    ctx.reader.spacing = new WriteSpacing(io.writeSpacingMs ?? BATCH_WRITE_SPACING_MS)
  const members: Member[] = []
  let failed = 0
  for (const plan of planned) {
    try {
      const pull = await openTaskPull(
        ctx,
        base,
        { task: plan.task, slugFrom: plan.slugFrom, prefix: command.prefix, draft: command.draft },
        io,
      )
      members.push(dispatchedMember(pull, plan.issue, ''))
      if (command.json)
        jsonLine(io.stdout, {
          task: plan.index,
          issue: plan.issue ?? null,
          status: 'dispatched',
          title: plan.task.title,
          number: pull.number,
          url: pull.url,
          branch: pull.branch,
          base: pull.base,
          draft: pull.draft,
          headSha: pull.headSha,
        })
      else
        line(
          io.stdout,
          `#${pull.number} ${terminalSafe(pull.url)}${plan.issue === undefined ? '' : ` (issue #${plan.issue})`}`,
        )
    } catch (error) {
      if (io.signal?.aborted) throw error
      failed++
      const message = error instanceof Error ? error.message : String(error)
      const what = plan.issue === undefined ? `Task ${plan.index}` : `#${plan.issue}`
      line(io.stderr, `${what} failed: ${message}`)
      if (command.json)
        jsonLine(io.stdout, {
          task: plan.index,
          issue: plan.issue ?? null,
          status: 'failed',
          title: plan.task.title,
          message,
        })
    }
  }
  const refused = verdicts.filter((v) => v.kind === 'refused')
  line(
    io.stderr,
    `Dispatched ${members.length} of ${planned.length + refused.length} task(s) in ${ctx.fullName}` +
      `${refused.length > 0 ? `; ${refused.length} refused` : ''}${failed > 0 ? `; ${failed} failed` : ''}.`,
  )
  // Refused only because it already has an open async PR is no mistake: that one is watched too.
  const mistaken = refused.some((v) => v.reason !== 'has_open_pull')
  const code = failed > 0 || mistaken ? EXIT.usage : EXIT.ok
  if (!command.watch) {
    if (members.length > 0)
      line(
        io.stderr,
        `Follow them: async-pr watch ${members.map((m) => m.pull.number).join(' ')} --repo ${ctx.fullName}`,
      )
    return code
  }
  const existing = refused.flatMap((v) => {
    const pull = v.existing && open.find((p) => p.number === v.existing?.number)
    return pull ? [memberOf(pull, v.issue)] : []
  })
  const watched = [...members, ...existing].filter(
    (m, i, all) => all.findIndex((o) => o.pull.number === m.pull.number) === i,
  )
  if (watched.length === 0) return code
  return followMany(
    ctx,
    {
      members: watched,
      refused: refused
        .filter((v) => v.reason !== 'has_open_pull')
        .map((v) => ({
          issue: v.issue,
          title: `issue #${v.issue}`,
          reason: v.reason.replaceAll('_', ' '),
        })),
    },
    command,
    io,
    command.json,
  )
}

export async function dispatchCommand(command: DispatchCommand, io: Io): Promise<number> {
  if (command.issues.length > 0 || command.tasksFile !== undefined) return dispatchMany(command, io)
  return dispatchOne(command, io)
}
