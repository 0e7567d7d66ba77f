// Pushes the run's commits without ever clobbering anyone's work.
//
// Every push carries a lease on the branch tip the commits were built on, so
// it only ever fast-forwards the branch, and never recreates a branch someone
// deleted. If the branch moved, the commits are rebased onto the new tip and
// pushed again (bounded, with jitter). When that cannot work (a conflict, the
// branch deleted, a protection rule), the work goes to a new fallback branch
// instead: it is never lost, and never forced over someone else's. All of it
// happens in the publish repository (publish.ts), the only one with the PAT.

import type { PublishRepo } from './publish.js'
import { rebaseCommits } from './rebase.js'

export interface PushPlan {
  publish: PublishRepo
  branch: string
  /** The branch tip the commits were built on. */
  base: string
  /** The commit to push (our last one, in the publish repository). */
  head: string
  /** Where the work goes when the branch cannot take it. */
  fallbackBranch: string
  /** Set to send the work to the fallback branch directly: why. */
  forceFallback?: string
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

async function pushFallback(
  plan: PushPlan,
  head: string,
  upstream: string,
  why: string,
): Promise<PushResult> {
  // An empty lease: the fallback branch must not exist yet.
  const pushed = await plan.publish.push(head, `refs/heads/${plan.fallbackBranch}`, '')
  if (pushed.ok) return { kind: 'fallback', branch: plan.fallbackBranch, head, upstream, why }
  const kind = classifyRejection(pushed.detail)
  return {
    kind: 'failed',
    why: `${why} Pushing the work to \`${plan.fallbackBranch}\` failed too: ${explainRejection(kind, plan.fallbackBranch, pushed.detail)}`,
  }
}

export async function pushWork(plan: PushPlan): Promise<PushResult> {
  const attempts = plan.attempts ?? 4
  const sleep = plan.sleep ?? defaultSleep
  const { publish } = plan
  let upstream = plan.base
  let head = plan.head
  let rebasedOnto: string | undefined
  if (plan.forceFallback) return pushFallback(plan, head, upstream, plan.forceFallback)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const pushed = await publish.push(head, `refs/heads/${plan.branch}`, upstream)
    if (pushed.ok) return { kind: 'pushed', branch: plan.branch, head, upstream, rebasedOnto }
    const kind = classifyRejection(pushed.detail)
    if (kind === 'workflow_scope' || kind === 'auth') {
      return { kind: 'failed', why: explainRejection(kind, plan.branch, pushed.detail) }
    }
    if (kind !== 'moved')
      return pushFallback(plan, head, upstream, explainRejection(kind, plan.branch, pushed.detail))

    const tip = (await publish.fetchBranch(plan.branch))?.tip
    if (tip === undefined) {
      return pushFallback(
        plan,
        head,
        upstream,
        `The branch \`${plan.branch}\` was deleted while the agent worked; async-pr does not recreate it.`,
      )
    }
    const rebased = await rebaseCommits(publish.git, upstream, head, tip)
    if (!rebased) {
      return pushFallback(
        plan,
        head,
        upstream,
        `The branch \`${plan.branch}\` moved while the agent worked, and the agent's commits conflict with what was pushed there.`,
      )
    }
    head = rebased
    upstream = tip
    rebasedOnto = tip
    // Someone is pushing to this branch right now: give them room.
    await sleep(200 * attempt + Math.random() * 300)
  }
  return pushFallback(
    plan,
    head,
    upstream,
    `The branch \`${plan.branch}\` kept moving; ${attempts} attempts to push onto it failed.`,
  )
}
