// Reads the token usage out of a Messages API answer as it passes through the model
// proxy, without holding any of it back: Server-Sent Events for `stream: true`
// (`message_start` carries the input side, `message_delta` the cumulative output),
// one JSON message otherwise. Pure: bytes in, a reading out.

import { StringDecoder } from 'node:string_decoder'
import type { TokenUsage } from './pricing.js'

export interface UsageReading {
  usage: TokenUsage
  /** The model the answer names. */
  model?: string
  /** The message began (`message_start`, or a whole JSON message). */
  started: boolean
  /** The message ended as the API ends one (`message_stop`, or a whole JSON message). */
  complete: boolean
  /** The API sent an `error` event in the stream. */
  errored: boolean
  /** UTF-8 bytes of text, thinking and tool-input deltas: what an unfinished message produced. */
  contentBytes: number
  /** False when the answer could not be read (oversized line, malformed usage): price it as unknown. */
  readable: boolean
}

export interface UsageReader {
  feed(chunk: Buffer): void
  end(): UsageReading
}

/** An SSE line longer than this is not something the Messages API sends. */
const MAX_LINE_CHARS = 8 * 1024 * 1024
/** A non-streamed message of 128k output tokens is well under 2 MiB. */
const MAX_JSON_BYTES = 32 * 1024 * 1024

/** Nothing seen yet. */
export function emptyReading(): UsageReading {
  return {
    usage: {
      inputTokens: 0,
      outputTokens: 0,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    },
    started: false,
    complete: false,
    errored: false,
    contentBytes: 0,
    readable: true,
  }
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined

/** Copies the fields an API `usage` object carries onto `into` (later events are cumulative). */
export function applyUsage(into: TokenUsage, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return
  const usage = raw as Record<string, unknown>
  into.inputTokens = count(usage.input_tokens) ?? into.inputTokens
  into.outputTokens = count(usage.output_tokens) ?? into.outputTokens
  into.cacheCreationInputTokens =
    count(usage.cache_creation_input_tokens) ?? into.cacheCreationInputTokens
  into.cacheReadInputTokens = count(usage.cache_read_input_tokens) ?? into.cacheReadInputTokens
  const creation = usage.cache_creation as Record<string, unknown> | null | undefined
  if (typeof creation === 'object' && creation !== null) {
    const fiveMinutes = count(creation.ephemeral_5m_input_tokens)
    const oneHour = count(creation.ephemeral_1h_input_tokens)
    if (fiveMinutes !== undefined) into.cacheCreation5mInputTokens = fiveMinutes
    if (oneHour !== undefined) into.cacheCreation1hInputTokens = oneHour
  }
  const serverTools = usage.server_tool_use as Record<string, unknown> | null | undefined
  if (typeof serverTools === 'object' && serverTools !== null) {
    const searches = count(serverTools.web_search_requests)
    if (searches !== undefined) into.webSearchRequests = searches
  }
}

function deltaBytes(delta: unknown): number {
  if (typeof delta !== 'object' || delta === null) return 0
  const { text, thinking, partial_json: partialJson } = delta as Record<string, unknown>
  const piece = [text, thinking, partialJson].find((value) => typeof value === 'string')
  return typeof piece === 'string' ? Buffer.byteLength(piece) : 0
}

/** Server-Sent Events as the WHATWG spec parses them: CR, LF or CRLF line ends, split anywhere. */
export class SseUsageReader implements UsageReader {
  private readonly reading = emptyReading()
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
  /** A CR ended the last chunk: an LF opening the next one belongs to it. */
  private afterCr = false
  private data: string[] = []

  feed(chunk: Buffer): void {
    if (!this.reading.readable) return
    let text = this.decoder.write(chunk)
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1)
    this.afterCr = false
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i)
      if (char !== 10 && char !== 13) continue
      this.line(this.pending + text.slice(start, i))
      this.pending = ''
      if (char === 13) {
        if (i + 1 === text.length) this.afterCr = true
        else if (text.charCodeAt(i + 1) === 10) i++
      }
      start = i + 1
    }
    this.pending += text.slice(start)
    if (this.pending.length > MAX_LINE_CHARS) this.giveUp()
  }

  end(): UsageReading {
    if (this.reading.readable) {
      const rest = this.decoder.end()
      if (rest) this.feed(Buffer.from(rest))
      // A stream that stops without a blank line still delivered its last event.
      if (this.pending) this.line(this.pending)
      this.pending = ''
      this.dispatch()
    }
    return this.reading
  }

  private giveUp(): void {
    this.reading.readable = false
    this.pending = ''
    this.data = []
  }

  private line(line: string): void {
    if (line === '') return this.dispatch()
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    if (field !== 'data') return
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    this.data.push(value)
  }

  /** The event's `type` inside its data is what the Messages API keys on; `event:` repeats it. */
  private dispatch(): void {
    if (this.data.length === 0) return
    const data = this.data.join('\n')
    this.data = []
    let event: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(data)
      if (typeof parsed !== 'object' || parsed === null) return
      event = parsed as Record<string, unknown>
    } catch {
      return
    }
    const reading = this.reading
    switch (event.type) {
      case 'message_start': {
        const message = event.message as Record<string, unknown> | undefined
        reading.started = true
        if (typeof message?.model === 'string') reading.model = message.model
        applyUsage(reading.usage, message?.usage)
        break
      }
      case 'content_block_delta':
        reading.contentBytes += deltaBytes(event.delta)
        break
      case 'message_delta':
        applyUsage(reading.usage, event.usage)
        break
      case 'message_stop':
        reading.complete = reading.started
        break
      case 'error':
        reading.errored = true
        break
    }
  }
}

/** A whole (non-streamed) message, read once it has all arrived. */
export class JsonUsageReader implements UsageReader {
  private readonly chunks: Buffer[] = []
  private size = 0
  private overflow = false

  feed(chunk: Buffer): void {
    if (this.overflow) return
    this.size += chunk.length
    if (this.size > MAX_JSON_BYTES) {
      this.overflow = true
      this.chunks.length = 0
      return
    }
    this.chunks.push(chunk)
  }

  end(): UsageReading {
    const reading = emptyReading()
    if (this.overflow) return { ...reading, readable: false }
    try {
      const message = JSON.parse(Buffer.concat(this.chunks).toString('utf8')) as Record<
        string,
        unknown
      >
      if (message?.type !== 'message' || typeof message.usage !== 'object') {
        return { ...reading, readable: false }
      }
      if (typeof message.model === 'string') reading.model = message.model
      applyUsage(reading.usage, message.usage)
      return { ...reading, started: true, complete: true }
    } catch {
      return { ...reading, readable: false }
    }
  }
}

export function usageReaderFor(contentType: string | undefined): UsageReader {
  return /^text\/event-stream\b/i.test(contentType ?? '')
    ? new SseUsageReader()
    : new JsonUsageReader()
}
