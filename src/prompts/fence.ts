// Untrusted text in a prompt sits between tags it cannot close: the closing tag
// gets a suffix that none of the fenced texts contains. Pure.

import { stripHiddenText } from '../util/sanitize.js'

export interface Fence {
  /** The lines of `text` between `<TAG…>` and `</TAG…>`. */
  (tag: string, text: string): string[]
  /** The tag as the prompt names it (for sentences that refer to the fence). */
  tag(name: string): string
}

/** A fence for these texts under these tags: no text can end its fence early. */
export function fenceFor(tags: readonly string[], texts: readonly string[]): Fence {
  const all = texts.join('\n')
  let suffix = ''
  while (
    tags.some((tag) => all.includes(`</${tag}${suffix}>`) || all.includes(`<${tag}${suffix}>`))
  )
    suffix += '_'
  const fence = ((tag: string, text: string) => [
    `<${tag}${suffix}>`,
    text,
    `</${tag}${suffix}>`,
  ]) as Fence
  fence.tag = (name) => `${name}${suffix}`
  return fence
}

/** What the agent may see of someone else's text: what a reader sees, nothing hidden. */
export function cleaned(text: string): string {
  return stripHiddenText(text).trim()
}
