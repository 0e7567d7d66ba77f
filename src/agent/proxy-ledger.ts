// The model proxy's own account of a run: which model it may use, how many turns and
// how much money it has spent, and the limits that refuse what comes after. The
// agent's code can call the proxy too (it holds the run's dummy key), and the CLI's
// stream can be forged, so these numbers come only from what passed through the proxy.
// Pure: requests and their outcomes in, decisions and totals out.

import { costUsd, isPricier, pricesFor, type TokenUsage } from './pricing.js'
import type { ModelRequest, Refusal } from './proxy-request.js'
import type { UsageReading } from './usage-stream.js'

export interface ProxyLimits {
  /**
   * The `model` input. A full model id is required of every request; an alias
   * (`sonnet`, `opus[1m]`, ...) is resolved by the CLI, so the first request's model
   * is then required of every later one.
   */
  model?: string
  maxBudgetUsd?: number
  /** Requests that offer tools are turns; beyond this many the proxy refuses them. */
  maxTurns?: number
  /** A ceiling on `max_tokens`; default the most any current model writes (128k). */
  maxOutputTokens?: number
}

export interface ProxyRefusalRecord {
  method: string
  /** As the client sent it, cut to 200 characters: untrusted text. */
  target: string
  reason: string
}

export interface ProxyUsage {
  /** Requests forwarded to the model API. */
  requests: number
  /** Requests the proxy refused. */
  refused: number
  /** Forwarded requests that offered tools (what --max-turns counts), subagents' included. */
  turns: number
  /** Forwarded Messages requests without tools (for example WebFetch's summaries). */
  sideRequests: number
  inputTokens: number
  outputTokens: number
  cacheCreationInputTokens: number
  cacheReadInputTokens: number
  costUsd: number
  /** Some of costUsd is a worst-case estimate: usage that never arrived, or a model not in the price table. */
  estimated: boolean
  /** Models the forwarded requests named, in first-use order. */
  models: string[]
  /** The limit that made the proxy refuse requests: why the run ended, if it did. */
  limit?: { name: 'max_budget_usd' | 'max_turns'; reason: string }
  /** The first refusals, for the report. */
  refusals: ProxyRefusalRecord[]
}

/** How a forwarded request ended. */
export type Outcome =
  /** The API answered 2xx and the client took the whole answer. */
  | { kind: 'answered'; reading: UsageReading }
  /** The API answered with an error status, or not at all: nothing was generated. */
  | { kind: 'rejected' }
  /** The API broke off mid-answer (the CLI retries: not the agent's doing). */
  | { kind: 'cut'; reading: UsageReading }
  /** The client went away mid-answer: the model may have written up to max_tokens. */
  | { kind: 'abandoned'; reading: UsageReading }

export interface Ticket {
  request: ModelRequest
  countedAs: 'turn' | 'side' | 'none'
}

/** The largest `max_tokens` Claude Code 2.1.329 sends (its 5.5 models' whole output). */
export const DEFAULT_MAX_OUTPUT_TOKENS = 128_000
/** Tool-less requests allowed per turn: WebFetch summaries, a few per turn at most. */
export const SIDE_REQUESTS_PER_TURN = 10
const KEPT_REFUSALS = 20

const ALIAS = /^(default|best|sonnet|opus|haiku|fable|mythos|opusplan)(\[[^\]]*\])?$/i

/** `claude-sonnet-4-5[1m]` is sent as `claude-sonnet-4-5` (the suffix becomes a beta header). */
const sentAs = (model: string): string => model.trim().replace(/\[[^\]]*\]$/, '')

/** Tokens of a prompt whose usage never arrived: a token is rarely shorter than 3 bytes. */
const promptEstimate = (request: ModelRequest): number => Math.ceil(request.receivedBytes / 3)

const money = (usd: number): string => `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`

export class ProxyLedger {
  private readonly limits: ProxyLimits
  private readonly maxOutputTokens: number
  /** The model every request must name, and whether a cheaper known model may stand in. */
  private lock: { model: string; cheaperAllowed: boolean; source: string } | undefined
  private readonly totals: ProxyUsage = {
    requests: 0,
    refused: 0,
    turns: 0,
    sideRequests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
    costUsd: 0,
    estimated: false,
    models: [],
    refusals: [],
  }

  constructor(limits: ProxyLimits = {}) {
    this.limits = limits
    this.maxOutputTokens = limits.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS
    if (limits.model && !ALIAS.test(limits.model.trim())) {
      this.lock = { model: sentAs(limits.model), cheaperAllowed: false, source: 'the model input' }
    }
  }

  /** Whether the request may go upstream; a turn or side request is counted at once. */
  admit(request: ModelRequest): Ticket | Refusal {
    const modelProblem = this.checkModel(request.model)
    if (modelProblem) return modelProblem
    if (request.maxTokens !== undefined && request.maxTokens > this.maxOutputTokens) {
      return {
        status: 403,
        type: 'permission_error',
        reason: `max_tokens ${request.maxTokens} is above the proxy's ceiling of ${this.maxOutputTokens}`,
      }
    }
    const counted = request.endpoint === 'count_tokens' ? 'none' : this.checkLimits(request)
    if (typeof counted === 'object') return counted
    this.lock ??= {
      model: sentAs(request.model),
      cheaperAllowed: !this.limits.model,
      source: this.limits.model
        ? 'the model input, as the CLI resolved it'
        : "the run's first request",
    }
    const totals = this.totals
    totals.requests++
    if (counted === 'turn') totals.turns++
    if (counted === 'side') totals.sideRequests++
    if (!totals.models.includes(request.model)) totals.models.push(request.model)
    return { request, countedAs: counted }
  }

