// The command line tool: argv → command → exit code. Everything a command
// needs from the process comes in through `io`, so tests run it in-process.

import { errorMessage } from '../util/errors.js'
import { parseCommand } from './args.js'
import { cancelCommand } from './commands/cancel.js'
import { continueCommand } from './commands/continue.js'
import { dispatchCommand } from './commands/dispatch.js'
import { logsCommand } from './commands/logs.js'
import { listCommand } from './commands/list.js'
import { resultCommand } from './commands/result.js'
import { statusCommand } from './commands/status.js'
import { watchCommand } from './commands/watch.js'
import { CliError, EXIT, UsageError } from './errors.js'
import { helpText } from './help.js'
import { line, type Io } from './io.js'

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const command = parseCommand(argv)
    switch (command.name) {
      case 'help':
        line(io.stdout, helpText(command.topic))
        return EXIT.ok
      case 'dispatch':
        return await dispatchCommand(command, io)
      case 'status':
        return await statusCommand(command, io)
      case 'result':
        return await resultCommand(command, io)
      case 'watch':
        return await watchCommand(command, io)
      case 'list':
        return await listCommand(command, io)
      case 'cancel':
        return await cancelCommand(command, io)
      case 'logs':
        return await logsCommand(command, io)
      case 'continue':
        return await continueCommand(command, io)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      line(io.stderr, `async-pr: ${error.message}`)
      line(io.stderr, 'See: async-pr --help')
      return error.exitCode
    }
    if (error instanceof CliError) {
      line(io.stderr, `async-pr: ${error.message}`)
      return error.exitCode
    }
    if (io.signal?.aborted) return EXIT.interrupted
    line(io.stderr, `async-pr: unexpected error: ${errorMessage(error)}`)
    if (io.env.ASYNC_PR_DEBUG && error instanceof Error && error.stack) line(io.stderr, error.stack)
    return EXIT.usage
  }
}
