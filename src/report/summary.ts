// The job summary: the comment's content with the full timeline, or the skip.

import { renderFinal } from './comment.js'
import { plain, prose } from './markdown.js'
import type { Outcome } from './outcome.js'

export function renderSummary(outcome: Outcome): string {
  return `## async-pr on #${outcome.task.prNumber}\n\n${renderFinal(outcome, { timelineLimit: 1000 })}\n`
}

export function renderSkipSummary(reason: string, message: string): string {
  return `## async-pr skipped\n\n**${plain(reason)}**: ${prose(message)}\n`
}
