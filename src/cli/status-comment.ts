// Reading the action's status comment: which comment it is, and what it says
// (state line, headline, checklist, the markdown a person reads). Pure.

import { STATUS_MARKER } from '../github/status-comment.js'
import { parseState, type CommentState } from '../report/state.js'

export interface CommentInfo {
  id: number
  url: string
  body: string
  author: string
  /** 'User', 'Bot' or 'Organization', as GitHub reports the comment's author. */
  authorType: string
  createdAt: string
  updatedAt: string
}

export interface ChecklistItem {
  done: boolean
  text: string
}

export interface StatusCommentView {
  comment: CommentInfo
  state: CommentState
}

/**
 * The run's status comment among a PR's comments (oldest first). The action
 * writes the marker as the first line and a state line at the end. Anyone can
 * post a comment that quotes both, so a bot's comment (the Actions token posts
 * as github-actions[bot]) wins over a person's; a person's is used only when no
 * bot wrote one, for setups whose comment_token is a personal token.
 */
export function pickStatusComment(comments: CommentInfo[]): StatusCommentView | undefined {
  const candidates: StatusCommentView[] = []
  for (const comment of comments) {
    if (!comment.body.trimStart().startsWith(STATUS_MARKER)) continue
    const state = parseState(comment.body)
    if (state) candidates.push({ comment, state })
  }
  return candidates.filter((c) => c.comment.authorType === 'Bot').at(-1) ?? candidates.at(-1)
}

const HIDDEN_LINE = /^\s*<!--.*-->\s*$/

/** The comment as a person reads it: without the marker and the machine-readable line. */
export function visibleMarkdown(body: string): string {
  return body
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !HIDDEN_LINE.test(line))
    .join('\n')
    .trim()
}

/** The `### <emoji> <headline>` line, without the hashes. */
export function headline(body: string): string | undefined {
  for (const line of visibleMarkdown(body).split('\n')) {
    const match = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)
    if (match) return match[1]
  }
  return undefined
}

const TASK_ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/

/**
 * The run's checklist: the task-list items under a "Checklist" heading or
 * label when there is one (the agent's own summary may contain task lists
 * too), otherwise every task-list item in the comment.
 */
export function checklist(body: string): ChecklistItem[] {
  const lines = visibleMarkdown(body).split('\n')
  const label = lines.findIndex((line) => /^\s*(?:#{1,6}\s+|\*\*)\s*checklist\b/i.test(line))
  const item = (line: string): ChecklistItem | undefined => {
    const match = TASK_ITEM.exec(line)
    return match ? { done: match[1] !== ' ', text: match[2] as string } : undefined
  }
  if (label >= 0) {
    const items: ChecklistItem[] = []
    for (const line of lines.slice(label + 1)) {
      const parsed = item(line)
      if (parsed) items.push(parsed)
      else if (line.trim() !== '') break
    }
    return items
  }
  return lines.map(item).filter((parsed): parsed is ChecklistItem => parsed !== undefined)
}
