// Fetches what a snapshot is derived from: the pull request, its comments, and
// the workflow run. Two or three conditional requests per look.

import { statusOf } from '../github/client.js'
import { CliError } from './errors.js'
import type { GitHubReader } from './github.js'
import type { RepoRef } from './repo-ref.js'
import {
  deriveSnapshot,
  runIdFromUrl,
  type PullInfo,
  type RunInfo,
  type Snapshot,
} from './snapshot.js'
import { pickStatusComment, type CommentInfo, type StatusCommentView } from './status-comment.js'

export interface ApiPull {
  number: number
  title: string
  html_url: string
  body?: string | null
  created_at?: string
  state: string
  merged?: boolean
  merged_at: string | null
  draft?: boolean
  user: { login: string } | null
  head: { ref: string; sha: string }
  base: { ref: string }
}

export interface ApiComment {
  id: number
  html_url: string
  body?: string
  user: { login: string; type: string } | null
  created_at: string
  updated_at: string
}

export interface ApiRun {
  id: number
  head_branch?: string | null
  html_url: string
  name?: string | null
  status: string | null
  conclusion: string | null
  event: string
  created_at: string
}

const RUNS_LOOKED_AT = 10

export function pullInfo(pull: ApiPull): PullInfo {
  return {
    createdAt: pull.created_at,
    number: pull.number,
    title: pull.title,
    url: pull.html_url,
    state: pull.state === 'closed' ? 'closed' : 'open',
    merged: pull.merged === true || pull.merged_at !== null,
    draft: pull.draft === true,
    author: pull.user?.login ?? '',
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
  }
}

export function commentInfo(comment: ApiComment): CommentInfo {
  return {
    id: comment.id,
    url: comment.html_url,
    body: comment.body ?? '',
    author: comment.user?.login ?? '',
    authorType: comment.user?.type ?? '',
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
  }
}

export function runInfo(run: ApiRun): RunInfo {
  return {
    id: run.id,
    url: run.html_url,
    name: run.name ?? 'workflow',
    status: run.status ?? 'queued',
    conclusion: run.conclusion,
    event: run.event,
    createdAt: run.created_at,
  }
}

function repoParams(repo: RepoRef) {
  return { owner: repo.owner, repo: repo.name }
}

/** A 404 means the repository or the pull request; one more request tells which. */
async function notFound(reader: GitHubReader, repo: RepoRef, number: number): Promise<CliError> {
  const name = `${repo.owner}/${repo.name}`
  try {
    await reader.get('/repos/{owner}/{repo}', repoParams(repo))
  } catch (error) {
    if (statusOf(error) === 404) return unknownRepository(reader, repo)
    return reader.explain(error, `look up ${name}`)
  }
  return new CliError(
    `Pull request #${number} not found in ${name}. Check the number (an issue is not a pull request), or pass --repo.`,
  )
}

export function unknownRepository(reader: GitHubReader, repo: RepoRef): CliError {
  return new CliError(
    `Repository ${repo.owner}/${repo.name} not found at ${reader.apiUrl}, or the token cannot see it. ` +
      'Check --repo (or the origin remote) and that the token has access to the repository.',
  )
}

export async function loadPull(
  reader: GitHubReader,
  repo: RepoRef,
  number: number,
): Promise<PullInfo> {
  try {
    const pull = await reader.get<ApiPull>('/repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repoParams(repo),
      pull_number: number,
    })
    return pullInfo(pull)
  } catch (error) {
    if (statusOf(error) === 404) throw await notFound(reader, repo, number)
    throw reader.explain(error, `read pull request #${number}`)
  }
}

export async function loadComments(
  reader: GitHubReader,
  repo: RepoRef,
  number: number,
): Promise<CommentInfo[]> {
  try {
    const comments = await reader.getAll<ApiComment>(
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      { ...repoParams(repo), issue_number: number },
    )
    return comments.map(commentInfo)
  } catch (error) {
    throw reader.explain(error, `read the comments of #${number}`)
  }
}

export async function loadRun(
  reader: GitHubReader,
  repo: RepoRef,
  id: number,
): Promise<RunInfo | undefined> {
  try {
    return runInfo(
      await reader.get<ApiRun>('/repos/{owner}/{repo}/actions/runs/{run_id}', {
        ...repoParams(repo),
        run_id: id,
      }),
    )
  } catch (error) {
    // Runs may be unreadable (a token without actions:read) or gone; the comment still tells.
    if (statusOf(error) === 404 || statusOf(error) === 403) return undefined
    throw reader.explain(error, `read workflow run ${id}`)
  }
}

export async function loadBranchRuns(
  reader: GitHubReader,
  repo: RepoRef,
  branch: string,
): Promise<RunInfo[]> {
  try {
    const data = await reader.get<{ workflow_runs: ApiRun[] }>(
      '/repos/{owner}/{repo}/actions/runs',
      { ...repoParams(repo), branch, per_page: RUNS_LOOKED_AT },
    )
    return data.workflow_runs.map(runInfo)
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return []
    throw reader.explain(error, `list the workflow runs of ${branch}`)
  }
}

/**
 * One look at a pull request. The status comment is authoritative once it
 * reports an end; while it says "working", the run it names is checked too, so
 * a run that was cancelled or lost its runner is not followed forever.
 */
export async function observe(
  reader: GitHubReader,
  repo: RepoRef,
  pull: PullInfo,
): Promise<Snapshot> {
  const fullName = `${repo.owner}/${repo.name}`
  let status: StatusCommentView | undefined = pickStatusComment(
    await loadComments(reader, repo, pull.number),
  )
  if (status?.state.state === 'working') {
    const id = runIdFromUrl(status.state.runUrl)
    const run = id === undefined ? undefined : await loadRun(reader, repo, id)
    if (run?.status === 'completed') {
      // The final report is written before the run completes: read the comment again, so a
      // run that finished between the two reads is not taken for one that died.
      status = pickStatusComment(await loadComments(reader, repo, pull.number)) ?? status
    }
    return deriveSnapshot({ repo: fullName, pull, status, run })
  }
  if (status) return deriveSnapshot({ repo: fullName, pull, status })
  const branchRuns = pull.state === 'open' ? await loadBranchRuns(reader, repo, pull.headRef) : []
  return deriveSnapshot({ repo: fullName, pull, branchRuns })
}
