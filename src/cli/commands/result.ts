// result: the final report, for a person (markdown) or a program (--json).

import type { StatusCommand } from '../args.js'
import { createContext } from '../context.js'
import { json, line, type Io } from '../io.js'
import { loadPull, observe } from '../observe.js'
import { resultText, snapshotJson, stateLabel } from '../render.js'
import { exitCodeFor, isFinal } from '../snapshot.js'
import { terminalSafe } from '../terminal.js'
import { hint } from './watch.js'

export async function resultCommand(command: StatusCommand, io: Io): Promise<number> {
  const ctx = await createContext(io, command.repo)
  const number = command.pr.number
  const pull = await loadPull(ctx.reader, ctx.repo, number)
  const snapshot = await observe(ctx.reader, ctx.repo, pull)
  if (command.json) json(io.stdout, snapshotJson(snapshot, { body: true }))
  else if (isFinal(snapshot)) line(io.stdout, resultText(snapshot))
  if (!isFinal(snapshot))
    line(
      io.stderr,
      `#${number} has no result yet: ${stateLabel(snapshot)}: ${terminalSafe(snapshot.summary)} ` +
        `Wait for it with: ${hint(ctx, 'watch', number)}`,
    )
  return exitCodeFor(snapshot)
}
