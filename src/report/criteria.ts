// Acceptance criteria: the task-list checkboxes of the PR body, and which of
// them the agent reports done (the prompt asks it to end with the same list,
// checked). Pure.

import { stripHiddenText } from '../util/sanitize.js'

export interface Criterion {
  text: string
  /** Undefined when the agent did not report on it. */
  done?: boolean
}

const TASK_ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$/

function items(markdown: string): Array<{ checked: boolean; text: string }> {
  const found: Array<{ checked: boolean; text: string }> = []
  let fenced = false
  for (const line of stripHiddenText(markdown).split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    const match = fenced ? null : TASK_ITEM.exec(line)
    if (match) found.push({ checked: match[1] !== ' ', text: match[2] as string })
  }
  return found
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_~"'“”‘’.,:;!?()[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function criteriaFrom(body: string): string[] {
  return items(body).map((item) => item.text)
}

export function judgeCriteria(body: string, agentReport: string): Criterion[] {
  const reported = items(agentReport).map((item) => ({ ...item, key: normalize(item.text) }))
  return criteriaFrom(body).map((text) => {
    const key = normalize(text)
    const match = reported.find(
      (item) =>
        item.key === key ||
        (key.length >= 8 &&
          (item.key.includes(key) || (key.includes(item.key) && item.key.length >= 8))),
    )
    return match ? { text, done: match.checked } : { text }
  })
}
