// Who may start a run. Pure: the caller looks the accounts up through the API.
//
// Both the PR's author and the actor (who opened it, or marked it ready) need
// write, maintain or admin permission. Bots are refused unless named in
// allowed_bots; the action's own identity never starts a run, so nothing it
// writes can loop back into another run.

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface AccountInfo {
  login: string
  /** The account type as the API reports it: 'User', 'Bot', 'Organization'. */
  type: string
  permission: Permission
}

export type TrustDecision =
  | { allowed: true }
  | { allowed: false; reason: 'not_authorized' | 'bot' | 'own_identity'; message: string }

/** Logins of the action itself: what the workflow token writes as. */
export const OWN_IDENTITIES = ['github-actions[bot]']

const WRITERS = new Set<Permission>(['admin', 'maintain', 'write'])

function check(account: AccountInfo, role: string, allowedBots: string[]): TrustDecision {
  const login = account.login.toLowerCase()
  if (OWN_IDENTITIES.includes(login)) {
    return {
      allowed: false,
      reason: 'own_identity',
      message: `The ${role} is async-pr's own identity (${account.login}); it never starts a run.`,
    }
  }
  if (account.type === 'Bot') {
    // Apps are rarely collaborators: naming the bot is the grant.
    if (allowedBots.some((bot) => bot === '*' || bot.toLowerCase() === login))
      return { allowed: true }
    return {
      allowed: false,
      reason: 'bot',
      message: `The ${role}, ${account.login}, is a bot. Add it to allowed_bots to let it start runs.`,
    }
  }
  if (!WRITERS.has(account.permission)) {
    return {
      allowed: false,
      reason: 'not_authorized',
      message: `The ${role}, ${account.login}, has ${account.permission} permission on the repository; starting a run needs write, maintain or admin.`,
    }
  }
  return { allowed: true }
}

export function authorize(
  author: AccountInfo,
  actor: AccountInfo,
  allowedBots: string[],
): TrustDecision {
  const first = check(author, 'PR author', allowedBots)
  if (!first.allowed || actor.login.toLowerCase() === author.login.toLowerCase()) return first
  return check(actor, 'person who triggered this run', allowedBots)
}

/** GitHub's permission answer -> one level; `role_name` tells maintain from write. */
export function permissionFrom(
  permission: string | undefined,
  roleName: string | undefined,
): Permission {
  const role = (roleName ?? '').toLowerCase()
  if (
    role === 'admin' ||
    role === 'maintain' ||
    role === 'write' ||
    role === 'triage' ||
    role === 'read'
  )
    return role
  const legacy = (permission ?? 'none').toLowerCase()
  return legacy === 'admin' || legacy === 'write' || legacy === 'read' ? legacy : 'none'
}
