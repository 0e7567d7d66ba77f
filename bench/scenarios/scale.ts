// N runs at once, each its own action process and PR, against one emulator enforcing GitHub's
// secondary rate limits for the one comment token they share, one git server (one repository,
// N branches) and one model server. Every run must end with a success comment and its commit
// on its branch; the request log shows how close the runs came to GitHub's limits.

import { freemem } from 'node:os'
import { readFile } from 'node:fs/promises'
import { parseState } from '../../src/report/state.js'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import type { RecordedRequest } from '../../__tests__/harness/github/types.js'
import type { ModelScript } from '../../__tests__/harness/model/index.js'
import { LONG_ALLOWED_TOOLS, longTask, shortTask } from '../lib/agent-scripts.js'
import { phasesOf } from '../lib/phases.js'
import { sampleInFlight, windows, type Windows } from '../lib/requests.js'
import { createSharedWorld, type PrSlot, type SharedWorld } from '../lib/shared-world.js'
import { spread, type Spread } from '../lib/stats.js'
import { timedRun, type TimedRun } from '../lib/timed-run.js'

/** GitHub's documented secondary limits for REST, per token. */
export const GITHUB_LIMITS = {
  maxConcurrent: 100,
  pointsPerMinute: 900,
  writesPerMinute: 80,
  writesPerHour: 500,
}

/** What one run may need at its peak: the action (~90 MB RSS) and the CLI (~200 MB RSS). */
const MB_PER_RUN = 300
const KEEP_FREE_MB = 3_000

export interface ScaleStep {
  requested: number
  concurrency: number
  /** Why fewer runs than requested were started, if so. */
  capped?: string
  ok: number
  failures: string[]
  batchWallMs: number
  runWall: Spread
  overhead: Spread
  firstComment: Spread
  windows: Windows
  rateLimitHits: number
  maxInFlight: number
  violations: number
  minFreeMemMb: number
  /** Share of the machine's CPU time that was busy during the step (all processes). */
  cpuBusy: number
  leftoverAgentUsers: number
  /** How long each run's agent worked (the long mode's agents work for minutes). */
  agentWall: Spread
  /** Each run's final report (its status comment's last successful write) after its agent ended. */
  finalReportLag: Spread
  /** Runs whose final report never landed. */
  reportsMissing: number
  /** GitHub writes (POST, PATCH, PUT, DELETE) each run made. */
  writesPerRun: Spread
  /** Secondary-limit answers (403/429) each run got; the most any one run got. */
  hitsPerRun: Spread
  /** Runs that got at least one secondary-limit answer. */
  runsHit: number
}

/** A ladder step's shape: the short task, or agents that work for minutes with progress. */
export interface ScaleMode {
  script: ModelScript
  inputs?: Record<string, string>
  timeoutMs: number
}

const SHORT: () => ScaleMode = () => ({ script: shortTask(), timeoutMs: 15 * 60_000 })

/** `minutes` of work per agent, the long run's shape (sleeps, notes, checklist). */
export function longMode(minutes: number): ScaleMode {
  const task = longTask(minutes, 20)
  return {
    script: task.script,
    inputs: {
      allowed_tools: LONG_ALLOWED_TOOLS,
      max_turns: String(task.turns + 10),
      timeout_minutes: String(Math.ceil(minutes + 5)),
    },
    timeoutMs: (minutes + 15) * 60_000,
  }
}

/** One run's requests: its PR's and its status comment's. */
function requestsOf(requests: readonly RecordedRequest[], pr: number, commentId?: number) {
  const own = new RegExp(
    `/(issues|pulls)/${pr}(/|$)` +
      (commentId === undefined ? '' : `|/issues/comments/${commentId}$`),
  )
  return requests.filter((r) => own.test(r.path))
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/** Busy and total CPU time of the whole machine so far, from /proc/stat (jiffies). */
async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? ''
  const fields = line.trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0)
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
  return { busy: total - idle, total }
}

async function agentUsers(): Promise<Set<string>> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '')
  return new Set(
    passwd
      .split('\n')
      .map((line) => line.split(':')[0] ?? '')
      .filter((name) => name.startsWith('async-pr-')),
  )
}

