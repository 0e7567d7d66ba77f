// Runs a TypeScript entry point (the demo, the benchmark) on this Node: esbuild
// bundles it into a temporary ES module, which is then imported. Keeps the demo
// free of a TypeScript loader dependency.
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [entry, ...rest] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]')
  process.exit(2)
}
// Inside the project, so the bundle's bare imports resolve from node_modules/.
mkdirSync('.tmp', { recursive: true })
const outdir = mkdtempSync(path.resolve('.tmp', 'run-'))
const outfile = path.join(outdir, 'entry.mjs')
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  logLevel: 'warning',
})
process.argv = [process.argv[0], path.resolve(entry), ...rest]
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }))
await import(pathToFileURL(outfile).href)
