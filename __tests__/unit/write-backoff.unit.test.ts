import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { ThrottledUpdates } from '../../src/github/throttled-updates.js'
import {
  DEFAULT_BACKOFF_SECONDS,
  MAX_PROGRESS_INTERVAL_MS,
  secondaryLimitWait,
  SLOWED_PROGRESS_INTERVAL_MS,
  WriteBackoff,
  writeAfterPauses,
} from '../../src/github/write-backoff.js'

afterEach(() => {
  jest.useRealTimers()
})

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

const answer = (status: number, headers: Record<string, string>, message = 'Forbidden') => ({
  status,
  message,
  response: { headers },
})

describe('secondaryLimitWait', () => {
  it('reads the wait GitHub names on a 403 or 429', () => {
    expect(secondaryLimitWait(answer(403, { 'retry-after': '30' }))).toBe(30)
    expect(secondaryLimitWait(answer(429, { 'retry-after': '5' }))).toBe(5)
  })

  it('waits a minute when the answer says secondary limit but names no wait, or is a bare 429', () => {
    const said = answer(403, {}, 'You have exceeded a secondary rate limit. Please wait.')
    expect(secondaryLimitWait(said)).toBe(DEFAULT_BACKOFF_SECONDS)
    expect(secondaryLimitWait(answer(429, {}))).toBe(DEFAULT_BACKOFF_SECONDS)
  })

  it('is not fooled by a permission 403, the primary limit, or other errors', () => {
    expect(secondaryLimitWait(answer(403, {}, 'Resource not accessible by integration'))).toBe(
      undefined,
    )
    expect(
      secondaryLimitWait(answer(403, { 'x-ratelimit-remaining': '0', 'retry-after': '9' })),
    ).toBe(undefined)
    expect(secondaryLimitWait(answer(500, { 'retry-after': '9' }))).toBe(undefined)
    expect(secondaryLimitWait(new Error('socket hang up'))).toBe(undefined)
    expect(secondaryLimitWait(undefined)).toBe(undefined)
  })
})

describe('WriteBackoff', () => {
  it('counts down from the longest wait asked for', () => {
    let now = 1_000
    const backoff = new WriteBackoff(() => now)
    expect(backoff.remainingMs()).toBe(0)
    backoff.hit(10)
    backoff.hit(2) // a shorter wait does not cut the longer one
    expect(backoff.remainingMs()).toBe(10_000)
    now += 4_000
    expect(backoff.remainingMs()).toBe(6_000)
    now += 7_000
    expect(backoff.remainingMs()).toBe(0)
    backoff.hit(undefined)
    expect(backoff.remainingMs()).toBe(DEFAULT_BACKOFF_SECONDS * 1000)
  })
})

describe('WriteBackoff: progress after a secondary limit', () => {
  it('keeps the configured interval until GitHub refuses a write, then spaces progress far apart', () => {
    const now = 0
    const backoff = new WriteBackoff(() => now)
    expect(backoff.progressIntervalMs(20_000)).toBe(20_000)
    backoff.hit(60)
    expect(backoff.hits).toBe(1)
    expect(backoff.progressIntervalMs(20_000)).toBe(SLOWED_PROGRESS_INTERVAL_MS)
    // A longer configured interval is kept.
    expect(backoff.progressIntervalMs(30 * 60_000)).toBe(30 * 60_000)
  })

  it('counts one pause once (the plugin and the error hook both report a refusal), and doubles after each later one', () => {
    let now = 0
    const backoff = new WriteBackoff(() => now)
    backoff.hit(60)
    backoff.hit(60) // the same refusal, seen again
    now += 30_000
    backoff.hit(60) // refused inside the pause: the same episode
    expect(backoff.hits).toBe(1)
    now += 90_000
    backoff.hit(60)
    expect(backoff.hits).toBe(2)
    expect(backoff.progressIntervalMs(20_000)).toBe(2 * SLOWED_PROGRESS_INTERVAL_MS)
    for (let i = 0; i < 5; i++) {
      now += 120_000
      backoff.hit(60)
    }
    expect(backoff.progressIntervalMs(20_000)).toBe(MAX_PROGRESS_INTERVAL_MS)
  })
})

