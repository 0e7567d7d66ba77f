import { describe, expect, it } from '@jest/globals'
import {
  HIGHEST_PRICES,
  costUsd,
  isPricier,
  modelKey,
  pricesFor,
  type TokenUsage,
} from '../../src/agent/pricing.js'

const usage = (fields: Partial<TokenUsage>): TokenUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
  ...fields,
})
const MILLION = 1_000_000

describe('modelKey', () => {
  it('reads a model name the way the CLI, the API, Bedrock and Vertex spell it', () => {
    expect(modelKey('claude-opus-4-1-20250805')).toBe('claude-opus-4-1')
    expect(modelKey('claude-sonnet-4-5[1m]')).toBe('claude-sonnet-4-5')
    expect(modelKey('claude-opus-4-1@20250805')).toBe('claude-opus-4-1')
    expect(modelKey('us.anthropic.claude-opus-4-1-20250805-v1:0')).toBe('claude-opus-4-1')
    expect(modelKey(' Claude-Haiku-4-5 ')).toBe('claude-haiku-4-5')
    expect(modelKey('claude-opus-5-5')).toBe('claude-opus-5-5')
  })
})

describe('costUsd', () => {
  it('prices each kind of token at its own rate', () => {
    expect(costUsd('claude-sonnet-4-5', usage({ inputTokens: MILLION }))).toBeCloseTo(3)
    expect(costUsd('claude-sonnet-4-5', usage({ outputTokens: MILLION }))).toBeCloseTo(15)
    expect(costUsd('claude-sonnet-4-5', usage({ cacheReadInputTokens: MILLION }))).toBeCloseTo(0.3)
    expect(costUsd('claude-opus-5-5', usage({ inputTokens: MILLION, outputTokens: MILLION }))).toBe(
      24,
    )
    expect(costUsd('claude-opus-4-1-20250805', usage({ outputTokens: MILLION }))).toBeCloseTo(75)
    expect(costUsd('claude-sonnet-5-5', usage({ cacheReadInputTokens: MILLION }))).toBeCloseTo(0.1)
  })

  it('prices cache writes by their lifetime, and at the 1-hour rate when the API does not say', () => {
    const split = usage({
      cacheCreationInputTokens: 2 * MILLION,
      cacheCreation5mInputTokens: MILLION,
      cacheCreation1hInputTokens: MILLION,
    })
    expect(costUsd('claude-sonnet-4-5', split)).toBeCloseTo(3.75 + 6)
    const unsplit = usage({ cacheCreationInputTokens: MILLION })
    expect(costUsd('claude-sonnet-4-5', unsplit)).toBeCloseTo(6)
    // A split that accounts for fewer writes than the total: the rest at the 1-hour rate.
    const partial = usage({
      cacheCreationInputTokens: 2 * MILLION,
      cacheCreation5mInputTokens: MILLION,
    })
    expect(costUsd('claude-sonnet-4-5', partial)).toBeCloseTo(3.75 + 6)
  })

  it('bills every token of a long Haiku 5.5 prompt at the long-prompt rates', () => {
    expect(
      costUsd('claude-haiku-5-5', usage({ inputTokens: 100_000, outputTokens: 0 })),
    ).toBeCloseTo(0.01)
    expect(
      costUsd(
        'claude-haiku-5-5',
        usage({ inputTokens: 50_000, cacheReadInputTokens: 50_001, outputTokens: 1000 }),
      ),
    ).toBeCloseTo((50_000 * 0.5 + 50_001 * 0.05 + 1000 * 2.5) / MILLION)
  })

  it('adds web searches', () => {
    expect(costUsd('claude-sonnet-4-5', usage({ webSearchRequests: 3 }))).toBeCloseTo(0.03)
  })

  it('prices a model it does not know as the most expensive one it does', () => {
    expect(pricesFor('claude-sonnet-9').known).toBe(false)
    expect(pricesFor('my-gateway-model').prices).toBe(HIGHEST_PRICES)
    expect(HIGHEST_PRICES).toMatchObject({ input: 15, output: 75, cacheRead: 1.5 })
    const tokens = usage({ inputTokens: MILLION, outputTokens: MILLION })
    for (const known of [
      'claude-opus-5-5',
      'claude-fable-5-2',
      'claude-opus-4-1',
      'claude-haiku-4-5',
    ]) {
      expect(costUsd('claude-next-1', tokens)).toBeGreaterThanOrEqual(costUsd(known, tokens))
    }
  })
})

describe('isPricier', () => {
  it('compares input and output prices, unknown models highest', () => {
    expect(isPricier('claude-opus-4-1', 'claude-sonnet-4-5')).toBe(true)
    expect(isPricier('claude-haiku-4-5', 'claude-sonnet-4-5')).toBe(false)
    expect(isPricier('claude-sonnet-4-5', 'claude-sonnet-4-5-20250929')).toBe(false)
    expect(isPricier('claude-fable-5-1', 'claude-opus-5-5')).toBe(true)
    expect(isPricier('unknown-model', 'claude-opus-5-5')).toBe(true)
  })
})
