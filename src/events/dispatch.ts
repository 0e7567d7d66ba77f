// A continuation async-pr started itself: `repository_dispatch` of type
// `async-pr-continue`, whose payload names only the PR and the run that sent
// it. Nothing else in it is read, and even those two are checked against
// GitHub before anything runs (the PR's state and author through the API, the
// run through the branch's history). Pure.

export const CONTINUE_EVENT_TYPE = 'async-pr-continue'

export type DispatchOutcome =
  | { kind: 'continue'; owner: string; repo: string; prNumber: number; fromRunId: string }
  | { kind: 'skip'; reason: 'unsupported_event' | 'invalid_dispatch'; message: string }

interface DispatchPayload {
  action?: unknown
  client_payload?: { pr_number?: unknown; run_id?: unknown } | null
  repository?: { full_name?: unknown }
}

/** The payload of the dispatch a run sends to continue itself (see run/continue.ts). */
export function dispatchPayload(prNumber: number, runId: string): Record<string, string | number> {
  return { pr_number: prNumber, run_id: runId }
}

export function continuationFromDispatch(payload: unknown): DispatchOutcome {
  const event = (payload ?? {}) as DispatchPayload
  if (event.action !== CONTINUE_EVENT_TYPE) {
    return {
      kind: 'skip',
      reason: 'unsupported_event',
      message: `async-pr answers repository_dispatch of type ${CONTINUE_EVENT_TYPE} only; this was "${String(event.action)}".`,
    }
  }
  const invalid = (why: string): DispatchOutcome => ({
    kind: 'skip',
    reason: 'invalid_dispatch',
    message: `The ${CONTINUE_EVENT_TYPE} dispatch is not one async-pr sent: ${why}`,
  })
  const pr = event.client_payload?.pr_number
  const run = event.client_payload?.run_id
  const fullName = typeof event.repository?.full_name === 'string' ? event.repository.full_name : ''
  const [owner, repo, ...rest] = fullName.split('/')
  if (!owner || !repo || rest.length > 0) return invalid('it names no repository.')
  if (typeof pr !== 'number' || !Number.isInteger(pr) || pr <= 0 || pr > 1e9) {
    return invalid('client_payload.pr_number is not a pull request number.')
  }
  const runId = typeof run === 'number' ? String(run) : typeof run === 'string' ? run : ''
  if (!/^\d{1,20}$/.test(runId)) return invalid('client_payload.run_id is not a workflow run id.')
  return { kind: 'continue', owner, repo, prNumber: pr, fromRunId: runId }
}
