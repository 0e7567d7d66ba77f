// `npm run bench`: what async-pr itself costs, measured on this machine against the loopback
// world (GitHub REST emulator, git smart-HTTP remote, scripted model): overhead by phase,
// time to the first comment, GitHub requests per run, CLI provisioning, stream parsing, and
// concurrent runs under GitHub's secondary rate limits, each next to a bare-script floor.
// Prints a table, writes bench/results/<name>.json and .md. A measurement, not a test: it
// exits 0 whatever the figures, unless a scenario crashed.

import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import * as prettier from 'prettier'
import { ROOT, BUNDLE } from '../__tests__/harness/action-runner.js'
import { parseArgs, type BenchOptions, type ScenarioName } from './lib/args.js'
import { renderMarkdown, renderText, sections, verdicts, type Results } from './lib/report.js'
import { checkpointScenario } from './scenarios/checkpoint.js'
import { ciFixScenario } from './scenarios/ci-fix.js'
import { cliAloneScenario } from './scenarios/cli-alone.js'
import { fanoutScenario } from './scenarios/fanout.js'
import { floorScenario } from './scenarios/floor.js'
import { longRunScenario } from './scenarios/long-run.js'
import { overheadScenario } from './scenarios/overhead.js'
import { sideBySideScenario } from './scenarios/side-by-side.js'
import { parserScenario } from './scenarios/parser.js'
import { provisioningScenario } from './scenarios/provisioning.js'
import { reviewLoopScenario } from './scenarios/review-loop.js'
import { scaleLongScenario, scaleScenario } from './scenarios/scale.js'
import { steeringScenario } from './scenarios/steering.js'

const RESULTS = path.join(ROOT, 'bench', 'results')
const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

function meta(options: BenchOptions) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
    } catch {
      return 'unknown'
    }
  })()
  const claudeVersion = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
  ).devDependencies['@anthropic-ai/claude-code']
  return {
    date: new Date().toISOString(),
    commit,
    bundleSha256: createHash('sha256').update(readFileSync(BUNDLE)).digest('hex').slice(0, 16),
    node: process.version,
    claudeCode: claudeVersion,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((v) => Number(v.toFixed(2))),
    root: process.getuid?.() === 0,
    options: { ...options, only: [...options.only] },
  }
}

/** Written the way `npm run format` would leave it, so `format:check` stays green. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const config = (await prettier.resolveConfig(file)) ?? {}
  await writeFile(file, await prettier.format(text, { ...config, filepath: file }))
}

function headerOf(info: ReturnType<typeof meta>): string {
  return (
    `Measured ${info.date.slice(0, 10)} at ${info.commit} on ${info.cpus}, ${info.memoryGiB} GiB, ` +
    `Node ${info.node}, Claude Code ${info.claudeCode}, scripted model (no model latency)` +
    `${info.options.quick ? ', quick mode' : ''}` +
    // A shortened long run changes what the long and steering figures mean: say so beside them.
    `${!info.options.quick && info.options.longMinutes !== 10 ? `, long runs ${info.options.longMinutes} min (\`--long-minutes\`)` : ''}` +
    `. Reproduce with \`npm run bench\` (see bench/README.md).`
  )
}

/** The report of an earlier run, rendered by the current code (after a change to the tables). */
async function rerender(name: string): Promise<void> {
  const file = path.join(RESULTS, `${name}.json`)
  const saved = JSON.parse(await readFile(file, 'utf8')) as {
    meta: ReturnType<typeof meta>
    results: Results
  }
  const list = sections(saved.results)
  const checks = verdicts(saved.results)
  console.log(renderText(list, checks))
  await writeFormatted(
    path.join(RESULTS, `${name}.md`),
    renderMarkdown(list, checks, headerOf(saved.meta)),
  )
  log(`rewrote bench/results/${name}.md from ${name}.json`)
}

async function main(): Promise<void> {
  let options: BenchOptions
  try {
    options = parseArgs(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  }
  if (options.rerender) return rerender(options.rerender)
  const info = meta(options)
  const results: Results = {}
  const crashed: string[] = []
  const progressFile = path.join(RESULTS, `${options.resultName}.tmp.json`)
  await mkdir(RESULTS, { recursive: true })
  log(
    `${options.quick ? 'quick' : 'full'} bench at ${info.commit}, Node ${info.node}, ${info.cpus}, load ${info.loadAverageAtStart.join(' ')}`,
  )

  const stage = async <K extends keyof Results>(
    name: ScenarioName,
    key: K,
    work: () => Promise<Results[K]>,
  ) => {
    if (!options.only.has(name)) return
    const started = Date.now()
    try {
      results[key] = await work()
    } catch (error) {
      crashed.push(
        `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      log(`${name} crashed: ${String(error)}`)
    }
    log(`${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`)
    // Kept as it goes (git-ignored), so a long bench that dies still leaves its figures.
    await writeFile(progressFile, JSON.stringify({ meta: info, results, crashed }, null, 2))
  }

  // With both, their runs alternate (scenarios/side-by-side.ts); each alone runs on its own.
  let sideBySide: Awaited<ReturnType<typeof sideBySideScenario>> | undefined
  if (options.only.has('floor') && options.only.has('overhead')) {
    await stage('floor', 'floor', async () => {
      sideBySide = await sideBySideScenario(options.repeats, log)
      return sideBySide.floor
    })
  } else await stage('floor', 'floor', () => floorScenario(options.repeats, log))
  await stage('overhead', 'overhead', async () =>
    sideBySide ? sideBySide.overhead : overheadScenario(options.repeats, log),
  )
  await stage('overhead', 'cliAlone', () => cliAloneScenario(options.repeats, log))
  await stage('review-loop', 'reviewLoop', () =>
    reviewLoopScenario(Math.max(3, Math.ceil(options.repeats / 2)), log),
  )
  await stage('checkpoint', 'checkpoint', () =>
    checkpointScenario(Math.max(2, Math.ceil(options.repeats / 3)), log),
  )
  await stage('cifix', 'cifix', () => ciFixScenario(options.repeats, log))
  await stage('provisioning', 'provisioning', () => provisioningScenario(options.freshInstall, log))
  await stage('parser', 'parser', () => parserScenario(options.parserSizesMb, log))
  await stage('scale', 'scale', () => scaleScenario(options.ladder, log))
  await stage('scale-long', 'scaleLong', () =>
    scaleLongScenario(Math.max(...options.ladder), options.longMinutes, log),
  )
  await stage('fanout', 'fanout', () => fanoutScenario(options.fanoutMinutes, log))
  await stage('long', 'long', () =>
    longRunScenario(options.longMinutes, options.longSleepSeconds, log),
  )
  await stage('steering', 'steering', () => steeringScenario(options.longMinutes, log))

  const list = sections(results)
  const checks = verdicts(results)
  console.log(renderText(list, checks))
  const header = headerOf(info)
  await writeFormatted(
    path.join(RESULTS, `${options.resultName}.json`),
    JSON.stringify({ meta: info, targets: checks, results, crashed }, null, 2),
  )
  await writeFormatted(
    path.join(RESULTS, `${options.resultName}.md`),
    renderMarkdown(list, checks, header),
  )
  await rm(progressFile, { force: true })
  log(`wrote bench/results/${options.resultName}.json and .md`)
  if (crashed.length > 0) {
    console.error(`\n${crashed.length} scenario(s) crashed:\n${crashed.join('\n\n')}`)
    process.exitCode = 1
  }
}

await main()
