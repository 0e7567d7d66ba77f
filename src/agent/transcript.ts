// Claude Code's stream-json output, one event at a time -> what the run did.
// No I/O here. Memory stays bounded however long the transcript grows: only
// the last tool calls are kept in full, the rest are counted.

export interface ToolCall {
  id: string
  name: string
  /** The part of the input a person needs: a path, a command, a pattern. */
  detail: string
  /** Undefined until the tool's result arrives. */
  outcome?: 'ok' | 'error'
}

export interface Todo {
  content: string
  status: string
}

export interface PermissionDenial {
  toolName: string
  detail: string
}

export interface AgentResult {
  subtype: string
  isError: boolean
  text: string
  numTurns: number
  costUsd: number
  durationMs: number
  sessionId: string
  terminalReason?: string
  inputTokens: number
  outputTokens: number
  permissionDenials: PermissionDenial[]
  /** The answer in the shape `--json-schema` asked for, when it was asked for (unchecked). */
  structured?: unknown
}

const KEPT_TOOL_CALLS = 1000

/**
 * Claude Code names its sessions with UUIDs. Anything else in the stream's
 * `session_id` is forged (agent code can write into the CLI's stdout) and is
 * dropped: the id reaches the outputs, the log and `--resume`.
 */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function validSessionId(value: unknown): string | undefined {
  return typeof value === 'string' && SESSION_ID.test(value) ? value : undefined
}
const DETAIL_LIMIT = 160

function clip(text: string, limit = DETAIL_LIMIT): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine
}

/** The part of a tool's input worth showing a person. */
export function toolDetail(name: string, input: unknown): string {
  const fields = (input ?? {}) as Record<string, unknown>
  const pick = (...keys: string[]) => {
    for (const key of keys) if (typeof fields[key] === 'string') return fields[key] as string
    return ''
  }
  switch (name) {
    case 'Bash':
      return clip(pick('command'))
    case 'Read':
    case 'Write':
    case 'Edit':
    case 'MultiEdit':
    case 'NotebookEdit':
      return clip(pick('file_path', 'notebook_path'))
    case 'Glob':
    case 'Grep':
      return clip(pick('pattern'))
    case 'LS':
      return clip(pick('path'))
    case 'WebFetch':
      return clip(pick('url'))
    case 'WebSearch':
      return clip(pick('query'))
    case 'Task':
    case 'Agent':
      return clip(pick('description'))
    default:
      return ''
  }
}

interface ContentBlock {
  type: string
  id?: string
  name?: string
  input?: unknown
  text?: string
  tool_use_id?: string
  is_error?: boolean
}

interface StreamEvent {
  type?: string
  subtype?: string
  session_id?: unknown
  model?: string
  message?: { content?: ContentBlock[] | string }
  [key: string]: unknown
}

export class Transcript {
  /** Paths under this directory are shown relative to it. */
  constructor(private readonly cwd?: string) {}

  sessionId?: string
  model?: string
  /** The most recent tool calls, oldest first. */
  readonly toolCalls: ToolCall[] = []
  toolCallCount = 0
  /** Tool calls that finished (their result came back): the agent's changes are in the tree. */
  toolResultCount = 0
  todos: Todo[] = []
  lastText?: string
  result?: AgentResult
  malformedLines = 0
  lineCount = 0
  private readonly pending = new Map<string, ToolCall>()

  /** Feeds one line of stream-json. Returns the parsed event, if it was one. */
  pushLine(line: string): StreamEvent | undefined {
    const trimmed = line.trim()
    if (!trimmed) return undefined
    this.lineCount++
    let event: StreamEvent
    try {
      event = JSON.parse(trimmed) as StreamEvent
    } catch {
      this.malformedLines++
      return undefined
    }
    if (typeof event !== 'object' || event === null) {
      this.malformedLines++
      return undefined
    }
    this.push(event)
    return event
  }

  push(event: StreamEvent): void {
    if (!this.sessionId) this.sessionId = validSessionId(event.session_id)
    switch (event.type) {
      case 'system':
        if (event.subtype === 'init' && typeof event.model === 'string') this.model = event.model
        break
      case 'assistant':
        for (const block of blocks(event)) this.onAssistantBlock(block)
        break
      case 'user':
        for (const block of blocks(event)) this.onToolResult(block)
        break
      case 'result': {
        const result = parseResult(event)
        for (const denial of result.permissionDenials)
          denial.detail = relativeTo(this.cwd, denial.detail)
        this.result = result
        break
      }
    }
  }

  private onAssistantBlock(block: ContentBlock): void {
    if (block.type === 'text' && block.text?.trim()) {
      this.lastText = block.text.trim()
    } else if (block.type === 'tool_use' && block.name) {
      const call: ToolCall = {
        id: block.id ?? '',
        name: block.name,
        detail: relativeTo(this.cwd, toolDetail(block.name, block.input)),
      }
      this.toolCallCount++
      this.toolCalls.push(call)
      if (this.toolCalls.length > KEPT_TOOL_CALLS) this.toolCalls.shift()
      if (call.id) this.pending.set(call.id, call)
      if (block.name === 'TodoWrite') this.todos = parseTodos(block.input)
    }
  }

  private onToolResult(block: ContentBlock): void {
    if (block.type !== 'tool_result' || !block.tool_use_id) return
    const call = this.pending.get(block.tool_use_id)
    if (!call) return
    call.outcome = block.is_error ? 'error' : 'ok'
    this.pending.delete(block.tool_use_id)
    this.toolResultCount++
  }

  /** Tool calls still running (a long command may be changing files as it goes). */
  get toolsRunning(): number {
    return this.pending.size
  }
}

function relativeTo(cwd: string | undefined, detail: string): string {
  if (!cwd) return detail
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`
  return detail.split(prefix).join('')
}

function blocks(event: StreamEvent): ContentBlock[] {
  const content = event.message?.content
  return Array.isArray(content) ? content : []
}

function parseTodos(input: unknown): Todo[] {
  const todos = (input as { todos?: unknown } | undefined)?.todos
  if (!Array.isArray(todos)) return []
  return todos
    .filter(
      (todo): todo is { content: string; status?: string } => typeof todo?.content === 'string',
    )
    .map((todo) => ({ content: clip(todo.content, 300), status: String(todo.status ?? 'pending') }))
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function parseResult(event: StreamEvent): AgentResult {
  const usage = (event.usage ?? {}) as Record<string, unknown>
  const denials = Array.isArray(event.permission_denials) ? event.permission_denials : []
  return {
    subtype: String(event.subtype ?? 'unknown'),
    isError: event.is_error === true,
    text: typeof event.result === 'string' ? event.result : '',
    numTurns: num(event.num_turns),
    costUsd: num(event.total_cost_usd),
    durationMs: num(event.duration_ms),
    sessionId: validSessionId(event.session_id) ?? '',
    terminalReason: typeof event.terminal_reason === 'string' ? event.terminal_reason : undefined,
    inputTokens:
      num(usage.input_tokens) +
      num(usage.cache_read_input_tokens) +
      num(usage.cache_creation_input_tokens),
    outputTokens: num(usage.output_tokens),
    structured: event.structured_output,
    permissionDenials: denials.map((denial: { tool_name?: unknown; tool_input?: unknown }) => ({
      toolName: String(denial?.tool_name ?? 'unknown'),
      detail: toolDetail(String(denial?.tool_name ?? ''), denial?.tool_input),
    })),
  }
}
