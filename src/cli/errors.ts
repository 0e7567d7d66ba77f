// Exit codes and the one error type the CLI reports to a person: each message
// says what went wrong and what to do about it.

/** What the process exit code means; documented in docs/cli.md. */
export const EXIT = {
  /** The command did its job; for watch/result: the run succeeded (or needed no changes). */
  ok: 0,
  /** The run ended without doing the task: failure, timed_out, cancelled or skipped. */
  runFailed: 1,
  /** Usage or configuration error, or GitHub refused: nothing was learned about the run. */
  usage: 2,
  /** The run has not ended yet (watch gave up at --timeout, or result asked too early). */
  pending: 3,
  /** Interrupted with Ctrl-C. */
  interrupted: 130,
} as const

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Misuse of the command line; the message is followed by a pointer to --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage)
    this.name = 'UsageError'
  }
}
