import { describe, expect, it } from '@jest/globals'
import {
  crowdedUntil,
  MAX_TRAFFIC_INTERVAL_MS,
  PROGRESS_WRITES_PER_MINUTE,
  TokenTraffic,
} from '../../src/github/token-traffic.js'

describe('TokenTraffic', () => {
  it('sees one client when the count climbs only with the run’s own requests', () => {
    const traffic = new TokenTraffic(0)
    for (let used = 10; used <= 20; used++) traffic.observe(String(used), true)
    expect(traffic.othersSince()).toBe(0)
    expect(traffic.clients()).toBe(1)
    expect(traffic.progressIntervalMs(20_000)).toBe(20_000)
  })

  it('judges how many share the token from how much faster the count climbs', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('100', true)
    // Between the run's own four answers, 49 other runs made four requests each.
    for (let own = 1; own <= 4; own++) traffic.observe(String(100 + own * 50), true)
    expect(traffic.othersSince()).toBe(196)
    expect(traffic.clients()).toBe(50)
    // Fifty runs write 50 times a minute that cannot wait (first comments, final reports):
    // progress gets 80 - 10 - 50 = 20 a minute between them, an edit every 150 s each.
    expect(traffic.progressIntervalMs(20_000)).toBe(150_000)
  })

  it('gives progress PROGRESS_WRITES_PER_MINUTE while the runs leave that much, less as they grow, none past 70', () => {
    const sharing = (clients: number) => {
      const traffic = new TokenTraffic(0)
      traffic.observe('0', true)
      traffic.observe(String(clients), true) // one own request, clients - 1 others
      return traffic
    }
    expect(sharing(40).progressIntervalMs(20_000)).toBe((40 * 60_000) / PROGRESS_WRITES_PER_MINUTE)
    expect(sharing(60).progressIntervalMs(20_000)).toBe((60 * 60_000) / 10)
    expect(sharing(70).progressIntervalMs(20_000)).toBe(MAX_TRAFFIC_INTERVAL_MS)
    expect(sharing(200).progressIntervalMs(20_000)).toBe(MAX_TRAFFIC_INTERVAL_MS)
  })

  it('reads answers that overtook each other at its start as its own, not as other clients', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('2', true) // its second request, answered first
    traffic.observe('1', true) // its first
    for (let used = 3; used <= 8; used++) traffic.observe(String(used), true)
    expect(traffic.clients()).toBe(1)
  })

  it('counts a 304 for no one, and takes the highest count when answers overtake each other', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('7', true)
    traffic.observe('7', false) // a 304: the count did not move, and the run spent nothing
    expect(traffic.clients()).toBe(1)
    traffic.observe('30', true)
    traffic.observe('12', true) // sent earlier, answered later
    expect(traffic.othersSince()).toBe(30 - 7 - 2)
  })

  it('starts over in a new rate-limit window, and ignores answers without the header', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('4000', true)
    traffic.observe('4400', true)
    expect(traffic.clients()).toBeGreaterThan(100)
    traffic.observe('3', true) // the hour turned: the count fell below where the run began
    traffic.observe(undefined, true)
    traffic.observe('not a number', true)
    traffic.observe('4', true)
    expect(traffic.clients()).toBe(1)
  })

  it('spreads the runs of a crowd apart: each run edits 1 to 2 times the fair interval apart, by its own spread', () => {
    const fifty = (spread: number) => {
      const traffic = new TokenTraffic(spread)
      traffic.observe('0', true)
      traffic.observe('50', true)
      return traffic.progressIntervalMs(20_000)
    }
    expect(fifty(0)).toBe(150_000)
    expect(fifty(0.5)).toBe(225_000)
    expect(fifty(0.999)).toBeLessThan(300_000)
    // A run alone keeps the interval asked for, whatever its spread, and is not spread at all.
    expect(new TokenTraffic(0.9).progressIntervalMs(20_000)).toBe(20_000)
    expect(new TokenTraffic(0.9).progressIntervalMs(1_000)).toBe(
      60_000 / PROGRESS_WRITES_PER_MINUTE,
    )
    // By default each run draws its own.
    const drawn = new Set(
      Array.from({ length: 20 }, () => {
        const traffic = new TokenTraffic()
        traffic.observe('0', true)
        traffic.observe('50', true)
        return traffic.progressIntervalMs(20_000)
      }),
    )
    expect(drawn.size).toBeGreaterThan(10)
    for (const interval of drawn) expect(interval >= 150_000 && interval < 300_000).toBe(true)
  })

  it('keeps the most clients it judged while its own requests add up and the others go quiet', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('10', true)
    traffic.observe('60', true)
    expect(traffic.clients()).toBe(50)
    // Ten edits of its own, the others quiet meanwhile: the ratio alone would say 1 + 49/11.
    for (let used = 61; used <= 70; used++) traffic.observe(String(used), true)
    expect(traffic.othersSince()).toBe(49)
    expect(traffic.clients()).toBe(50)
    expect(traffic.progressIntervalMs(20_000)).toBe(150_000)
    // A new rate-limit window (the count fell below where it began) starts over.
    traffic.observe('3', true)
    expect(traffic.clients()).toBe(1)
  })

  it('never stretches progress beyond its cap, nor below the interval asked for', () => {
    const traffic = new TokenTraffic(0)
    traffic.observe('0', true)
    traffic.observe('4000', true)
    expect(traffic.progressIntervalMs(20_000)).toBe(MAX_TRAFFIC_INTERVAL_MS)
    expect(new TokenTraffic(0).progressIntervalMs(45_000)).toBe(45_000)
  })
})

describe('crowdedUntil', () => {
  const crowd = (clients: number) => {
    const traffic = new TokenTraffic(0)
    traffic.observe('0', true)
    traffic.observe(String(1 + (clients - 1)), true)
    return traffic
  }

  it('lets the final report go at once while the token has room for every run’s two writes', () => {
    expect(crowd(1).clients()).toBe(1)
    expect(crowdedUntil(crowd(1), 1_000)).toBe(0)
    expect(crowd(40).clients()).toBe(40)
    expect(crowdedUntil(crowd(40), 1_000)).toBe(0)
  })

  it('holds it until a minute after the first comment when more runs share the token', () => {
    expect(crowd(41).clients()).toBe(41)
    expect(crowdedUntil(crowd(41), 1_000)).toBe(61_000)
    expect(crowdedUntil(crowd(50), 5_000)).toBe(65_000)
  })

  it('never holds a run whose first comment was not posted', () => {
    expect(crowdedUntil(crowd(50), undefined)).toBe(0)
  })
})
