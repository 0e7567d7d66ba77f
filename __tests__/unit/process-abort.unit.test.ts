// The process funnel's abort signal (src/util/process.ts): a refused run ends the fetch it began
// while trust was checked, instead of waiting for it. Real processes, bounded in time.

import { describe, expect, it } from '@jest/globals'
import { runProcess } from '../../src/util/process.js'

const env = { PATH: process.env.PATH }

describe('runProcess with a signal', () => {
  it('kills the process group when the signal aborts, and at once when it was aborted before', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const running = runProcess('git', ['-c', 'alias.wait=!sleep 20', 'wait'], {
      env,
      signal: controller.signal,
      timeoutMs: 30_000,
    })
    setTimeout(() => controller.abort(), 200)
    const ended = await running
    expect(ended.exitCode === null || ended.exitCode !== 0).toBe(true)
    expect(Date.now() - started).toBeLessThan(10_000)

    const aborted = AbortSignal.abort()
    const again = Date.now()
    const result = await runProcess('git', ['-c', 'alias.wait=!sleep 20', 'wait'], {
      env,
      signal: aborted,
      timeoutMs: 30_000,
    })
    expect(result.exitCode === null || result.exitCode !== 0).toBe(true)
    expect(Date.now() - again).toBeLessThan(10_000)
  })

  it('leaves a process alone when its signal is not aborted', async () => {
    const result = await runProcess('git', ['--version'], {
      env,
      signal: new AbortController().signal,
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^git version/)
  })
})
