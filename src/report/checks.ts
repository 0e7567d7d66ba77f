// The Verification and Review sections of the final report, and the
// per-session breakdown of turns, tokens and cost. Pure.

import type { Task } from '../event.js'
import { formatCost, formatDuration, formatTokens } from './format.js'
import { codeBlock, codeSpan, inline, linkUrl, quote, tableCell, urlPath } from './markdown.js'
import type { CheckSummary, Outcome, ReviewSummary, SessionSummary } from './outcome.js'
import { findingLine } from './review.js'

function checkLine(check: CheckSummary): string {
  const mark = check.passed ? '✅' : '❌'
  const how = check.passed
    ? ''
    : check.timedOut
      ? ' · stopped: past its time limit'
      : check.signal
        ? ` · killed by ${check.signal}`
        : ` · exit ${check.exitCode}`
  return `- ${mark} ${codeSpan(check.command)}${how} · ${formatDuration(check.durationMs)}`
}

export function renderVerification(outcome: Outcome): string[] {
  const verification = outcome.verification
  if (!verification || verification.result === 'not_run') return []
  const fixes = verification.attempts - 1
  const title =
    verification.result === 'passed'
      ? `**Verification** ✅ passed${fixes > 0 ? ` after ${fixes} fix round${fixes === 1 ? '' : 's'}` : ''}`
      : `**Verification** ❌ failed${fixes > 0 ? ` after ${fixes} fix attempt${fixes === 1 ? '' : 's'}` : ''}`
  const lines = [title, '', ...verification.checks.map(checkLine), '']
  const failed = verification.checks.find((check) => !check.passed)
  if (failed) {
    const shown =
      failed.lineCount > failed.tail.length
        ? `the last ${failed.tail.length} of ${failed.lineCount} lines`
        : `${failed.lineCount} line${failed.lineCount === 1 ? '' : 's'}`
    lines.push(
      `<details><summary>Output of ${codeSpan(failed.command)} (${shown})</summary>`,
      '',
      codeBlock(failed.tail.join('\n')),
      '',
      '</details>',
      '',
    )
  }
  return lines
}

function findingLink(
  task: Task,
  serverUrl: string,
  commitSha: string | undefined,
  line: string,
  path: string,
  at?: number,
): string {
  if (!path || !commitSha) return line
  const url = linkUrl(
    `${serverUrl}/${urlPath(task.owner)}/${urlPath(task.repo)}/blob/${commitSha}/${path.split('/').map(urlPath).join('/')}${at ? `#L${at}` : ''}`,
  )
  return `${line} ([view](${url}))`
}

export function renderReview(outcome: Outcome): string[] {
  const review: ReviewSummary | undefined = outcome.review
  if (!review) return []
  const count = review.findings.length
  const reviews = `${review.reviews} review${review.reviews === 1 ? '' : 's'}`
  const link = review.url ? ` · [the review on this PR](${linkUrl(review.url)})` : ''
  const title =
    review.verdict === 'approved'
      ? `**Review** ✅ approved (${reviews})${link}`
      : `**Review** ❌ changes requested: ${count} finding${count === 1 ? '' : 's'} left (${reviews})${link}`
  const lines = [title, '']
  if (!review.readable)
    lines.push('_The reviewer’s answer could not be read, so it counts as changes requested._', '')
  for (const finding of review.findings) {
    lines.push(
      findingLink(
        outcome.task,
        outcome.links.serverUrl,
        outcome.commitSha,
        findingLine(finding),
        finding.path,
        finding.line,
      ),
    )
  }
  if (count > 0) lines.push('')
  return lines
}

export function renderSessions(sessions: SessionSummary[] | undefined): string[] {
  if (!sessions || sessions.length < 2) return []
  const lines = [
    `<details><summary>Sessions (${sessions.length}): turns, tokens and cost of each</summary>`,
    '',
    '| Session | Turns | Tokens in | Tokens out | Cost | Time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const session of sessions) {
    lines.push(
      `| ${tableCell(inline(session.label))} | ${session.turns} | ${formatTokens(session.inputTokens)} | ${formatTokens(session.outputTokens)} | ${formatCost(session.costUsd)} | ${formatDuration(session.wallMs)} |`,
    )
  }
  lines.push('', '</details>', '')
  return lines
}

/** The fix rounds, each with what the agent said it changed (its own words, quoted). */
export function renderRounds(outcome: Outcome): string[] {
  const fixes = outcome.sessions?.filter((session) => session.kind === 'fix') ?? []
  if (fixes.length === 0) return []
  const lines = ['**Fix rounds**', '']
  for (const fix of fixes) {
    lines.push(`- ${inline(fix.label)}`)
    if (fix.summary) lines.push('', quote(fix.summary).replace(/^/gm, '  '))
  }
  lines.push('')
  return lines
}
