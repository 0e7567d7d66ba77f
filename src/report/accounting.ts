// Turns, tokens and cost of a run, for the outputs, the report and the state
// line. The model proxy's own count comes first: agent code can forge the
// CLI's stream (its `result` line included), but not what went through the
// proxy. The stream's numbers are used only when no proxy ran (Bedrock,
// Vertex), and then said to be the CLI's. Pure.

import type { AgentSummary } from './outcome.js'

export interface Accounting {
  turns: number
  inputTokens: number
  outputTokens: number
  costUsd: number
  /** Part of the cost is a worst-case estimate (a model without a known price, say). */
  estimated: boolean
  /** Where the numbers come from. */
  source: 'proxy' | 'stream'
}

export function accountingOf(agent: AgentSummary | undefined): Accounting | undefined {
  const usage = agent?.usage
  if (usage) {
    return {
      turns: usage.turns,
      inputTokens: usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens,
      outputTokens: usage.outputTokens,
      costUsd: usage.costUsd,
      estimated: usage.estimated,
      source: 'proxy',
    }
  }
  const result = agent?.result
  if (!result) return undefined
  return {
    turns: result.numTurns,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    costUsd: result.costUsd,
    estimated: false,
    source: 'stream',
  }
}
