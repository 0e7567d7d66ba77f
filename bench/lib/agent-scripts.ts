// Scripted agents for the bench. Every script is stateless: the step is the number of
// assistant turns already in the request, and the workspace is read from the request itself,
// so one model server can drive any number of concurrent sessions.

import path from 'node:path'
import {
  bash,
  say,
  todo,
  writeFile,
  type MessagesRequest,
  type ModelScript,
  type Step,
  type TodoItem,
} from '../../__tests__/harness/model/index.js'

export function sessionStep(request: MessagesRequest): number {
  return (request.messages ?? []).filter((message) => message.role === 'assistant').length
}

/** Every string in a parsed JSON value, depth first. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const item of value) yield* strings(item)
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) yield* strings(item)
}

/**
 * Claude Code tells the model "Primary working directory: <dir>" (in 2.1.329 inside a
 * system-reminder of the messages, not in `system`), so look everywhere.
 */
export function workspaceOf(request: MessagesRequest): string {
  for (const text of strings([request.system, request.messages])) {
    const match = /Primary working directory: (\S+)/.exec(text)
    if (match) return match[1] as string
  }
  throw new Error('bench: no working directory in the request')
}

function perSession(steps: (workspace: string) => Step[]): ModelScript {
  return ({ request }) => steps(workspaceOf(request))[sessionStep(request)]
}

/** The demo's task: a checklist, one file written, the checklist closed, a summary. */
export function shortTask(): ModelScript {
  return perSession((workspace) => [
    todo([
      { content: 'Write hello.txt with a greeting', status: 'in_progress' },
      { content: 'Check the file is there', status: 'pending' },
    ]),
    writeFile(path.join(workspace, 'hello.txt'), 'Hello from async-pr!\n'),
    todo([
      { content: 'Write hello.txt with a greeting', status: 'completed' },
      { content: 'Check the file is there', status: 'completed' },
    ]),
    say('Created `hello.txt` with a friendly greeting.'),
  ])
}

const PARTS = 5

/**
 * An agent that works for about `minutes`: `sleep` steps (the "work"), a notes file rewritten
 * after each, and the checklist advanced five times over the run, like a real agent reporting
 * progress.
 */
export function longTask(
  minutes: number,
  sleepSeconds: number,
): { script: ModelScript; turns: number } {
  const rounds = Math.max(1, Math.round((minutes * 60) / sleepSeconds))
  const sleep = Math.max(1, Math.round((minutes * 60) / rounds))
  const checklist = (done: number): TodoItem[] =>
    Array.from({ length: PARTS }, (_, i) => ({
      content: `Part ${i + 1} of the task`,
      status: i < done ? 'completed' : i === done ? 'in_progress' : 'pending',
    }))
  const steps = (workspace: string): Step[] => {
    const steps: Step[] = [todo(checklist(0))]
    let done = 0
    for (let round = 0; round < rounds; round++) {
      steps.push(bash(`sleep ${sleep}`, `Working on round ${round + 1} of ${rounds}`))
      const notes = Array.from({ length: round + 1 }, (_, i) => `- round ${i + 1} done`)
      steps.push(writeFile(path.join(workspace, 'NOTES.md'), `# Notes\n\n${notes.join('\n')}\n`))
      const reached = Math.floor(((round + 1) * PARTS) / rounds)
      if (reached > done) {
        done = reached
        steps.push(todo(checklist(done)))
      }
    }
    steps.push(say(`Worked through ${rounds} rounds; the notes are in \`NOTES.md\`.`))
    return steps
  }
  // The turn count, so the run can be given a max_turns it will not reach (default 40).
  return { script: perSession(steps), turns: steps('/').length }
}

export const LONG_ALLOWED_TOOLS = 'Read,Write,Edit,MultiEdit,Glob,Grep,LS,TodoWrite,Bash(sleep:*)'
