// Errors a GitHub GraphQL answer carries: a `type` GitHub adds beside the standard fields
// (NOT_FOUND, FORBIDDEN, ...). Some mean the request itself was wrong (a missing pagination
// boundary): those are also recorded as violations, as GitHub would refuse them every time.

import { GraphQLError } from 'graphql'

export class GitHubGraphQLError extends GraphQLError {
  constructor(
    message: string,
    readonly type: string,
    options: { violation?: boolean } = {},
  ) {
    super(message, { extensions: { type, violation: options.violation === true } })
  }
}

export const notFound = (message: string) => new GitHubGraphQLError(message, 'NOT_FOUND')
export const forbidden = (message: string) => new GitHubGraphQLError(message, 'FORBIDDEN')
