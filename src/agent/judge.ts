// How an agent run ended, judged from the stream (is_error, subtype,
// terminal_reason), never from the exit code alone. Pure.

import type { AgentRun } from './run.js'

export type AgentVerdict =
  | { kind: 'completed' }
  | { kind: 'limit'; reason: string; limit?: 'max_turns' | 'max_budget_usd' }
  | { kind: 'timed_out'; reason: string }
  | { kind: 'cancelled'; reason: string }
  | { kind: 'failed'; reason: string }

export interface JudgeLimits {
  timeoutMs: number
  maxTurns: number
  maxBudgetUsd?: number
}

function minutes(ms: number): string {
  const value = ms / 60_000
  return `${Number.isInteger(value) ? value : value.toFixed(1)} minute${value === 1 ? '' : 's'}`
}

export function judgeAgentRun(run: AgentRun, limits: JudgeLimits): AgentVerdict {
  if (run.spawnError) {
    return { kind: 'failed', reason: `Claude Code could not be started: ${run.spawnError}.` }
  }
  if (run.stoppedBy === 'timeout') {
    return {
      kind: 'timed_out',
      reason: `The agent was stopped after ${minutes(limits.timeoutMs)} (timeout_minutes).`,
    }
  }
  if (run.stoppedBy === 'cancelled') {
    return {
      kind: 'cancelled',
      reason: 'The job was cancelled while the agent worked.',
    }
  }
  // The proxy's own limits (its count of turns and cost, which agent code cannot forge).
  if (run.usage?.limit) {
    return { kind: 'limit', reason: run.usage.limit.reason, limit: run.usage.limit.name }
  }
  const result = run.transcript.result
  if (!result) {
    const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`
    const malformed =
      run.transcript.malformedLines > 0
        ? ` (${run.transcript.malformedLines} unreadable output lines)`
        : ''
    return { kind: 'failed', reason: `Claude Code ${how} without reporting a result${malformed}.` }
  }
  if (result.subtype === 'error_max_turns') {
    return {
      kind: 'limit',
      reason: `The agent used all ${limits.maxTurns} turns (max_turns) before finishing.`,
      limit: 'max_turns',
    }
  }
  if (result.subtype === 'error_max_budget_usd' || /budget/i.test(result.terminalReason ?? '')) {
    return {
      kind: 'limit',
      reason: `The agent reached the spending limit of $${limits.maxBudgetUsd} (max_budget_usd).`,
      limit: 'max_budget_usd',
    }
  }
  if (result.isError || result.subtype !== 'success') {
    const detail = result.text.trim() || result.terminalReason || result.subtype
    return { kind: 'failed', reason: `Claude Code reported an error: ${detail.split('\n')[0]}` }
  }
  return { kind: 'completed' }
}
