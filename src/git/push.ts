// Pushes the run's commits without ever clobbering anyone's work.
//
// Every push carries a lease on the branch tip the commits were built on, so
// it only ever fast-forwards the branch, and never recreates a branch someone
// deleted. If the branch moved, the commits are rebased onto the new tip and
// pushed again (bounded, with jitter). When that cannot work (a conflict, the
// branch deleted, a protection rule), the work goes to a new fallback branch
// instead: it is never lost, and never forced over someone else's.

import type { Git } from './git.js'

export interface PushPlan {
  remoteUrl: string
  auth: Record<string, string>
  branch: string
  /** The branch tip the commits were built on. */
  base: string
  /** Where the work goes when the branch cannot take it. */
  fallbackBranch: string
  /** Set to send the work to the fallback branch directly: why. */
  forceFallback?: string
  /** Identity for rebased commits. */
  committerEnv: Record<string, string>
  attempts?: number
  /** Waits between attempts; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>
}

export type PushResult =
  | { kind: 'pushed'; branch: string; head: string; upstream: string; rebasedOnto?: string }
  | { kind: 'fallback'; branch: string; head: string; upstream: string; why: string }
  | { kind: 'failed'; why: string }

type Rejection = 'moved' | 'protected' | 'workflow_scope' | 'auth' | 'other'

export function classifyRejection(detail: string): Rejection {
  if (/refusing to allow .*workflow.*without .?workflow.? scope/i.test(detail))
    return 'workflow_scope'
  if (/protected branch|GH006|GH013|ruleset|declined|pre-receive hook/i.test(detail))
    return 'protected'
  if (/stale info|fetch first|non-fast-forward|\[rejected\]/i.test(detail)) return 'moved'
  if (
    /Authentication failed|could not read Username|HTTP 40[13]|returned error: 40[13]/i.test(detail)
  )
    return 'auth'
  return 'other'
}

export function explainRejection(kind: Rejection, branch: string, detail: string): string {
  switch (kind) {
    case 'workflow_scope':
      return `GitHub refused the push: the change touches .github/workflows and github_token lacks the \`workflow\` scope. Add that scope to the PAT, or set allow_workflow_changes to false.`
    case 'protected':
      return `GitHub refused the push to \`${branch}\`: a branch protection rule or ruleset does not let this token push there.`
    case 'moved':
      return `The branch \`${branch}\` moved while the agent worked.`
    case 'auth':
      return `The push was refused: github_token is not valid or cannot write to this repository.`
    default:
      return `The push to \`${branch}\` failed: ${lastLines(detail)}`
  }
}

function lastLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' ')
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function pushTo(git: Git, plan: PushPlan, ref: string, lease: string) {
  const result = await git.run(
    [
      'push',
      '--porcelain',
      '--no-verify',
      `--force-with-lease=refs/heads/${ref}:${lease}`,
      plan.remoteUrl,
      `HEAD:refs/heads/${ref}`,
    ],
    { env: plan.auth, allowFailure: true },
  )
  return { ok: result.exitCode === 0, detail: `${result.stdout}\n${result.stderr}`.trim() }
}

/** The branch's current tip on the remote, or undefined when it is gone. */
async function remoteTip(git: Git, plan: PushPlan): Promise<string | undefined> {
  const tracking = `refs/remotes/origin/${plan.branch}`
  const fetched = await git.run(
    ['fetch', '--no-tags', plan.remoteUrl, `+refs/heads/${plan.branch}:${tracking}`],
    {
      env: plan.auth,
      allowFailure: true,
    },
  )
  if (fetched.exitCode !== 0) {
    if (/couldn't find remote ref|not our ref|no such ref/i.test(fetched.stderr)) return undefined
    throw new Error(
      `Could not fetch ${plan.branch} to rebase onto it: ${lastLines(fetched.stderr)}`,
    )
  }
  return git.output(['rev-parse', tracking])
}

async function rebaseOnto(
  git: Git,
  plan: PushPlan,
  tip: string,
  upstream: string,
): Promise<boolean> {
  const result = await git.run(['rebase', '--quiet', '--no-autostash', '--onto', tip, upstream], {
    env: plan.committerEnv,
    allowFailure: true,
  })
  if (result.exitCode === 0) return true
  await git.run(['rebase', '--abort'], { allowFailure: true })
  return false
}

async function pushFallback(
  git: Git,
  plan: PushPlan,
  upstream: string,
  why: string,
): Promise<PushResult> {
  const head = await git.output(['rev-parse', 'HEAD'])
  // An empty lease: the fallback branch must not exist yet.
  const pushed = await pushTo(git, plan, plan.fallbackBranch, '')
  if (pushed.ok) return { kind: 'fallback', branch: plan.fallbackBranch, head, upstream, why }
  const kind = classifyRejection(pushed.detail)
  return {
    kind: 'failed',
    why: `${why} Pushing the work to \`${plan.fallbackBranch}\` failed too: ${explainRejection(kind, plan.fallbackBranch, pushed.detail)}`,
  }
}

export async function pushWork(git: Git, plan: PushPlan): Promise<PushResult> {
  const attempts = plan.attempts ?? 4
  const sleep = plan.sleep ?? defaultSleep
  let upstream = plan.base
  let rebasedOnto: string | undefined
  if (plan.forceFallback) return pushFallback(git, plan, upstream, plan.forceFallback)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pushed = await pushTo(git, plan, plan.branch, upstream)
    if (pushed.ok) {
      const head = await git.output(['rev-parse', 'HEAD'])
      return { kind: 'pushed', branch: plan.branch, head, upstream, rebasedOnto }
    }
    const kind = classifyRejection(pushed.detail)
    if (kind === 'workflow_scope' || kind === 'auth') {
      return { kind: 'failed', why: explainRejection(kind, plan.branch, pushed.detail) }
    }
    if (kind !== 'moved')
      return pushFallback(git, plan, upstream, explainRejection(kind, plan.branch, pushed.detail))

    const tip = await remoteTip(git, plan)
    if (tip === undefined) {
      return pushFallback(
        git,
        plan,
        upstream,
        `The branch \`${plan.branch}\` was deleted while the agent worked; async-pr does not recreate it.`,
      )
    }
    if (!(await rebaseOnto(git, plan, tip, upstream))) {
      return pushFallback(
        git,
        plan,
        upstream,
        `The branch \`${plan.branch}\` moved while the agent worked, and the agent's commits conflict with what was pushed there.`,
      )
    }
    upstream = tip
    rebasedOnto = tip
    // Someone is pushing to this branch right now: give them room.
    await sleep(200 * attempt + Math.random() * 300)
  }
  return pushFallback(
    git,
    plan,
    upstream,
    `The branch \`${plan.branch}\` kept moving; ${attempts} attempts to push onto it failed.`,
  )
}
