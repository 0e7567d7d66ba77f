// Tool calls and permission denials in plain words.

import type { PermissionDenial, ToolCall } from '../agent/transcript.js'
import { codeSpan, plain } from './markdown.js'

const VERBS: Record<string, string> = {
  Read: 'read',
  Write: 'wrote',
  Edit: 'edited',
  MultiEdit: 'edited',
  NotebookEdit: 'edited',
  Glob: 'looked for files matching',
  Grep: 'searched for',
  LS: 'listed',
  Bash: 'ran',
  WebFetch: 'fetched',
  WebSearch: 'searched the web for',
  TodoWrite: 'updated its checklist',
  Task: 'started a sub-agent:',
  Agent: 'started a sub-agent:',
}

/** One line of markdown: the tool's name and detail (the agent's choice) escaped. */
export function describeToolCall(call: ToolCall): string {
  const verb = VERBS[call.name] ?? `used ${plain(call.name)}`
  const what = call.detail ? ` ${codeSpan(call.detail)}` : ''
  const outcome = call.outcome === 'error' ? (call.name === 'Bash' ? ': failed' : ': error') : ''
  return `${verb}${what}${outcome}`
}

/** The `allowed_tools` entry that would have allowed a denied call. */
export function ruleToAllow(denial: PermissionDenial): string {
  if (denial.toolName !== 'Bash' || !denial.detail) return denial.toolName
  const words = denial.detail.split(/\s+/)
  const prefix =
    words.length > 1 && words[1] && !words[1].startsWith('-')
      ? words.slice(0, 2)
      : words.slice(0, 1)
  return `Bash(${prefix.join(' ')}:*)`
}
