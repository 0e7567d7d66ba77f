// The task a dispatch hands over: a title and a body, from arguments, a file
// or standard input.

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../util/errors.js'
import type { DispatchCommand } from './args.js'
import { CliError, UsageError } from './errors.js'
import type { Io } from './io.js'

export interface Task {
  title: string
  body: string
}

/** GitHub refuses pull request bodies longer than this (in characters). */
export const BODY_LIMIT = 65_536
const TITLE_MAX = 120
/** Standard input beyond this is surely a mistake (a binary piped in by accident). */
const STDIN_MAX_BYTES = 1024 * 1024

/** The first non-empty line, without markdown heading marks, cut at a word near TITLE_MAX. */
export function titleFromBody(body: string): string {
  const first = body
    .split(/\r?\n/)
    .map((text) => text.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|>\s*)/, '').trim())
    .find((text) => text !== '')
  if (!first) return ''
  if (first.length <= TITLE_MAX) return first
  const cut = first.slice(0, TITLE_MAX)
  const space = cut.lastIndexOf(' ')
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

export async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > STDIN_MAX_BYTES)
      throw new CliError(`The task on standard input is larger than ${STDIN_MAX_BYTES} bytes.`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function readBody(command: DispatchCommand, io: Io): Promise<string | undefined> {
  if (command.body !== undefined) return command.body
  const file = command.bodyFile
  if (file === undefined) return undefined
  if (file === '-') return readStdin(io.stdin)
  try {
    return await readFile(path.resolve(io.cwd, file), 'utf8')
  } catch (error) {
    throw new CliError(`Cannot read the task from ${file}: ${errorMessage(error)}`)
  }
}

export async function readTask(command: DispatchCommand, io: Io): Promise<Task> {
  const body = (await readBody(command, io))?.trim()
  if (!body)
    throw new UsageError(
      'The task is missing or empty: pass it with --body TEXT, --body-file PATH, or --body-file - to read standard input.',
    )
  if (body.length > BODY_LIMIT)
    throw new CliError(
      `The task is ${body.length} characters; GitHub takes at most ${BODY_LIMIT} in a pull request body. ` +
        'Shorten it, or put the details in a file in the repository and point to it.',
    )
  const title = (command.title ?? titleFromBody(body)).trim()
  if (!title) throw new UsageError('The title is empty: pass TITLE or --title.')
  return { title, body }
}
