// Shared by the emulator's self-tests: a real Octokit against the emulator, a way to catch the
// HTTP error a request fails with, and the end-of-test check that nothing GitHub would reject
// (or that the emulator answered off-description) slipped through.

import { expect } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import type { GitHubEmulator } from './github/index.js'

// Failed requests are expected in these tests; keep Octokit's request log out of the output.
const quiet = () => {}
export const quietLog = { debug: quiet, info: quiet, warn: quiet, error: quiet }

export function octokitFor(emu: GitHubEmulator, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: emu.url, log: quietLog })
}

export interface HttpFailure {
  status: number
  message: string
  headers: Record<string, string | undefined>
  data: unknown
}

/** The HTTP error a request fails with (and fails the test if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise
  } catch (error) {
    const e = error as {
      status?: number
      message: string
      response?: { headers: Record<string, string>; data: unknown }
    }
    if (typeof e.status !== 'number') throw error
    return {
      status: e.status,
      message: e.message,
      headers: e.response?.headers ?? {},
      data: e.response?.data,
    }
  }
  throw new Error('expected the request to fail')
}

/** No violations but the expected ones (in order), and only schema-conformant responses. */
export function expectClean(emu: GitHubEmulator, expectedViolations: RegExp[] = []): void {
  expect(emu.responseProblems).toEqual([])
  expect(emu.violations).toHaveLength(expectedViolations.length)
  expectedViolations.forEach((pattern, i) => expect(emu.violations[i]).toMatch(pattern))
}

export interface GraphQLFailure {
  errors: Array<{ type?: string; message: string; path?: string[]; locations?: unknown }>
  data: unknown
}

/** The errors a GraphQL request fails with (Octokit throws GraphqlResponseError for them). */
export async function graphqlFailure(promise: Promise<unknown>): Promise<GraphQLFailure> {
  try {
    await promise
  } catch (error) {
    const e = error as { name?: string; errors?: GraphQLFailure['errors']; data?: unknown }
    if (e.name !== 'GraphqlResponseError' || !e.errors) throw error
    return { errors: e.errors, data: e.data }
  }
  throw new Error('expected the GraphQL request to fail')
}
