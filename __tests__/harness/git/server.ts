// Git smart HTTP on 127.0.0.1 in front of bare repositories under `root`, demanding the token for
// fetch and push alike (as GitHub does for a private repository). Serves
// `/<owner>/<repo>.git/...` and, like GitHub, `/<owner>/<repo>/...` (the URL checkout uses).

import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { checkBasicAuth } from './auth.js'
import { runHttpBackend } from './cgi.js'

export interface GitServerOptions {
  /** Directory holding `<owner>/<repo>.git` bare repositories. */
  root: string
  /** The only password (or user name) accepted. */
  token: string
  /** Upper bound for one http-backend run; default 60 s. */
  requestTimeoutMs?: number
}

export interface GitRequestRecord {
  method: string
  /** Path and query, e.g. `/owner/repo/info/refs?service=git-upload-pack`. */
  path: string
  authorized: boolean
  /** Basic-auth user name, when one was sent (never the token). */
  user?: string
  status: number
}

export interface GitServer {
  /** `http://127.0.0.1:<port>`: the "server URL" (`GITHUB_SERVER_URL`) of this fake GitHub. */
  url: string
  requests: GitRequestRecord[]
  close(): Promise<void>
}

const NAME = '[A-Za-z0-9_.-]+'
const ROUTE = new RegExp(`^/(${NAME})/(${NAME})(/.*)?$`)

/** `/<owner>/<repo>[.git]/<rest>` -> PATH_INFO for http-backend, or undefined if not a repo URL. */
export function repoPathInfo(pathname: string): { repoDir: string; pathInfo: string } | undefined {
  const match = ROUTE.exec(pathname)
  if (!match) return undefined
  const owner = match[1] ?? ''
  const name = (match[2] ?? '').replace(/\.git$/, '')
  const rest = match[3] ?? ''
  if ([owner, name].some((part) => part === '' || part.startsWith('.')) || rest === '') {
    return undefined
  }
  if (rest.split('/').includes('..')) return undefined
  return { repoDir: `${owner}/${name}.git`, pathInfo: `/${owner}/${name}.git${rest}` }
}

export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  if (options.token === '') throw new Error('startGitServer: token must not be empty')
  const root = path.resolve(options.root)
  const requests: GitRequestRecord[] = []
  const children = new Set<ChildProcess>()
  const track = (child: ChildProcess): (() => void) => {
    children.add(child)
    return () => children.delete(child)
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const record: GitRequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      authorized: false,
      status: 0,
    }
    requests.push(record)
    const auth = checkBasicAuth(req, options.token)
    if ('user' in auth && auth.user !== undefined) record.user = auth.user

    if (auth.kind === 'duplicate') {
      record.status = 400
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end('Duplicate header: "Authorization"\n')
      return
    }
    if (auth.kind !== 'authorized') {
      record.status = 401
      req.resume() // drain a pushed pack we will not read
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain',
      })
      res.end(auth.kind === 'missing' ? 'Authentication required\n' : 'Invalid username or token\n')
      return
    }
    record.authorized = true

    const route = repoPathInfo(url.pathname)
    if (!route || !existsSync(path.join(root, route.repoDir))) {
      record.status = 404
      req.resume()
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('Repository not found.\n')
      return
    }
    record.status = await runHttpBackend(req, res, {
      projectRoot: root,
      pathInfo: route.pathInfo,
      query: url.search.replace(/^\?/, ''),
      remoteUser: auth.user || 'x-access-token',
      timeoutMs: options.requestTimeoutMs ?? 60_000,
      track,
    })
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(error))
      } else {
        res.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const child of children) child.kill('SIGKILL')
      children.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
