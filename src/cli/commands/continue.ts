// continue: posts the follow-up comment `<trigger_prefix> continue [instruction]`
// on the pull request, which starts the next run (issue_comment); with --watch,
// follows the run that answers that very comment (the status comment names it
// in its state line) to its end.

import type { ContinueCommand } from '../args.js'
import { createContext } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { json, line, type Io } from '../io.js'
import { loadPull, observe } from '../observe.js'
import { stateLabel } from '../render.js'
import { terminalSafe } from '../terminal.js'
import { follow, hint } from './watch.js'

/** GitHub's limit on a comment body. */
const COMMENT_LIMIT = 65_536

export function continueComment(prefix: string, instruction: string): string {
  return instruction === '' ? `${prefix} continue` : `${prefix} continue ${instruction}`
}

export async function continueCommand(command: ContinueCommand, io: Io): Promise<number> {
  const body = continueComment(command.triggerPrefix, command.instruction)
  if ([...body].length > COMMENT_LIMIT)
    throw new CliError(
      `The instruction is longer than GitHub takes in a comment (${COMMENT_LIMIT} characters). Shorten it.`,
    )
  const ctx = await createContext(io, command.repo)
  const number = command.pr.number
  const pull = await loadPull(ctx.reader, ctx.repo, number)
  if (pull.state === 'closed')
    throw new CliError(
      `#${number} is ${pull.merged ? 'merged' : 'closed'}: a follow-up runs only on an open pull request.`,
    )
  const before = await observe(ctx.reader, ctx.repo, pull)
  let comment: { id: number; html_url: string }
  try {
    comment = await ctx.reader.send(
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner: ctx.repo.owner,
        repo: ctx.repo.name,
        issue_number: number,
        body,
      },
    )
  } catch (error) {
    throw ctx.reader.explain(error, `comment on #${number}`)
  }
  if (command.json && !command.watch)
    json(io.stdout, { number, commentId: comment.id, commentUrl: comment.html_url, body })
  else if (!command.json) line(io.stdout, terminalSafe(comment.html_url))
  line(io.stderr, `Commented "${terminalSafe(body.split('\n')[0] ?? '')}" on #${number}.`)
  if (before.phase === 'working')
    line(
      io.stderr,
      `The run is still working (${stateLabel(before)}); the follow-up starts when it has ended.`,
    )
  if (!command.watch) {
    line(
      io.stderr,
      `Once the new run has started (status says working), follow it with: ${hint(ctx, 'watch', number)}`,
    )
    return EXIT.ok
  }
  if (command.json)
    json(io.stdout, { number, commentId: comment.id, commentUrl: comment.html_url, body })
  return follow(ctx, number, command, io, command.json, { awaitInstruction: comment.id })
}
