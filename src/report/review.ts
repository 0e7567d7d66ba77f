// The reviewer's findings as they land on GitHub: one pull request review
// whose inline comments sit on lines of the diff, and whose body carries the
// verdict and the findings that are not on such a line. Everything the
// reviewer wrote is someone else's text: escaped here, redacted at the edge. Pure.

import type { Finding, ReviewAnswer } from '../stages/review-answer.js'
import { codeSpan, inline, quote } from './markdown.js'

const SEVERITY_MARK: Record<Finding['severity'], string> = {
  blocking: '🔴 blocking',
  major: '🟠 major',
  minor: '🟡 minor',
}

export function findingComment(finding: Finding): string {
  return [
    `**${SEVERITY_MARK[finding.severity]}:** ${inline(finding.what)}`,
    '',
    quote(finding.why),
    '',
    '<sub>From async-pr’s automated review (a read-only Claude Code session).</sub>',
  ].join('\n')
}

export function findingLine(finding: Finding): string {
  const where = finding.path
    ? codeSpan(finding.line ? `${finding.path}:${finding.line}` : finding.path)
    : '_the change as a whole_'
  return `- ${SEVERITY_MARK[finding.severity]} ${where}: ${inline(finding.what)} — ${inline(finding.why)}`
}

export function reviewBody(
  answer: ReviewAnswer,
  elsewhere: Finding[],
  inlineCount: number,
  runUrl: string,
): string {
  const total = answer.findings.length
  const plural = total === 1 ? '' : 's'
  const verdict =
    answer.verdict === 'approved'
      ? `✅ The reviewer approves this change${total > 0 ? `, with ${total} finding${plural} worth a look` : ''}.`
      : `❌ The reviewer asks for changes: ${total} finding${plural}.`
  const lines = [`### async-pr review`, '', verdict, '']
  if (inlineCount > 0) {
    const which =
      inlineCount === total ? (total === 1 ? 'It is' : 'They are') : `${inlineCount} of them are`
    lines.push(`${which} on lines of the diff, below.`, '')
  }
  if (elsewhere.length > 0) {
    lines.push(
      inlineCount > 0 ? 'These are not on a line of the diff:' : 'The findings:',
      '',
      ...elsewhere.map(findingLine),
      '',
    )
  }
  lines.push(
    `<sub>An automated review by a separate, read-only Claude Code session ([workflow run](${runUrl})); a person decides.</sub>`,
  )
  return lines.join('\n')
}
