// A reaction tells a writer at a glance that their comment was picked up (👀):
// a follow-up's instruction, or a comment that steered a running session. Runs
// the PR itself started get none (their status comment says it all; see
// LiveStatus). Best effort: a reaction that fails never fails the run.

import type { GitHub } from './client.js'

export type Reaction = 'eyes'

export interface ReactionTarget {
  owner: string
  repo: string
  commentId: number
}

export async function react(
  github: GitHub,
  target: ReactionTarget,
  content: Reaction,
  warn: (line: string) => void,
): Promise<void> {
  try {
    await github.rest.reactions.createForIssueComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: target.commentId,
      content,
    })
  } catch (error) {
    warn(`Could not add the ${content} reaction: ${(error as Error).message}`)
  }
}
