// Done means green, measured: after async-pr's push, a CI run fails and its `workflow_run`
// event starts the action. How many GitHub requests the fix run makes before the agent's first
// model turn, how long from the event (the action's spawn) to the first status update (the CI
// line or the fix's comment, whichever reaches GitHub first), and what a passing CI run costs
// (the CI line only). Each sample in a fresh world, with the CLI given as `claude_path`.

import path from 'node:path'
import { ciRun, failingTestJob, passingJob, promptOf, turnOf } from '../../__tests__/harness/ci.js'
import type { RecordedRequest } from '../../__tests__/harness/github/index.js'
import { say, writeFile, type ModelScript } from '../../__tests__/harness/model/index.js'
import { createWorld, type World } from '../../__tests__/harness/world.js'
import { requestKinds } from '../lib/requests.js'
import { spread, type Spread } from '../lib/stats.js'
import { timedRun } from '../lib/timed-run.js'

export interface CiFixResult {
  runs: number
  failures: string[]
  /** GitHub requests of the fix run that arrived before the agent's first model turn. */
  requestsBeforeAgent: Spread
  kindsBeforeAgent: Record<string, number>
  /** Spawn of the fix run to the first comment write reaching the emulator. */
  firstUpdate: Spread
  /** Spawn to the agent's first model turn. */
  agentStart: Spread
  fixWall: Spread
  /** A passing CI run on the fix: requests, and spawn to exit. */
  passedRequests: Spread
  passedKinds: Record<string, number>
  passedWall: Spread
}

const LOG = [
  '> app@1.0.0 test',
  '✖ greets the reader',
  "  AssertionError: Expected 'hello' but hello.txt says 'helo'",
  '✖ 1 of 1 tests failed',
]

interface Sample {
  requestsBeforeAgent: number
  kindsBeforeAgent: Record<string, number>
  firstUpdate: number
  agentStart: number
  fixWall: number
  passedRequests: number
  passedKinds: Record<string, number>
  passedWall: number
}

const isCommentWrite = (r: RecordedRequest) =>
  r.operationId === 'issues/update-comment' || r.operationId === 'issues/create-comment'

async function sample(): Promise<Sample> {
  let agentAt = NaN
  let workspace = ''
  const script: ModelScript = ({ request }) => {
    const file = path.join(workspace, 'hello.txt')
    const turn = turnOf(request.messages)
    if (promptOf(request.messages).includes('<CI_FAILURE')) {
      if (turn === 0 && Number.isNaN(agentAt)) agentAt = Date.now()
      return [writeFile(file, 'hello\n'), say('Fixed the typo.')][turn]
    }
    return [writeFile(file, 'helo\n'), say('Created hello.txt.')][turn]
  }
  const world: World = await createWorld({ script, installationToken: true })
  workspace = world.checkout.workspace
  try {
    const first = await world.run()
    if (first.outputs.conclusion !== 'success') throw new Error(`task run: ${first.stderr}`)
    const red = await ciRun(world, {
      conclusion: 'failure',
      jobs: [failingTestJob('test', LOG, 'expected hello')],
    })
    const from = world.emulator.requests.length
    const fix = await timedRun((onSpawn) =>
      world.run({ eventName: 'workflow_run', payload: red.payload, runId: 6001, onSpawn }),
    )
    if (fix.run.outputs.conclusion !== 'success') {
      throw new Error(`fix run: ${fix.run.outputs.conclusion}\n${fix.run.stdout.slice(-1500)}`)
    }
    const during = world.emulator.requests.slice(from)
    const before = during.filter((r) => Date.parse(r.time) < agentAt)
    const update = during.find(isCommentWrite)

    const green = await ciRun(world, { conclusion: 'success', jobs: [passingJob('test')] })
    const fromGreen = world.emulator.requests.length
    const passed = await timedRun((onSpawn) =>
      world.run({ eventName: 'workflow_run', payload: green.payload, runId: 6002, onSpawn }),
    )
    if (passed.run.outputs.skip_reason !== 'ci_passed') {
      throw new Error(`passing run: ${passed.run.outputs.skip_reason}`)
    }
    const afterGreen = world.emulator.requests.slice(fromGreen)
    if (world.emulator.violations.length > 0)
      throw new Error(`violations: ${world.emulator.violations.join('; ')}`)
    return {
      requestsBeforeAgent: before.length,
      kindsBeforeAgent: requestKinds(before),
      firstUpdate: update ? Date.parse(update.time) - fix.spawnAt : NaN,
      agentStart: agentAt - fix.spawnAt,
      fixWall: fix.wallMs,
      passedRequests: afterGreen.length,
      passedKinds: requestKinds(afterGreen),
      passedWall: passed.wallMs,
    }
  } finally {
    await world.close()
  }
}

function averageKinds(list: Array<Record<string, number>>): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const each of list)
    for (const [kind, n] of Object.entries(each)) kinds[kind] = (kinds[kind] ?? 0) + n / list.length
  return kinds
}

export async function ciFixScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<CiFixResult> {
  const samples: Sample[] = []
  const failures: string[] = []
  for (let i = -1; i < repeats; i++) {
    try {
      const s = await sample()
      if (i >= 0) samples.push(s)
      log(
        `ci-fix ${i < 0 ? 'warm-up' : `${i + 1}/${repeats}`}: ${s.requestsBeforeAgent} requests before the agent, ` +
          `first update at ${Math.round(s.firstUpdate)} ms, agent at ${Math.round(s.agentStart)} ms; ` +
          `green: ${s.passedRequests} requests, ${s.passedWall} ms`,
      )
    } catch (error) {
      failures.push(String(error).slice(0, 4000))
      log(`ci-fix run failed: ${String(error).slice(0, 800)}`)
    }
  }
  return {
    runs: samples.length,
    failures,
    requestsBeforeAgent: spread(samples.map((s) => s.requestsBeforeAgent)),
    kindsBeforeAgent: averageKinds(samples.map((s) => s.kindsBeforeAgent)),
    firstUpdate: spread(samples.map((s) => s.firstUpdate)),
    agentStart: spread(samples.map((s) => s.agentStart)),
    fixWall: spread(samples.map((s) => s.fixWall)),
    passedRequests: spread(samples.map((s) => s.passedRequests)),
    passedKinds: averageKinds(samples.map((s) => s.passedKinds)),
    passedWall: spread(samples.map((s) => s.passedWall)),
  }
}
