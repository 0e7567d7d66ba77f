// Maps a concrete request path to one of GitHub's path templates. GitHub prefers literal
// segments over parameters (`/issues/comments` is not issue number "comments"), and accepts
// unescaped slashes in a trailing ref or branch name, so both rules are reproduced here.

export interface RouteTemplate<Op> {
  template: string
  operations: Map<string, Op> // keyed by upper-case method
}

export type RouteMatch<Op> =
  | { kind: 'match'; operation: Op; template: string; params: Record<string, string> }
  | { kind: 'method-not-allowed'; template: string; allowed: string[] }
  | { kind: 'unknown' }

type Segment = { literal: string } | { param: string }

interface CompiledTemplate<Op> extends RouteTemplate<Op> {
  segments: Segment[]
}

// Parameters that may swallow the rest of the path when sent with raw slashes
// (`/git/ref/heads/feature/x`, `/branches/feature/x`).
const GREEDY_TAIL_PARAMS = new Set(['ref', 'branch', 'path'])

function parseTemplate(template: string): Segment[] {
  return template
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part)
      return param ? { param: param[1] } : { literal: part }
    })
}

// Literal-before-parameter, left to right: the most specific template sorts first.
function compareSpecificity(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const aLiteral = 'literal' in a[i]
    const bLiteral = 'literal' in b[i]
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1
  }
  return 0
}

export class Router<Op> {
  private readonly byLength = new Map<number, CompiledTemplate<Op>[]>()
  private readonly greedy: CompiledTemplate<Op>[] = []

  constructor(templates: Iterable<RouteTemplate<Op>>) {
    for (const route of templates) {
      const compiled = { ...route, segments: parseTemplate(route.template) }
      const list = this.byLength.get(compiled.segments.length) ?? []
      list.push(compiled)
      this.byLength.set(compiled.segments.length, list)
      const last = compiled.segments.at(-1)
      if (last && 'param' in last && GREEDY_TAIL_PARAMS.has(last.param)) this.greedy.push(compiled)
    }
    for (const list of this.byLength.values()) {
      list.sort((a, b) => compareSpecificity(a.segments, b.segments))
    }
    this.greedy.sort((a, b) => compareSpecificity(a.segments, b.segments))
  }

  /** `rawPath` is the undecoded path (no query string); segments are decoded after splitting. */
  match(method: string, rawPath: string): RouteMatch<Op> {
    let parts: string[]
    try {
      parts = rawPath.split('/').slice(1).map(decodeURIComponent)
    } catch {
      return { kind: 'unknown' }
    }
    if (parts.some((part) => part === '')) return { kind: 'unknown' }
    const upper = method.toUpperCase()
    let pathOnly: CompiledTemplate<Op> | undefined

    const attempt = (
      candidates: CompiledTemplate<Op>[],
      greedyTail: boolean,
    ): RouteMatch<Op> | undefined => {
      for (const candidate of candidates) {
        const params = bind(candidate.segments, parts, greedyTail)
        if (!params) continue
        const operation = candidate.operations.get(upper)
        if (operation) return { kind: 'match', operation, template: candidate.template, params }
        pathOnly ??= candidate
      }
      return undefined
    }

    const found =
      attempt(this.byLength.get(parts.length) ?? [], false) ??
      attempt(
        this.greedy.filter((t) => t.segments.length < parts.length),
        true,
      )
    if (found) return found
    if (pathOnly) {
      return {
        kind: 'method-not-allowed',
        template: pathOnly.template,
        allowed: [...pathOnly.operations.keys()],
      }
    }
    return { kind: 'unknown' }
  }
}

function bind(
  segments: Segment[],
  parts: string[],
  greedyTail: boolean,
): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const isLast = i === segments.length - 1
    const value = greedyTail && isLast ? parts.slice(i).join('/') : parts[i]
    if ('literal' in segment) {
      if (segment.literal !== value) return undefined
    } else {
      params[segment.param] = value
    }
  }
  return params
}
