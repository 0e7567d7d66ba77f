// Stream parsing: Transcript's throughput and memory on large synthetic transcripts, one child
// process per size so each measurement starts from a clean heap.

import { spawn } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../../__tests__/harness/action-runner.js'

export interface ParserSample {
  sizeMb: number
  bytes: number
  lines: number
  parseMs: number
  wallMs: number
  toolCalls: number
  kept: number
  result?: string
  malformed: number
  heapBefore: number
  heapAfter: number
  rssBefore: number
  rssAfter: number
  peakHeap: number
  peakRss: number
  maxRssKb: number
}

export interface ParserResult {
  samples: ParserSample[]
  /** The same sizes again with V8's old space capped: a parser that kept data would die. */
  capped: Array<{ sizeMb: number; ok: boolean; peakRss?: number; peakHeap?: number }>
  capMb: number
  /** Peak RSS of the same stream, read but not parsed. */
  control: Array<{ sizeMb: number; peakRss: number; rssAfter: number }>
  failures: string[]
}

/** Small enough that keeping even a tenth of a 400 MB transcript would run out of heap. */
export const HEAP_CAP_MB = 64

function child(sizeMb: number, heapCapMb?: number, control = false): Promise<ParserSample> {
  const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`]
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...cap,
        path.join(ROOT, 'scripts', 'run-ts.mjs'),
        'bench/scenarios/parser-child.ts',
        String(sizeMb),
        ...(control ? ['--control'] : []),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10 * 60_000)
    proc.on('close', (code) => {
      clearTimeout(timer)
      if (code !== 0)
        return reject(new Error(`parser child (${sizeMb} MB) exited ${code}: ${stderr}`))
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ParserSample)
      } catch (error) {
        reject(
          new Error(`parser child (${sizeMb} MB) printed no result: ${String(error)} ${stderr}`),
        )
      }
    })
  })
}

export async function parserScenario(
  sizesMb: number[],
  log: (line: string) => void,
): Promise<ParserResult> {
  const samples: ParserSample[] = []
  const capped: ParserResult['capped'] = []
  const control: ParserResult['control'] = []
  const failures: string[] = []
  for (const size of sizesMb) {
    const run = await child(size, HEAP_CAP_MB).then(
      (s) => ({ sizeMb: size, ok: true, peakRss: s.peakRss, peakHeap: s.peakHeap }),
      () => ({ sizeMb: size, ok: false }),
    )
    capped.push(run)
    await child(size, undefined, true).then(
      (s) => control.push({ sizeMb: size, peakRss: s.peakRss, rssAfter: s.rssAfter }),
      (error: unknown) => failures.push(String(error).slice(0, 2000)),
    )
    log(
      `parser ${size} MB with a ${HEAP_CAP_MB} MB heap cap: ${run.ok ? 'completed' : 'ran out of memory'}`,
    )
    try {
      const s = await child(size)
      samples.push(s)
      log(
        `parser ${size} MB: ${(s.bytes / 1e6 / (s.parseMs / 1000)).toFixed(0)} MB/s parse, ` +
          `heap +${((s.heapAfter - s.heapBefore) / 1e6).toFixed(1)} MB retained, peak RSS ${(s.peakRss / 1e6).toFixed(0)} MB`,
      )
    } catch (error) {
      failures.push(String(error).slice(0, 2000))
      log(String(error).slice(0, 800))
    }
  }
  return { samples, capped, capMb: HEAP_CAP_MB, control, failures }
}
