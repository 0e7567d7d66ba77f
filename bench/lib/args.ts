// Command-line flags and environment of `npm run bench`. Quick mode keeps every scenario but
// shrinks it (fewer repeats, a one-minute long run, smaller transcripts, a shorter ladder), so
// the whole bench can be iterated on in a few minutes.

export const SCENARIOS = [
  'floor',
  'overhead',
  'review-loop',
  'checkpoint',
  'cifix',
  'long',
  'steering',
  'provisioning',
  'parser',
  'scale',
  'scale-long',
  'fanout',
] as const
export type ScenarioName = (typeof SCENARIOS)[number]

export interface BenchOptions {
  quick: boolean
  /** Measured runs per repeated scenario (after one warm-up run). */
  repeats: number
  /** Length of the long scenario (and the steering one), in minutes of agent work. */
  longMinutes: number
  /** Seconds of one `sleep` step of the long scenario's agent. */
  longSleepSeconds: number
  /** Concurrency ladder of the scale scenario, capped by --max-concurrency. */
  ladder: number[]
  parserSizesMb: number[]
  /** How long the fanout scenario's emulated agents work while `watch` follows 10 PRs. */
  fanoutMinutes: number
  /** Install Claude Code into an empty tool cache (a download of ~380 MB unpacked). */
  freshInstall: boolean
  only: Set<ScenarioName>
  /** Base name of the result files under bench/results/. */
  resultName: string
  /** Measure nothing: print and rewrite the markdown of results/<name>.json. */
  rerender?: string
}

const USAGE = `usage: npm run bench -- [--quick] [--repeats N] [--max-concurrency N] [--ladder 1,10,25,50]
                       [--long-minutes M] [--parser-sizes 50,200,400] [--no-fresh-install]
                       [--fresh-install] [--fanout-minutes 5] [--only ${SCENARIOS.join(',')}] [--rerender latest]
environment: BENCH_LONG_MINUTES (default 10, 1 with --quick)`

function numbers(text: string, flag: string): number[] {
  const list = text.split(',').map((part) => Number(part.trim()))
  if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n <= 0)) {
    throw new Error(`${flag} wants positive numbers, got "${text}"\n${USAGE}`)
  }
  return list
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') throw new Error(USAGE)
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`)
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    const takesValue = !['quick', 'no-fresh-install', 'fresh-install'].includes(name)
    if (!takesValue) flags.set(name, true)
    else {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`)
      flags.set(name, value)
    }
  }
  const value = (name: string) => {
    const given = flags.get(name)
    return typeof given === 'string' ? given : undefined
  }
  const quick = flags.has('quick')
  const maxConcurrency = Number(value('max-concurrency') ?? 50)
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1 || maxConcurrency > 50) {
    throw new Error(`--max-concurrency wants 1..50\n${USAGE}`)
  }
  const ladder = numbers(value('ladder') ?? (quick ? '1,5,10' : '1,10,25,50'), '--ladder')
    .map((n) => Math.min(Math.round(n), maxConcurrency))
    .filter((n, i, all) => all.indexOf(n) === i)
  const longMinutes = Number(value('long-minutes') ?? env.BENCH_LONG_MINUTES ?? (quick ? 1 : 10))
  if (!(longMinutes > 0 && longMinutes <= 60)) throw new Error(`long minutes must be in (0, 60]`)
  const only = value('only')
  const selected = only ? only.split(',').map((name) => name.trim()) : [...SCENARIOS]
  for (const name of selected) {
    if (!(SCENARIOS as readonly string[]).includes(name))
      throw new Error(`unknown scenario ${name}\n${USAGE}`)
  }
  const freshInstall = flags.has('fresh-install') || (!quick && !flags.has('no-fresh-install'))
  return {
    quick,
    repeats: Math.max(1, Math.round(Number(value('repeats') ?? (quick ? 3 : 10)))),
    longMinutes,
    longSleepSeconds: 20,
    ladder,
    parserSizesMb: numbers(
      value('parser-sizes') ?? (quick ? '20,50,100' : '50,200,400'),
      '--parser-sizes',
    ),
    freshInstall,
    fanoutMinutes: Number(value('fanout-minutes') ?? (quick ? 1.5 : 5)),
    only: new Set(selected as ScenarioName[]),
    // Only a full, complete run replaces the figures the README quotes.
    resultName: quick ? 'quick' : only ? 'partial' : 'latest',
    rerender: value('rerender'),
  }
}
