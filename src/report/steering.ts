// What people said to a running task from the PR, as the status comment shows
// it: "Steered by @login: …" for an instruction the agent took, who stopped
// the run. Their words are someone else's text: one line, escaped, no one
// notified. Pure.

import { linkUrl, plain } from './markdown.js'

/** A comment that reached the running task: an instruction the agent took, or a stop. */
export interface SteeringNote {
  kind: 'steer' | 'stop'
  login: string
  commentId: number
  commentUrl: string
  /** What they wrote after the prefix (untrusted). */
  text: string
}

const SHOWN = 200

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1)}…` : line
}

/** One line per note, in the order they came. */
export function renderSteering(notes: readonly SteeringNote[]): string[] {
  return notes.map((note) => {
    const who = plain(`@${note.login}`)
    const link = `([comment](${linkUrl(note.commentUrl)}))`
    return note.kind === 'stop'
      ? `**Stopped by ${who}** from the PR ${link}`
      : `**Steered by ${who}:** ${plain(firstLine(note.text))} ${link}`
  })
}

/** Why the run ended, when someone stopped it from the PR. */
export function stoppedReason(note: SteeringNote): string {
  return `Stopped by @${note.login} from the PR (${note.commentUrl}). The work so far is committed and pushed.`
}
