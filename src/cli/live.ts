// watch's progress display: on a terminal, a small frame redrawn in place with
// a ticking clock; otherwise one plain line each time something changes, which
// reads well in logs and in an agent's tool output.

import type { Output } from './io.js'
import { liveFrame, progressLine } from './render.js'
import type { Snapshot } from './snapshot.js'
import { terminalSafe } from './terminal.js'

export interface Display {
  show(snapshot: Snapshot): void
  /** Something to say between frames (a retried poll, say). */
  note(text: string): void
  /** Leaves the last frame on screen and stops the clock. */
  stop(): void
}

const ESC = '\u001b['
const TICK_MS = 1000

export function createDisplay(
  out: Output,
  options: { live: boolean; now: () => number; quiet?: boolean },
): Display {
  if (options.quiet) return new QuietDisplay(out)
  return options.live ? new LiveDisplay(out, options.now) : new PlainDisplay(out)
}

/** --quiet: no progress, only notes (a retried poll, say). */
export class QuietDisplay {
  constructor(private readonly out: Output) {}
  show(): void {}
  update(): void {}
  note(text: string): void {
    this.out.write(`${terminalSafe(text, 'block')}\n`)
  }
  stop(): void {}
}

class PlainDisplay implements Display {
  private last = ''
  constructor(private readonly out: Output) {}

  show(snapshot: Snapshot): void {
    const text = progressLine(snapshot)
    if (text === this.last) return
    this.last = text
    this.out.write(`${new Date().toISOString().slice(11, 19)} ${terminalSafe(text, 'block')}\n`)
  }

  note(text: string): void {
    this.out.write(`${terminalSafe(text, 'block')}\n`)
  }

  stop(): void {}
}

class LiveDisplay implements Display {
  private readonly started: number
  private drawn = 0
  private tick = 0
  private snapshot?: Snapshot
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly out: Output,
    private readonly now: () => number,
  ) {
    this.started = now()
    this.timer = setInterval(() => {
      this.tick++
      this.draw()
    }, TICK_MS)
    // The clock alone must never keep the process alive.
    this.timer.unref()
  }

  show(snapshot: Snapshot): void {
    this.snapshot = snapshot
    this.draw()
  }

  note(text: string): void {
    this.erase()
    this.out.write(`${terminalSafe(text, 'block')}\n`)
    this.draw()
  }

  stop(): void {
    clearInterval(this.timer)
    this.draw()
  }

  private erase(): void {
    // Up to the first line of the last frame, then clear to the end of the screen.
    if (this.drawn > 0) this.out.write(`${ESC}${this.drawn}A\r${ESC}0J`)
    this.drawn = 0
  }

  private draw(): void {
    if (!this.snapshot) return
    const lines = liveFrame(
      this.snapshot,
      this.now() - this.started,
      this.tick,
      this.out.columns ?? 80,
    )
    this.erase()
    // The frame's own escapes are erase()'s; nothing in its lines may move the cursor.
    this.out.write(`${terminalSafe(lines.join('\n'), 'block')}\n`)
    this.drawn = lines.length
  }
}
