// What a run ended with: the one value the report, the outputs and the job
// summary are all rendered from.

import type { ProxyUsage } from '../agent/proxy-ledger.js'
import type { AgentResult, ToolCall, Todo, PermissionDenial } from '../agent/transcript.js'
import type { Task } from '../event.js'
import type { CommitInfo, FileChange } from '../git/commit.js'
import type { HoldBack } from '../git/guard.js'
import type { Recovery } from '../run/recover.js'
import type { ContinuationNote } from '../stages/finish.js'
import type { Finding, Verdict } from '../stages/review-answer.js'
import type { Exclusion } from '../git/snapshot.js'
import type { SteeringNote } from './steering.js'
import type { ThreadsSummary } from './thread-reply.js'

export type Conclusion =
  'success' | 'no_changes' | 'skipped' | 'failure' | 'timed_out' | 'cancelled'

/** What the agent did, as the report needs it. */
export interface AgentSummary {
  result?: AgentResult
  todos: Todo[]
  toolCalls: ToolCall[]
  toolCallCount: number
  lastText?: string
  sessionId?: string
  wallMs: number
  denials: PermissionDenial[]
  /** What the model proxy counted (absent when no proxy ran): the numbers to trust. */
  usage?: ProxyUsage
  /** What each of the worker's sessions reported at its end, oldest first. */
  reports?: string[]
}

export interface RunLinks {
  runUrl: string
  serverUrl: string
}

export interface Outcome {
  conclusion: Conclusion
  task: Task
  links: RunLinks
  /** Why it failed, stopped or was skipped, in words a person can act on. */
  reason?: string
  agent?: AgentSummary
  /** New commits on the branch, oldest first (the agent's and ours). */
  commits: CommitInfo[]
  files: FileChange[]
  /** Paths the agent changed that were not pushed: CI code (unless allowed) and .gitmodules. */
  heldBack?: Array<{ path: string; why: HoldBack }>
  /** Paths left out of the commits: secret-shaped, too large, unreadable, special files. */
  excluded?: Exclusion[]
  /** Repositories inside the tree whose files were committed as content. */
  nestedRepos?: string[]
  /** The branch the work was pushed to, when it was pushed. */
  pushedTo?: string
  /** Set when the work went to a fallback branch instead of the PR's: why. */
  fallbackReason?: string
  /** The branch tip the commits were rebased onto, when the branch had moved. */
  rebasedOnto?: string
  commitSha?: string
  /** Every session of the run (worker, fixes, reviewer). */
  sessions?: SessionSummary[]
  verification?: VerificationSummary
  review?: ReviewSummary
  /** Fix rounds of either kind. */
  rounds?: number
  /** Work this run recovered from a run whose runner was lost. */
  recovery?: Recovery
  /** For a run that stopped on a limit other than its time: which. */
  stoppedBy?: 'max_turns' | 'max_budget_usd'
  /** Where the run stands in a chain of continuations, and whether it started the next. */
  continuation?: ContinuationNote
  /** How a person picks up a run that stopped early: the comment to write, and whether it resumes the session. */
  handover?: { command: string; resumes: boolean }
  /** What the runs this one continues spent before it. */
  spentBeforeUsd?: number
  /** Comments from the PR that reached the run while it worked (steering, a stop). */
  steering?: SteeringNote[]
  /** A follow-up's review threads: how many were answered and resolved. */
  threads?: ThreadsSummary
}

/** One Claude Code session of the run, for the per-session breakdown. */
export interface SessionSummary {
  kind: 'worker' | 'fix' | 'review' | 'report'
  label: string
  wallMs: number
  turns: number
  inputTokens: number
  outputTokens: number
  costUsd: number
  /** What the session reported at its end (the agent's words). */
  summary?: string
}

/** One verify command as it last ran. */
export interface CheckSummary {
  command: string
  passed: boolean
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  durationMs: number
  /** Its last lines of output (someone else's text: escaped where shown). */
  tail: string[]
  lineCount: number
}

export interface VerificationSummary {
  result: 'passed' | 'failed' | 'not_run'
  /** The commands of the last attempt, in order. */
  checks: CheckSummary[]
  /** How many times the commands ran. */
  attempts: number
}

export interface ReviewSummary {
  verdict: Verdict
  findings: Finding[]
  /** False when the reviewer's answer could not be read (it then counts as changes requested). */
  readable: boolean
  /** How many reviews ran. */
  reviews: number
  /** The pull request review the findings were posted as. */
  url?: string
}
