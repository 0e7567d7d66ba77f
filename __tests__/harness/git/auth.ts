// HTTP Basic auth the way GitHub takes a token over git's smart HTTP: any user name and the
// token as password (checkout sends `x-access-token:<token>`), or the token as user name.
// Secrets are compared in constant time and never kept.

import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type AuthOutcome =
  | { kind: 'authorized'; user: string }
  | { kind: 'missing' }
  | { kind: 'wrong'; user?: string }
  /** More than one Authorization header: GitHub answers 400. */
  | { kind: 'duplicate' }

function sameSecret(a: string, b: string): boolean {
  // Hash first so lengths match and timingSafeEqual does not leak the token's length.
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}

/** All Authorization header values, including duplicates Node would otherwise drop. */
function authorizationHeaders(req: IncomingMessage): string[] {
  const values: string[] = []
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'authorization')
      values.push(req.rawHeaders[i + 1] ?? '')
  }
  return values
}

export function checkBasicAuth(req: IncomingMessage, token: string): AuthOutcome {
  const headers = authorizationHeaders(req)
  if (headers.length === 0) return { kind: 'missing' }
  if (headers.length > 1) return { kind: 'duplicate' }
  const match = /^basic\s+(\S+)\s*$/i.exec(headers[0] ?? '')
  if (!match?.[1]) return { kind: 'wrong' }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { kind: 'wrong' }
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  // GitHub also takes the token as the user name (`https://<token>@github.com/...`); the
  // recorded user must then not be the token itself.
  if (sameSecret(user, token)) return { kind: 'authorized', user: TOKEN_AS_USER }
  const shownUser = user.includes(token) ? TOKEN_AS_USER : user
  return sameSecret(password, token)
    ? { kind: 'authorized', user: shownUser }
    : { kind: 'wrong', user: shownUser }
}

/** Recorded in place of a user name that was (or contained) the token. */
export const TOKEN_AS_USER = '<token>'
