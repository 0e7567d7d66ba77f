// list: the open async pull requests and their states. One request for the
// open pull requests (per 100), then one per pull request for its comments,
// a few at a time; only the --limit most recently updated are looked at.

import type { ListCommand } from '../args.js'
import { createContext, type Context } from '../context.js'
import { EXIT } from '../errors.js'
import { json, line, type Io } from '../io.js'
import { statusOf } from '../../github/client.js'
import { loadComments, unknownRepository } from '../observe.js'
import { listText, snapshotJson } from '../render.js'
import { deriveSnapshot, type PullInfo, type Snapshot } from '../snapshot.js'
import { pickStatusComment } from '../status-comment.js'

const CONCURRENCY = 4
const PAGE_SIZE = 100

interface ApiPull {
  number: number
  title: string
  html_url: string
  state: string
  draft?: boolean
  merged_at: string | null
  user: { login: string } | null
  head: { ref: string; sha: string }
  base: { ref: string }
}

async function openPulls(ctx: Context, limit: number): Promise<PullInfo[]> {
  const pulls: ApiPull[] = []
  try {
    for (let page = 1; pulls.length < limit; page++) {
      const batch = await ctx.reader.get<ApiPull[]>('/repos/{owner}/{repo}/pulls', {
        owner: ctx.repo.owner,
        repo: ctx.repo.name,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: Math.min(PAGE_SIZE, limit),
        page,
      })
      pulls.push(...batch)
      if (batch.length < Math.min(PAGE_SIZE, limit)) break
    }
  } catch (error) {
    if (statusOf(error) === 404) throw unknownRepository(ctx.reader, ctx.repo)
    throw ctx.reader.explain(error, `list the open pull requests of ${ctx.fullName}`)
  }
  return pulls.slice(0, limit).map((pull) => ({
    number: pull.number,
    title: pull.title,
    url: pull.html_url,
    state: 'open',
    merged: false,
    draft: pull.draft === true,
    author: pull.user?.login ?? '',
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
  }))
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order. */
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

export async function listCommand(command: ListCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  const pulls = await openPulls(ctx, command.limit)
  const looked = await mapLimited(pulls, CONCURRENCY, async (pull) => {
    const status = pickStatusComment(await loadComments(ctx.reader, ctx.repo, pull.number))
    const isAsync = status !== undefined || pull.headRef.startsWith(command.prefix)
    return isAsync ? deriveSnapshot({ repo: ctx.fullName, pull, status }) : undefined
  })
  const snapshots = looked.filter((snapshot): snapshot is Snapshot => snapshot !== undefined)
  if (command.json)
    json(
      io.stdout,
      snapshots.map((snapshot) => snapshotJson(snapshot)),
    )
  else line(io.stdout, listText(snapshots))
  return EXIT.ok
}
