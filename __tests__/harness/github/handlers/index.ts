// Every emulated operation, by GitHub's operationId. An operation missing here answers 501 and
// records "not emulated", so gaps show up as failures rather than as silent 404s.

import { actionsHandlers } from './actions.js'
import { checkHandlers } from './checks.js'
import { commentHandlers } from './comments.js'
import type { Handler } from './context.js'
import { dispatchHandlers } from './dispatches.js'
import { gitDataHandlers } from './git-data.js'
import { issueHandlers } from './issues.js'
import { pullFileHandlers } from './pull-files.js'
import { pullHandlers } from './pulls.js'
import { reactionHandlers } from './reactions.js'
import { reviewHandlers } from './reviews.js'
import { userHandlers } from './users.js'

export const handlers: Record<string, Handler> = {
  ...userHandlers,
  ...pullHandlers,
  ...pullFileHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...issueHandlers,
  ...reactionHandlers,
  ...gitDataHandlers,
  ...actionsHandlers,
  ...checkHandlers,
  ...dispatchHandlers,
}

export type { Handler, HandlerContext, HandlerResult } from './context.js'
