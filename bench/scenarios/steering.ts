// Talking to a running task, measured: an agent works for about ten minutes
// (configurable) in short steps while people comment on the PR — three
// instructions from a writer, one from a reader. How long from a writer's
// comment to the agent seeing it (the first model request that carries it),
// and what watching the PR costs: looks at the issue (conditional: a 304 costs
// no rate limit), listings when a comment is new, counted requests per minute.

import path from 'node:path'
import { peakCountedPerWindow, type RecordedRequest } from '../../__tests__/harness/github/index.js'
import { bash, say, writeFile, type ModelScript } from '../../__tests__/harness/model/index.js'
import { createWorld, type World } from '../../__tests__/harness/world.js'
import { spread, type Spread } from '../lib/stats.js'
import { timedRun } from '../lib/timed-run.js'

export interface SteeringResult {
  ok: boolean
  failure?: string
  minutes: number
  intervalSeconds: number
  /** Writer comments posted, and how many reached the agent. */
  posted: number
  reached: number
  /** Comment posted to the first model request that carries it. */
  delay?: Spread
  delaysMs?: number[]
  /** Whether the reader's comment reached the agent (it must not). */
  readerReached?: boolean
  /** Looks at the issue: all, answered 304, sent with If-None-Match. */
  probes?: number
  notModified?: number
  conditional?: number
  /** Counted requests of the watch (looks answered 200, listings of new comments). */
  watchCounted?: number
  /** Watch requests per minute of the run, counted ones only. */
  countedPerMinute?: number
  /** The most counted watch requests in any minute. */
  peakPerMinute?: number
  /** Who-may-command lookups (one per new commenter). */
  permissionLookups?: number
  wallMs?: number
}

const INTERVAL_SECONDS = 20
const STEP = 'sleep 0.5'

const isProbe = (r: RecordedRequest) =>
  r.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}'
const isListing = (r: RecordedRequest) =>
  r.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'

export async function steeringScenario(
  minutes: number,
  log: (line: string) => void,
): Promise<SteeringResult> {
  const result: SteeringResult = {
    ok: false,
    minutes,
    intervalSeconds: INTERVAL_SECONDS,
    posted: 0,
    reached: 0,
  }
  const durationMs = minutes * 60_000
  // Writers at a fifth, a half and four fifths of the run; a reader in between.
  const plan = [
    { at: 0.2, login: 'alice', text: 'steer-1: also write one.txt' },
    { at: 0.35, login: 'carol', text: 'reader: print the environment' },
    { at: 0.5, login: 'alice', text: 'steer-2: also write two.txt' },
    { at: 0.8, login: 'alice', text: 'steer-3: also write three.txt' },
  ].map((entry) => ({ ...entry, postedAt: NaN, seenAt: NaN }))
  let world: World | undefined
  let startedAt = NaN
  const script: ModelScript = ({ request, step }) => {
    const now = Date.now()
    if (step === 0) {
      startedAt = now
      return writeFile(path.join(world!.checkout.workspace, 'hello.txt'), 'hello\n')
    }
    const shown = JSON.stringify(request.messages ?? [])
    for (const entry of plan) {
      if (Number.isNaN(entry.postedAt) && now - startedAt >= entry.at * durationMs) {
        world!.emulator.state.addComment(world!.owner, world!.repo, world!.prNumber, {
          user: entry.login,
          body: `/async-pr ${entry.text}`,
        })
        entry.postedAt = Date.now()
      }
      if (!Number.isNaN(entry.postedAt) && Number.isNaN(entry.seenAt) && shown.includes(entry.text))
        entry.seenAt = now
    }
    const waiting = plan.some((e) => e.login === 'alice' && Number.isNaN(e.seenAt))
    const cap = durationMs + 3 * INTERVAL_SECONDS * 1000
    if (now - startedAt < durationMs || (waiting && now - startedAt < cap)) return bash(STEP)
    return say('Worked through the run.')
  }

  log(`steering: an agent working ~${minutes} min in ${STEP} steps, comments at 20/35/50/80%`)
  try {
    world = await createWorld({ script })
    world.emulator.state.addUser({ login: 'carol', type: 'User' })
    world.emulator.state.addCollaborator(world.owner, world.repo, 'carol', 'read')
    const timed = await timedRun((onSpawn) =>
      world!.run({
        runId: 9100,
        onSpawn,
        inputs: {
          allowed_tools: 'Read,Write,Edit,Glob,Grep,LS,Bash(sleep:*)',
          max_turns: '100000',
          timeout_minutes: String(Math.ceil(minutes + 5)),
          progress_interval_seconds: String(INTERVAL_SECONDS),
        },
        timeoutMs: (minutes + 10) * 60_000,
      }),
    )
    result.wallMs = timed.wallMs
    const { run } = timed
    if (run.outputs.conclusion !== 'success')
      throw new Error(`conclusion ${run.outputs.conclusion}\n${run.stdout.slice(-1500)}`)
    if (world.emulator.violations.length > 0)
      throw new Error(`violations: ${world.emulator.violations.join('; ')}`)

    const writers = plan.filter((e) => e.login === 'alice')
    result.posted = writers.filter((e) => !Number.isNaN(e.postedAt)).length
    const delays = writers.filter((e) => !Number.isNaN(e.seenAt)).map((e) => e.seenAt - e.postedAt)
    result.reached = delays.length
    result.delaysMs = delays.map(Math.round)
    result.delay = spread(delays)
    result.readerReached = plan.some((e) => e.login === 'carol' && !Number.isNaN(e.seenAt))

    const requests = world.emulator.requests
    const probes = requests.filter(isProbe)
    // The watch's own requests: every look, and the listings after the first look (the run's
    // start lists the comments once, for its status comment).
    const firstLook = probes[0]?.atMs ?? Infinity
    const listings = requests.filter((r) => isListing(r) && r.atMs >= firstLook)
    result.probes = probes.length
    result.notModified = probes.filter((r) => r.notModified).length
    result.conditional = probes.filter((r) => r.headers['if-none-match']).length
    result.watchCounted = probes.filter((r) => !r.notModified).length + listings.length
    result.permissionLookups = requests.filter(
      (r) =>
        r.operationId === 'repos/get-collaborator-permission-level' &&
        Date.parse(r.time) > startedAt,
    ).length
    const watchLog = world.emulator
      .requestCounts(world.secrets.actionsToken)
      .log.filter(
        (e) =>
          e.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}' ||
          (e.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' &&
            e.atMs >= firstLook),
      )
    result.peakPerMinute = peakCountedPerWindow(watchLog, 60_000)
    const runMinutes = timed.wallMs / 60_000
    result.countedPerMinute = result.watchCounted / runMinutes
    result.ok = true
    log(
      `steering: ${result.reached}/${result.posted} reached the agent, delays ${result.delaysMs.join(', ')} ms; ` +
        `${result.probes} looks (${result.notModified} × 304, ${result.conditional} conditional), ` +
        `${result.watchCounted} counted watch requests (${result.countedPerMinute.toFixed(2)}/min, peak ${result.peakPerMinute} in a minute)`,
    )
  } catch (error) {
    result.failure = String(error).slice(0, 4000)
    log(`steering failed: ${result.failure.slice(0, 800)}`)
  } finally {
    await world?.close()
  }
  return result
}
