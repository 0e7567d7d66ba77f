// Outcome -> the markdown of the status comment. Pure.
//
// The first line tells the outcome; then the agent's own summary, quoted;
// then what changed, what was refused, and what it cost. Everything someone
// else wrote (the agent, a writer, a file's name) is escaped for where it
// lands (./markdown.ts), so nothing in it can pose as the action's own
// heading or hidden line, hide the report, or notify people.

import { accountingOf } from './accounting.js'
import { renderReview, renderRounds, renderSessions, renderVerification } from './checks.js'
import { renderChain, renderHandover } from './handover.js'
import { describeToolCall, ruleToAllow } from './describe.js'
import { formatCost, formatDuration, formatTokens, shortSha } from './format.js'
import { codeSpan, inline, linkUrl, plain, prose, quote, tableCell, urlPath } from './markdown.js'
import type { Conclusion, Outcome, RunLinks } from './outcome.js'
import type { Task } from '../event.js'
import { judgeCriteria } from './criteria.js'
import { ciFixIntro, renderProgress } from './progress.js'
import { renderState } from './state.js'
import { renderSteering } from './steering.js'
import { renderThreadsSummary } from './thread-reply.js'

const HEADLINES: Record<Conclusion, string> = {
  success: '✅ async-pr finished the task',
  no_changes: '☑️ async-pr finished: no changes were needed',
  skipped: '⏭️ async-pr skipped this pull request',
  failure: '❌ async-pr could not finish the task',
  timed_out: '⏱️ async-pr stopped: time limit reached',
  cancelled: '🛑 async-pr was cancelled',
}

/** The first line: the conclusion, and what is left for a person when the checks say so. */
function headline(outcome: Outcome): string {
  const findings = outcome.review?.findings.length ?? 0
  if (outcome.conclusion === 'success' && outcome.review?.verdict === 'changes_requested') {
    return `✅ async-pr finished — the review left ${findings} finding${findings === 1 ? '' : 's'} for you`
  }
  if (outcome.conclusion === 'failure' && outcome.verification?.result === 'failed') {
    return '❌ async-pr finished, but a check still fails'
  }
  if (outcome.conclusion === 'timed_out' && outcome.stoppedBy) {
    return `⏱️ async-pr stopped: ${outcome.stoppedBy === 'max_turns' ? 'turn' : 'budget'} limit reached`
  }
  return HEADLINES[outcome.conclusion]
}

const FILES_SHOWN = 50
const TIMELINE_SHOWN = 100

/** The comment as first posted, before the agent has done anything. */
export function renderWorking(task: Task, links: RunLinks): string {
  return renderProgress(task, links, {
    phase: 'starting',
    todos: [],
    recent: [],
    toolCallCount: 0,
    elapsedMs: 0,
  })
}

/** When the branch already has this task's commits (a re-run, a reopened PR). */
export function renderAlreadyDone(task: Task, links: RunLinks, deliveredBy: string): string {
  return [
    '### ☑️ async-pr: this task is already done',
    '',
    `The branch ${codeSpan(task.headRef)} already has this task's commits (${plain(deliveredBy)}), so nothing was run again.`,
    'To ask for more, comment `/async-pr <instruction>` on this PR.',
    '',
    `<sub>[workflow run](${links.runUrl})</sub>`,
    '',
    renderState({ v: 1, state: 'skipped', runUrl: links.runUrl, branch: task.headRef }),
  ].join('\n')
}

