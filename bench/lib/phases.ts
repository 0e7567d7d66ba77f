// The action's `async-pr timing: <phase> <ms> ms (total <ms> ms)` lines -> named phases.
// The pipeline's clock starts inside runPipeline, so start-up (Node, bundle load, settings) is
// what lies between spawn and the pipeline's zero; exit is what follows the last line.

import type { TimedRun } from './timed-run.js'

export interface Phases {
  /** Spawn -> runPipeline starts: Node start-up, bundle load, settings. */
  startup: number
  /** Event parsed, permission looked up. */
  trust: number
  firstComment: number
  /** Credentials removed, head branch fetched and checked out. */
  workspace: number
  /** Waiting for Claude Code to be located or installed (after the workspace was ready). */
  cliReady: number
  /** The agent phase minus the CLI's own wall time: agent user, model proxy, clean-up. */
  agentSetup: number
  commitPush: number
  finalReport: number
  /** Last timing line -> process closed: outputs, job summary, exit. */
  exit: number
  /** Claude Code's own wall time (spawn to exit of the CLI). */
  agentWall: number
  /** Whole run, spawn to close. */
  wall: number
  /** wall - agentWall: what the action itself costs. */
  overhead: number
  /** Phases the bench does not know by name (new ones added to the pipeline). */
  other: Record<string, number>
}

const LINE = /^async-pr timing: (.+) (\d+) ms \(total (\d+) ms\)$/

const KNOWN: Array<[RegExp, keyof Phases]> = [
  [/trust/i, 'trust'],
  [/first comment/i, 'firstComment'],
  [/workspace/i, 'workspace'],
  [/claude code ready/i, 'cliReady'],
  [/commit and push|push/i, 'commitPush'],
  [/final report/i, 'finalReport'],
]

export function phasesOf(timed: TimedRun): Phases {
  const phases: Phases = {
    startup: NaN,
    trust: NaN,
    firstComment: NaN,
    workspace: NaN,
    cliReady: NaN,
    agentSetup: NaN,
    commitPush: NaN,
    finalReport: NaN,
    exit: NaN,
    agentWall: NaN,
    wall: timed.wallMs,
    overhead: NaN,
    other: {},
  }
  let lastTotal = NaN
  for (const line of timed.timingLines) {
    const match = LINE.exec(line.text)
    if (!match) continue
    const name = match[1] as string
    const ms = Number(match[2])
    const total = Number(match[3])
    if (Number.isNaN(phases.startup)) phases.startup = line.atMs - total
    lastTotal = total
    const agent = /agent finished \((\d+) ms\)/.exec(name)
    if (agent) {
      phases.agentWall = Number(agent[1])
      phases.agentSetup = ms - phases.agentWall
      continue
    }
    const known = KNOWN.find(([pattern]) => pattern.test(name))
    if (known) {
      const key = known[1] as Exclude<keyof Phases, 'other'>
      phases[key] = (Number.isNaN(phases[key]) ? 0 : phases[key]) + ms
    } else phases.other[name] = (phases.other[name] ?? 0) + ms
  }
  phases.exit = timed.wallMs - (phases.startup + lastTotal)
  phases.overhead = timed.wallMs - (Number.isNaN(phases.agentWall) ? 0 : phases.agentWall)
  return phases
}

// Each phase is the time between two timing lines. The checkout runs alongside the first
// comment, so "preparation" is only what the checkout took beyond the first comment.
export const PHASE_LABELS: Array<[keyof Phases, string]> = [
  ['startup', 'start-up and bundle load'],
  ['trust', 'trust check (permission lookup)'],
  ['firstComment', 'first comment posted (checkout alongside)'],
  ['workspace', 'preparation left after the first comment'],
  ['cliReady', 'waiting for Claude Code (locate/install)'],
  ['agentSetup', 'agent user, model proxy, clean-up'],
  ['commitPush', 'commit and push (and PR state check)'],
  ['finalReport', 'final report (the comment)'],
  ['exit', 'outputs, job summary, exit'],
]
