// Users, repositories and permission lookups.

import { HttpError, notFound } from '../errors.js'
import { fullUser, repository, simpleUser } from '../render.js'
import { ok, str, visibleRepo, type Handler } from './context.js'

// The legacy `permission` folds the finer roles back into admin/write/read/none.
const LEGACY_PERMISSION = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
} as const

export const userHandlers: Record<string, Handler> = {
  'users/get-authenticated': (ctx) => {
    // An installation token is not a user; GitHub refuses GET /user for it.
    if (ctx.identity.installation)
      throw new HttpError(403, 'Resource not accessible by integration')
    const user = ctx.state.ensureUser(ctx.identity.login)
    return ok(fullUser(ctx.links, user, { private: true }))
  },

  'users/get-by-username': (ctx) => {
    const user = ctx.state.user(str(ctx, 'username'))
    if (!user) throw notFound()
    return ok(fullUser(ctx.links, user, { private: false }))
  },

  'repos/get': (ctx) => {
    const repo = visibleRepo(ctx)
    return ok(repository(ctx.links, ctx.state, repo, ctx.identity))
  },

  'repos/get-collaborator-permission-level': (ctx) => {
    const repo = visibleRepo(ctx)
    const user = ctx.state.user(str(ctx, 'username'))
    if (!user) throw notFound()
    const role = ctx.state.permission(repo, user.login)
    const legacy = LEGACY_PERMISSION[role]
    return ok({
      permission: legacy,
      role_name: role,
      user: {
        ...simpleUser(ctx.links, user),
        permissions: {
          admin: role === 'admin',
          maintain: role === 'admin' || role === 'maintain',
          push: legacy === 'admin' || legacy === 'write',
          triage: role !== 'read' && role !== 'none',
          pull: role !== 'none',
        },
        role_name: role,
      },
    })
  },
}
