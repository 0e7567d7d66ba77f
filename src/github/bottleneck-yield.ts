// Bottleneck schedules every request of Octokit's retry and throttling
// plugins, and its in-process store yields to the event loop with a
// setTimeout(0) at each step: several times for each job, and a comment is
// four jobs (retry, write spacing, notification spacing, the global queue).
// Each such yield costs a millisecond at least, and a whole turn of the event
// loop while the run starts git processes: 14 ms a request when idle, 50 ms
// while busy, measured on the way to every comment. The store lives in this
// process, so a microtask is as good a yield as a timer; the waits Bottleneck
// computes (minTime, retry-after) keep their timers.

// @ts-expect-error -- bottleneck types only its main entry; light.js has the same API.
import BottleneckLight from 'bottleneck/light.js'

interface LocalStore {
  Promise: PromiseConstructor
  yieldLoop(ms?: number): Promise<void>
}

let quickened = false

/** Makes Bottleneck's zero-length yields microtasks; true once done (idempotent). */
export function quickenBottleneck(): boolean {
  if (quickened) return true
  const limiter = new (BottleneckLight as new () => { _store?: object })()
  const store = limiter._store && (Object.getPrototypeOf(limiter._store) as LocalStore)
  if (!store || typeof store.yieldLoop !== 'function') return false
  const timed = store.yieldLoop
  store.yieldLoop = function (this: LocalStore, ms = 0) {
    return ms > 0 ? timed.call(this, ms) : this.Promise.resolve()
  }
  quickened = true
  return true
}
