// A PR's open review threads, as a follow-up gives them to the agent, and the
// two writes that answer one. Whether a thread is resolved exists only in
// GraphQL (`pullRequest.reviewThreads`); replies go through REST, to the
// thread's first comment. Only threads a writer started count (or async-pr's
// own review, posted with the same token), and in them only what writers
// said: anyone else's text never reaches the agent.

import { accountInfo } from './accounts.js'
import type { GitHub } from './client.js'
import { authorize } from '../trust.js'

export interface ThreadComment {
  author: string
  body: string
}

export interface ReviewThread {
  /** The GraphQL node id: what resolveReviewThread takes. */
  id: string
  path: string
  /** The line on the head it sits on now, or where it was left when it is outdated. */
  line?: number
  outdated: boolean
  diffHunk: string
  /** The REST id of its first comment: replies are made to it. */
  firstCommentId: number
  url: string
  /** What writers said in it, oldest first. */
  comments: ThreadComment[]
  /** Comments by anyone else, left out. */
  leftOut: number
}

export const REVIEW_THREADS_QUERY = /* GraphQL */ `
  query AsyncPrReviewThreads($owner: String!, $repo: String!, $number: Int!, $after: String) {
    viewer {
      login
    }
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        reviewThreads(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            isResolved
            isOutdated
            path
            line
            originalLine
            comments(first: 100) {
              nodes {
                databaseId
                author {
                  __typename
                  login
                }
                body
                diffHunk
                url
              }
            }
          }
        }
      }
    }
  }
`

export const RESOLVE_THREAD_MUTATION = /* GraphQL */ `
  mutation AsyncPrResolveThread($threadId: ID!) {
    resolveReviewThread(input: { threadId: $threadId }) {
      thread {
        id
        isResolved
      }
    }
  }
`

interface Author {
  __typename: string
  login: string
}

interface ThreadNode {
  id: string
  isResolved: boolean
  isOutdated: boolean
  path: string
  line: number | null
  originalLine: number | null
  comments: {
    nodes: Array<{
      databaseId: number | null
      author: Author | null
      body: string
      diffHunk: string
      url: string
    } | null> | null
  }
}

interface ThreadsAnswer {
  viewer: { login: string }
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
        nodes: Array<ThreadNode | null> | null
      }
    } | null
  } | null
}

export interface PullRef {
  owner: string
  repo: string
  number: number
}

/** Octokit's GraphQL client (retries, throttling) sent to `url` (settings.graphqlUrl). */
function graphqlAt(github: GitHub, url: string): GitHub['graphql'] {
  return github.graphql.defaults({ url })
}

/** A PR with more open threads than this is rare; the rest are left for a later follow-up. */
const MAX_PAGES = 3

/** GraphQL drops a bot's `[bot]` from its login; REST keeps it. */
function restLogin(author: Author): string {
  return author.__typename === 'Bot' ? `${author.login}[bot]` : author.login
}

function sameAccount(a: string, b: string): boolean {
  const bare = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '')
  return bare(a) === bare(b)
}

/**
 * The PR's unresolved review threads that a writer started, with what
 * writers said in them. `allowedBots` as for starting a run.
 */
export async function unresolvedThreads(
  github: GitHub,
  graphqlUrl: string,
  pr: PullRef,
  allowedBots: string[],
): Promise<ReviewThread[]> {
  const nodes: ThreadNode[] = []
  let viewer = ''
  let after: string | null = null
  const graphql = graphqlAt(github, graphqlUrl)
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: ThreadsAnswer = await graphql<ThreadsAnswer>(REVIEW_THREADS_QUERY, {
      owner: pr.owner,
      repo: pr.repo,
      number: pr.number,
      after,
    })
    viewer = answer.viewer.login
    const threads = answer.repository?.pullRequest?.reviewThreads
    if (!threads) break
    for (const node of threads.nodes ?? []) if (node) nodes.push(node)
    if (!threads.pageInfo.hasNextPage) break
    after = threads.pageInfo.endCursor
  }

  const verdicts = new Map<string, Promise<boolean>>()
  const isWriter = (author: Author | null): Promise<boolean> => {
    if (!author) return Promise.resolve(false)
    // async-pr's own review (the same token posts it) is answered like a writer's.
    if (sameAccount(author.login, viewer)) return Promise.resolve(true)
    const login = restLogin(author)
    let known = verdicts.get(login.toLowerCase())
    if (!known) {
      known = accountInfo(github, pr.owner, pr.repo, login).then(
        (info) => authorize(info, info, allowedBots).allowed,
      )
      verdicts.set(login.toLowerCase(), known)
    }
    return known
  }

  const found: ReviewThread[] = []
  for (const node of nodes) {
    if (node.isResolved) continue
    const comments = (node.comments.nodes ?? []).filter((c) => c !== null)
    const first = comments[0]
    if (!first || first.databaseId === null || !(await isWriter(first.author))) continue
    const kept: ThreadComment[] = []
    for (const comment of comments) {
      if (await isWriter(comment.author))
        kept.push({ author: comment.author?.login ?? 'ghost', body: comment.body })
    }
    found.push({
      id: node.id,
      path: node.path,
      line: node.line ?? node.originalLine ?? undefined,
      outdated: node.isOutdated,
      diffHunk: first.diffHunk,
      firstCommentId: first.databaseId,
      url: first.url,
      comments: kept,
      leftOut: comments.length - kept.length,
    })
  }
  return found
}

/** A reply in the thread (to its first comment, as GitHub threads replies). */
export async function replyInThread(
  github: GitHub,
  pr: PullRef,
  thread: ReviewThread,
  body: string,
): Promise<string> {
  const { data } = await github.rest.pulls.createReplyForReviewComment({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    comment_id: thread.firstCommentId,
    body,
  })
  return data.html_url
}

export async function resolveThread(
  github: GitHub,
  graphqlUrl: string,
  thread: ReviewThread,
): Promise<boolean> {
  const answer = await graphqlAt(github, graphqlUrl)<{
    resolveReviewThread: { thread: { isResolved: boolean } | null } | null
  }>(RESOLVE_THREAD_MUTATION, { threadId: thread.id })
  return answer.resolveReviewThread?.thread?.isResolved === true
}
