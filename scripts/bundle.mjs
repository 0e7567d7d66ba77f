// Bundles the action (and the companion CLI) into dist/ as ES modules for Node 24.
// The output is committed; `npm run check-dist` proves it is the fresh bundle of src/.
//
// `--toolkit-external <dir>`: the same bundle of src/main.ts (which exports run()), with
// @actions/core and @actions/github left to node_modules, into <dir>/main.js. That is the form
// @github/local-action can run: it replaces those packages with its own implementation, which
// an inlined copy would bypass (__tests__/e2e/local-action.e2e.test.ts).
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import path from 'node:path'

// Some CommonJS dependencies call require() for Node built-ins; an ESM bundle
// has no require, so give it one.
const banner =
  "import { createRequire as __asyncPrCreateRequire } from 'node:module';\nconst require = __asyncPrCreateRequire(import.meta.url);"

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
}

// undici is what the toolkit fetches through a proxy with; most runs have none, so the bundle
// gets src/github/undici-on-demand.ts in its place (Node's own fetch), and the real undici is
// dist/undici.js, loaded only when a request goes through a proxy.
const undiciOnDemand = {
  name: 'undici-on-demand',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer.endsWith('undici-on-demand.ts')
        ? undefined
        : { path: path.resolve('src/github/undici-on-demand.ts') },
    )
  },
}

// Node makes an ES module's view of a built-in by reading every one of its exports, and
// node:http's WebSocket, CloseEvent and MessageEvent getters load Node's whole bundled undici
// (15-20 ms of the start-up, for a WebSocket the action never opens). require() hands over the
// module object and reads nothing, so every import of node:http in the bundle goes through it.
const httpByRequire = {
  name: 'http-by-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?http$/ }, (args) =>
      args.namespace === 'http-by-require'
        ? { path: 'node:http', external: true }
        : { path: 'node:http', namespace: 'http-by-require' },
    )
    build.onLoad({ filter: /.*/, namespace: 'http-by-require' }, () => ({
      contents: "module.exports = require('node:http')",
      loader: 'js',
    }))
  },
}

const [flag, outdir] = process.argv.slice(2)
if (flag === '--toolkit-external') {
  if (!outdir) throw new Error('usage: bundle.mjs --toolkit-external <dir>')
  await build({
    ...common,
    entryPoints: [{ in: 'src/main.ts', out: 'main' }],
    outdir,
    external: ['@actions/core', '@actions/github'],
    plugins: [httpByRequire],
  })
} else {
  const entries = [
    { in: 'src/index.ts', out: 'index' },
    { in: 'src/cli/index.ts', out: 'cli' },
  ].filter((entry) => existsSync(entry.in))

  await build({
    ...common,
    entryPoints: entries,
    outdir: 'dist',
    plugins: [undiciOnDemand, httpByRequire],
    // The CLI's shebang lives in src/cli/index.ts and esbuild keeps it.
  })
  await build({
    ...common,
    entryPoints: [{ in: 'node_modules/undici/index.js', out: 'undici' }],
    outdir: 'dist',
  })
}