describe('ThrottledUpdates in a pause GitHub asked for', () => {
  it('sends nothing during the pause and only the newest update after it', async () => {
    jest.useFakeTimers()
    let now = 0
    const backoff = new WriteBackoff(() => now)
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 1_000,
      now: () => now,
      send: async (body) => void sent.push(body),
      pausedForMs: () => backoff.remainingMs(),
    })
    updates.shown('start')
    backoff.hit(30)
    updates.offer('a', () => 'a')
    now += 1_000
    jest.advanceTimersByTime(1_000)
    await settle()
    expect(sent).toEqual([])
    expect(updates.held).toBe(1)
    updates.offer('b', () => 'b')
    updates.offer('c', () => 'c')
    now += 28_999
    jest.advanceTimersByTime(28_999)
    await settle()
    expect(sent).toEqual([])
    now += 1
    jest.advanceTimersByTime(1)
    await settle()
    expect(sent).toEqual(['c'])
    expect(updates.sent).toBe(1)
  })

  it('after a refusal, sends the next update a slowed interval after the last one, not when the pause ends', async () => {
    jest.useFakeTimers()
    let now = 0
    const backoff = new WriteBackoff(() => now)
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 1_000,
      now: () => now,
      send: async (body) => void sent.push(body),
      pausedForMs: () => backoff.remainingMs(),
      currentIntervalMs: () => backoff.progressIntervalMs(1_000),
    })
    updates.shown('start')
    updates.offer('a', () => 'a')
    now += 1_000
    jest.advanceTimersByTime(1_000)
    await settle()
    expect(sent).toEqual(['a'])
    backoff.hit(30) // GitHub refused 'a'
    updates.offer('b', () => 'b')
    const advance = async (ms: number) => {
      now += ms
      jest.advanceTimersByTime(ms)
      await settle()
    }
    await advance(30_000) // the pause is over, but the slowed interval is not
    expect(sent).toEqual(['a'])
    updates.offer('c', () => 'c')
    await advance(SLOWED_PROGRESS_INTERVAL_MS - 30_000 - 1)
    expect(sent).toEqual(['a'])
    await advance(1)
    expect(sent).toEqual(['a', 'c'])
  })

  it('holds an update decided while the one before it was on its way and then refused', async () => {
    jest.useFakeTimers()
    let now = 0
    const backoff = new WriteBackoff(() => now)
    const sent: string[] = []
    let refuse: (() => void) | undefined
    const updates = new ThrottledUpdates({
      intervalMs: 1_000,
      now: () => now,
      // The first edit takes long to get out and is refused; the others go through.
      send: (body) =>
        sent.length === 0 && refuse === undefined
          ? new Promise<void>((_, reject) => {
              refuse = () => {
                backoff.hit(60)
                reject(new Error('secondary rate limit'))
              }
            })
          : Promise.resolve(void sent.push(body)),
      onError: () => undefined,
      pausedForMs: () => backoff.remainingMs(),
      currentIntervalMs: () => backoff.progressIntervalMs(1_000),
    })
    updates.shown('start')
    const advance = async (ms: number) => {
      now += ms
      jest.advanceTimersByTime(ms)
      await settle()
    }
    updates.offer('a', () => 'a')
    await advance(1_000) // 'a' is on its way
    updates.offer('b', () => 'b')
    await advance(1_000) // 'b' is decided, queued behind 'a'
    refuse!()
    await settle()
    expect(sent).toEqual([]) // 'b' was not sent into the pause
    expect(updates.held).toBe(1)
    await advance(59_000)
    expect(sent).toEqual([])
    // After the pause, and the slowed interval since 'b' was decided, the newest goes.
    await advance(SLOWED_PROGRESS_INTERVAL_MS)
    expect(sent).toEqual(['b'])
  })

  it('sends nothing at all when closed during the pause', async () => {
    jest.useFakeTimers()
    let now = 0
    const backoff = new WriteBackoff(() => now)
    const sent: string[] = []
    const updates = new ThrottledUpdates({
      intervalMs: 0,
      now: () => now,
      send: async (body) => void sent.push(body),
      pausedForMs: () => backoff.remainingMs(),
    })
    backoff.hit(5)
    updates.offer('a', () => 'a')
    jest.advanceTimersByTime(0)
    await updates.close()
    now += 10_000
    jest.advanceTimersByTime(10_000)
    await settle()
    expect(sent).toEqual([])
  })
})

describe('writeAfterPauses (the final report)', () => {
  const refused = (retryAfter: string) =>
    Object.assign(new Error('You have exceeded a secondary rate limit.'), {
      status: 403,
      response: { headers: { 'retry-after': retryAfter } },
    })

  function clock() {
    let now = 0
    const waits: number[] = []
    return {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms)
        now += ms
      },
      waits,
      advance: (ms: number) => (now += ms),
    }
  }

  it('waits out the pause a refused progress edit left, then sends once', async () => {
    const c = clock()
    const backoff = new WriteBackoff(c.now)
    backoff.hit(60)
    c.advance(20_000)
    const sentAt: number[] = []
    const result = await writeAfterPauses(async () => (sentAt.push(c.now()), 'posted'), backoff, {
      budgetMs: 300_000,
      jitterMs: 3_000,
      random: () => 0.5,
      now: c.now,
      sleep: c.sleep,
    })
    expect(result).toBe('posted')
    expect(c.waits).toEqual([41_500]) // the 40 s left of the pause, and half the jitter
    expect(sentAt).toEqual([61_500])
  })

  it('sends at once when GitHub asked for no pause', async () => {
    const c = clock()
    const backoff = new WriteBackoff(c.now)
    await writeAfterPauses(async () => 'posted', backoff, {
      budgetMs: 1,
      now: c.now,
      sleep: c.sleep,
    })
    expect(c.waits).toEqual([])
  })

  it('is refused more often than the client would retry, and still lands after each pause', async () => {
    const c = clock()
    const backoff = new WriteBackoff(c.now)
    let tries = 0
    const result = await writeAfterPauses(
      async () => {
        tries++
        if (tries <= 5) throw refused('10')
        return 'posted'
      },
      backoff,
      { budgetMs: 300_000, now: c.now, sleep: c.sleep },
    )
    expect(result).toBe('posted')
    expect(tries).toBe(6)
    expect(c.waits).toEqual([10_000, 10_000, 10_000, 10_000, 10_000])
  })

  it('gives up when its budget is spent, and never retries other errors', async () => {
    const c = clock()
    const backoff = new WriteBackoff(c.now)
    let tries = 0
    await expect(
      writeAfterPauses(
        async () => {
          tries++
          throw refused('60')
        },
        backoff,
        { budgetMs: 150_000, now: c.now, sleep: c.sleep },
      ),
    ).rejects.toThrow(/secondary rate limit/)
    // At 0, 60 and 120 s, then once more when the budget ends at 150 s.
    expect(tries).toBe(4)
    expect(c.now()).toBe(150_000)
    let other = 0
    await expect(
      writeAfterPauses(
        async () => {
          other++
          throw Object.assign(new Error('Not Found'), { status: 404 })
        },
        new WriteBackoff(c.now),
        { budgetMs: 300_000, now: c.now, sleep: c.sleep },
      ),
    ).rejects.toThrow('Not Found')
    expect(other).toBe(1)
  })
})
