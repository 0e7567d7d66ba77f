// Bundles the action (and the companion CLI) into dist/ as ES modules for Node 24.
// The output is committed; `npm run check-dist` proves it is the fresh bundle of src/.
import { build } from 'esbuild'
import { existsSync } from 'node:fs'

// Some CommonJS dependencies call require() for Node built-ins; an ESM bundle
// has no require, so give it one.
const banner =
  "import { createRequire as __asyncPrCreateRequire } from 'node:module';\nconst require = __asyncPrCreateRequire(import.meta.url);"

const entries = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/cli/index.ts', out: 'cli' },
].filter((entry) => existsSync(entry.in))

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
  // The CLI's shebang lives in src/cli/index.ts and esbuild keeps it.
})
