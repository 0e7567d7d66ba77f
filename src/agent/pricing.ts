// What a model call costs, so the model proxy can hold a run to max_budget_usd from
// its own accounting instead of trusting what the CLI's stream claims. Pure.
//
// Prices in USD per million tokens, from Anthropic's pricing page
// (https://platform.claude.com/docs/en/about-claude/pricing, "Model pricing") and the
// model overview pages it links, as read on 2026-12-01; they agree with the price
// tiers in the model catalog baked into Claude Code 2.1.329. When Anthropic changes a
// price, change it here. A model not listed is priced as the most expensive one listed,
// so a budget is never under-counted; its cost is then marked as an estimate.

export interface TokenPrices {
  input: number
  output: number
  cacheWrite5m: number
  cacheWrite1h: number
  cacheRead: number
}

export interface ModelPrices extends TokenPrices {
  /** Haiku 5.5 bills every token of a request whose prompt is longer than this at other rates. */
  longPrompt?: { aboveTokens: number } & TokenPrices
}

/** Token counts as the Messages API reports them in `usage`. */
export interface TokenUsage {
  inputTokens: number
  outputTokens: number
  /** All cache writes; split below when the API says which were 1-hour writes. */
  cacheCreationInputTokens: number
  cacheReadInputTokens: number
  /** From `usage.cache_creation`; without it every write is priced at the (higher) 1-hour rate. */
  cacheCreation5mInputTokens?: number
  cacheCreation1hInputTokens?: number
  webSearchRequests?: number
}

/** Web search, a server tool: $10 per 1,000 searches. */
const WEB_SEARCH_USD = 0.01

const tier = (input: number, output: number, cacheRead: number = input / 10): TokenPrices => ({
  input,
  output,
  cacheWrite5m: input * 1.25,
  cacheWrite1h: input * 2,
  cacheRead,
})

const FABLE_5_2 = tier(8, 40, 0.2)
const FABLE_5_1 = tier(10, 50, 0.25)
const FABLE_5 = tier(10, 50)
const OPUS_5_5 = tier(4, 20, 0.2)
const OPUS_4_5 = tier(5, 25)
const OPUS_4 = tier(15, 75)
const SONNET_5_5 = tier(2, 10, 0.1)
const SONNET_5 = tier(2, 10)
const SONNET_3 = tier(3, 15)
const HAIKU_5_5: ModelPrices = {
  ...tier(0.1, 0.5, 0.01),
  longPrompt: { aboveTokens: 100_000, ...tier(0.5, 2.5, 0.05) },
}
const HAIKU_4_5 = tier(1, 5)
const HAIKU_3_5 = tier(0.8, 4, 0.08)
const HAIKU_3 = { ...tier(0.25, 1.25, 0.03), cacheWrite5m: 0.3, cacheWrite1h: 0.5 }

/** Model ids (without date or provider decorations) and their prices. */
const PRICES: Record<string, ModelPrices> = {
  'claude-fable-5-2': FABLE_5_2,
  'claude-mythos-5-2': FABLE_5_2,
  'claude-fable-5-1': FABLE_5_1,
  'claude-mythos-5-1': FABLE_5_1,
  'claude-fable-5': FABLE_5,
  'claude-mythos-5': FABLE_5,
  'claude-opus-5-5': OPUS_5_5,
  'claude-opus-5': OPUS_4_5,
  'claude-opus-4-8': OPUS_4_5,
  'claude-opus-4-7': OPUS_4_5,
  'claude-opus-4-6': OPUS_4_5,
  'claude-opus-4-5': OPUS_4_5,
  'claude-opus-4-1': OPUS_4,
  'claude-opus-4-0': OPUS_4,
  'claude-opus-4': OPUS_4,
  'claude-3-opus': OPUS_4,
  'claude-sonnet-5-5': SONNET_5_5,
  'claude-sonnet-5': SONNET_5,
  'claude-sonnet-4-6': SONNET_3,
  'claude-sonnet-4-5': SONNET_3,
  'claude-sonnet-4-0': SONNET_3,
  'claude-sonnet-4': SONNET_3,
  'claude-3-7-sonnet': SONNET_3,
  'claude-3-5-sonnet': SONNET_3,
  'claude-haiku-5-5': HAIKU_5_5,
  'claude-haiku-4-5': HAIKU_4_5,
  'claude-3-5-haiku': HAIKU_3_5,
  'claude-3-haiku': HAIKU_3,
}

/** Each rate at its highest over the table: the price of a model nobody listed. */
export const HIGHEST_PRICES: ModelPrices = Object.values(PRICES).reduce<ModelPrices>(
  (max, prices) => ({
    input: Math.max(max.input, prices.input),
    output: Math.max(max.output, prices.output),
    cacheWrite5m: Math.max(max.cacheWrite5m, prices.cacheWrite5m),
    cacheWrite1h: Math.max(max.cacheWrite1h, prices.cacheWrite1h),
    cacheRead: Math.max(max.cacheRead, prices.cacheRead),
  }),
  { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 },
)

/**
 * The table's key for a model name as the CLI, Bedrock or Vertex spell it:
 * `claude-opus-4-1-20250805`, `claude-sonnet-4-5[1m]`, `claude-opus-4-1@20250805`,
 * `us.anthropic.claude-opus-4-1-20250805-v1:0` all become `claude-opus-4-1`.
 */
export function modelKey(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/\[[^\]]*\]$/, '')
    .replace(/^(?:[a-z]{2,4}\.)?anthropic\./, '')
    .replace(/-v\d+(?::\d+)?$/, '')
    .replace(/[@-]\d{8}$/, '')
}

export function pricesFor(model: string): { prices: ModelPrices; known: boolean } {
  const prices = PRICES[modelKey(model)]
  return prices ? { prices, known: true } : { prices: HIGHEST_PRICES, known: false }
}

/** Whether `candidate` costs more than `reference` for input or output. Unknown models cost the most. */
export function isPricier(candidate: string, reference: string): boolean {
  const a = pricesFor(candidate).prices
  const b = pricesFor(reference).prices
  return a.input > b.input || a.output > b.output
}

export function costUsd(model: string, usage: TokenUsage): number {
  const { prices: base } = pricesFor(model)
  const prompt = usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens
  const prices = base.longPrompt && prompt > base.longPrompt.aboveTokens ? base.longPrompt : base
  const split5m = usage.cacheCreation5mInputTokens
  const split1h = usage.cacheCreation1hInputTokens
  const hasSplit = split5m !== undefined || split1h !== undefined
  const writes5m = hasSplit ? (split5m ?? 0) : 0
  const writes1h = hasSplit
    ? Math.max(split1h ?? 0, usage.cacheCreationInputTokens - writes5m)
    : usage.cacheCreationInputTokens
  const perMillion =
    usage.inputTokens * prices.input +
    usage.outputTokens * prices.output +
    writes5m * prices.cacheWrite5m +
    writes1h * prices.cacheWrite1h +
    usage.cacheReadInputTokens * prices.cacheRead
  return perMillion / 1_000_000 + (usage.webSearchRequests ?? 0) * WEB_SEARCH_USD
}
