// The steering messages of a run on their way to the agent. A worker session
// opens the inbox while it runs (see agent/live-input.ts); what arrives
// between sessions waits for the next one. A message counts as delivered only
// when the CLI echoes it back: then, and only then, the comment is answered.
// What no session took by the run's end stays unanswered, for the run its
// comment queued.

import type { LiveInput } from '../agent/live-input.js'
import type { SteeringNote } from '../report/steering.js'

export interface SteeringMessage {
  note: SteeringNote
  /** The text the agent gets (see message.ts). */
  text: string
}

export class SteeringInbox implements LiveInput {
  private queue: SteeringMessage[] = []
  private readonly sent = new Map<string, SteeringMessage>()
  private send?: (text: string) => boolean

  constructor(private readonly onTaken: (note: SteeringNote) => void) {}

  /** A message for the agent: sent now if a session runs, else when the next one starts. */
  push(message: SteeringMessage): void {
    if (this.send?.(message.text)) this.sent.set(message.text, message)
    else this.queue.push(message)
  }

  open(send: (text: string) => boolean): void {
    this.send = send
    const waiting = this.queue
    this.queue = []
    for (const message of waiting) this.push(message)
  }

  taken(text: string): void {
    const message = this.sent.get(text)
    if (!message) return
    this.sent.delete(text)
    this.onTaken(message.note)
  }

  waiting(): number {
    return this.sent.size
  }

  /** The session ended: what it did not take goes to the next one. */
  close(): void {
    this.send = undefined
    this.queue.unshift(...this.sent.values())
    this.sent.clear()
  }

  /** Messages no session has taken (yet). */
  get undelivered(): SteeringNote[] {
    return this.queue.map((message) => message.note)
  }
}
