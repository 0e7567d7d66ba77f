// The loopback git server as a process of its own (see git-server-process.ts): serves the root
// named on the command line with the token from the environment, prints its URL, and stops on
// SIGTERM or when its parent goes away (stdin closes).

import { startGitServer } from '../../__tests__/harness/git/index.js'

const root = process.argv[2]
const token = process.env.GIT_SERVER_TOKEN ?? ''
if (!root || !token) {
  console.error('usage: GIT_SERVER_TOKEN=… git-server-main.ts <root>')
  process.exit(2)
}
const server = await startGitServer({ root, token })
const stop = () => void server.close().finally(() => process.exit(0))
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
process.stdin.resume()
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
