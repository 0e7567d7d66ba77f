// fetch with the toolkit's proxy rules (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, loopback never
// proxied), chosen for the URL fetched: the GitHub API (client.ts) and the signed log URLs a CI
// fix reads (ci-logs.ts, the CLI's job-log.ts), which live on another host.

import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

type UndiciInit = Parameters<typeof undiciFetch>[1]
type Dispatcher = ReturnType<HttpClient['getAgentDispatcher']>

/** One dispatcher per origin, so requests through a proxy share its connections. */
const dispatchers = new Map<string, Dispatcher>()

function dispatcherFor(url: string): Dispatcher {
  const { origin } = new URL(url)
  if (!dispatchers.has(origin)) dispatchers.set(origin, new HttpClient().getAgentDispatcher(url))
  return dispatchers.get(origin)
}

export async function proxiedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const dispatcher = dispatcherFor(url)
  return (await undiciFetch(url, { ...init, dispatcher } as UndiciInit)) as unknown as Response
}
