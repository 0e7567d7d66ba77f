// Relay connections as GitHub serves them: `first` or `last` is required and at most 100,
// cursors are opaque base64 strings, and `totalCount` counts everything, not the page.

import { GitHubGraphQLError } from './errors.js'

export interface ConnectionArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

const MAX_PAGE = 100

function cursorFor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64')
}

function indexOf(cursor: string, name: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  if (!match) {
    throw new GitHubGraphQLError(`\`${name}\` is not a valid cursor.`, 'INVALID_CURSOR_ARGUMENTS', {
      violation: true,
    })
  }
  return Number(match[1])
}

export function connection<T>(items: T[], args: ConnectionArgs, field: string) {
  const { first, last, after, before } = args
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new GitHubGraphQLError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES',
      { violation: true },
    )
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value === undefined || value === null) continue
    if (value < 0) {
      throw new GitHubGraphQLError(
        `\`${name}\` must be a non-negative integer.`,
        'INVALID_ARGUMENTS',
        {
          violation: true,
        },
      )
    }
    if (value > MAX_PAGE) {
      throw new GitHubGraphQLError(
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
        'EXCESSIVE_PAGINATION',
        { violation: true },
      )
    }
  }
  let start = after ? indexOf(after, 'after') + 1 : 0
  let end = before ? indexOf(before, 'before') : items.length
  end = Math.min(end, items.length)
  if (first !== undefined && first !== null) end = Math.min(end, start + first)
  if (last !== undefined && last !== null) start = Math.max(start, end - last)
  const indices = Array.from({ length: Math.max(end - start, 0) }, (_, i) => start + i)
  const nodes = indices.map((i) => items[i])
  return {
    totalCount: items.length,
    nodes,
    edges: indices.map((i) => ({ cursor: cursorFor(i), node: items[i] })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: indices.length ? cursorFor(indices[0]) : null,
      endCursor: indices.length ? cursorFor(indices[indices.length - 1]) : null,
    },
  }
}
