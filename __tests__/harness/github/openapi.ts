// GitHub's published OpenAPI description (from `@octokit/openapi`), loaded once per process and
// turned into a router plus lazily compiled Ajv validators. We load the 13 MB description with
// `$ref`s intact rather than the 70 MB dereferenced one: parsing is ~5x faster, and Ajv resolves
// `#/components/...` itself when the whole document is registered under one id.

import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import { Router } from './routes.js'
import { applySchemaQuirks } from './spec-quirks.js'

export type JsonSchema = Record<string, unknown>

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: JsonSchema
}

export interface Operation {
  operationId: string
  method: string // upper case
  template: string
  docsUrl: string
  pathParams: Parameter[]
  queryParams: Parameter[]
  /** Present when the operation takes a JSON body; `ref` is the Ajv reference to its schema. */
  jsonBody?: {
    required: boolean
    ref: string
    /** Top-level properties, when the schema is a plain object that lists them. */
    properties?: string[]
  }
  /** Status code (or "default") → Ajv reference to the JSON response schema. */
  responses: Map<string, string>
}

export interface ParameterProblems {
  /** Path parameters that do not fit their schema: GitHub answers 404. */
  path: string[]
  /** Query parameters that do not fit their schema: GitHub answers 422. */
  query: string[]
  /** Query parameters the operation does not have: GitHub silently ignores them. */
  unknown: string[]
}

export interface BodyProblems {
  /** Schema violations: GitHub answers 422. */
  invalid: string[]
  /** Top-level properties the operation does not have: GitHub silently ignores them. */
  unknown: string[]
}

export interface LoadStats {
  readMs: number
  parseMs: number
  prepareMs: number
  registerMs: number
  totalMs: number
  operations: number
}

export interface OpenApi {
  stats: LoadStats
  operations: Map<string, Operation> // by operationId
  router: Router<Operation>
  /** Coerces query/path strings to their schema types in place; returns problems found. */
  checkParameters(
    op: Operation,
    path: Record<string, unknown>,
    query: Record<string, unknown>,
  ): ParameterProblems
  checkBody(op: Operation, body: unknown): BodyProblems
  /** For self-checks: does a response body match what the description promises? */
  checkResponse(op: Operation, status: number, body: unknown): string[]
}

const SPEC_ID = 'github'
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']

interface RawParameter {
  $ref?: string
  name: string
  in: Parameter['in']
  required?: boolean
  schema?: JsonSchema
}

interface RawOperation {
  operationId: string
  externalDocs?: { url?: string }
  parameters?: RawParameter[]
  requestBody?: { required?: boolean; content?: Record<string, unknown> }
  responses?: Record<string, { $ref?: string; content?: Record<string, unknown> }>
}

interface RawSpec {
  paths: Record<string, Record<string, unknown>>
  components: Record<string, Record<string, unknown>>
}

function pointer(...parts: string[]): string {
  const escaped = parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1')))
  return `${SPEC_ID}#/${escaped.join('/')}`
}

function resolveLocal<T>(spec: RawSpec, value: T & { $ref?: string }): T {
  if (!value.$ref) return value
  const parts = value.$ref.replace(/^#\//, '').split('/')
  let node: unknown = spec
  for (const part of parts)
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
  return resolveLocal(spec, node as T & { $ref?: string })
}

// Parameter schemas are validated by a separate, coercing Ajv that does not hold the whole
// description, so any `$ref` inside them is inlined here (they are small and acyclic).
function inlineRefs(spec: RawSpec, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(spec, item))
  if (typeof node !== 'object' || node === null) return node
  const record = node as Record<string, unknown>
  if (typeof record.$ref === 'string') return inlineRefs(spec, resolveLocal(spec, record))
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inlineRefs(spec, v)]))
}

function jsonMediaType(content: Record<string, unknown> | undefined): string | undefined {
  if (!content) return undefined
  return Object.keys(content).find((type) => type === 'application/json' || type.endsWith('+json'))
}

