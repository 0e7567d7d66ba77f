// Helpers the end-to-end tests share to read the PR the way a person does.

import { expect } from '@jest/globals'
import type { World } from './world.js'

export const MARKER = '<!-- async-pr:status -->'

/** The status comments on the world's PR, oldest first. */
export function statusComments(w: World) {
  return w.emulator.state
    .comments(w.owner, w.repo, w.prNumber)
    .filter((c) => c.body.includes(MARKER))
}

/** The body of the PR's (first) status comment. */
export function statusBody(w: World): string {
  const [comment] = statusComments(w)
  if (!comment) throw new Error('no status comment on the PR')
  return comment.body
}

/** Ends a test's world: GitHub must have seen no request it would reject. */
export async function closeWorld(w: World | undefined): Promise<void> {
  if (!w) return
  try {
    expect(w.emulator.violations).toEqual([])
  } finally {
    await w.close()
  }
}
