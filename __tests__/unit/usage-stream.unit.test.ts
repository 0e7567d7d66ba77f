import { describe, expect, it } from '@jest/globals'
import { IdSource, buildMessage, streamEvents } from '../harness/model/messages.js'
import {
  JsonUsageReader,
  SseUsageReader,
  usageReaderFor,
  type UsageReading,
} from '../../src/agent/usage-stream.js'

/** An answer as the Messages API streams it, with usage on both ends as the real API sends it. */
function apiStream(): string {
  const message = buildMessage(
    { text: 'Grüße – done ✓', toolUses: [{ name: 'Bash', input: { command: 'ls -la' } }] },
    new IdSource(),
    'claude-sonnet-4-5',
    1200,
  )
  const events = streamEvents(message)
  // The real message_start also reports the cache, split by lifetime.
  events[0] = events[0].replace(
    '"cache_creation_input_tokens":0,"cache_read_input_tokens":0',
    '"cache_creation_input_tokens":300,"cache_read_input_tokens":4000,' +
      '"cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":200}',
  )
  events.splice(1, 0, 'event: ping\ndata: {"type": "ping"}\n\n', ': keep-alive comment\n\n')
  events[events.length - 2] = events[events.length - 2].replace(
    '"usage":{"output_tokens":',
    '"usage":{"server_tool_use":{"web_search_requests":2},"output_tokens":',
  )
  return events.join('')
}

function read(chunks: Buffer[]): UsageReading {
  const reader = new SseUsageReader()
  for (const chunk of chunks) reader.feed(chunk)
  return reader.end()
}

const expected = {
  model: 'claude-sonnet-4-5',
  started: true,
  complete: true,
  errored: false,
  readable: true,
  usage: {
    inputTokens: 1200,
    cacheCreationInputTokens: 300,
    cacheReadInputTokens: 4000,
    cacheCreation5mInputTokens: 100,
    cacheCreation1hInputTokens: 200,
    webSearchRequests: 2,
  },
}

describe('SseUsageReader', () => {
  const whole = Buffer.from(apiStream())

  it('reads input usage from message_start and the output from message_delta', () => {
    const reading = read([whole])
    expect(reading).toMatchObject(expected)
    expect(reading.usage.outputTokens).toBeGreaterThan(1)
    // Text and tool-input deltas, in UTF-8 bytes.
    expect(reading.contentBytes).toBe(
      Buffer.byteLength('Grüße – done ✓') +
        Buffer.byteLength(JSON.stringify({ command: 'ls -la' })),
    )
  })

  it('reads the same however the stream is cut into chunks, even inside a character', () => {
    const reference = read([whole])
    for (let cut = 1; cut < whole.length; cut++) {
      expect(read([whole.subarray(0, cut), whole.subarray(cut)])).toEqual(reference)
    }
    const bytes = [...whole].map((byte) => Buffer.from([byte]))
    expect(read(bytes)).toEqual(reference)
  })

  it('reads CRLF and bare CR line ends, split between chunks', () => {
    const reference = read([whole])
    for (const ending of ['\r\n', '\r']) {
      const text = Buffer.from(apiStream().replaceAll('\n', ending))
      expect(read([text])).toEqual(reference)
      for (let cut = 1; cut < text.length; cut += 7) {
        expect(read([text.subarray(0, cut), text.subarray(cut)])).toEqual(reference)
      }
    }
  })

  it('takes the last cumulative value message_delta gives for any field', () => {
    const stream =
      'event: message_start\ndata: {"type":"message_start","message":{"model":"m","usage":{"input_tokens":10,"output_tokens":1}}}\n\n' +
      'event: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":5}}\n\n' +
      'event: message_delta\ndata: {"type":"message_delta","usage":{"input_tokens":12,"output_tokens":9}}\n\n' +
      'event: message_stop\ndata: {"type":"message_stop"}\n\n'
    expect(read([Buffer.from(stream)]).usage).toMatchObject({ inputTokens: 12, outputTokens: 9 })
  })

  it('joins multi-line data and accepts data without the space, whatever the line ends', () => {
    const stream =
      'data:{"type":"message_start",\ndata: "message":{"usage":{"input_tokens":7}}}\n\n' +
      'data:{"type":"message_stop"}'
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = Buffer.from(stream.replaceAll('\n', ending))
      for (let cut = 0; cut <= text.length; cut++) {
        expect(read([text.subarray(0, cut), text.subarray(cut)])).toMatchObject({
          started: true,
          complete: true,
          usage: { inputTokens: 7 },
        })
      }
    }
  })

  it('says when a stream stopped before the message ended, or carried an error', () => {
    const cut = whole.subarray(0, whole.indexOf('message_delta'))
    const reading = read([cut])
    expect(reading).toMatchObject({ started: true, complete: false, readable: true })
    expect(reading.usage.inputTokens).toBe(1200)
    const errored = read([
      Buffer.from(
        'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3}}}\n\n' +
          'event: error\ndata: {"type":"error","error":{"type":"overloaded_error"}}\n\n',
      ),
    ])
    expect(errored).toMatchObject({ started: true, complete: false, errored: true })
    expect(read([])).toMatchObject({ started: false, complete: false, readable: true })
  })

  it('gives up on a line no API sends, rather than holding it', () => {
    const reader = new SseUsageReader()
    const line = Buffer.alloc(1024 * 1024, 'a')
    for (let i = 0; i < 9; i++) reader.feed(line)
    reader.feed(whole)
    expect(reader.end()).toMatchObject({ readable: false, complete: false })
  })
})

describe('JsonUsageReader', () => {
  it('reads the usage of a whole message', () => {
    const message = buildMessage({ text: 'hi' }, new IdSource(), 'claude-haiku-4-5', 50)
    const raw = Buffer.from(JSON.stringify(message))
    const reader = new JsonUsageReader()
    reader.feed(raw.subarray(0, 10))
    reader.feed(raw.subarray(10))
    expect(reader.end()).toMatchObject({
      model: 'claude-haiku-4-5',
      started: true,
      complete: true,
      readable: true,
      usage: { inputTokens: 50, outputTokens: message.usage.output_tokens },
    })
  })

  it('cannot read what is not a message', () => {
    const reader = new JsonUsageReader()
    reader.feed(Buffer.from('{"input_tokens": 5}'))
    expect(reader.end().readable).toBe(false)
    const broken = new JsonUsageReader()
    broken.feed(Buffer.from('{"type":"message"'))
    expect(broken.end().readable).toBe(false)
  })

  it('is chosen for anything but an event stream', () => {
    expect(usageReaderFor('text/event-stream; charset=utf-8')).toBeInstanceOf(SseUsageReader)
    expect(usageReaderFor('application/json')).toBeInstanceOf(JsonUsageReader)
    expect(usageReaderFor(undefined)).toBeInstanceOf(JsonUsageReader)
  })
})
