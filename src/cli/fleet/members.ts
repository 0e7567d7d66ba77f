// Which pull requests a watch of many follows: the ones named (read with one
// list of the most recent pull requests, and one request each for the rest), or
// every open async pull request (--all: the branch starts with the prefix, or a
// status comment is on it).

import { statusOf } from '../../github/client.js'
import type { Context } from '../context.js'
import { closedIssue } from '../issue-tasks.js'
import { loadPull, unknownRepository } from '../observe.js'
import type { Member } from './poller.js'

export interface ApiListedPull {
  number: number
  html_url: string
  title: string
  body?: string | null
  state?: string
  merged_at?: string | null
  created_at?: string
  head: { ref: string; sha: string }
  base: { ref: string }
  draft?: boolean
  user: { login: string } | null
}

const PAGE_SIZE = 100

export function memberOf(pull: ApiListedPull, issue?: number): Member {
  return {
    issue: issue ?? closedIssue(pull.body ?? ''),
    pull: {
      number: pull.number,
      title: pull.title,
      url: pull.html_url,
      state: pull.state === 'closed' ? 'closed' : 'open',
      merged: typeof pull.merged_at === 'string',
      draft: pull.draft === true,
      author: pull.user?.login ?? '',
      headRef: pull.head.ref,
      headSha: pull.head.sha,
      baseRef: pull.base.ref,
      createdAt: pull.created_at,
    },
  }
}

async function listPulls(
  ctx: Context,
  state: 'open' | 'all',
  maxPages: number,
): Promise<ApiListedPull[]> {
  const pulls: ApiListedPull[] = []
  try {
    for (let page = 1; page <= maxPages; page++) {
      const batch = await ctx.reader.get<ApiListedPull[]>('/repos/{owner}/{repo}/pulls', {
        owner: ctx.repo.owner,
        repo: ctx.repo.name,
        state,
        sort: 'created',
        direction: 'desc',
        per_page: PAGE_SIZE,
        page,
      })
      pulls.push(...batch)
      if (batch.length < PAGE_SIZE) break
    }
  } catch (error) {
    if (statusOf(error) === 404) throw unknownRepository(ctx.reader, ctx.repo)
    throw ctx.reader.explain(error, `list the pull requests of ${ctx.fullName}`)
  }
  return pulls
}

/** The named pull requests, in the order given. */
export async function namedMembers(ctx: Context, numbers: number[]): Promise<Member[]> {
  const recent = await listPulls(ctx, 'all', 1)
  const members: Member[] = []
  for (const number of numbers) {
    const listed = recent.find((pull) => pull.number === number)
    if (listed) {
      members.push(memberOf(listed))
      continue
    }
    // Older than the first page (or not a pull request: loadPull says which).
    const pull = await loadPull(ctx.reader, ctx.repo, number)
    members.push({ pull })
  }
  return members
}

/** Every open pull request; the poller's first look tells which of them are async. */
export async function openMembers(ctx: Context, maxPages = 10): Promise<Member[]> {
  return (await listPulls(ctx, 'open', maxPages)).map((pull) => memberOf(pull))
}
