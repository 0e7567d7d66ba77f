// The stdin of a session that takes messages while it runs: what is written,
// and when stdin closes (what Claude Code 2.1.329 was seen to need; see the
// model server's README). The child is an object literal standing in for
// RunningProcess; the real CLI runs in the e2e steering tests.

import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { SessionInput, userMessageLine, type LiveInput } from '../../src/agent/live-input.js'
import type { RunningProcess } from '../../src/util/process.js'

function fakeChild() {
  const written: string[] = []
  const child = {
    pid: 1,
    closed: false,
    stopped: undefined as number | undefined,
    write(text: string) {
      if (child.closed) return false
      written.push(text)
      return true
    },
    closeInput() {
      child.closed = true
    },
    stop(graceMs: number) {
      child.stopped = graceMs
    },
    exited: new Promise(() => undefined),
  }
  return { child: child as typeof child & RunningProcess, written }
}

function fakeLive() {
  const live = {
    send: undefined as ((text: string) => boolean) | undefined,
    taken: [] as string[],
    pending: 0,
    closed: false,
    open(send: (text: string) => boolean) {
      live.send = send
    },
    take(text: string) {
      live.taken.push(text)
      live.pending = Math.max(0, live.pending - 1)
    },
    waiting: () => live.pending,
    close() {
      live.closed = true
    },
  }
  const input: LiveInput = {
    open: (send) => live.open(send),
    taken: (text) => live.take(text),
    waiting: () => live.waiting(),
    close: () => live.close(),
  }
  return { live, input }
}

const replay = (text: string) => ({
  type: 'user',
  isReplay: true,
  message: { role: 'user', content: [{ type: 'text', text }] },
})
const result = (subtype = 'success', isError = false) => ({
  type: 'result',
  subtype,
  is_error: isError,
})

afterEach(() => {
  jest.useRealTimers()
})

describe('a session without live input', () => {
  it('gets its prompt as plain text and stdin closed at once, as before', () => {
    const { child, written } = fakeChild()
    new SessionInput(undefined).start(child, 'do the task')
    expect(written).toEqual(['do the task'])
    expect(child.closed).toBe(true)
  })
})

describe('a session with live input', () => {
  it('gets its prompt as one stream-json user message, and stdin stays open', () => {
    const { child, written } = fakeChild()
    const { live, input } = fakeLive()
    new SessionInput(input).start(child, 'line one\nline two\u2028three')
    expect(written).toHaveLength(1)
    const line = written[0]!
    expect(line.endsWith('\n')).toBe(true)
    // One line whatever the text holds: newlines and the Unicode separators are escaped.
    expect(line.slice(0, -1)).not.toMatch(/[\n\u2028\u2029]/)
    expect(JSON.parse(line)).toEqual({
      type: 'user',
      message: {
        role: 'user',
        content: [{ type: 'text', text: 'line one\nline two\u2028three' }],
      },
    })
    expect(child.closed).toBe(false)
    expect(live.send).toBeDefined()
    expect(live.send!('more')).toBe(true)
    expect(JSON.parse(written[1]!).message.content[0].text).toBe('more')
  })

  it('closes stdin when the turn ends with a clean result and nothing sent is waiting', () => {
    const { child } = fakeChild()
    const { live, input } = fakeLive()
    const session = new SessionInput(input)
    session.start(child, 'p')
    session.observe(replay('p'))
    expect(live.taken).toEqual(['p'])
    session.observe({ type: 'assistant' })
    expect(child.closed).toBe(false)
    session.observe(result())
    expect(child.closed).toBe(true)
    expect(live.closed).toBe(true)
    // Nothing more goes in once it is closed.
    expect(live.send!('late')).toBe(false)
  })

  it('keeps stdin open past a result while a message is queued, until the turn that takes it ends', () => {
    jest.useFakeTimers()
    const { child } = fakeChild()
    const { live, input } = fakeLive()
    const session = new SessionInput(input)
    session.start(child, 'p')
    live.send!('steer')
    live.pending = 1
    session.observe(result())
    expect(child.closed).toBe(false)
    session.observe(replay('steer'))
    expect(live.taken).toContain('steer')
    // Its own turn runs now; the grace timer no longer applies.
    jest.advanceTimersByTime(60_000)
    expect(child.closed).toBe(false)
    session.observe(result())
    expect(child.closed).toBe(true)
  })

  it('closes stdin after a grace when a message sent as the turn ended is never taken', () => {
    jest.useFakeTimers()
    const { child } = fakeChild()
    const { live, input } = fakeLive()
    const session = new SessionInput(input)
    session.start(child, 'p')
    live.pending = 1
    session.observe(result())
    jest.advanceTimersByTime(9_000)
    expect(child.closed).toBe(false)
    jest.advanceTimersByTime(1_500)
    expect(child.closed).toBe(true)
    expect(live.closed).toBe(true)
  })

  it('after a result that is not a clean success, feeds nothing more: a queued message stops the session and seals it', () => {
    const { child } = fakeChild()
    const { live, input } = fakeLive()
    const session = new SessionInput(input, 500)
    session.start(child, 'p')
    live.pending = 1
    session.observe(result('error_max_turns', true))
    expect(child.closed).toBe(true)
    expect(child.stopped).toBe(500)
    expect(session.sealed).toBe(true)
    // Lines after that are not the session's: nothing is taken from them.
    session.observe(replay('steer'))
    expect(live.taken).toEqual([])
  })

  it('an error result with nothing queued just closes stdin', () => {
    const { child } = fakeChild()
    const { input } = fakeLive()
    const session = new SessionInput(input)
    session.start(child, 'p')
    session.observe(result('success', true))
    expect(child.closed).toBe(true)
    expect(child.stopped).toBeUndefined()
    expect(session.sealed).toBe(false)
  })
})

describe('userMessageLine', () => {
  it('is one JSON line whatever the text', () => {
    const text = 'a"b\\c\n\r\u2028\u2029</PR_COMMENT>'
    const line = userMessageLine(text)
    expect(line.split('\n')).toHaveLength(2)
    expect(JSON.parse(line).message.content[0].text).toBe(text)
  })
})
