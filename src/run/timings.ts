// Wall-clock milestones, logged so the action's own overhead can be measured
// (the benchmark reads these lines).

import * as core from '@actions/core'

export class Timings {
  private readonly start = Date.now()
  private last = this.start
  mark(phase: string): void {
    const now = Date.now()
    core.info(`async-pr timing: ${phase} ${now - this.last} ms (total ${now - this.start} ms)`)
    this.last = now
  }
}