export function renderFinal(outcome: Outcome, options: { timelineLimit?: number } = {}): string {
  const { task, links, agent } = outcome
  const lines: string[] = [`### ${headline(outcome)}`, '']
  if (task.followUp) {
    const first = task.followUp.instruction.split('\n')[0] ?? ''
    lines.push(
      `Follow-up to [this ${task.followUp.source === 'review' ? 'review' : 'instruction'}](${linkUrl(task.followUp.commentUrl)}): _${plain(first.slice(0, 200))}_`,
      '',
    )
  }
  if (task.ciFix) lines.push(ciFixIntro(task, links.serverUrl), '')
  if (outcome.reason) lines.push(prose(outcome.reason), '')
  lines.push(...renderChain(outcome))

  const summary =
    agent?.result?.text?.trim() || (outcome.conclusion !== 'success' ? agent?.lastText : undefined)
  if (summary) {
    // Quoted: whatever it says, it cannot pose as the action's own words.
    if (!agent?.result?.text?.trim()) lines.push('**Last message from the agent:**', '')
    lines.push(quote(summary), '')
  }

  if (outcome.steering?.length) lines.push(...renderSteering(outcome.steering), '')

  lines.push(...renderRounds(outcome), ...renderVerification(outcome), ...renderReview(outcome))
  lines.push(...renderHandover(outcome))
  if (outcome.threads) lines.push(...renderThreadsSummary(outcome.threads))

  if (outcome.pushedTo && outcome.commits.length > 0) {
    const repoUrl = `${links.serverUrl}/${task.owner}/${task.repo}`
    const branchUrl = `${repoUrl}/tree/${urlPath(outcome.pushedTo)}`
    if (outcome.fallbackReason) {
      lines.push(
        `**The work is safe on a new branch, [${codeSpan(outcome.pushedTo)}](${branchUrl})** — [compare it with ${codeSpan(task.headRef)}](${repoUrl}/compare/${urlPath(task.headRef)}...${urlPath(outcome.pushedTo)}).`,
        '',
      )
    } else {
      lines.push(`**Pushed to [${codeSpan(outcome.pushedTo)}](${branchUrl})**`, '')
      if (outcome.rebasedOnto) {
        lines.push(
          `The branch moved while the agent worked; its commits were rebased onto \`${shortSha(outcome.rebasedOnto)}\`.`,
          '',
        )
      }
    }
    for (const commit of outcome.commits) {
      const url = `${repoUrl}/commit/${commit.sha}`
      lines.push(`- [${codeSpan(shortSha(commit.sha))}](${url}) ${inline(commit.subject)}`)
    }
    lines.push('')
  }

  if (outcome.files.length > 0) {
    lines.push(`<details><summary><b>Files changed (${outcome.files.length})</b></summary>`, '')
    lines.push('| File | + | − |', '| --- | ---: | ---: |')
    for (const file of outcome.files.slice(0, FILES_SHOWN)) {
      lines.push(
        `| ${tableCell(codeSpan(file.path))} | ${file.added ?? 'bin'} | ${file.removed ?? 'bin'} |`,
      )
    }
    if (outcome.files.length > FILES_SHOWN)
      lines.push(`| …and ${outcome.files.length - FILES_SHOWN} more | | |`)
    lines.push('', '</details>', '')
  }

  const workflow = outcome.heldBack?.filter((entry) => entry.why === 'workflow') ?? []
  const submodules = outcome.heldBack?.filter((entry) => entry.why === 'submodules') ?? []
  if (workflow.length > 0) {
    lines.push(
      '**Held back:** the repository’s CI runs these as code (workflows and the local actions they use), so they were changed by the agent but not pushed, because `allow_workflow_changes` is off:',
      '',
      ...workflow.map((entry) => `- ${codeSpan(entry.path)}`),
      '',
    )
  }
  if (submodules.length > 0) {
    lines.push(
      '**Held back:** `.gitmodules` names URLs and commands that other people’s git runs; async-pr never pushes a change to it.',
      '',
    )
  }
  const unreadable =
    outcome.excluded?.filter((e) => e.why === 'special' || e.why === 'unreadable') ?? []
  if (unreadable.length > 0) {
    lines.push(
      '**Not pushed:** these paths could not be taken as files:',
      '',
      ...unreadable.slice(0, FILES_SHOWN).map((e) => `- ${codeSpan(e.path)} (${plain(e.detail)})`),
      '',
    )
  }
  if (outcome.nestedRepos?.length) {
    lines.push(
      `**Nested repositories:** ${outcome.nestedRepos.map((dir) => codeSpan(`${dir}/`)).join(', ')} held a \`.git\` of their own (a clone, say); their files were committed as plain files, without that \`.git\`.`,
      '',
    )
  }

  // The latest report of a criterion wins: a fix round may have checked one off.
  const reports = agent?.reports?.length ? [...agent.reports].reverse().join('\n') : undefined
  const criteria = judgeCriteria(task.body, reports ?? agent?.result?.text ?? agent?.lastText ?? '')
  if (criteria.length > 0 && !task.followUp && !task.ciFix) {
    lines.push('**Acceptance criteria** (from the task; as the agent reports them)', '')
    for (const criterion of criteria) {
      const mark = criterion.done === true ? '✅' : criterion.done === false ? '❌' : '❔'
      const note = criterion.done === undefined ? ' _(not reported)_' : ''
      lines.push(`- ${mark} ${inline(criterion.text)}${note}`)
    }
    lines.push('')
  }

  if (agent?.todos.length) {
    lines.push('**Checklist**', '')
    for (const todo of agent.todos) {
      lines.push(`- [${todo.status === 'completed' ? 'x' : ' '}] ${inline(todo.content)}`)
    }
    lines.push('')
  }

  if (agent?.denials.length) {
    lines.push('**Not allowed:** the agent asked for these, and the run refused them.', '')
    lines.push('| Tool call | Add to `allowed_tools` to allow it |', '| --- | --- |')
    const seen = new Set<string>()
    for (const denial of agent.denials) {
      const rule = ruleToAllow(denial)
      const key = `${denial.toolName}\0${denial.detail}`
      if (seen.has(key)) continue
      seen.add(key)
      const call = denial.detail
        ? `${plain(denial.toolName)} ${codeSpan(denial.detail)}`
        : plain(denial.toolName)
      lines.push(`| ${tableCell(call)} | ${tableCell(codeSpan(rule))} |`)
    }
    lines.push('')
  }

  const refusals = agent?.usage?.refusals ?? []
  if (refusals.length > 0) {
    lines.push(
      `**Refused by the model proxy:** ${agent?.usage?.refused ?? refusals.length} request(s) outside what this run may send to the model API (its endpoints, \`model\`, \`max_budget_usd\`, \`max_turns\`).`,
      '',
      ...refusals
        .slice(0, 10)
        .map(
          (refusal) =>
            `- ${codeSpan(`${refusal.method} ${refusal.target}`)}: ${plain(refusal.reason)}`,
        ),
      '',
    )
  }

  lines.push(statsLine(outcome), '', ...renderSessions(outcome.sessions))

  if (agent && agent.toolCallCount > 0) {
    const limit = options.timelineLimit ?? TIMELINE_SHOWN
    const shown = agent.toolCalls.slice(-limit)
    const hidden = agent.toolCallCount - shown.length
    lines.push('', `<details><summary>Timeline (${agent.toolCallCount} tool calls)</summary>`, '')
    if (hidden > 0) lines.push(`- …${hidden} earlier calls (see the job summary)`)
    for (const call of shown) lines.push(`- ${describeToolCall(call)}`)
    lines.push('', '</details>')
  }
  lines.push(
    '',
    renderState({
      v: 1,
      state: outcome.conclusion,
      runUrl: links.runUrl,
      branch: outcome.pushedTo ?? task.headRef,
      commitSha: outcome.commitSha,
      sessionId: agent?.result?.sessionId || agent?.sessionId,
      costUsd: accountingOf(agent)?.costUsd,
      numTurns: accountingOf(agent)?.turns,
      instructionId: task.followUp?.source ? undefined : task.followUp?.commentId,
      chainCostUsd:
        outcome.spentBeforeUsd || outcome.continuation
          ? Math.round(
              ((outcome.spentBeforeUsd ?? 0) + (accountingOf(agent)?.costUsd ?? 0)) * 1e6,
            ) / 1e6
          : undefined,
      continuation: outcome.continuation?.number || undefined,
      dispatched: outcome.continuation?.dispatched ? true : undefined,
      reviewVerdict: outcome.review?.verdict,
      steered: outcome.steering?.length
        ? outcome.steering.map((note) => note.commentId)
        : undefined,
    }),
  )
  return lines.join('\n')
}

function statsLine(outcome: Outcome): string {
  const parts: string[] = []
  const counted = accountingOf(outcome.agent)
  if (counted) {
    parts.push(`${counted.turns} turns`)
    parts.push(formatDuration(outcome.agent?.result?.durationMs || outcome.agent?.wallMs || 0))
    parts.push(
      `${formatTokens(counted.inputTokens)} tokens in, ${formatTokens(counted.outputTokens)} out`,
    )
    const note = counted.source === 'stream' ? ' (Claude Code’s count)' : ''
    parts.push(`${counted.estimated ? '≈ ' : ''}${formatCost(counted.costUsd)}${note}`)
  } else if (outcome.agent) {
    parts.push(formatDuration(outcome.agent.wallMs))
  }
  const session = outcome.agent?.result?.sessionId || outcome.agent?.sessionId
  // The transcript keeps only a well-formed one (a UUID); a forged one is dropped.
  if (session) parts.push(`session ${codeSpan(session)}`)
  else if (outcome.agent) parts.push('no session id from Claude Code')
  parts.push(`[workflow run](${outcome.links.runUrl})`)
  return `<sub>${parts.join(' · ')}</sub>`
}
