// Where the run is and what started it (repository, event and its payload, run
// id and attempt, API and server URLs), as @actions/github's `context` reads
// them from the runner. Only the fields async-pr uses are named here, so a test
// can hand settings a context built from its own environment, and the event →
// task mapping (src/event.ts) stays ours.

import { context } from '@actions/github'

export type RunContext = Pick<
  typeof context,
  'eventName' | 'payload' | 'runId' | 'runAttempt' | 'apiUrl' | 'serverUrl' | 'repo'
>

/** The toolkit's context of this job (read once, when the toolkit is loaded). */
export function actionContext(): RunContext {
  return context
}
