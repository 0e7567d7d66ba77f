// Turns one scripted assistant turn into what the Messages API sends: a message object for
// non-streaming calls, or the Server-Sent Events sequence for `stream: true`. Deltas are split
// in pieces so the CLI's incremental parsing (partial JSON of tool inputs) is exercised too.

import type { TurnStep } from './script.js'

export interface Usage {
  input_tokens: number
  output_tokens: number
}

export interface AssistantMessage {
  id: string
  type: 'message'
  role: 'assistant'
  model: string
  content: ContentBlock[]
  stop_reason: 'end_turn' | 'tool_use'
  stop_sequence: null
  usage: Usage & { cache_creation_input_tokens: 0; cache_read_input_tokens: 0 }
}

type ContentBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: object }

/** Ids are deterministic per server so recorded transcripts do not churn between runs. */
export class IdSource {
  private messages = 0
  private toolUses = 0
  messageId(): string {
    return `msg_harness_${String(++this.messages).padStart(4, '0')}`
  }
  toolUseId(): string {
    return `toolu_harness_${String(++this.toolUses).padStart(4, '0')}`
  }
}

/** Rough token estimate (4 characters a token): enough for cost and usage fields to look sane. */
export function estimateTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '')
  return Math.max(1, Math.ceil(text.length / 4))
}

export function buildMessage(
  turn: TurnStep,
  ids: IdSource,
  model: string,
  inputTokens: number,
): AssistantMessage {
  const content: ContentBlock[] = []
  if (turn.text !== undefined && turn.text !== '') content.push({ type: 'text', text: turn.text })
  for (const use of turn.toolUses ?? []) {
    content.push({ type: 'tool_use', id: ids.toolUseId(), name: use.name, input: use.input })
  }
  // An assistant message with no content at all confuses clients; say something.
  if (content.length === 0) content.push({ type: 'text', text: 'Done.' })
  return {
    id: ids.messageId(),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: turn.toolUses?.length ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: inputTokens,
      output_tokens: estimateTokens(content),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  }
}

export function sseEvent(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
}

function pieces(text: string, count = 3): string[] {
  if (text.length <= count) return [text]
  const size = Math.ceil(text.length / count)
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

/** The SSE events of a message, in the order the API sends them. */
export function streamEvents(message: AssistantMessage): string[] {
  const events: string[] = []
  events.push(
    sseEvent('message_start', {
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: { ...message.usage, output_tokens: 1 },
      },
    }),
  )
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(
        sseEvent('content_block_start', { index, content_block: { type: 'text', text: '' } }),
      )
      for (const text of pieces(block.text)) {
        events.push(sseEvent('content_block_delta', { index, delta: { type: 'text_delta', text } }))
      }
    } else {
      events.push(
        sseEvent('content_block_start', {
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        }),
      )
      for (const partial_json of pieces(JSON.stringify(block.input))) {
        events.push(
          sseEvent('content_block_delta', {
            index,
            delta: { type: 'input_json_delta', partial_json },
          }),
        )
      }
    }
    events.push(sseEvent('content_block_stop', { index }))
  })
  events.push(
    sseEvent('message_delta', {
      delta: { stop_reason: message.stop_reason, stop_sequence: null },
      usage: { output_tokens: message.usage.output_tokens },
    }),
  )
  events.push(sseEvent('message_stop', {}))
  return events
}

export function errorBody(status: number): object {
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 529
        ? 'overloaded_error'
        : status === 404
          ? 'not_found_error'
          : status === 400
            ? 'invalid_request_error'
            : 'api_error'
  const message =
    status === 429
      ? 'Rate limited (scripted)'
      : status === 529
        ? 'Overloaded (scripted)'
        : status === 404
          ? 'Not found'
          : status === 400
            ? 'Invalid request'
            : 'Internal server error (scripted)'
  return { type: 'error', error: { type, message } }
}
