// What the bundle gives @actions/github and @actions/http-client for `undici` (scripts/bundle.mjs).
// They use it for one thing: fetch through an HTTP proxy when the runner has one. Without a
// proxy, Node's own fetch does the same work, and the 770 kB of undici (a third of the action's
// start-up compile) is never loaded: it lives in dist/undici.js, imported the first time a request
// goes through a proxy.

import type * as UndiciModule from 'undici'

type Undici = typeof UndiciModule
type RealProxyAgent = InstanceType<Undici['ProxyAgent']>

/** Beside the bundle: dist/undici.js (a variable, so the bundler leaves the import alone). */
const REAL_UNDICI = './undici.js'

let real: Promise<Undici> | undefined
function loadUndici(): Promise<Undici> {
  real ??= import(REAL_UNDICI).then(
    (loaded: { default?: Undici } & Undici) => loaded.default ?? loaded,
    (error: unknown) => {
      real = undefined // the next request tries again
      throw error
    },
  )
  return real
}

/** Stands for undici's ProxyAgent; the real one is made on the first request through it. */
export class ProxyAgent {
  private agent?: Promise<RealProxyAgent>

  constructor(readonly options: UndiciModule.ProxyAgent.Options) {}

  dispatcher(): Promise<RealProxyAgent> {
    this.agent ??= loadUndici().then((undici) => new undici.ProxyAgent(this.options))
    return this.agent
  }
}

type FetchInit = RequestInit & { dispatcher?: unknown }

export async function fetch(input: string | URL | Request, init?: FetchInit): Promise<Response> {
  const dispatcher = init?.dispatcher
  if (dispatcher === undefined) return globalThis.fetch(input, init)
  const undici = await loadUndici()
  const through = dispatcher instanceof ProxyAgent ? await dispatcher.dispatcher() : dispatcher
  return (await undici.fetch(input as Parameters<Undici['fetch']>[0], {
    ...(init as Parameters<Undici['fetch']>[1]),
    dispatcher: through as RealProxyAgent,
  })) as unknown as Response
}
