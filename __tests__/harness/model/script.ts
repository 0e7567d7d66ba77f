// The vocabulary of a scripted model: what one assistant turn (or one failure) looks like,
// and builders that spell the tool inputs exactly as Claude Code 2.1.329 advertises them in
// the `tools` of its requests (checked by logging real requests; see the README next door).

/** One assistant turn. Tool uses make the turn end with `tool_use`, otherwise `end_turn`. */
export interface TurnStep {
  text?: string
  toolUses?: ToolUseSpec[]
}

export interface ToolUseSpec {
  name: string
  input: object
}

/** Answer with an API error (JSON body in the Anthropic error format). */
export interface HttpErrorFault {
  fault: 'http_error'
  status: 500 | 429 | 529
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number
}

/**
 * Hold the request without answering for `ms`, then answer with `then` (default: "Done.").
 * A stall never outlives the server: close() ends it.
 */
export interface StallFault {
  fault: 'stall'
  ms: number
  then?: TurnStep
}

/** Start the SSE stream, then destroy the socket in the middle of the message. */
export interface CutFault {
  fault: 'cut'
}

export type FaultStep = HttpErrorFault | StallFault | CutFault
export type Step = TurnStep | FaultStep

/** A tool result the CLI sent back, paired with the tool use it answers. */
export interface ToolResult {
  toolUseId: string
  /** Name and input of the matching tool_use in the previous assistant message, if found. */
  name?: string
  input?: unknown
  /** Text of the result; text blocks of an array content are joined with newlines. */
  content: string
  isError: boolean
}

export interface ScriptContext {
  /** The parsed request body of this turn. */
  request: MessagesRequest
  /** 0-based index of this turn among the requests that consume steps. */
  step: number
  /** Tool results carried by the last user message of the request. */
  lastToolResults: ToolResult[]
}

/** Returning undefined means "the script has run out": the server answers "Done.". */
export type ScriptFunction = (ctx: ScriptContext) => Step | undefined
export type ModelScript = Step[] | ScriptFunction

/** The parts of a Messages API request body the harness looks at. */
export interface MessagesRequest {
  model?: string
  stream?: boolean
  tools?: Array<{ name: string; [key: string]: unknown }>
  messages?: Array<{ role: string; content: unknown }>
  [key: string]: unknown
}

export function isFault(step: Step): step is FaultStep {
  return 'fault' in step
}

export const say = (text: string): TurnStep => ({ text })

export const useTool = (name: string, input: object, text?: string): TurnStep => ({
  text,
  toolUses: [{ name, input }],
})

/** Several tool calls in one assistant turn (the CLI runs them, then sends all results). */
export const useTools = (toolUses: ToolUseSpec[], text?: string): TurnStep => ({ text, toolUses })

/** Write: `file_path` must be absolute, the CLI refuses relative paths. */
export const writeFile = (filePath: string, content: string): TurnStep =>
  useTool('Write', { file_path: filePath, content })

/** Read: an Edit or a Write over an existing file is refused unless the file was Read first. */
export const readFile = (filePath: string): TurnStep => useTool('Read', { file_path: filePath })

export const editFile = (filePath: string, oldString: string, newString: string): TurnStep =>
  useTool('Edit', { file_path: filePath, old_string: oldString, new_string: newString })

export const bash = (command: string, description?: string): TurnStep =>
  useTool('Bash', description === undefined ? { command } : { command, description })

export type TodoStatus = 'pending' | 'in_progress' | 'completed'
export interface TodoItem {
  content: string
  status?: TodoStatus
  activeForm?: string
}

/**
 * TodoWrite. In 2.1.329 it exists only with tasks v2 off (`CLAUDE_CODE_ENABLE_TASKS=0`);
 * otherwise the CLI answers "No such tool available" and the checklist tools are
 * TaskCreate/TaskUpdate. All of them are "deferred" (not in the request's `tools`; the model
 * is told to load them with ToolSearch), yet the CLI runs a direct call, and without any
 * allow rule.
 */
export const todo = (items: TodoItem[]): TurnStep =>
  useTool('TodoWrite', {
    todos: items.map((item) => ({
      content: item.content,
      status: item.status ?? 'pending',
      activeForm: item.activeForm ?? item.content,
    })),
  })

/** TaskCreate (tasks v2, the default checklist tool of 2.1.329). */
export const taskCreate = (subject: string, description: string, activeForm?: string): TurnStep =>
  useTool(
    'TaskCreate',
    activeForm === undefined ? { subject, description } : { subject, description, activeForm },
  )

/** TaskUpdate: `taskId` is the id TaskCreate returned ("1", "2", ... in a fresh session). */
export const taskUpdate = (taskId: string, status: TodoStatus | 'deleted'): TurnStep =>
  useTool('TaskUpdate', { taskId, status })

export const httpError = (status: 500 | 429 | 529, retryAfter?: number): HttpErrorFault =>
  retryAfter === undefined
    ? { fault: 'http_error', status }
    : { fault: 'http_error', status, retryAfter }

export const stall = (ms: number, then?: TurnStep): StallFault =>
  then === undefined ? { fault: 'stall', ms } : { fault: 'stall', ms, then }

export const cut = (): CutFault => ({ fault: 'cut' })
