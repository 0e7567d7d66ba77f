// The CI line of the PR's status comment: what the repository's CI said about
// the last push, and what async-pr does about it. Pure.
//
//   **CI:** ❌ 2 checks failed on abc1234 — fixing (attempt 1 of 2): test, lint
//   **CI:** ⏳ fix 1 of 2 pushed as def5678 — waiting for CI
//   **CI:** ✅ passed on def5678 after 1 fix
//   **CI:** ❌ still failing on def5678 after 2 fixes — over to you: test
//
// It sits just above the comment's hidden lines, followed by a hidden line of
// its own (`<!-- async-pr:ci {…} -->`) that says which commit it is about and
// which workflows still fail there. Both are found again only there (see
// splitHiddenTail): the state line stays last, and a cut for GitHub's size
// limit never takes the CI line.

import { shortSha } from './format.js'
import { linkUrl, plain } from './markdown.js'
import { splitHiddenTail } from './state.js'

export interface CheckLink {
  name: string
  url: string
}

export type CiLineView =
  | { kind: 'fixing'; sha: string; failed: CheckLink[]; attempt: number; of: number }
  | { kind: 'pushed'; sha: string; attempt: number; of: number }
  | { kind: 'passed'; sha: string; fixes: number }
  /** No attempts left (or none allowed): a person takes over. */
  | { kind: 'gave_up'; sha: string; failed: CheckLink[]; fixes: number }
  /** The fix run ended without pushing a fix. */
  | {
      kind: 'fix_ended'
      sha: string
      failed: CheckLink[]
      attempt: number
      of: number
      reportUrl?: string
    }

/** What the hidden line keeps: the commit the line is about, and the workflows failing on it. */
export interface CiLineState {
  v: 1
  sha: string
  failing: number[]
}

export const CI_LINE_PREFIX = '**CI:** '
const HIDDEN_PREFIX = '<!-- async-pr:ci '
const HIDDEN_SUFFIX = ' -->'
const NAMES_SHOWN = 10

export interface RepoLinks {
  /** `https://github.com/owner/repo` */
  repoUrl: string
}

function commit(sha: string, links: RepoLinks): string {
  return `[${shortSha(sha)}](${links.repoUrl}/commit/${sha})`
}

function checks(failed: CheckLink[]): string {
  const shown = failed
    .slice(0, NAMES_SHOWN)
    .map((check) =>
      check.url ? `[${plain(check.name)}](${linkUrl(check.url)})` : plain(check.name),
    )
  const more = failed.length > NAMES_SHOWN ? ` and ${failed.length - NAMES_SHOWN} more` : ''
  return shown.length > 0 ? `: ${shown.join(', ')}${more}` : ''
}

function count(failed: CheckLink[]): string {
  if (failed.length === 0) return 'failed'
  return `${failed.length} ${failed.length === 1 ? 'check' : 'checks'} failed`
}

function fixes(n: number): string {
  return `${n} ${n === 1 ? 'fix' : 'fixes'}`
}

export function renderCiLine(view: CiLineView, links: RepoLinks): string {
  const on = commit(view.sha, links)
  switch (view.kind) {
    case 'fixing':
      return `${CI_LINE_PREFIX}❌ ${count(view.failed)} on ${on} — fixing (attempt ${view.attempt} of ${view.of})${checks(view.failed)}`
    case 'pushed':
      return `${CI_LINE_PREFIX}⏳ fix ${view.attempt} of ${view.of} pushed as ${on} — waiting for CI`
    case 'passed':
      return `${CI_LINE_PREFIX}✅ passed on ${on}${view.fixes > 0 ? ` after ${fixes(view.fixes)}` : ''}`
    case 'gave_up':
      return view.fixes > 0
        ? `${CI_LINE_PREFIX}❌ still failing on ${on} after ${fixes(view.fixes)} — over to you${checks(view.failed)}`
        : `${CI_LINE_PREFIX}❌ ${count(view.failed)} on ${on} — over to you (ci_fix_attempts is 0)${checks(view.failed)}`
    case 'fix_ended': {
      const report = view.reportUrl ? ` ([report](${linkUrl(view.reportUrl)}))` : ''
      return `${CI_LINE_PREFIX}❌ ${count(view.failed)} on ${on} — fix attempt ${view.attempt} of ${view.of} ended without a fix${report} — over to you${checks(view.failed)}`
    }
  }
}

function renderHidden(state: CiLineState): string {
  // As in the state line: no `--` inside the HTML comment, and one line whatever it holds.
  const json = JSON.stringify(state).replace(
    /[-\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return HIDDEN_PREFIX + json + HIDDEN_SUFFIX
}

/** The CI line's hidden state in a status comment's body, if it has one. */
export function ciLineState(body: string): CiLineState | undefined {
  const { tail } = splitHiddenTail(body)
  const line = tail.split(/\r?\n/).find((candidate) => candidate.startsWith(HIDDEN_PREFIX))
  if (!line?.endsWith(HIDDEN_SUFFIX)) return undefined
  try {
    const parsed = JSON.parse(
      line.slice(HIDDEN_PREFIX.length, -HIDDEN_SUFFIX.length),
    ) as CiLineState
    return parsed.v === 1 && typeof parsed.sha === 'string' && Array.isArray(parsed.failing)
      ? { v: 1, sha: parsed.sha, failing: parsed.failing.filter((id) => typeof id === 'number') }
      : undefined
  } catch {
    return undefined
  }
}

/**
 * The body with its CI line set to `line` (replacing the one it had; kept
 * when `line` is undefined) and its hidden state to `state`, just above the
 * other hidden lines, which stay as they were and last.
 */
export function withCiLine(body: string, line: string | undefined, state: CiLineState): string {
  const { visible, tail } = splitHiddenTail(body)
  const entries = tail.split(/\r?\n/)
  const shown = line ?? entries.find((entry) => entry.startsWith(CI_LINE_PREFIX))
  const hidden = entries.filter(
    (entry) => entry.startsWith('<!-- async-pr:') && !entry.startsWith(HIDDEN_PREFIX),
  )
  const head = shown === undefined ? visible.trimEnd() : `${visible.trimEnd()}\n\n${shown}`
  return [head, renderHidden(state), ...hidden].join('\n')
}

/** The first line of a CI fix's own status comment: what failed, where, and which attempt this is. */
export function renderCiFixIntro(
  fix: {
    attempt: number
    maxAttempts: number
    runUrl: string
    workflowName: string
    headSha: string
    failed: CheckLink[]
  },
  links: RepoLinks,
): string {
  return `Fixing CI (attempt ${fix.attempt} of ${fix.maxAttempts}): [${plain(fix.workflowName)}](${linkUrl(fix.runUrl)}) failed on ${commit(fix.headSha, links)}${checks(fix.failed)}`
}
