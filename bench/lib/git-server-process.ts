// The git server for many runs at once, in a process of its own. In the bench's process it
// starts `git http-backend` for every fetch and push on the event loop that also answers every
// GitHub request: with 50 runs that process is large, each spawn (a fork of it) takes tens of
// milliseconds, and the spawns alone held that loop for a quarter of the 50-run step, so every
// run's push and every GitHub answer waited on the harness, not on the action.

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { GitServer } from '../../__tests__/harness/git/index.js'

const STARTUP_TIMEOUT_MS = 30_000

export async function startGitServerProcess(options: {
  root: string
  token: string
}): Promise<GitServer> {
  const child = spawn(
    process.execPath,
    ['scripts/run-ts.mjs', 'bench/lib/git-server-main.ts', options.root],
    {
      env: { ...process.env, GIT_SERVER_TOKEN: options.token },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines = createInterface({ input: child.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the git server process did not start within 30 s'))
    }, STARTUP_TIMEOUT_MS)
    lines.once('line', (line) => {
      clearTimeout(timer)
      resolve((JSON.parse(line) as { url: string }).url)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the git server process exited (${code}) before it started`))
    })
  })
  return {
    url,
    // Not collected across the process boundary: the bench reads the repositories instead.
    requests: [],
    async close() {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(killer)
    },
  }
}
