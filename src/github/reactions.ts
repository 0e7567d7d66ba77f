// Reactions tell at a glance that a run started (👀) and how it ended (🚀 / 😕).
// Best effort: a reaction that fails never fails the run.

import type { GitHub } from './client.js'

export type Reaction = 'eyes' | 'rocket' | 'confused'

export interface ReactionTarget {
  owner: string
  repo: string
  /** The instruction comment of a follow-up; otherwise the PR itself. */
  commentId?: number
  issueNumber: number
}

export async function react(
  github: GitHub,
  target: ReactionTarget,
  content: Reaction,
  warn: (line: string) => void,
): Promise<void> {
  try {
    if (target.commentId !== undefined) {
      await github.rest.reactions.createForIssueComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: target.commentId,
        content,
      })
    } else {
      await github.rest.reactions.createForIssue({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        content,
      })
    }
  } catch (error) {
    warn(`Could not add the ${content} reaction: ${(error as Error).message}`)
  }
}
