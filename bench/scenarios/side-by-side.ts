// The floor and the short task, one run of each in turn: the ratio of the action's overhead to
// the floor compares runs made moments apart, so a machine that speeds up or slows down while
// the bench runs (a shared VM does) moves both alike instead of only the scenario run second.

import { floorStep, summarizeFloor, type FloorResult, type FloorSample } from './floor.js'
import { overheadStep, summarizeOverhead, type OverheadResult, type RunSample } from './overhead.js'

export async function sideBySideScenario(
  repeats: number,
  log: (line: string) => void,
): Promise<{ floor: FloorResult; overhead: OverheadResult }> {
  const floors: FloorSample[] = []
  const runs: RunSample[] = []
  const floorFailures: string[] = []
  const runFailures: string[] = []
  // One warm-up run of each (i = -1) that is not counted.
  for (let i = -1; i < repeats; i++) {
    await floorStep(i, repeats, floors, floorFailures, log)
    await overheadStep(i, repeats, runs, runFailures, log)
  }
  return {
    floor: summarizeFloor(floors, floorFailures),
    overhead: summarizeOverhead(runs, runFailures),
  }
}
