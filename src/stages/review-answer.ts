// The reviewer's answer: the JSON shape Claude Code is asked for
// (`--json-schema`), and its reading here, which trusts nothing it has not
// checked. An answer that does not fit is not a review, and never an approval.
// Pure.

export type Verdict = 'approved' | 'changes_requested'
export type Severity = 'blocking' | 'major' | 'minor'

export interface Finding {
  /** Relative to the repository root; '' for a finding about the change as a whole. */
  path: string
  /** A line of the file after the change, when the finding is about one. */
  line?: number
  severity: Severity
  what: string
  why: string
}

export interface ReviewAnswer {
  verdict: Verdict
  findings: Finding[]
}

const SEVERITIES: Severity[] = ['blocking', 'major', 'minor']

export const REVIEW_SCHEMA = {
  type: 'object',
  properties: {
    verdict: {
      type: 'string',
      enum: ['approved', 'changes_requested'],
      description: 'approved: nothing needs to change before this is merged',
    },
    findings: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'file path relative to the repository root' },
          line: { type: 'integer', minimum: 1, description: 'line in the changed file' },
          severity: { type: 'string', enum: SEVERITIES },
          what: { type: 'string', description: 'what is wrong' },
          why: { type: 'string', description: 'why it matters' },
        },
        required: ['path', 'severity', 'what', 'why'],
        additionalProperties: false,
      },
    },
  },
  required: ['verdict', 'findings'],
  additionalProperties: false,
} as const

const MAX_FINDINGS = 50
const MAX_TEXT = 2000
const MAX_PATH = 500

function text(value: unknown, limit: number): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed.length > limit ? `${trimmed.slice(0, limit - 1)}…` : trimmed
}

function finding(value: unknown): Finding | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const raw = value as Record<string, unknown>
  const path = text(raw.path, MAX_PATH)
  const what = text(raw.what, MAX_TEXT)
  const why = text(raw.why, MAX_TEXT)
  const severity = raw.severity
  if (path === undefined || !what || why === undefined) return undefined
  if (!SEVERITIES.includes(severity as Severity)) return undefined
  const line =
    typeof raw.line === 'number' && Number.isInteger(raw.line) && raw.line > 0
      ? raw.line
      : undefined
  // A path that climbs out of the repository, or is absolute, is not a place in the diff.
  const clean = path.replace(/^\.\//, '')
  const outside = clean.startsWith('/') || clean.split('/').includes('..')
  return {
    path: outside ? '' : clean,
    line: outside ? undefined : line,
    severity: severity as Severity,
    what,
    why,
  }
}

/** The structured answer, checked; undefined when it is not a review. */
export function readReviewAnswer(structured: unknown): ReviewAnswer | undefined {
  if (typeof structured !== 'object' || structured === null) return undefined
  const raw = structured as Record<string, unknown>
  if (raw.verdict !== 'approved' && raw.verdict !== 'changes_requested') return undefined
  if (!Array.isArray(raw.findings) || raw.findings.length > MAX_FINDINGS) return undefined
  const findings = raw.findings.map(finding)
  if (findings.some((f) => f === undefined)) return undefined
  return { verdict: raw.verdict, findings: findings as Finding[] }
}

/** What an unreadable review counts as: changes requested, saying so. */
export function unreadableReview(why: string): ReviewAnswer {
  return {
    verdict: 'changes_requested',
    findings: [
      {
        path: '',
        severity: 'blocking',
        what: 'The review could not be read',
        why: `${why} A person needs to review this change.`,
      },
    ],
  }
}
