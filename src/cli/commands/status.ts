// status: one look at where the run stands.

import type { StatusCommand } from '../args.js'
import { createContext } from '../context.js'
import { EXIT } from '../errors.js'
import { json, line, type Io } from '../io.js'
import { loadPull, observe } from '../observe.js'
import { snapshotJson, statusText } from '../render.js'

export async function statusCommand(command: StatusCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  const pull = await loadPull(ctx.reader, ctx.repo, command.pr.number)
  const snapshot = await observe(ctx.reader, ctx.repo, pull)
  if (command.json) json(io.stdout, snapshotJson(snapshot))
  else line(io.stdout, statusText(snapshot))
  return EXIT.ok
}
