// Synthetic Claude Code stream-json, generated on the fly, shaped like the CLI's real output
// (__tests__/fixtures/transcripts/): assistant text and tool_use lines, user tool_result lines that
// carry the result twice (message content and `tool_use_result`), TodoWrite checklists, a
// final result line. Tool results follow a long-tailed size mix: mostly a few KB, some tens of
// KB, a few of 256 KB to 1 MB (a big file read, a long test log). Deterministic (seeded).

const SESSION = '7606bc2a-ac89-4a03-ad46-e39aa1be4682'
const CWD = '/home/runner/work/app/app'

function rng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CODE_LINES = [
  'export function parse(input: string): Node[] {',
  '  const tokens = tokenize(input).filter((token) => token.kind !== "space")',
  '  for (const [index, token] of tokens.entries()) {',
  '    if (token.kind === "open") stack.push({ index, children: [] })',
  '  }',
  '  // Keep the last error: "unexpected token \\"}\\"" at line 12, column 4',
  'PASS __tests__/unit/parser.test.ts (12 tests) 45ms',
  '  ✓ keeps unicode — naïve café 東京 (3 ms)',
  '\t\treturn { ok: false, reason: `tab\\tand backslash \\\\ in ${name}` }',
]

/** A JSON string literal (quotes included) of about `bytes` characters of code and logs. */
function textLiteral(bytes: number, random: () => number): string {
  const parts: string[] = []
  let size = 0
  let lineNo = 1
  while (size < bytes) {
    const line = `${String(lineNo++).padStart(5)}\t${CODE_LINES[Math.floor(random() * CODE_LINES.length)]}`
    parts.push(line)
    size += line.length + 1
  }
  return JSON.stringify(parts.join('\n'))
}

const SIZES: Array<[weight: number, bytes: number[]]> = [
  [0.7, [512, 1024, 2048, 4096]],
  [0.25, [8192, 16_384, 32_768, 65_536]],
  [0.05, [262_144, 524_288, 1_048_576]],
]

/** Yields complete lines (with '\n') until about `totalBytes` were produced. */
export function* transcriptLines(totalBytes: number, seed = 7): Generator<string> {
  const random = rng(seed)
  // Escaped once; lines are then cheap concatenations, so generation stays off the clock.
  const pool = new Map<number, string[]>()
  for (const [, sizes] of SIZES)
    for (const size of sizes)
      pool.set(
        size,
        Array.from({ length: 3 }, () => textLiteral(size, random)),
      )
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T
  const resultSize = (): number => {
    let roll = random()
    for (const [weight, sizes] of SIZES) {
      if (roll < weight) return pick(sizes)
      roll -= weight
    }
    return 1024
  }
  let produced = 0
  let n = 0
  const emit = (line: string) => {
    produced += line.length + 1
    return `${line}\n`
  }
  const usage =
    '{"input_tokens":2877,"output_tokens":120,"cache_creation_input_tokens":0,"cache_read_input_tokens":41000}'
  const assistant = (content: string) =>
    `{"type":"assistant","message":{"id":"msg_${n}","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[${content}],"stop_reason":null,"stop_sequence":null,"usage":${usage},"context_management":null},"parent_tool_use_id":null,"session_id":"${SESSION}","uuid":"a-${n}"}`

  yield emit(
    `{"type":"system","subtype":"init","cwd":"${CWD}","session_id":"${SESSION}","tools":["Bash","Edit","Read","Write","TodoWrite","Glob","Grep"],"mcp_servers":[],"model":"claude-sonnet-4-5","permissionMode":"default","apiKeySource":"ANTHROPIC_API_KEY","claude_code_version":"2.1.329","uuid":"init"}`,
  )
  while (produced < totalBytes) {
    n++
    const id = `toolu_${String(n).padStart(8, '0')}`
    if (random() < 0.3) {
      yield emit(
        assistant(
          `{"type":"text","text":"Step ${n}: the failing case is the nested bracket; fixing the tokenizer next."}`,
        ),
      )
    }
    const roll = random()
    let toolUse: string
    if (roll < 0.08) {
      const items = Array.from(
        { length: 6 },
        (_, i) =>
          `{"content":"Item ${i + 1} of the plan","status":"${i < n % 6 ? 'completed' : 'pending'}","activeForm":"Working on item ${i + 1}"}`,
      )
      toolUse = `{"type":"tool_use","id":"${id}","name":"TodoWrite","input":{"todos":[${items.join(',')}]}}`
    } else if (roll < 0.4) {
      toolUse = `{"type":"tool_use","id":"${id}","name":"Read","input":{"file_path":"${CWD}/src/module-${n % 97}.ts"}}`
    } else if (roll < 0.7) {
      toolUse = `{"type":"tool_use","id":"${id}","name":"Bash","input":{"command":"npm test -- --runInBand __tests__/unit/case-${n % 53}.test.ts","description":"Run the unit tests"}}`
    } else if (roll < 0.85) {
      toolUse = `{"type":"tool_use","id":"${id}","name":"Edit","input":{"file_path":"${CWD}/src/module-${n % 97}.ts","old_string":"return a","new_string":"return b","replace_all":false}}`
    } else {
      const body = pick(pool.get(pick([1024, 4096, 16_384])) as string[])
      toolUse = `{"type":"tool_use","id":"${id}","name":"Write","input":{"file_path":"${CWD}/src/new-${n}.ts","content":${body}}}`
    }
    yield emit(assistant(toolUse))
    const result = pick(pool.get(resultSize()) as string[])
    const isError = random() < 0.05
    yield emit(
      `{"type":"user","message":{"role":"user","content":[{"tool_use_id":"${id}","type":"tool_result","content":${result},"is_error":${isError}}]},"parent_tool_use_id":null,"session_id":"${SESSION}","uuid":"u-${n}","timestamp":"2026-11-21T10:35:54.642Z","tool_use_result":{"stdout":${result},"stderr":"","interrupted":false,"isImage":false}}`,
    )
  }
  yield emit(
    `{"type":"result","subtype":"success","is_error":false,"duration_ms":600000,"duration_api_ms":420000,"num_turns":${n},"result":"Done.","stop_reason":"end_turn","session_id":"${SESSION}","total_cost_usd":4.2,"usage":${usage},"permission_denials":[],"terminal_reason":"completed","uuid":"r"}`,
  )
}
