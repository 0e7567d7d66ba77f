#!/usr/bin/env node
// Entry point of the `async-pr` command (bundled to dist/cli.js): wires the
// process into main() and turns Ctrl-C into an orderly stop.

import { main } from './main.js'

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())

const code = await main(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  signal: controller.signal,
})
// Not process.exit(): it could cut off output still on its way down a pipe.
process.exitCode = code
