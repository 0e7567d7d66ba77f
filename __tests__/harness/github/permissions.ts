// What an Actions token (GITHUB_TOKEN) needs per operation, from GitHub's "Permissions required
// for GitHub Apps": the workflow's `permissions:` block grants these, and a scope it leaves out is
// `none` (metadata stays readable). Only tokens seeded with `permissions` are checked; the answer
// to a missing one is GitHub's 403 with `x-accepted-github-permissions`.

import type { Identity, Scope } from './state.js'

type Level = 'read' | 'write'

/** Any one of `scopes` at `level` suffices (comments on PRs take issues or pull-requests). */
export interface Requirement {
  scopes: Scope[]
  level: Level
}

const need = (level: Level, ...scopes: Scope[]): Requirement => ({ scopes, level })
const METADATA = need('read', 'metadata')

export const OPERATION_PERMISSIONS: Record<string, Requirement> = {
  'actions/cancel-workflow-run': need('write', 'actions'),
  'actions/force-cancel-workflow-run': need('write', 'actions'),
  'actions/create-workflow-dispatch': need('write', 'actions'),
  'actions/re-run-workflow': need('write', 'actions'),
  'actions/re-run-workflow-failed-jobs': need('write', 'actions'),
  'actions/download-job-logs-for-workflow-run': need('read', 'actions'),
  'actions/get-job-for-workflow-run': need('read', 'actions'),
  'actions/get-workflow': need('read', 'actions'),
  'actions/get-workflow-run': need('read', 'actions'),
  'actions/get-workflow-run-attempt': need('read', 'actions'),
  'actions/list-jobs-for-workflow-run': need('read', 'actions'),
  'actions/list-jobs-for-workflow-run-attempt': need('read', 'actions'),
  'actions/list-repo-workflows': need('read', 'actions'),
  'actions/list-workflow-runs': need('read', 'actions'),
  'actions/list-workflow-runs-for-repo': need('read', 'actions'),
  'checks/get': need('read', 'checks'),
  'checks/list-annotations': need('read', 'checks'),
  'checks/list-for-ref': need('read', 'checks'),
  'git/create-commit': need('write', 'contents'),
  'git/create-ref': need('write', 'contents'),
  'git/delete-ref': need('write', 'contents'),
  'git/update-ref': need('write', 'contents'),
  'git/get-commit': need('read', 'contents'),
  'git/get-ref': need('read', 'contents'),
  'git/list-matching-refs': need('read', 'contents'),
  'repos/get-branch': need('read', 'contents'),
  'repos/get-commit': need('read', 'contents'),
  'repos/list-commits': need('read', 'contents'),
  'repos/create-dispatch-event': need('write', 'contents'),
  'issues/create': need('write', 'issues'),
  'issues/update': need('write', 'issues', 'pull-requests'),
  'issues/get': need('read', 'issues', 'pull-requests'),
  'issues/list-for-repo': need('read', 'issues'),
  'issues/create-comment': need('write', 'issues', 'pull-requests'),
  'issues/update-comment': need('write', 'issues', 'pull-requests'),
  'issues/delete-comment': need('write', 'issues', 'pull-requests'),
  'issues/get-comment': need('read', 'issues', 'pull-requests'),
  'issues/list-comments': need('read', 'issues', 'pull-requests'),
  'issues/list-comments-for-repo': need('read', 'issues', 'pull-requests'),
  'reactions/create-for-issue': need('write', 'issues', 'pull-requests'),
  'reactions/create-for-issue-comment': need('write', 'issues', 'pull-requests'),
  'reactions/list-for-issue': need('read', 'issues', 'pull-requests'),
  'reactions/list-for-issue-comment': need('read', 'issues', 'pull-requests'),
  'pulls/create': need('write', 'pull-requests'),
  'pulls/update': need('write', 'pull-requests'),
  'pulls/get': need('read', 'pull-requests'),
  'pulls/list': need('read', 'pull-requests'),
  'pulls/create-review': need('write', 'pull-requests'),
  'pulls/submit-review': need('write', 'pull-requests'),
  'pulls/update-review': need('write', 'pull-requests'),
  'pulls/delete-pending-review': need('write', 'pull-requests'),
  'pulls/get-review': need('read', 'pull-requests'),
  'pulls/list-reviews': need('read', 'pull-requests'),
  'pulls/list-files': need('read', 'pull-requests'),
  'pulls/list-comments-for-review': need('read', 'pull-requests'),
  'pulls/create-review-comment': need('write', 'pull-requests'),
  'pulls/create-reply-for-review-comment': need('write', 'pull-requests'),
  'pulls/update-review-comment': need('write', 'pull-requests'),
  'pulls/delete-review-comment': need('write', 'pull-requests'),
  'pulls/get-review-comment': need('read', 'pull-requests'),
  'pulls/list-review-comments': need('read', 'pull-requests'),
  'pulls/list-review-comments-for-repo': need('read', 'pull-requests'),
  'repos/get': METADATA,
  'repos/get-collaborator-permission-level': METADATA,
  'users/get-by-username': METADATA,
  'users/get-authenticated': METADATA,
}

// The spelling `x-accepted-github-permissions` uses (app permission names).
const APP_NAME: Record<Scope, string> = {
  actions: 'actions',
  checks: 'checks',
  contents: 'contents',
  deployments: 'deployments',
  issues: 'issues',
  metadata: 'metadata',
  'pull-requests': 'pull_requests',
  statuses: 'statuses',
}

function grants(identity: Identity, scope: Scope, level: Level): boolean {
  if (scope === 'metadata' && level === 'read') return true
  const given = identity.permissions?.[scope]
  return given === 'write' || (given === 'read' && level === 'read')
}

/**
 * The requirement a scoped installation token does not meet for `operationId`, or undefined
 * (users, unscoped tokens and satisfied requirements). An operation without a rule is an
 * emulator gap, reported as such.
 */
export function unmetPermission(
  identity: Identity,
  operationId: string,
): { requirement: Requirement; header: string } | 'no rule' | undefined {
  if (!identity.installation || identity.permissions === undefined) return undefined
  const requirement = OPERATION_PERMISSIONS[operationId]
  if (!requirement) return 'no rule'
  if (requirement.scopes.some((scope) => grants(identity, scope, requirement.level)))
    return undefined
  const header = requirement.scopes.map((s) => `${APP_NAME[s]}=${requirement.level}`).join('; ')
  return { requirement, header }
}
