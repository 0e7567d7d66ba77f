// GitHub's newer global node ids ("PRRT_kwDO…"): a type prefix, then an opaque base64url part.
// Review threads exist only in GraphQL, so their ids must be stable and decodable here; the same
// ids appear as `node_id` on the REST objects, as they do on GitHub.

export type NodePrefix =
  'PRRT' | 'PRRC' | 'PRR' | 'PR' | 'R' | 'I' | 'IC' | 'U' | 'BOT' | 'WFR' | 'CR'

export function globalId(prefix: NodePrefix, repoId: number, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${repoId}:${id}`).toString('base64url')}`
}

export function parseGlobalId(
  value: string,
): { prefix: string; repoId: number; id: number } | undefined {
  const match = /^([A-Z]+)_kwDO([A-Za-z0-9_-]+)$/.exec(value)
  if (!match) return undefined
  const [repoId, id] = Buffer.from(match[2], 'base64url').toString('utf8').split(':').map(Number)
  if (!Number.isSafeInteger(repoId) || !Number.isSafeInteger(id)) return undefined
  return { prefix: match[1], repoId, id }
}
