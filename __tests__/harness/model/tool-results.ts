// Reads tool results out of a Messages request, so a scripted agent can react to what its tools
// returned and tests can inspect everything the model was shown.

import type { MessagesRequest, ToolResult } from './script.js'

interface Block {
  type?: string
  [key: string]: unknown
}

function blocks(content: unknown): Block[] {
  if (!Array.isArray(content)) return []
  return content.filter((b): b is Block => typeof b === 'object' && b !== null)
}

/** Text of a tool_result's content, which is either a string or an array of blocks. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  return blocks(content)
    .map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : JSON.stringify(b)))
    .join('\n')
}

function toolUsesById(message: { content: unknown } | undefined): Map<string, Block> {
  const map = new Map<string, Block>()
  for (const b of blocks(message?.content)) {
    if (b.type === 'tool_use' && typeof b.id === 'string') map.set(b.id, b)
  }
  return map
}

/** Tool results in the last user message of a request (the answers to the previous turn). */
export function lastToolResults(request: MessagesRequest): ToolResult[] {
  const messages = request.messages ?? []
  const lastUser = messages.findLastIndex((m) => m.role === 'user')
  if (lastUser < 0) return []
  const uses = toolUsesById(messages.slice(0, lastUser).findLast((m) => m.role === 'assistant'))
  return blocks(messages[lastUser]?.content)
    .filter((b) => b.type === 'tool_result')
    .map((b) => {
      const toolUseId = String(b.tool_use_id)
      const use = uses.get(toolUseId)
      return {
        toolUseId,
        name: typeof use?.name === 'string' ? use.name : undefined,
        input: use?.input,
        content: contentText(b.content),
        isError: b.is_error === true,
      }
    })
}

/** Every tool result anywhere in a request's messages (what the model was shown, in full). */
export function allToolResults(request: MessagesRequest): ToolResult[] {
  const out: ToolResult[] = []
  for (const message of request.messages ?? []) {
    for (const b of blocks(message.content)) {
      if (b.type !== 'tool_result') continue
      out.push({
        toolUseId: String(b.tool_use_id),
        content: contentText(b.content),
        isError: b.is_error === true,
      })
    }
  }
  return out
}
