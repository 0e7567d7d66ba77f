// Conditional requests as GitHub serves them: every successful GET carries a weak ETag, and a
// request whose If-None-Match names it gets 304 Not Modified with no body, which GitHub does not
// count against the rate limit. GitHub's ETags vary with what the `Vary` header lists (Accept,
// Authorization), so the tag here hashes the body together with those.

import { createHash } from 'node:crypto'

/** `W/"<sha256>"` over the body text and the request headers the answer varies with. */
export function entityTag(bodyText: string, varies: Array<string | undefined>): string {
  const hash = createHash('sha256')
  for (const part of varies) hash.update(`${part ?? ''}\u0000`)
  hash.update(bodyText)
  return `W/"${hash.digest('hex')}"`
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*` matches any, lists are allowed. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined || header.trim() === '') return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//i, '')
  const wanted = opaque(etag)
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || opaque(tag) === wanted
  })
}