function buildOperations(spec: RawSpec): Map<string, Operation> {
  const operations = new Map<string, Operation>()
  for (const [template, item] of Object.entries(spec.paths)) {
    const shared = (item.parameters as RawParameter[] | undefined) ?? []
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined
      if (!raw) continue
      const params = [...shared, ...(raw.parameters ?? [])].map((p) => {
        const resolved = resolveLocal(spec, p)
        return {
          name: resolved.name,
          in: resolved.in,
          required: resolved.required === true || resolved.in === 'path',
          schema: (inlineRefs(spec, resolved.schema ?? {}) as JsonSchema) ?? {},
        }
      })
      // Request bodies are always inline in GitHub's description (there is no
      // `components/requestBodies`), so a JSON pointer into the path item reaches the schema.
      let jsonBody: Operation['jsonBody']
      const mediaType = jsonMediaType(raw.requestBody?.content)
      if (raw.requestBody && mediaType) {
        const schema = (raw.requestBody.content?.[mediaType] as { schema?: JsonSchema }).schema
        const listed =
          schema?.type === 'object' &&
          schema.additionalProperties === undefined &&
          schema.properties
            ? Object.keys(schema.properties as object)
            : undefined
        jsonBody = {
          required: raw.requestBody.required === true,
          ref: pointer('paths', template, method, 'requestBody', 'content', mediaType, 'schema'),
          properties: listed,
        }
      }
      const responses = new Map<string, string>()
      for (const [status, rawResponse] of Object.entries(raw.responses ?? {})) {
        const response = resolveLocal(spec, rawResponse)
        const responseType = jsonMediaType(response.content)
        if (!responseType) continue
        const base = rawResponse.$ref
          ? `${SPEC_ID}#/${rawResponse.$ref.replace(/^#\//, '')}`
          : pointer('paths', template, method, 'responses', status)
        responses.set(
          status,
          `${base}/content/${encodeURIComponent(responseType.replace(/\//g, '~1'))}/schema`,
        )
      }
      operations.set(raw.operationId, {
        operationId: raw.operationId,
        method: method.toUpperCase(),
        template,
        docsUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        jsonBody,
        responses,
      })
    }
  }
  return operations
}

// Numeric and other custom formats GitHub uses as annotations (int32/int64/double on numbers,
// "repo.nwo" etc. on strings). They carry no constraint GitHub enforces at the API edge, so they
// accept anything; unknown formats would otherwise make Ajv refuse to compile.
const ANNOTATION_FORMATS = ['int32', 'int64', 'double', 'timestamp', 'binary', 'repo.nwo']

function newAjv(options: { coerce: boolean }): Ajv {
  const ajv = new Ajv({
    // The description uses OpenAPI keywords (`example`, `x-github`, `discriminator`, ...) that
    // strict mode would reject as unknown.
    strict: false,
    allErrors: true,
    coerceTypes: options.coerce ? 'array' : false,
  })
  formats.default(ajv)
  for (const format of ANNOTATION_FORMATS) ajv.addFormat(format, true)
  return ajv
}

