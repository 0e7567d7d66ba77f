// One parser measurement in a process of its own (so sizes do not share a heap): about
// `sizeMb` MB of synthetic stream-json through readline into Transcript, as src/agent/run.ts
// feeds it. Prints one JSON line. Run with --expose-gc.

import { Readable } from 'node:stream'
import { createInterface } from 'node:readline'
import { performance } from 'node:perf_hooks'
import { Transcript } from '../../src/agent/transcript.js'
import { transcriptLines } from '../lib/transcript-gen.js'

const sizeMb = Number(process.argv[2])
// The same stream with the lines dropped instead of parsed: what readline and the generator
// cost on their own, to tell the parser's memory from the harness's.
const control = process.argv[3] === '--control'
const gc = (globalThis as { gc?: () => void }).gc
if (!gc || !(sizeMb > 0)) {
  console.error('usage: node --expose-gc scripts/run-ts.mjs bench/scenarios/parser-child.ts <MB>')
  process.exit(2)
}
const settle = () => {
  gc()
  gc()
  return process.memoryUsage()
}

const PIPE_CHUNK = 65_536

/** The lines as a byte stream in 64 KiB chunks, the way a pipe from the CLI delivers them. */
function* pipeChunks(lines: Iterable<string>): Generator<Buffer> {
  let pending: Buffer[] = []
  let size = 0
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8')
    pending.push(bytes)
    size += bytes.length
    if (size < PIPE_CHUNK) continue
    const joined = Buffer.concat(pending, size)
    let at = 0
    for (; at + PIPE_CHUNK <= joined.length; at += PIPE_CHUNK)
      yield joined.subarray(at, at + PIPE_CHUNK)
    pending = at < joined.length ? [joined.subarray(at)] : []
    size = joined.length - at
  }
  if (size > 0) yield Buffer.concat(pending, size)
}

/** readline's 'line' events straight into Transcript.pushLine, as src/agent/run.ts does. */
function feed(transcript: Transcript, megabytes: number, sample?: () => void) {
  return new Promise<{ bytes: number; lines: number; parseMs: number }>((resolve, reject) => {
    let bytes = 0
    let lines = 0
    let parseMs = 0
    const input = Readable.from(pipeChunks(transcriptLines(megabytes * 1e6)), {
      objectMode: false,
      highWaterMark: PIPE_CHUNK,
    })
    input.on('error', reject)
    const reader = createInterface({ input, crlfDelay: Infinity })
    reader.on('line', (line) => {
      bytes += Buffer.byteLength(line) + 1
      lines++
      const t = performance.now()
      if (!control) transcript.pushLine(line)
      parseMs += performance.now() - t
      if (sample && lines % 64 === 0) sample()
    })
    reader.once('close', () => resolve({ bytes, lines, parseMs }))
  })
}

// Warm up the JIT and the generator on a small transcript, then take the baseline.
await feed(new Transcript('/home/runner/work/app/app'), 5)
const before = settle()
let peakHeap = before.heapUsed
let peakRss = before.rss
const sample = () => {
  const now = process.memoryUsage()
  peakHeap = Math.max(peakHeap, now.heapUsed)
  peakRss = Math.max(peakRss, now.rss)
}
const transcript = new Transcript('/home/runner/work/app/app')
const started = performance.now()
const fed = await feed(transcript, sizeMb, sample)
const wallMs = performance.now() - started
const after = settle()

console.log(
  JSON.stringify({
    sizeMb,
    control,
    bytes: fed.bytes,
    lines: fed.lines,
    parseMs: fed.parseMs,
    wallMs,
    toolCalls: transcript.toolCallCount,
    kept: transcript.toolCalls.length,
    result: transcript.result?.subtype,
    malformed: transcript.malformedLines,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    rssAfter: after.rss,
    peakHeap,
    peakRss,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
)
