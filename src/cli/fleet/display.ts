// The display of many pull requests: on a terminal one table redrawn in place
// (its clock ticking each second); otherwise one line per change of any of
// them. Only the redraw's own escapes reach the terminal: every line of the
// table has been through terminalSafe, and is written through it once more.

import type { Output } from '../io.js'
import { QuietDisplay } from '../live.js'
import { terminalSafe } from '../terminal.js'
import { changeLine, liveTable, type FleetRow } from './table.js'

export interface FleetDisplay {
  /** Something changed (or may have): draw it. */
  update(): void
  note(text: string): void
  /** Leaves the last table on screen, stops the clock, and ends on a fresh line. */
  stop(): void
}

export interface FleetDisplaySource {
  rows(): FleetRow[]
  footer(): string
}

const ESC = '\u001b['
const TICK_MS = 1000

export function createFleetDisplay(
  out: Output,
  source: FleetDisplaySource,
  options: { live: boolean; clock?: () => Date; quiet?: boolean },
): FleetDisplay {
  if (options.quiet) return new QuietDisplay(out)
  return options.live
    ? new LiveTable(out, source)
    : new ChangeLines(out, source, options.clock ?? (() => new Date()))
}

class ChangeLines implements FleetDisplay {
  private readonly last = new Map<string, string>()

  constructor(
    private readonly out: Output,
    private readonly source: FleetDisplaySource,
    private readonly clock: () => Date,
  ) {}

  update(): void {
    for (const row of this.source.rows()) {
      const key = String(row.number ?? `issue-${row.issue ?? '?'}`)
      const text = changeLine(row)
      if (this.last.get(key) === text) continue
      this.last.set(key, text)
      const time = this.clock().toISOString().slice(11, 19)
      this.out.write(`${time} ${terminalSafe(text, 'line')}\n`)
    }
  }

  note(text: string): void {
    this.out.write(`${terminalSafe(text, 'block')}\n`)
  }

  stop(): void {}
}

class LiveTable implements FleetDisplay {
  private drawn = 0
  private stopped = false
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly out: Output,
    private readonly source: FleetDisplaySource,
  ) {
    this.timer = setInterval(() => this.draw(), TICK_MS)
    // The clock alone must never keep the process alive.
    this.timer.unref()
  }

  update(): void {
    this.draw()
  }

  note(text: string): void {
    this.erase()
    this.out.write(`${terminalSafe(text, 'block')}\n`)
    this.draw()
  }

  stop(): void {
    if (this.stopped) return
    clearInterval(this.timer)
    this.draw()
    this.stopped = true
  }

  private erase(): void {
    // Up to the first line of the last table, then clear to the end of the screen.
    if (this.drawn > 0) this.out.write(`${ESC}${this.drawn}A\r${ESC}0J`)
    this.drawn = 0
  }

  private draw(): void {
    if (this.stopped) return
    // A terminal of unknown size (some pseudo-terminals say 0) is taken as 80 wide.
    const lines = liveTable(this.source.rows(), this.out.columns || 80, this.source.footer())
    // One write per frame: an interrupt never leaves half a table behind.
    const erase = this.drawn > 0 ? `${ESC}${this.drawn}A\r${ESC}0J` : ''
    this.out.write(`${erase}${terminalSafe(lines.join('\n'), 'block')}\n`)
    this.drawn = lines.length
  }
}
