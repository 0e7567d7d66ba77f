// Who may start a run: refused runs spend nothing on the model and touch nothing on the PR.

import { afterEach, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { say, writeFile } from '../harness/model/index.js'
import { createWorld, type World, type WorldOptions } from '../harness/world.js'
import { closeWorld } from '../harness/status.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const harmless = [say('should never run')]

async function expectRefused(
  run: Awaited<ReturnType<World['run']>>,
  reason: string,
  mentions: string,
) {
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: reason })
  expect(run.summary).toContain(mentions)
  expect(world!.model.requests).toHaveLength(0)
  expect(world!.emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
}

describe('who may start a run', () => {
  it.each<[string, Partial<WorldOptions>]>([
    ['read', { authorPermission: 'read' }],
    ['triage', { authorPermission: 'triage' }],
    ['no', { authorPermission: 'none' }],
  ])('refuses a PR author with %s permission', async (_level, options) => {
    world = await createWorld({ script: harmless, author: 'outsider', ...options })
    await expectRefused(await world.run(), 'not_authorized', 'outsider')
  })

  it('refuses when the person who marked it ready lacks write access, though the author has it', async () => {
    world = await createWorld({ script: harmless })
    world.emulator.state.addUser({ login: 'reader', type: 'User' })
    world.emulator.state.addCollaborator(world.owner, world.repo, 'reader', 'read')
    const payload = world.event({ action: 'ready_for_review', sender: { login: 'reader' } })
    await expectRefused(await world.run({ payload }), 'not_authorized', 'reader')
  })

  it('refuses a bot by its account type, unless allowed_bots names it', async () => {
    world = await createWorld({
      script: ({ step }) =>
        [writeFile(path.join(world!.checkout.workspace, 'bot.txt'), 'bot\n'), say('Done.')][step],
      author: 'helper-app',
      authorType: 'Bot',
      authorPermission: 'none',
    })
    await expectRefused(await world.run(), 'bot', 'allowed_bots')
    const allowed = await world.run({ inputs: { allowed_bots: 'helper-app' } })
    expect(allowed.outputs.conclusion).toBe('success')
  })

  it('never lets the action’s own identity start a run', async () => {
    world = await createWorld({ script: harmless })
    const payload = world.event({ sender: { login: 'github-actions[bot]', type: 'Bot' } })
    world.emulator.state.addUser({ login: 'github-actions[bot]', type: 'Bot' })
    await expectRefused(
      await world.run({ payload, inputs: { allowed_bots: '*' } }),
      'own_identity',
      'own identity',
    )
  })

  it('lets a personal repository’s owner start a run without a permission lookup', async () => {
    // The emulator, like GitHub, answers a lookup of the owner with admin, so the run would start
    // either way: what this shows is that the owner's permission is not looked up at all.
    world = await createWorld({
      script: ({ step }) =>
        [writeFile(path.join(world!.checkout.workspace, 'own.txt'), 'own\n'), say('Done.')][step],
      author: 'octo',
      authorPermission: 'none',
    })
    expect(world.owner).toBe('octo')
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const lookups = world.emulator.requests.filter((r) => /collaborators|\/users\//.test(r.path))
    expect(lookups).toEqual([])
    // Someone else on the same repository still has theirs looked up, and is refused without it.
    world.emulator.state.addUser({ login: 'stranger', type: 'User' })
    const payload = world.event({ action: 'ready_for_review', sender: { login: 'stranger' } })
    const refused = await world.run({ payload })
    expect(refused.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: 'not_authorized' })
    expect(refused.summary).toContain('stranger')
    expect(
      world.emulator.requests.filter((r) => /collaborators\/stranger/.test(r.path)),
    ).toHaveLength(1)
  })

  it('skips a PR from a fork before any work', async () => {
    world = await createWorld({ script: harmless })
    const run = await world.run({ payload: world.event({ headRepo: 'mallory/app' }) })
    expect(run.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: 'fork' })
    expect(world.emulator.requests).toHaveLength(0)
    expect(world.model.requests).toHaveLength(0)
  })
})