  settle(ticket: Ticket, outcome: Outcome): void {
    const { request } = ticket
    const upstreamFailed =
      outcome.kind === 'rejected' ||
      outcome.kind === 'cut' ||
      (outcome.kind === 'answered' && outcome.reading.readable && !outcome.reading.complete)
    // A request the API failed generated nothing the run can use; the CLI sends it again.
    if (upstreamFailed) this.refund(ticket)
    if (request.endpoint === 'count_tokens' || outcome.kind === 'rejected') return
    const { reading } = outcome
    const usage: TokenUsage = { ...reading.usage }
    let estimated = !pricesFor(request.model).known
    if (!reading.readable || !reading.complete) {
      estimated = true
      if (!reading.started || !reading.readable) usage.inputTokens = promptEstimate(request)
      const produced = Math.ceil(reading.contentBytes / 3)
      // Output the client never saw (hidden thinking, an abandoned stream) is still billed.
      const worstCase =
        outcome.kind === 'cut' || (outcome.kind === 'answered' && reading.readable)
          ? produced
          : (request.maxTokens ?? 0)
      usage.outputTokens = Math.max(usage.outputTokens, produced, worstCase)
    }
    this.charge(request.model, usage, estimated)
  }

  /** Records a refusal, for the totals and the report. */
  recordRefusal(method: string, target: string, refusal: Refusal): void {
    this.totals.refused++
    if (this.totals.refusals.length < KEPT_REFUSALS) {
      this.totals.refusals.push({ method, target: target.slice(0, 200), reason: refusal.reason })
    }
  }

  usage(): ProxyUsage {
    const totals = this.totals
    return {
      ...totals,
      models: [...totals.models],
      refusals: totals.refusals.map((refusal) => ({ ...refusal })),
      limit: totals.limit && { ...totals.limit },
    }
  }

  private checkModel(model: string): Refusal | undefined {
    const lock = this.lock
    if (!lock || sentAs(model) === lock.model) return undefined
    if (lock.cheaperAllowed && pricesFor(model).known && !isPricier(model, lock.model)) {
      return undefined
    }
    const allowed = lock.cheaperAllowed ? ` or a cheaper model the proxy knows` : ''
    return {
      status: 403,
      type: 'permission_error',
      reason: `this run uses ${lock.model} (${lock.source})${allowed}; ${model} is refused`,
    }
  }

  private checkLimits(request: ModelRequest): 'turn' | 'side' | Refusal {
    const { maxBudgetUsd, maxTurns } = this.limits
    const totals = this.totals
    if (maxBudgetUsd !== undefined && totals.costUsd >= maxBudgetUsd) {
      return this.limitReached(
        'max_budget_usd',
        `the run has spent ${money(totals.costUsd)} of its $${maxBudgetUsd} (max_budget_usd), as the proxy counted it`,
      )
    }
    if (request.offersTools) {
      if (maxTurns !== undefined && totals.turns >= maxTurns) {
        return this.limitReached(
          'max_turns',
          `the run has used all ${maxTurns} turns (max_turns), as the proxy counted them (subagents' turns and the agent's own model calls included)`,
        )
      }
      return 'turn'
    }
    if (maxTurns !== undefined && totals.sideRequests >= maxTurns * SIDE_REQUESTS_PER_TURN) {
      return this.limitReached(
        'max_turns',
        `the run has made ${totals.sideRequests} model requests without tools, ${SIDE_REQUESTS_PER_TURN} per turn of max_turns (${maxTurns})`,
      )
    }
    return 'side'
  }

  private limitReached(name: 'max_budget_usd' | 'max_turns', reason: string): Refusal {
    this.totals.limit ??= { name, reason }
    // 402 ends the CLI's run at once with this message; it retries a 429 or a 400.
    return { status: 402, type: 'billing_error', reason }
  }

  private refund(ticket: Ticket): void {
    if (ticket.countedAs === 'turn') this.totals.turns--
    if (ticket.countedAs === 'side') this.totals.sideRequests--
    ticket.countedAs = 'none'
  }

  private charge(model: string, usage: TokenUsage, estimated: boolean): void {
    const totals = this.totals
    totals.inputTokens += usage.inputTokens
    totals.outputTokens += usage.outputTokens
    totals.cacheCreationInputTokens += usage.cacheCreationInputTokens
    totals.cacheReadInputTokens += usage.cacheReadInputTokens
    totals.costUsd += costUsd(model, usage)
    totals.estimated ||= estimated
  }
}

/**
 * What happened between two readings of the same proxy: one session's share of
 * the run. The limit hit (if any) and the models are the later reading's.
 */
export function usageBetween(before: ProxyUsage, after: ProxyUsage): ProxyUsage {
  const minus = (key: keyof ProxyUsage) => (after[key] as number) - (before[key] as number)
  return {
    requests: minus('requests'),
    refused: minus('refused'),
    turns: minus('turns'),
    sideRequests: minus('sideRequests'),
    inputTokens: minus('inputTokens'),
    outputTokens: minus('outputTokens'),
    cacheCreationInputTokens: minus('cacheCreationInputTokens'),
    cacheReadInputTokens: minus('cacheReadInputTokens'),
    // Cents do not subtract exactly in binary; a session's cost to the micro-dollar is plenty.
    costUsd: Math.round(minus('costUsd') * 1e6) / 1e6,
    estimated: after.estimated,
    models: after.models.filter((model) => !before.models.includes(model)),
    limit: before.limit ? undefined : after.limit,
    refusals: after.refusals.slice(before.refusals.length),
  }
}
