// The emulator's tables agree with GitHub's description: every handler and every permission
// rule names a real operation, and every handler has a permission rule (so a scoped Actions
// token is never waved through an operation by accident).

import { expect, test } from '@jest/globals'
import { handlers } from './github/handlers/index.js'
import { loadOpenApi } from './github/index.js'
import { OPERATION_PERMISSIONS } from './github/permissions.js'

test('handlers and permission rules name real operations, and cover each other', async () => {
  const api = await loadOpenApi()
  const unknown = [...Object.keys(handlers), ...Object.keys(OPERATION_PERMISSIONS)].filter(
    (id) => !api.operations.has(id),
  )
  expect(unknown).toEqual([])
  expect(Object.keys(handlers).filter((id) => !(id in OPERATION_PERMISSIONS))).toEqual([])
  expect(Object.keys(OPERATION_PERMISSIONS).filter((id) => !(id in handlers))).toEqual([])
})
