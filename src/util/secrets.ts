// What a credential looks like, in one place: the push guard (what may be
// pushed) and the redaction of every text async-pr publishes (comments, the
// job summary, outputs, the execution file) use the same shapes and the same
// forms of the run's own secrets. Pure.

export interface SecretShape {
  /** What was found, in words (never the value). */
  kind: string
  pattern: RegExp
}

/**
 * Secret-shaped tokens, by issuer. Each pattern is global: callers scan whole
 * texts. A token is bounded by what cannot be part of it, not by `\b`: an
 * underscore next to it (`_ghp_…_` in emphasis, `KEY_ghp_…`) must not hide it.
 */
export const SECRET_SHAPES: readonly SecretShape[] = [
  { kind: 'a GitHub token', pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36,}/g },
  {
    kind: 'a GitHub fine-grained token',
    pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{60,}/g,
  },
  { kind: 'an Anthropic API key', pattern: /(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}/g },
  {
    kind: 'an AWS access key id',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/g,
  },
  { kind: 'a Slack token', pattern: /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/g },
  {
    kind: 'a private key',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----)?/g,
  },
]

/** The forms in which a known secret could be written down. */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < 8) continue
    forms.add(secret)
    forms.add(Buffer.from(secret).toString('base64'))
    forms.add(Buffer.from(`x-access-token:${secret}`).toString('base64'))
    forms.add(encodeURIComponent(secret))
  }
  return [...forms]
}

export interface SecretMatch {
  kind: string
  /** Offset of the match in the text. */
  index: number
  /** The matched text (for set logic by the caller; never to be printed). */
  value: string
}

export const KNOWN_SECRET_KIND = 'a credential this run holds'

/** Every credential in `text`: the run's own (in any of its forms) and secret-shaped tokens. */
export function findSecretsIn(text: string, knownForms: readonly string[]): SecretMatch[] {
  const found: SecretMatch[] = []
  for (const form of knownForms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
      found.push({ kind: KNOWN_SECRET_KIND, index: at, value: form })
    }
  }
  for (const { kind, pattern } of SECRET_SHAPES) {
    for (const match of text.matchAll(pattern)) {
      found.push({ kind, index: match.index, value: match[0] })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** `text` with every credential replaced by a note that says what was there. */
export function redactSecrets(text: string, knownForms: readonly string[]): string {
  const matches = findSecretsIn(text, knownForms)
  if (matches.length === 0) return text
  let out = ''
  let at = 0
  for (const match of matches) {
    if (match.index < at) continue // overlaps one already replaced
    out += text.slice(at, match.index) + `[redacted: ${match.kind}]`
    at = match.index + match.value.length
  }
  return out + text.slice(at)
}
