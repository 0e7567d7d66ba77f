import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { ThrottledUpdates } from '../../src/github/throttled-updates.js'

/** Lets queued promise callbacks run (the send is chained behind the one in flight). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

afterEach(() => {
  jest.useRealTimers()
})

describe('ThrottledUpdates', () => {
  it('sends at most one update per interval, the latest content, only when it changed', async () => {
    jest.useFakeTimers()
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 20_000,
      send: async (body) => void sent.push(body),
    })
    updates.shown('a')
    updates.offer('a', () => 'a') // unchanged: dropped
    updates.offer('b', () => 'b')
    updates.offer('c', () => 'c')
    jest.advanceTimersByTime(19_999)
    expect(sent).toEqual([])
    jest.advanceTimersByTime(1)
    await settle()
    expect(sent).toEqual(['c'])
    updates.offer('c', () => 'c again') // same as last sent: dropped
    jest.advanceTimersByTime(60_000)
    await settle()
    expect(sent).toEqual(['c'])
    updates.offer('d', () => 'd') // more than an interval since the last send: at once
    jest.advanceTimersByTime(0)
    await settle()
    expect(sent).toEqual(['c', 'd'])
  })

  it('sends a delayed offer no sooner than its delay, and never when closed before it', async () => {
    jest.useFakeTimers()
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 1_000,
      send: async (body) => void sent.push(body),
    })
    updates.shown('a')
    jest.advanceTimersByTime(5_000) // the interval is long past: only the delay holds it
    updates.offer('saving', () => 'saving', 10_000)
    jest.advanceTimersByTime(9_999)
    await settle()
    expect(sent).toEqual([])
    jest.advanceTimersByTime(1)
    await settle()
    expect(sent).toEqual(['saving'])

    const quick: string[] = []
    const closing = new ThrottledUpdates({
      intervalMs: 1_000,
      send: async (body) => void quick.push(body),
    })
    closing.shown('a')
    jest.advanceTimersByTime(5_000)
    closing.offer('saving', () => 'saving', 10_000)
    jest.advanceTimersByTime(2_000)
    await closing.close() // the final report came first: the delayed update costs no write
    jest.advanceTimersByTime(60_000)
    await settle()
    expect(quick).toEqual([])
  })

  it('does not hold a newer offer behind the timer of a delayed one', async () => {
    jest.useFakeTimers()
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 1_000,
      send: async (body) => void sent.push(body),
    })
    updates.shown('a')
    updates.offer('saving', () => 'saving', 30_000)
    updates.offer('b', () => 'b') // newer, and not delayed: due when the interval allows
    jest.advanceTimersByTime(1_000)
    await settle()
    expect(sent).toEqual(['b'])
  })

  it('sends nothing after close, and close waits for the update in flight', async () => {
    let release: () => void = () => undefined
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 0,
      send: (body) =>
        new Promise<void>((resolve) => {
          release = () => {
            sent.push(body)
            resolve()
          }
        }),
    })
    let started = false
    updates.offer('x', () => 'x')
    // Wait (bounded) until the update is in flight.
    for (let i = 0; i < 200 && !started; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      started = updates.sent === 1
    }
    expect(started).toBe(true)
    const closing = updates.close()
    updates.offer('y', () => 'y')
    let closed = false
    void closing.then(() => (closed = true))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(closed).toBe(false)
    release()
    await closing
    expect(sent).toEqual(['x'])
  })

  it('reports a failed update instead of throwing', async () => {
    const errors: unknown[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 0,
      send: async () => {
        throw new Error('502')
      },
      onError: (error) => errors.push(error),
    })
    updates.offer('x', () => 'x')
    for (let i = 0; i < 200 && errors.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await updates.close()
    expect(errors).toHaveLength(1)
  })
})
