// POST /graphql: every document is parsed and validated against GitHub's published schema
// (a document that does not validate is a violation, answered with GraphQL errors as GitHub
// answers it), then executed with graphql-js over the emulator's state (views.ts).

import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
} from 'graphql'
import type { Links } from '../links.js'
import type { EmulatorState, Identity } from '../state.js'
import { GitHubGraphQLError } from './errors.js'
import { mutationRoot, queryRoot } from './root.js'
import { loadGraphQLSchema } from './schema.js'
import type { GraphQLContext } from './views.js'

export interface GraphQLRequest {
  state: EmulatorState
  links: Links
  identity: Identity
  body: unknown
  violation(problem: string): void
}

export interface GraphQLReply {
  status: number
  body: unknown
}

const NON_NULL_BUBBLE = /^Cannot return null for non-nullable field /

/** GitHub's error shape: its `type` beside the standard fields, no extensions for it. */
function formatError(error: GraphQLError): GraphQLFormattedError & { type?: string } {
  const original = error.originalError
  const type = original instanceof GitHubGraphQLError ? original.type : undefined
  return {
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  }
}

function errorsOnly(errors: readonly GraphQLError[]): GraphQLReply {
  return { status: 200, body: { errors: errors.map(formatError) } }
}

export async function runGraphQL(request: GraphQLRequest): Promise<GraphQLReply> {
  const { schema } = await loadGraphQLSchema()
  const violate = (problem: string) => request.violation(`graphql: ${problem}`)
  const body = request.body as { query?: unknown; variables?: unknown; operationName?: unknown }
  if (typeof body !== 'object' || body === null || typeof body.query !== 'string') {
    violate('the body has no "query" string')
    return {
      status: 200,
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
    }
  }
  const variables = body.variables ?? {}
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    violate('"variables" is not an object')
    return { status: 200, body: { errors: [{ message: 'Variables are invalid JSON.' }] } }
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined

  let document: DocumentNode
  try {
    document = parse(body.query)
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error
    violate(error.message)
    return errorsOnly([error])
  }
  const invalid = validate(schema, document)
  if (invalid.length > 0) {
    for (const error of invalid) violate(error.message)
    return errorsOnly(invalid)
  }
  const operation = getOperationAST(document, operationName)
  if (!operation || operation.operation === 'subscription') {
    const message = operation
      ? 'Subscriptions are not supported over HTTP.'
      : `No operation named ${JSON.stringify(operationName ?? '')} (or several operations and no operationName).`
    violate(message)
    return { status: 200, body: { errors: [{ message }] } }
  }

  const context: GraphQLContext = {
    state: request.state,
    links: request.links,
    identity: request.identity,
    places: new Map(),
    shas: new Map(),
  }
  const notEmulated = new Set<string>()
  // A plain property or a function of the field's arguments; a field the views leave out is
  // null here and recorded, rather than a crash.
  const fieldResolver: GraphQLFieldResolver<unknown, GraphQLContext> = (
    source,
    args,
    _ctx,
    info,
  ) => {
    if (typeof source === 'object' && source !== null && info.fieldName in source) {
      const value = (source as Record<string, unknown>)[info.fieldName]
      return typeof value === 'function' ? (value as (a: unknown) => unknown)(args) : value
    }
    const field = `${info.parentType.name}.${info.fieldName}`
    if (!notEmulated.has(field)) {
      notEmulated.add(field)
      request.violation(`not emulated: GraphQL ${field}`)
    }
    return null
  }
  const result = await execute({
    schema,
    document,
    operationName,
    variableValues: variables as Record<string, unknown>,
    contextValue: context,
    rootValue: operation.operation === 'mutation' ? mutationRoot(context) : queryRoot(context),
    fieldResolver,
  })
  for (const error of result.errors ?? []) {
    const original = error.originalError
    if (original instanceof GitHubGraphQLError) {
      if (original.extensions.violation) violate(error.message)
    } else if (!(NON_NULL_BUBBLE.test(error.message) && notEmulated.size > 0)) {
      // Bad variables, or an emulator bug: either way not something GitHub would answer.
      violate(`${error.message}${original?.stack ? `\n${original.stack}` : ''}`)
    }
  }
  const out: Record<string, unknown> = {}
  if ('data' in result) out.data = result.data
  if (result.errors?.length) out.errors = result.errors.map(formatError)
  return { status: 200, body: out }
}
