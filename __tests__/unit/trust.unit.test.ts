import { describe, expect, it } from '@jest/globals'
import { authorize, permissionFrom, type AccountInfo } from '../../src/trust.js'

const writer = (login: string): AccountInfo => ({ login, type: 'User', permission: 'write' })

describe('authorize', () => {
  it('lets a writer start a run', () => {
    expect(authorize(writer('alice'), writer('alice'), [])).toEqual({ allowed: true })
    expect(authorize({ ...writer('alice'), permission: 'maintain' }, writer('bob'), [])).toEqual({
      allowed: true,
    })
  })

  it('needs both the author and the actor to have write access', () => {
    expect(authorize({ ...writer('eve'), permission: 'read' }, writer('alice'), [])).toMatchObject({
      allowed: false,
      reason: 'not_authorized',
      message: expect.stringContaining('eve'),
    })
    expect(
      authorize(writer('alice'), { ...writer('eve'), permission: 'triage' }, []),
    ).toMatchObject({
      allowed: false,
      reason: 'not_authorized',
    })
  })

  it('refuses bots unless allowed, by account type rather than name', () => {
    const bot: AccountInfo = { login: 'renovate[bot]', type: 'Bot', permission: 'none' }
    expect(authorize(bot, bot, [])).toMatchObject({ allowed: false, reason: 'bot' })
    expect(authorize(bot, bot, ['Renovate[bot]'])).toEqual({ allowed: true })
    expect(authorize(bot, bot, ['*'])).toEqual({ allowed: true })
    // A user whose name merely ends in [bot] is judged as a user.
    expect(authorize(writer('sneaky[bot]'), writer('sneaky[bot]'), [])).toEqual({ allowed: true })
  })

  it('never lets the action’s own identity start a run, even when bots are allowed', () => {
    const own: AccountInfo = { login: 'github-actions[bot]', type: 'Bot', permission: 'write' }
    expect(authorize(writer('alice'), own, ['*'])).toMatchObject({
      allowed: false,
      reason: 'own_identity',
    })
  })
})

describe('permissionFrom', () => {
  it('tells maintain from write through role_name', () => {
    expect(permissionFrom('write', 'maintain')).toBe('maintain')
    expect(permissionFrom('read', 'triage')).toBe('triage')
    expect(permissionFrom('admin', undefined)).toBe('admin')
    expect(permissionFrom(undefined, 'custom-role')).toBe('none')
  })
})
