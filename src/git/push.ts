// Pushes the branch with the PAT. Never forced: a push that is not a
// fast-forward is rejected by the remote, and the work stays safe locally.

import type { Git } from './git.js'

export class PushError extends Error {
  override name = 'PushError'
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message)
  }
}

export interface PushTarget {
  remoteUrl: string
  auth: Record<string, string>
  branch: string
}

export async function pushHead(git: Git, target: PushTarget): Promise<void> {
  const result = await git.run(
    ['push', '--porcelain', '--no-verify', target.remoteUrl, `HEAD:refs/heads/${target.branch}`],
    { env: target.auth, allowFailure: true },
  )
  if (result.exitCode !== 0) {
    const detail = `${result.stdout}\n${result.stderr}`.trim()
    throw new PushError(explainPushFailure(detail, target.branch), detail)
  }
}

/** A reason a person can act on, from git's own words. */
export function explainPushFailure(detail: string, branch: string): string {
  if (/refusing to allow .* workflow .*without `?workflow`? scope/i.test(detail)) {
    return `GitHub refused the push: the change touches .github/workflows and github_token lacks the \`workflow\` scope. Add that scope to the PAT, or keep workflow files out of the task.`
  }
  if (/protected branch|GH006|ruleset|GH013/i.test(detail)) {
    return `GitHub refused the push to ${branch}: the branch is protected by a rule the token cannot bypass.`
  }
  if (/non-fast-forward|fetch first|\[rejected\]|stale info/i.test(detail)) {
    return `The push to ${branch} was rejected because the branch moved while the agent worked.`
  }
  if (/Authentication failed|401|403|could not read Username/i.test(detail)) {
    return `The push to ${branch} was refused: github_token is not valid or cannot write to this repository.`
  }
  return `The push to ${branch} failed: ${detail.split('\n').slice(-3).join(' ')}`
}
