// Stage companion: while a worker session runs, a checkpoint every
// checkpoint_minutes — only when the agent did something since the last one
// (no tool finished and none running: no git process at all), and only when the agent runs as a
// separate user: a push while a same-user agent runs would put the PAT in a
// process environment the agent can read.

import * as core from '@actions/core'
import { sessionFiles } from '../agent/session-store.js'
import type { Transcript } from '../agent/transcript.js'
import { errorMessage } from '../util/errors.js'
import { processesStarted } from '../util/process.js'
import { redactSecrets } from '../util/secrets.js'
import type { StageContext } from './context.js'

/** The agent's session as files to store, when it has one yet. */
export async function currentSession(ctx: StageContext, transcript: Transcript) {
  const sessionId = transcript.result?.sessionId || transcript.sessionId
  if (!sessionId) return undefined
  return sessionFiles({
    configDir: ctx.host.configDir,
    cwd: ctx.branch.workTree,
    sessionId,
    runUrl: ctx.links.runUrl,
    read: (file, maxBytes) => ctx.host.readAsAgent(file, maxBytes),
    redact: (text) => redactSecrets(text, ctx.secretForms),
  })
}

let warned = false

/** Starts checkpoints for a session on `transcript`; `stop()` waits for one in flight. */
export function checkpointWhile(
  ctx: StageContext,
  transcript: Transcript,
): { stop(): Promise<void> } {
  const checkpoints = ctx.checkpoints
  const every = ctx.settings.checkpointMs
  if (!checkpoints || every <= 0 || !checkpoints.mayCheckpoint)
    return { stop: async () => undefined }
  if (ctx.host.isolation !== 'user') {
    if (!warned) {
      core.warning(
        'No checkpoints: the agent runs as the action’s own user, and a push while it runs would put the token within its reach.',
      )
      warned = true
    }
    return { stop: async () => undefined }
  }
  // The tree can have changed only when a tool finished since, or while one runs.
  let seen = transcript.toolResultCount
  let inFlight: Promise<void> = Promise.resolve()
  let busy = false
  const timer = setInterval(() => {
    if (busy || (transcript.toolResultCount === seen && transcript.toolsRunning === 0)) return
    busy = true
    seen = transcript.toolResultCount
    const started = Date.now()
    const processes = processesStarted()
    inFlight = (async () => {
      try {
        const result = await checkpoints.take(await currentSession(ctx, transcript))
        // What it cost, on one line the benchmark reads: wall time and processes started.
        const cost = `in ${Date.now() - started} ms, ${processesStarted() - processes} processes`
        if (result.kind === 'pushed') {
          const what = result.session ? ' (with the session)' : ''
          core.info(`async-pr checkpoint: pushed ${result.sha.slice(0, 7)} ${cost}${what}`)
        } else if (result.kind === 'unchanged') {
          core.info(`async-pr checkpoint: unchanged ${cost}`)
        } else if (result.kind === 'failed') {
          core.warning(`Could not push a checkpoint: ${result.why}`)
        }
      } catch (error) {
        core.warning(`Could not take a checkpoint: ${errorMessage(error)}`)
      } finally {
        busy = false
      }
    })()
  }, every)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await inFlight
    },
  }
}
