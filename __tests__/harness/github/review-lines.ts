// Where an inline review comment lands, decided as GitHub decides it: on a line of the pull
// request's diff (RIGHT: a new-file line inside a hunk, context lines included; LEFT: an old-file
// line inside a hunk), a multi-line range within one hunk, or the older diff `position`. Pure:
// the diff comes in, a placement or the reasons GitHub would give come out.

import type { DiffLine, FileDiff, Hunk } from './diff.js'

export type DiffSide = 'LEFT' | 'RIGHT'

export interface CommentTarget {
  path: string
  line?: number
  side?: DiffSide
  start_line?: number
  start_side?: DiffSide
  /** The older way: lines down from the file's first @@ header. */
  position?: number
  subject_type?: 'line' | 'file'
}

export interface Placement {
  path: string
  subject_type: 'line' | 'file'
  line: number | null
  side: DiffSide
  start_line: number | null
  start_side: DiffSide | null
  position: number | null
  /** The hunk's header and lines up to and including the commented line, as GitHub stores it. */
  diff_hunk: string
}

/** Why GitHub refuses a target; each maps to GitHub's wording per endpoint (see messages). */
export type PlacementProblem =
  | 'path_unresolved' // a line-based comment on a file the diff does not touch
  | 'path_invalid' // a position-based comment on such a file
  | 'line_not_in_diff'
  | 'start_line_not_in_hunk'
  | 'start_line_not_before_line'
  | 'position_invalid'
  | 'diff_hunk_blank'

export type PlacementResult =
  { ok: true; placement: Placement } | { ok: false; problems: PlacementProblem[] }

function lineOnSide(hunk: Hunk, line: number, side: DiffSide): DiffLine | undefined {
  return hunk.lines.find((l) =>
    side === 'RIGHT'
      ? l.kind !== 'del' && l.newLine === line
      : l.kind !== 'add' && l.oldLine === line,
  )
}

function find(
  file: FileDiff,
  line: number,
  side: DiffSide,
): { hunk: Hunk; at: DiffLine } | undefined {
  for (const hunk of file.hunks) {
    const at = lineOnSide(hunk, line, side)
    if (at) return { hunk, at }
  }
  return undefined
}

/** The hunk text GitHub keeps with a comment: its header down to the commented line. */
export function hunkUpTo(hunk: Hunk, at: DiffLine): string {
  return hunk.lines
    .filter((l) => l.position <= at.position)
    .map((l) => l.text)
    .join('\n')
}

function byPosition(file: FileDiff, position: number): { hunk: Hunk; at: DiffLine } | undefined {
  for (const hunk of file.hunks) {
    const at = hunk.lines.find((l) => l.position === position)
    if (at) return { hunk, at }
  }
  return undefined
}

export function placeComment(files: FileDiff[], target: CommentTarget): PlacementResult {
  const byPositionOnly = target.line === undefined && target.position !== undefined
  const file = files.find((f) => f.path === target.path)
  if (!file) {
    return {
      ok: false,
      problems: byPositionOnly ? ['path_invalid', 'diff_hunk_blank'] : ['path_unresolved'],
    }
  }
  if (target.subject_type === 'file') {
    const first = file.hunks[0]
    return {
      ok: true,
      placement: {
        path: file.path,
        subject_type: 'file',
        line: null,
        side: 'RIGHT',
        start_line: null,
        start_side: null,
        position: null,
        diff_hunk: first ? first.lines[0].text : '',
      },
    }
  }
  if (byPositionOnly) {
    const found = byPosition(file, target.position as number)
    if (!found || found.at.kind === 'header' || found.at.kind === 'no-newline') {
      return { ok: false, problems: ['position_invalid', 'diff_hunk_blank'] }
    }
    const side: DiffSide = found.at.kind === 'del' ? 'LEFT' : 'RIGHT'
    return {
      ok: true,
      placement: {
        path: file.path,
        subject_type: 'line',
        line: side === 'LEFT' ? found.at.oldLine : found.at.newLine,
        side,
        start_line: null,
        start_side: null,
        position: found.at.position,
        diff_hunk: hunkUpTo(found.hunk, found.at),
      },
    }
  }
  if (target.line === undefined)
    return { ok: false, problems: ['line_not_in_diff', 'diff_hunk_blank'] }

  const side = target.side ?? 'RIGHT'
  const end = find(file, target.line, side)
  const problems: PlacementProblem[] = []
  if (!end) problems.push('line_not_in_diff')
  if (target.start_line !== undefined) {
    const startSide = target.start_side ?? side
    const start = find(file, target.start_line, startSide)
    if (end && start && start.at.position >= end.at.position) {
      return { ok: false, problems: ['start_line_not_before_line'] }
    }
    if (!start || !end || start.hunk !== end.hunk) problems.push('start_line_not_in_hunk')
  }
  if (!end || problems.length > 0) {
    return { ok: false, problems: [...problems, ...(end ? [] : ['diff_hunk_blank' as const])] }
  }
  return {
    ok: true,
    placement: {
      path: file.path,
      subject_type: 'line',
      line: target.line,
      side,
      start_line: target.start_line ?? null,
      start_side: target.start_line === undefined ? null : (target.start_side ?? side),
      position: end.at.position,
      diff_hunk: hunkUpTo(end.hunk, end.at),
    },
  }
}

const REVIEW_WORDS: Record<PlacementProblem, string> = {
  path_unresolved: 'Path could not be resolved',
  path_invalid: 'Pull request review thread path is invalid',
  line_not_in_diff: 'Pull request review thread line must be part of the diff',
  start_line_not_in_hunk:
    'Pull request review thread start line must be part of the same hunk as the line.',
  start_line_not_before_line: 'Pull request review thread start line must precede the end line.',
  position_invalid: 'Pull request review thread position is invalid',
  diff_hunk_blank: "Pull request review thread diff hunk can't be blank",
}

/** Rails' to_sentence, which GitHub uses to join a review's errors into one string. */
export function toSentence(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`
  return `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`
}

/** The one string in `errors` of a rejected review (POST .../reviews). */
export function reviewErrorText(problems: PlacementProblem[]): string {
  return toSentence(problems.map((p) => REVIEW_WORDS[p]))
}

/** The `errors` objects of a rejected single comment (POST .../comments). */
export function commentFieldErrors(problems: PlacementProblem[]) {
  const field = (name: string, message: string) => ({
    resource: 'PullRequestReviewComment',
    code: 'custom' as const,
    field: `pull_request_review_thread.${name}`,
    message,
  })
  return problems
    .filter((p) => p !== 'diff_hunk_blank' || problems.length === 1)
    .map((p) => {
      switch (p) {
        case 'path_unresolved':
        case 'path_invalid':
          return field('path', 'could not be resolved')
        case 'line_not_in_diff':
          return field('line', 'could not be resolved')
        case 'start_line_not_in_hunk':
          return field(
            'start_line',
            'pull_request_review_thread.start_line must be part of the same hunk as the line.',
          )
        case 'start_line_not_before_line':
          return field(
            'start_line',
            'pull_request_review_thread.start_line must precede the end line.',
          )
        case 'position_invalid':
          return field('position', 'is invalid')
        case 'diff_hunk_blank':
          return {
            resource: 'PullRequestReviewComment',
            code: 'missing_field' as const,
            field: 'pull_request_review_thread.diff_hunk',
          }
      }
    })
}
