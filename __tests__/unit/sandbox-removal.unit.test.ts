import { describe, expect, it } from '@jest/globals'
import { SandboxError, UserSandbox } from '../../src/agent/sandbox.js'

describe("the agent's user, removed while the work is pushed", () => {
  it('a userdel that cannot start is held for the job’s end, not an unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const calls: string[] = []
      const sandbox = new UserSandbox(
        async (command) => {
          calls.push(command)
          if (command === 'userdel') throw new Error('spawn userdel EAGAIN')
          return { exitCode: 0, signal: null, stdout: '', stderr: '' }
        },
        true,
        'async-pr-test',
        12345,
        12345,
      )
      await sandbox.dispose() // the hand-back succeeds; the removal runs on
      await sandbox.dispose() // a second dispose starts no second userdel
      // Long enough for a rejection nobody handled to be reported.
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
      expect(calls.filter((command) => command === 'userdel')).toHaveLength(1)
      const failure = await sandbox.removed().catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(SandboxError)
      expect((failure as Error).message).toContain('EAGAIN')
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('a userdel that exits non-zero is reported at the job’s end, with what it said', async () => {
    const sandbox = new UserSandbox(
      async (command) =>
        command === 'userdel'
          ? {
              exitCode: 8,
              signal: null,
              stdout: '',
              stderr: 'userdel: user async-pr-test is currently used by process 4242\n',
            }
          : { exitCode: 0, signal: null, stdout: '', stderr: '' },
      true,
      'async-pr-test',
      12345,
      12345,
    )
    await sandbox.dispose()
    const failure = await sandbox.removed().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(SandboxError)
    expect((failure as Error).message).toContain('currently used by process 4242')
  })
})
