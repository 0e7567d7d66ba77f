// Bottleneck schedules every request of Octokit's retry and throttling
// plugins, and its in-process store yields to the event loop with a
// setTimeout(0) at each step: several times for each job, and a comment is
// four jobs (retry, write spacing, notification spacing, the global queue).
// Each such yield costs a millisecond at least, and a whole turn of the event
// loop while the run starts git processes: 14 ms a request when idle, 50 ms
// while busy, measured on the way to every comment. The store lives in this
// process, so a microtask is as good a yield as a timer; the waits Bottleneck
// computes (minTime, retry-after) keep their timers.
//
// The same goes for the start of each job: Bottleneck runs a job it may start
// now with a setTimeout(0), a whole turn of the event loop behind the git
// processes' output (the first comment left 30 ms after its body was ready);
// with no wait and no expiration, it starts in a microtask. Bottleneck is
// pinned (2.19.5): these are its internals, and the test in
// __tests__/harness/github-scheduling.test.ts fails when they change.

// @ts-expect-error -- bottleneck types only its main entry; light.js has the same API.
import BottleneckLight from 'bottleneck/light.js'

interface LocalStore {
  Promise: PromiseConstructor
  yieldLoop(ms?: number): Promise<void>
}

interface Job {
  options: { expiration?: number | null }
  doRun(): void
  doExecute(
    limiter: unknown,
    clear: () => void,
    run: (wait: number) => void,
    free: () => void,
  ): void
}

interface Limiter {
  _limiter: unknown
  _scheduled: Record<string, { timeout?: unknown; expiration?: unknown; job: Job }>
  _run(index: string, job: Job, wait: number): unknown
  _clearGlobalState(index: string): boolean
  _free(index: string, job: Job): void
}

let quickened = false

/** Makes Bottleneck's zero-length yields and job starts microtasks; true once done (idempotent). */
export function quickenBottleneck(): boolean {
  if (quickened) return true
  const limiter = new (BottleneckLight as new () => { _store?: object })()
  const store = limiter._store && (Object.getPrototypeOf(limiter._store) as LocalStore)
  const proto = Object.getPrototypeOf(limiter) as Partial<Limiter>
  const internals = ['_run', '_clearGlobalState', '_free'] as const
  if (!store || typeof store.yieldLoop !== 'function') return false
  if (internals.some((name) => typeof proto[name] !== 'function')) return false
  const timed = store.yieldLoop
  store.yieldLoop = function (this: LocalStore, ms = 0) {
    return ms > 0 ? timed.call(this, ms) : this.Promise.resolve()
  }
  const timedRun = proto._run as Limiter['_run']
  // What Bottleneck's _run does, less the timer: the job is marked running at once and
  // executed in a microtask; _scheduled holds it as _run's would (with no timer to clear).
  proto._run = function (this: Limiter, index: string, job: Job, wait: number) {
    if (wait > 0 || job.options.expiration != null) return timedRun.call(this, index, job, wait)
    job.doRun()
    const clearGlobalState = this._clearGlobalState.bind(this, index)
    const again = (next: number) => this._run(index, job, next)
    const free = this._free.bind(this, index, job)
    const scheduled = { timeout: undefined, expiration: undefined, job }
    this._scheduled[index] = scheduled
    queueMicrotask(() => job.doExecute(this._limiter, clearGlobalState, again, free))
    return scheduled
  }
  quickened = true
  return true
}