async function verify(
  world: SharedWorld,
  slot: PrSlot,
  timed: TimedRun,
): Promise<string | undefined> {
  const { run } = timed
  if (run.exitCode !== 0 || run.outputs.conclusion !== 'success') {
    const why = run.stdout.match(/::error::.*$/m)?.[0] ?? run.stderr.slice(-300)
    return `PR #${slot.number}: exit ${run.exitCode ?? run.signal}, conclusion ${run.outputs.conclusion}: ${why}`
  }
  const comments = world.emulator.state
    .comments(world.owner, world.repo, slot.number)
    .filter((comment) => comment.body.includes(STATUS_MARKER))
  if (comments.length !== 1) return `PR #${slot.number}: ${comments.length} status comments`
  const state = parseState(comments[0]?.body ?? '')
  const head = await world.branchSha(slot)
  if (state?.state !== 'success') return `PR #${slot.number}: comment says ${state?.state}`
  if (!head || head === slot.headSha || head !== run.outputs.commit_sha || state.commitSha !== head)
    return `PR #${slot.number}: branch at ${head}, comment says ${state.commitSha}, output ${run.outputs.commit_sha}`
  return undefined
}

async function step(
  requested: number,
  log: (line: string) => void,
  mode: ScaleMode = SHORT(),
): Promise<ScaleStep> {
  const affordable = Math.max(1, Math.floor((freemem() / 1e6 - KEEP_FREE_MB) / MB_PER_RUN))
  const concurrency = Math.min(requested, affordable)
  const capped =
    concurrency < requested
      ? `${Math.round(freemem() / 1e6)} MB free: ${concurrency} runs at ~${MB_PER_RUN} MB each`
      : undefined
  if (capped) log(`scale: capping ${requested} to ${concurrency} (${capped})`)
  const world = await createSharedWorld({
    count: concurrency,
    script: mode.script,
    secondaryRateLimit: {
      maxConcurrent: GITHUB_LIMITS.maxConcurrent,
      maxWritesPerMinute: GITHUB_LIMITS.writesPerMinute,
      retryAfterSeconds: 60,
    },
  })
  const usersBefore = await agentUsers()
  let minFree = freemem()
  const memory = setInterval(() => (minFree = Math.min(minFree, freemem())), 200)
  const stopSampling = sampleInFlight(world.emulator.requests)
  try {
    const cpuBefore = await cpuTimes()
    const started = Date.now()
    const timed = await Promise.all(
      world.prs.map((slot, i) =>
        timedRun((onSpawn) =>
          world.run(slot, {
            runId: 7000 + i,
            onSpawn,
            inputs: mode.inputs,
            timeoutMs: mode.timeoutMs,
          }),
        ),
      ),
    )
    const batchWallMs = Date.now() - started
    const maxInFlight = stopSampling()
    const cpuAfter = await cpuTimes()
    const failures = (
      await Promise.all(world.prs.map((slot, i) => verify(world, slot, timed[i] as TimedRun)))
    ).filter((problem): problem is string => problem !== undefined)
    const commentAt = (slot: PrSlot) =>
      world.emulator.requests.find(
        (r) =>
          r.operationId === 'issues/create-comment' &&
          r.path.endsWith(`/issues/${slot.number}/comments`),
      )
    const usersAfter = await agentUsers()
    const perRun = world.prs.map((slot, i) => {
      const t = timed[i] as TimedRun
      const status = world.emulator.state
        .comments(world.owner, world.repo, slot.number)
        .find((comment) => comment.body.includes(STATUS_MARKER))
      const own = requestsOf(world.emulator.requests, slot.number, status?.id)
      const finished = t.timingLines.find((line) => /agent finished/.test(line.text))
      const agentEnd = finished ? t.spawnAt + finished.atMs : NaN
      // The final report is the status comment's last write GitHub took (an edit, or the
      // comment itself when the first post was refused), made after the agent ended.
      const landed = own.filter(
        (r) =>
          status !== undefined &&
          r.status >= 200 &&
          r.status < 300 &&
          (r.path.endsWith(`/issues/comments/${status.id}`) ||
            (r.method === 'POST' && r.path.endsWith(`/issues/${slot.number}/comments`))),
      )
      const lastAt = Date.parse(landed.at(-1)?.time ?? '')
      const phases = phasesOf(t)
      return {
        agentWall: phases.agentWall,
        lag: lastAt >= agentEnd ? lastAt - agentEnd : NaN,
        writes: own.filter((r) => WRITES.has(r.method)).length,
        // Refused by the secondary limit: the emulator's 403 with retry-after (or a 429).
        hits: own.filter((r) => r.rateLimited === true || r.status === 429).length,
        // Its writes, seconds after the batch started: what a run with more than one hit did.
        timeline: own
          .filter((r) => WRITES.has(r.method))
          .map(
            (r) => `${((Date.parse(r.time) - started) / 1000).toFixed(1)}s ${r.method} ${r.status}`,
          )
          .concat(
            t.timingLines
              .filter((line) => /agent finished|commit and push|final report/.test(line.text))
              .map(
                (line) =>
                  `${line.text.replace(/^async-pr timing: (.*?) \d+ ms.*$/, '$1').replace(/ \(\d+ ms\)/, '')} ${((t.spawnAt + line.atMs - started) / 1000).toFixed(1)}s`,
              ),
          )
          .join(', '),
      }
    })
    const result: ScaleStep = {
      requested,
      concurrency,
      capped,
      ok: concurrency - failures.length,
      failures,
      batchWallMs,
      runWall: spread(timed.map((t) => t.wallMs)),
      overhead: spread(timed.map((t) => phasesOf(t).overhead)),
      firstComment: spread(
        world.prs.map((slot, i) => {
          const at = commentAt(slot)
          return at ? Date.parse(at.time) - (timed[i] as TimedRun).spawnAt : NaN
        }),
      ),
      windows: windows(world.emulator.requests),
      rateLimitHits: world.emulator.secondaryRateLimitHits.total,
      maxInFlight,
      violations: world.emulator.violations.length,
      minFreeMemMb: Math.round(minFree / 1e6),
      cpuBusy: (cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total),
      leftoverAgentUsers: [...usersAfter].filter((user) => !usersBefore.has(user)).length,
      agentWall: spread(perRun.map((run) => run.agentWall)),
      finalReportLag: spread(perRun.map((run) => run.lag).filter((lag) => Number.isFinite(lag))),
      reportsMissing: perRun.filter((run) => !Number.isFinite(run.lag)).length,
      writesPerRun: spread(perRun.map((run) => run.writes)),
      hitsPerRun: spread(perRun.map((run) => run.hits)),
      runsHit: perRun.filter((run) => run.hits > 0).length,
    }
    log(
      `scale ${concurrency}: ${result.ok}/${concurrency} ok in ${batchWallMs} ms, ` +
        `max ${result.windows.maxPerMinute} req/min, ${result.windows.maxWritesPerMinute} writes/min, ` +
        `${result.rateLimitHits} rate-limit hits (${result.hitsPerRun.max} in one run at most), ` +
        `${result.writesPerRun.median} writes a run, final report ${result.finalReportLag.max} ms after its agent at most, ` +
        `${maxInFlight} in flight at most`,
    )
    for (const failure of failures.slice(0, 5)) log(`  ${failure.slice(0, 400)}`)
    // A run that wrote far more than the others did not see the crowd: what it wrote, when.
    const chattiest = perRun
      .map((run, i) => ({ run, pr: world.prs[i]?.number }))
      .sort((a, b) => b.run.writes - a.run.writes)[0]
    if (chattiest && chattiest.run.writes > 2 * result.writesPerRun.median)
      log(
        `  the most writes: PR #${chattiest.pr}, ${chattiest.run.writes}: ${chattiest.run.timeline}`,
      )
    perRun
      .map((run, i) => ({ run, pr: world.prs[i]?.number }))
      .filter(({ run }) => run.hits > 1 || run.lag > 65_000)
      .sort((a, b) => b.run.lag - a.run.lag)
      .slice(0, 3)
      .forEach(({ run, pr }) => {
        log(
          `  PR #${pr}, ${run.hits} limit hits, report ${Math.round(run.lag / 1000)} s after its agent: ${run.timeline}`,
        )
        const said = (
          timed[world.prs.findIndex((slot) => slot.number === pr)] as TimedRun
        ).run.stdout
          .split('\n')
          .filter((line) => /secondary rate limit|pause in writes|final status comment/i.test(line))
        for (const line of said.slice(0, 6)) log(`    ${line.slice(0, 200)}`)
        if (process.env.BENCH_SCALE_TRACE === '1') {
          const t = timed[world.prs.findIndex((slot) => slot.number === pr)] as TimedRun
          for (const line of t.lines)
            log(
              `    ${((t.spawnAt + line.atMs - started) / 1000).toFixed(1)}s ${line.text.slice(0, 160)}`,
            )
        }
      })
    return result
  } finally {
    stopSampling()
    clearInterval(memory)
    await world.close()
  }
}

export async function scaleScenario(
  ladder: number[],
  log: (line: string) => void,
): Promise<ScaleStep[]> {
  const steps: ScaleStep[] = []
  for (const n of ladder) steps.push(await step(n, log))
  return steps
}

/** `concurrency` runs at once whose agents each work for `minutes`, on one token. */
export async function scaleLongScenario(
  concurrency: number,
  minutes: number,
  log: (line: string) => void,
): Promise<ScaleStep & { minutes: number }> {
  log(`scale-long: ${concurrency} runs at once, each agent working ~${minutes} min`)
  return { ...(await step(concurrency, log, longMode(minutes))), minutes }
}
