// A session that takes more user messages while it runs (steering from the
// PR). Claude Code 2.1.329 with `--input-format stream-json` reads user
// messages as JSON lines on stdin; one sent mid-turn rides with the next tool
// result, one sent after the turn's `result` starts a new turn; with
// `--replay-user-messages` it echoes each message it takes. The session only
// ends when stdin closes, so stdin is closed here once a turn ends with a
// `result` and nothing sent is still waiting (see
// __tests__/harness/model/README.md for what was observed).

import type { RunningProcess } from '../util/process.js'

/** The flags that make a session read its prompt, and later messages, as stream-json. */
export const LIVE_INPUT_ARGS = ['--input-format', 'stream-json', '--replay-user-messages']

/** How long a turn's end waits for a message sent at that moment to be taken. */
const TAKE_GRACE_MS = 10_000

/** The steering side of a running session. */
export interface LiveInput {
  /** The session runs: `send` writes one more user message (false once stdin is closed). */
  open(send: (text: string) => boolean): void
  /** The CLI took a user message (its replay): this text reached the agent. */
  taken(text: string): void
  /** Messages sent that the CLI has not taken yet. */
  waiting(): number
  /** The session is over: nothing more may be sent. */
  close(): void
}

/**
 * One user message as a stream-json line. The Unicode line separators, which
 * JSON leaves raw, are escaped too: the message stays one line whatever a
 * reader of stdin counts as a line break.
 */
export function userMessageLine(text: string): string {
  const json = JSON.stringify({
    type: 'user',
    message: { role: 'user', content: [{ type: 'text', text }] },
  }).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)
  return `${json}\n`
}

interface StreamEvent {
  type?: string
  subtype?: string
  is_error?: unknown
  isReplay?: unknown
  message?: { content?: unknown }
}

function replayedText(event: StreamEvent): string | undefined {
  if (event.type !== 'user' || event.isReplay !== true) return undefined
  const content = event.message?.content
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return undefined
  const texts = content
    .filter((block): block is { type: 'text'; text: string } => {
      const b = block as { type?: unknown; text?: unknown }
      return b?.type === 'text' && typeof b.text === 'string'
    })
    .map((block) => block.text)
  return texts.length > 0 ? texts.join('') : undefined
}

/**
 * A session's stdin: the prompt, then (with a LiveInput) whatever the steering
 * side sends, closed when the session's turn is over. Without one, the prompt
 * is written as plain text and stdin closed at once, as before.
 */
export class SessionInput {
  private sealedAt = false
  private closed = false
  private graceTimer?: NodeJS.Timeout
  private child?: RunningProcess

  constructor(
    private readonly live: LiveInput | undefined,
    private readonly stopGraceMs = 1_000,
  ) {}

  /**
   * True once the session's outcome is decided (a turn ended badly while a
   * message was still queued): later lines are logged but are not the session's.
   */
  get sealed(): boolean {
    return this.sealedAt
  }

  /** The session started: its prompt goes in. */
  start(child: RunningProcess, prompt: string): void {
    this.child = child
    if (!this.live) {
      child.write(prompt)
      child.closeInput()
      return
    }
    child.write(userMessageLine(prompt))
    this.live.open((text) => !this.closed && child.write(userMessageLine(text)))
  }

  /** Each parsed line of the session's stdout. */
  observe(event: StreamEvent): void {
    const live = this.live
    if (!live || this.closed) return
    const replayed = replayedText(event)
    if (replayed !== undefined) {
      live.taken(replayed)
      // Taken after the turn ended: the CLI runs a turn for it, which ends with a result of its own.
      if (this.graceTimer && live.waiting() === 0) {
        clearTimeout(this.graceTimer)
        this.graceTimer = undefined
      }
      return
    }
    if (event.type !== 'result') return
    const clean = event.subtype === 'success' && event.is_error !== true
    if (!clean) {
      // A new turn would start with a fresh --max-turns and hide how this one ended.
      const queued = live.waiting() > 0
      this.end()
      if (queued) {
        this.sealedAt = true
        this.child?.stop(this.stopGraceMs)
      }
      return
    }
    if (live.waiting() === 0) return this.end()
    // A message sent as the turn ended starts a turn of its own; give the CLI a moment to take it.
    this.graceTimer ??= setTimeout(() => this.end(), TAKE_GRACE_MS)
  }

  /** Stdin closed: the session finishes its turn and exits. Idempotent. */
  end(): void {
    if (this.closed) return
    this.closed = true
    if (this.graceTimer) clearTimeout(this.graceTimer)
    this.child?.closeInput()
    this.live?.close()
  }
}