function describeErrors(errors: ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath ? `${root}${e.instancePath}` : root
    return `${where} ${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${JSON.stringify(e.params)})` : ''}`
  })
}

async function load(): Promise<OpenApi> {
  const started = performance.now()
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.json',
  )
  const text = await readFile(file, 'utf8')
  const read = performance.now()
  const spec = JSON.parse(text) as RawSpec
  const parsed = performance.now()
  applySchemaQuirks(spec)
  const operations = buildOperations(spec)
  const router = new Router(
    Object.keys(spec.paths).map((template) => ({
      template,
      operations: new Map(
        [...operations.values()]
          .filter((op) => op.template === template)
          .map((op) => [op.method, op]),
      ),
    })),
  )
  const prepared = performance.now()
  const bodyAjv = newAjv({ coerce: false })
  bodyAjv.addSchema(spec as unknown as JsonSchema, SPEC_ID)
  const paramAjv = newAjv({ coerce: true })
  const registered = performance.now()

  const compiled = new Map<string, ValidateFunction>()
  const compileRef = (ref: string): ValidateFunction => {
    let validate = compiled.get(ref)
    if (!validate) {
      validate = bodyAjv.compile({ $ref: ref })
      compiled.set(ref, validate)
    }
    return validate
  }
  const paramValidators = new Map<string, ValidateFunction>()
  const paramValidator = (op: Operation): ValidateFunction => {
    let validate = paramValidators.get(op.operationId)
    if (!validate) {
      const all = [...op.pathParams, ...op.queryParams]
      validate = paramAjv.compile({
        type: 'object',
        properties: Object.fromEntries(all.map((p) => [p.name, p.schema])),
        required: all.filter((p) => p.required).map((p) => p.name),
      })
      paramValidators.set(op.operationId, validate)
    }
    return validate
  }

  return {
    stats: {
      readMs: Math.round(read - started),
      parseMs: Math.round(parsed - read),
      prepareMs: Math.round(prepared - parsed),
      registerMs: Math.round(registered - prepared),
      totalMs: Math.round(registered - started),
      operations: operations.size,
    },
    operations,
    router,
    checkParameters(op, path, query) {
      const known = new Set(op.queryParams.map((p) => p.name))
      const problems: ParameterProblems = { path: [], query: [], unknown: [] }
      for (const name of Object.keys(query)) {
        if (!known.has(name))
          problems.unknown.push(`unknown query parameter '${name}' (GitHub ignores it)`)
      }
      // Validate path and query together (their names never collide in GitHub's description)
      // so one coercing pass handles both; values are copied back afterwards.
      const combined: Record<string, unknown> = { ...query, ...path }
      const validate = paramValidator(op)
      if (!validate(combined)) {
        for (const error of validate.errors ?? []) {
          const name =
            error.instancePath.split('/')[1] ??
            (error.params as { missingProperty?: string }).missingProperty
          const isPath = op.pathParams.some((p) => p.name === name)
          const text = describeErrors([error], isPath ? 'path' : 'query')[0]
          ;(isPath ? problems.path : problems.query).push(text)
        }
      }
      for (const name of Object.keys(path)) path[name] = combined[name]
      for (const name of Object.keys(query)) query[name] = combined[name]
      return problems
    },
    checkBody(op, body) {
      const problems: BodyProblems = { invalid: [], unknown: [] }
      if (!op.jsonBody) return problems
      const validate = compileRef(op.jsonBody.ref)
      if (!validate(body)) problems.invalid.push(...describeErrors(validate.errors, 'body'))
      // GitHub ignores fields it does not know (e.g. `draft` on a pull request update), so a
      // request that relies on one silently does nothing; that is a bug worth failing on.
      const listed = op.jsonBody.properties
      if (listed && typeof body === 'object' && body !== null && !Array.isArray(body)) {
        for (const name of Object.keys(body)) {
          if (!listed.includes(name)) {
            problems.unknown.push(`body has unknown property '${name}' (GitHub ignores it)`)
          }
        }
      }
      return problems
    },
    checkResponse(op, status, body) {
      const ref = op.responses.get(String(status)) ?? op.responses.get('default')
      if (!ref) {
        return body === undefined || status === 204 || status >= 400
          ? []
          : [`status ${status} is not a documented JSON response`]
      }
      const validate = compileRef(ref)
      return validate(body) ? [] : describeErrors(validate.errors, 'response')
    },
  }
}

let cached: Promise<OpenApi> | undefined

/** The parsed and prepared description; loaded on first call, shared by every emulator after. */
export function loadOpenApi(): Promise<OpenApi> {
  cached ??= load()
  return cached
}
