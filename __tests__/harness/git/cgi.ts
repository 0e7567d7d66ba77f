// Runs `git http-backend` as a CGI program for one HTTP request: the request body streams into
// its stdin (still gzip-compressed if the client compressed it: http-backend inflates it
// itself when told the encoding), its CGI headers are parsed off stdout, the rest streams back.

import { spawn, type ChildProcess } from 'node:child_process'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { isolatedGitEnv } from './exec.js'

export interface CgiParams {
  projectRoot: string
  /** `/<owner>/<repo>.git/<service path>` */
  pathInfo: string
  query: string
  remoteUser: string
  timeoutMs: number
  /** Called with the child so the server can end it on close(). */
  track: (child: ChildProcess) => () => void
}

/** Splits a CGI response head into status and headers. */
export function parseCgiHead(head: string): { status: number; headers: Array<[string, string]> } {
  let status = 200
  const headers: Array<[string, string]> = []
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500
    else headers.push([name, value])
  }
  return { status, headers }
}

function headEnd(buffer: Buffer): { at: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n')
  const lf = buffer.indexOf('\n\n')
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { at: crlf, length: 4 }
  if (lf >= 0) return { at: lf, length: 2 }
  return undefined
}

/** Serves one request through http-backend; resolves with the HTTP status sent. */
export function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  params: CgiParams,
): Promise<number> {
  const header = (name: string): string | undefined => {
    const value = req.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }
  const env: Record<string, string> = isolatedGitEnv({
    GIT_PROJECT_ROOT: params.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: params.pathInfo,
    QUERY_STRING: params.query,
    REMOTE_USER: params.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
  })
  const optional: Array<[string, string | undefined]> = [
    ['CONTENT_TYPE', header('content-type')],
    ['CONTENT_LENGTH', header('content-length')],
    ['HTTP_CONTENT_ENCODING', header('content-encoding')],
    // Protocol v2 is negotiated through this header; http-backend reads it from the CGI env.
    ['HTTP_GIT_PROTOCOL', header('git-protocol')],
    ['GIT_PROTOCOL', header('git-protocol')],
  ]
  for (const [name, value] of optional) if (value !== undefined) env[name] = value

  return new Promise((resolve) => {
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    const untrack = params.track(child)
    let stderr = ''
    let head: Buffer = Buffer.alloc(0)
    let headersSent = false
    let status = 500

    const timer = setTimeout(() => child.kill('SIGKILL'), params.timeoutMs)
    const fail = (message: string): void => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(message)
      } else {
        res.destroy()
      }
    }

    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = headEnd(head)
      if (!end) return
      const parsed = parseCgiHead(head.subarray(0, end.at).toString('latin1'))
      status = parsed.status
      res.statusCode = parsed.status
      for (const [name, value] of parsed.headers) res.setHeader(name, value)
      res.flushHeaders()
      headersSent = true
      const rest = head.subarray(end.at + end.length)
      if (rest.length > 0) res.write(rest)
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      untrack()
      fail(`cannot run git http-backend: ${error.message}`)
      resolve(500)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      untrack()
      if (!headersSent) {
        fail(`git http-backend exited ${code ?? signal}: ${stderr}`)
        resolve(500)
        return
      }
      res.end()
      resolve(status)
    })
    // A client that hangs up must not leave http-backend waiting for input.
    res.on('close', () => {
      if (!res.writableFinished) child.kill('SIGKILL')
    })
    child.stdin.on('error', () => {})
    req.pipe(child.stdin)
  })
}
