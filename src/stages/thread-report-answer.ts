// The worker's report on the review threads it was given: the JSON shape
// Claude Code is asked for (`--json-schema`), and its reading here. An answer
// that does not fit is no report at all: it resolves nothing, and nothing is
// guessed from prose. Pure.

export interface ThreadAnswer {
  /** The thread's id in the prompt (T1, T2, …). */
  id: string
  addressed: boolean
  /** Addressed: what changed for it. Not addressed: why not. */
  what: string
}

export function threadReportSchema(ids: readonly string[]) {
  return {
    type: 'object',
    properties: {
      threads: {
        type: 'array',
        maxItems: ids.length,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', enum: [...ids], description: 'the thread id (T1, T2, …)' },
            addressed: {
              type: 'boolean',
              description: 'true when your change does what the thread asks',
            },
            what: {
              type: 'string',
              description:
                'addressed: what you changed for it, in a sentence or two; not addressed: why not',
            },
          },
          required: ['id', 'addressed', 'what'],
          additionalProperties: false,
        },
      },
    },
    required: ['threads'],
    additionalProperties: false,
  } as const
}

const MAX_TEXT = 2000

/** The structured answer, checked against the threads asked about; undefined when it is not a report. */
export function readThreadReport(
  structured: unknown,
  ids: readonly string[],
): ThreadAnswer[] | undefined {
  if (typeof structured !== 'object' || structured === null) return undefined
  const threads = (structured as { threads?: unknown }).threads
  if (!Array.isArray(threads) || threads.length > ids.length) return undefined
  const answers: ThreadAnswer[] = []
  for (const entry of threads) {
    if (typeof entry !== 'object' || entry === null) return undefined
    const { id, addressed, what } = entry as Record<string, unknown>
    if (typeof id !== 'string' || !ids.includes(id)) return undefined
    if (answers.some((answer) => answer.id === id)) return undefined
    if (typeof addressed !== 'boolean' || typeof what !== 'string' || !what.trim()) return undefined
    const text = what.trim()
    answers.push({
      id,
      addressed,
      what: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text,
    })
  }
  return answers
}
