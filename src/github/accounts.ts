// Looks up an account's type and its permission on the repository, with one
// request: the collaborator-permission answer carries the user as well.

import type { GitHub } from './client.js'
import { statusOf } from './client.js'
import { permissionFrom, type AccountInfo } from '../trust.js'

export async function accountInfo(
  github: GitHub,
  owner: string,
  repo: string,
  login: string,
  /** The account's type as the event payload gave it, when it did. */
  type?: string,
): Promise<AccountInfo> {
  // A personal repository's owner is its admin, and needs no lookup: users and organizations
  // share one namespace of logins, so a User whose login is the repository's owner owns it.
  if (type === 'User' && login.toLowerCase() === owner.toLowerCase())
    return { login, type, permission: 'admin' }
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username: login,
    })
    return {
      login: data.user?.login ?? login,
      type: data.user?.type ?? 'User',
      permission: permissionFrom(data.permission, data.role_name),
    }
  } catch (error) {
    if (statusOf(error) !== 404) throw error
    // Not a collaborator (apps and bots usually are not): no permission, and
    // the account's type from the users API.
    const { data } = await github.rest.users
      .getByUsername({ username: login })
      .catch((lookup: unknown) => {
        if (statusOf(lookup) === 404) return { data: { login, type: 'User' } }
        throw lookup
      })
    return { login: data.login, type: data.type, permission: 'none' }
  }
}
