// GitHub's OpenAPI description is OpenAPI 3.0; Ajv speaks JSON Schema. These rewrites bridge the
// gap where the two disagree, and fix the few places where the description contradicts what
// GitHub actually sends. Each rewrite is narrow and says why it exists.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Rewrites `nullable` the way OpenAPI 3.0 means it. Ajv supports `nullable: true` only next to
 * `type` (it refuses to compile otherwise), and an `enum` next to it must list `null` explicitly,
 * whereas OpenAPI 3.0 lets `nullable` stand alone (GitHub uses it beside `anyOf`/`allOf`/`$ref`)
 * and GitHub does send `null` for nullable enums (e.g. a workflow run's `conclusion`).
 */
function fixNullable(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) fixNullable(item)
    return
  }
  if (!isObject(node)) return
  for (const value of Object.values(node)) fixNullable(value)
  if (node.nullable !== true) return
  if (node.type === undefined) {
    const rest: JsonObject = { ...node }
    delete rest.nullable
    for (const key of Object.keys(node)) delete node[key]
    node.anyOf = [{ type: 'null' }, rest]
    return
  }
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null]
}

/**
 * A pull request whose head fork was deleted comes back with `head.repo: null`; the description
 * types it as a non-nullable `repository`, so a faithful response would fail validation.
 */
function allowDeletedForks(schemas: JsonObject): void {
  for (const name of ['pull-request', 'pull-request-simple']) {
    const pr = schemas[name]
    if (!isObject(pr) || !isObject(pr.properties)) continue
    for (const side of ['head', 'base']) {
      const branch = pr.properties[side]
      if (!isObject(branch) || !isObject(branch.properties)) continue
      const repo = branch.properties.repo
      if (isObject(repo)) branch.properties.repo = { anyOf: [{ type: 'null' }, repo] }
    }
  }
}

/**
 * An outdated review comment (its lines changed since) comes back with `line` and `position`
 * null, and a file-level one has no line at all; the description types them as plain integers.
 */
function allowOutdatedReviewComments(schemas: JsonObject): void {
  for (const name of ['pull-request-review-comment', 'review-comment']) {
    const comment = schemas[name]
    if (!isObject(comment) || !isObject(comment.properties)) continue
    for (const field of ['line', 'original_line', 'position', 'original_position']) {
      const schema = comment.properties[field]
      if (isObject(schema)) comment.properties[field] = { anyOf: [{ type: 'null' }, schema] }
    }
  }
}

/**
 * The workflow runs `created` filter takes GitHub's search syntax (`>=2030-01-01T10:00:00Z`,
 * `A..B`), as its own description says, but its schema says `format: date-time`, which no such
 * range is.
 */
function allowCreatedRanges(parameters: JsonObject): void {
  const created = parameters.created
  if (isObject(created) && isObject(created.schema)) delete created.schema.format
}

/** Mutates the parsed description in place; returns it for chaining. */
export function applySchemaQuirks<T>(spec: T): T {
  const root = spec as unknown as JsonObject
  // Webhook payloads and examples are large and never validated here; dropping them keeps
  // Ajv's schema registration fast.
  delete root['x-webhooks']
  const components = root.components
  if (isObject(components)) {
    delete components.examples
    if (isObject(components.parameters)) allowCreatedRanges(components.parameters)
    if (isObject(components.schemas)) {
      allowDeletedForks(components.schemas)
      allowOutdatedReviewComments(components.schemas)
    }
  }
  fixNullable(root.components ?? null)
  fixNullable(root.paths ?? null)
  return spec
}
