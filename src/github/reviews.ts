// Posts the reviewer's findings as one real pull request review (`event:
// COMMENT`, with the comment token). Inline comments go only where GitHub
// takes them — on a line of the PR's diff, as `GET /pulls/{n}/files` reports
// it — so the review is never refused (422) for a comment off the diff; the
// rest go in the review's body.

import type { Finding, ReviewAnswer } from '../stages/review-answer.js'
import { findingComment, reviewBody } from '../report/review.js'
import type { GitHub } from './client.js'
import { commentableLines } from './diff-lines.js'

export interface PostedReview {
  id: number
  url: string
  inline: number
  inBody: number
}

export interface ReviewTarget {
  owner: string
  repo: string
  prNumber: number
  /** The pushed commit the comments refer to. */
  commitSha: string
  runUrl: string
}

export function placeFindings(
  findings: Finding[],
  files: Array<{ filename: string; patch?: string }>,
): { inline: Finding[]; elsewhere: Finding[] } {
  const lines = new Map(files.map((file) => [file.filename, commentableLines(file.patch)]))
  const inline: Finding[] = []
  const elsewhere: Finding[] = []
  for (const finding of findings) {
    if (finding.line && lines.get(finding.path)?.has(finding.line)) inline.push(finding)
    else elsewhere.push(finding)
  }
  return { inline, elsewhere }
}

export async function postReview(
  github: GitHub,
  target: ReviewTarget,
  answer: ReviewAnswer,
  redact: (text: string) => string,
): Promise<PostedReview> {
  const files = await github.paginate(github.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.prNumber,
    per_page: 100,
  })
  const { inline, elsewhere } = placeFindings(answer.findings, files)
  const { data } = await github.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.prNumber,
    commit_id: target.commitSha,
    event: 'COMMENT',
    body: redact(reviewBody(answer, elsewhere, inline.length, target.runUrl)),
    comments: inline.map((finding) => ({
      path: finding.path,
      line: finding.line as number,
      side: 'RIGHT' as const,
      body: redact(findingComment(finding)),
    })),
  })
  return { id: data.id, url: data.html_url, inline: inline.length, inBody: elsewhere.length }
}
