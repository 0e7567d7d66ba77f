// GitHub's published GraphQL schema (from `@octokit/graphql-schema`), built once per process.
// The introspection JSON is used rather than the SDL: it is what the package's own validator
// builds from, it loads faster, and the SDL of this version defines two fields twice.

import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql'

const PACKAGE = '@octokit/graphql-schema'

// The package exports only its ESM entry (which parses the schema twice on import), so the JSON
// is found the way Node looks for packages: along the node_modules paths.
function schemaFile(): string {
  const require = createRequire(import.meta.url)
  for (const dir of require.resolve.paths(PACKAGE) ?? []) {
    const file = path.join(dir, PACKAGE, 'schema.json')
    if (existsSync(file)) return file
  }
  throw new Error(`${PACKAGE} is not installed (npm ci installs it as a dev dependency)`)
}

export interface SchemaStats {
  loadMs: number
  types: number
}

let cached: Promise<{ schema: GraphQLSchema; stats: SchemaStats }> | undefined

export function loadGraphQLSchema(): Promise<{ schema: GraphQLSchema; stats: SchemaStats }> {
  cached ??= (async () => {
    const started = performance.now()
    const introspection = JSON.parse(await readFile(schemaFile(), 'utf8')) as
      IntrospectionQuery | { data: IntrospectionQuery }
    const schema = buildClientSchema('data' in introspection ? introspection.data : introspection)
    return {
      schema,
      stats: {
        loadMs: Math.round(performance.now() - started),
        types: Object.keys(schema.getTypeMap()).length,
      },
    }
  })()
  return cached
}
