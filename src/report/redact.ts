// Credentials out of every text async-pr publishes (each version of the status
// comment, the job summary, the outputs), applied where the text leaves the
// action, so no renderer can forget it. The shapes and the run's own secret
// forms are those the push guard uses (src/util/secrets.ts). Pure.

import { findSecretsIn, redactSecrets } from '../util/secrets.js'
import { splitHiddenTail } from './state.js'

export interface Redaction {
  text: string
  /** What was removed, in words (never the value); empty when nothing was. */
  kinds: string[]
}

export function redact(text: string, knownForms: readonly string[]): Redaction {
  const found = findSecretsIn(text, knownForms)
  if (found.length === 0) return { text, kinds: [] }
  return {
    text: redactSecrets(text, knownForms),
    kinds: [...new Set(found.map((match) => match.kind))],
  }
}

/** What a report says when something was taken out of it. */
export function redactionNote(kinds: readonly string[]): string {
  return `**🔒 Redacted:** this report held ${kinds.join(', ')}; async-pr removed it before publishing. It came from something the agent read or wrote: find it in the workspace or the earlier steps, and revoke it if it is real.`
}

/**
 * A markdown report without credentials. When any were removed a visible note
 * says so, above the hidden lines at the end (the state line stays last).
 */
export function redactForPublishing(markdown: string, knownForms: readonly string[]): Redaction {
  const { text, kinds } = redact(markdown, knownForms)
  if (kinds.length === 0) return { text, kinds }
  const { visible, tail } = splitHiddenTail(text)
  return { text: `${visible.trimEnd()}\n\n${redactionNote(kinds)}\n${tail}`, kinds }
}
