import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_MAX_OUTPUT_TOKENS,
  ProxyLedger,
  SIDE_REQUESTS_PER_TURN,
  type Ticket,
} from '../../src/agent/proxy-ledger.js'
import { costUsd } from '../../src/agent/pricing.js'
import { isRefusal, type ModelRequest, type Refusal } from '../../src/agent/proxy-request.js'
import { emptyReading, type UsageReading } from '../../src/agent/usage-stream.js'

function request(fields: Partial<ModelRequest> = {}): ModelRequest {
  return {
    endpoint: 'messages',
    model: 'claude-sonnet-4-5',
    maxTokens: 32000,
    offersTools: true,
    stream: true,
    body: Buffer.from('{}'),
    receivedBytes: 3000,
    ...fields,
  }
}

function answered(inputTokens: number, outputTokens: number): UsageReading {
  return {
    ...emptyReading(),
    started: true,
    complete: true,
    usage: { inputTokens, outputTokens, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 },
  }
}

function admitted(ledger: ProxyLedger, fields: Partial<ModelRequest> = {}): Ticket {
  const result = ledger.admit(request(fields))
  if (isRefusal(result)) throw new Error(`refused: ${result.reason}`)
  return result
}

function refusal(ledger: ProxyLedger, fields: Partial<ModelRequest> = {}): Refusal {
  const result = ledger.admit(request(fields))
  if (!isRefusal(result)) throw new Error('admitted')
  return result
}

describe('the model a run may use', () => {
  it('is the model input, exactly, when it names a model', () => {
    const ledger = new ProxyLedger({ model: 'claude-sonnet-4-5' })
    admitted(ledger)
    admitted(ledger, { model: 'claude-sonnet-4-5', endpoint: 'count_tokens' })
    const other = refusal(ledger, { model: 'claude-opus-4-1' })
    expect(other).toMatchObject({ status: 403, type: 'permission_error' })
    expect(other.reason).toBe(
      'this run uses claude-sonnet-4-5 (the model input); claude-opus-4-1 is refused',
    )
    // Cheaper is refused too: the input says which model, not a price ceiling.
    expect(refusal(ledger, { model: 'claude-haiku-4-5' }).reason).toContain('refused')
  })

  it('ignores a [1m] suffix, which the CLI sends as a beta header', () => {
    const ledger = new ProxyLedger({ model: 'claude-sonnet-4-5[1m]' })
    admitted(ledger, { model: 'claude-sonnet-4-5' })
  })

  it('is what the CLI resolved an alias to in its first request', () => {
    const ledger = new ProxyLedger({ model: 'opus[1m]' })
    admitted(ledger, { model: 'claude-opus-5-5' })
    expect(refusal(ledger, { model: 'claude-haiku-5-5' }).reason).toContain(
      'the model input, as the CLI resolved it',
    )
  })

  it('without a model input, is the first request’s or a cheaper one the proxy knows', () => {
    const ledger = new ProxyLedger({})
    admitted(ledger, { model: 'claude-opus-5-5' })
    admitted(ledger, { model: 'claude-haiku-4-5' })
    admitted(ledger, { model: 'claude-sonnet-5-5' })
    expect(refusal(ledger, { model: 'claude-fable-5-1' }).reason).toBe(
      "this run uses claude-opus-5-5 (the run's first request) or a cheaper model the proxy knows; claude-fable-5-1 is refused",
    )
    expect(refusal(ledger, { model: 'claude-opus-4-1' }).reason).toContain('refused')
    expect(refusal(ledger, { model: 'some-gateway-model' }).reason).toContain('refused')
  })

  it('is locked by the first request even if that request failed upstream', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger, { model: 'claude-haiku-4-5' }), { kind: 'rejected' })
    expect(isRefusal(ledger.admit(request({ model: 'claude-sonnet-4-5' })))).toBe(true)
  })
})

describe('max_tokens', () => {
  it('may not exceed the most the CLI asks for', () => {
    const ledger = new ProxyLedger({})
    admitted(ledger, { maxTokens: DEFAULT_MAX_OUTPUT_TOKENS })
    expect(refusal(ledger, { maxTokens: DEFAULT_MAX_OUTPUT_TOKENS + 1 }).reason).toBe(
      "max_tokens 128001 is above the proxy's ceiling of 128000",
    )
    expect(refusal(new ProxyLedger({ maxOutputTokens: 1000 }), { maxTokens: 1001 }).status).toBe(
      403,
    )
  })
})

describe('max_turns', () => {
  it('counts requests that offer tools and refuses the one past the limit', () => {
    const ledger = new ProxyLedger({ maxTurns: 2 })
    ledger.settle(admitted(ledger), { kind: 'answered', reading: answered(10, 10) })
    ledger.settle(admitted(ledger), { kind: 'answered', reading: answered(10, 10) })
    const third = refusal(ledger)
    expect(third).toMatchObject({ status: 402, type: 'billing_error' })
    expect(third.reason).toContain('all 2 turns (max_turns)')
    expect(ledger.usage()).toMatchObject({
      turns: 2,
      requests: 2,
      limit: { name: 'max_turns', reason: third.reason },
    })
    // count_tokens is not a turn and costs nothing.
    admitted(ledger, { endpoint: 'count_tokens', maxTokens: undefined })
  })

  it('gives a turn back when the API failed it (the CLI retries), not when the client left', () => {
    const ledger = new ProxyLedger({ maxTurns: 1 })
    ledger.settle(admitted(ledger), { kind: 'rejected' })
    ledger.settle(admitted(ledger), { kind: 'cut', reading: emptyReading() })
    const erroredStream = { ...answered(5, 0), complete: false, errored: true }
    ledger.settle(admitted(ledger), { kind: 'answered', reading: erroredStream })
    expect(ledger.usage().turns).toBe(0)
    ledger.settle(admitted(ledger), { kind: 'abandoned', reading: emptyReading() })
    expect(ledger.usage().turns).toBe(1)
    expect(isRefusal(ledger.admit(request()))).toBe(true)
  })

  it('bounds requests without tools too, generously', () => {
    const ledger = new ProxyLedger({ maxTurns: 1 })
    for (let i = 0; i < SIDE_REQUESTS_PER_TURN; i++) admitted(ledger, { offersTools: false })
    expect(refusal(ledger, { offersTools: false }).reason).toContain('without tools')
    expect(ledger.usage().sideRequests).toBe(SIDE_REQUESTS_PER_TURN)
    admitted(ledger)
  })
})

describe('max_budget_usd', () => {
  it('refuses every model request once the proxy’s own count reaches the budget', () => {
    const ledger = new ProxyLedger({ maxBudgetUsd: 0.05 })
    // Claude Sonnet 4.5: 10,000 input and 1,000 output tokens cost $0.045.
    ledger.settle(admitted(ledger), { kind: 'answered', reading: answered(10_000, 1_000) })
    expect(ledger.usage().costUsd).toBeCloseTo(0.045)
    ledger.settle(admitted(ledger, { offersTools: false }), {
      kind: 'answered',
      reading: answered(10_000, 1_000),
    })
    const next = refusal(ledger)
    expect(next).toMatchObject({ status: 402, type: 'billing_error' })
    expect(next.reason).toBe(
      'the run has spent $0.0900 of its $0.05 (max_budget_usd), as the proxy counted it',
    )
    expect(refusal(ledger, { offersTools: false }).status).toBe(402)
    expect(ledger.usage().limit?.name).toBe('max_budget_usd')
    // Counting tokens is free, and still allowed.
    admitted(ledger, { endpoint: 'count_tokens', maxTokens: undefined })
  })
})

describe('what an answer costs', () => {
  it('is what its usage says when it arrived whole', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger), { kind: 'answered', reading: answered(2000, 300) })
    expect(ledger.usage()).toMatchObject({
      inputTokens: 2000,
      outputTokens: 300,
      estimated: false,
      costUsd: costUsd('claude-sonnet-4-5', answered(2000, 300).usage),
    })
  })

  it('is max_tokens of output when the client left mid-answer (the model may have written it all)', () => {
    const ledger = new ProxyLedger({})
    const started = { ...answered(2000, 1), complete: false, contentBytes: 30 }
    ledger.settle(admitted(ledger, { maxTokens: 8000 }), { kind: 'abandoned', reading: started })
    expect(ledger.usage()).toMatchObject({ inputTokens: 2000, outputTokens: 8000, estimated: true })
  })

  it('is estimated from the prompt size when the client left before the answer began', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger, { maxTokens: 100, receivedBytes: 3000 }), {
      kind: 'abandoned',
      reading: emptyReading(),
    })
    expect(ledger.usage()).toMatchObject({ inputTokens: 1000, outputTokens: 100, estimated: true })
  })

  it('is what streamed when the API broke off', () => {
    const ledger = new ProxyLedger({})
    const cut = { ...answered(2000, 1), complete: false, contentBytes: 300 }
    ledger.settle(admitted(ledger), { kind: 'cut', reading: cut })
    expect(ledger.usage()).toMatchObject({ inputTokens: 2000, outputTokens: 100, estimated: true })
  })

  it('is the worst case when the answer could not be read', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger, { maxTokens: 500, receivedBytes: 300 }), {
      kind: 'answered',
      reading: { ...emptyReading(), readable: false },
    })
    expect(ledger.usage()).toMatchObject({ inputTokens: 100, outputTokens: 500, estimated: true })
  })

  it('is nothing for a request the API refused, or for counting tokens', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger), { kind: 'rejected' })
    ledger.settle(admitted(ledger, { endpoint: 'count_tokens', maxTokens: undefined }), {
      kind: 'abandoned',
      reading: emptyReading(),
    })
    expect(ledger.usage()).toMatchObject({ costUsd: 0, inputTokens: 0, requests: 2 })
  })

  it('is marked as an estimate for a model without a price', () => {
    const ledger = new ProxyLedger({})
    ledger.settle(admitted(ledger, { model: 'gateway-model' }), {
      kind: 'answered',
      reading: answered(1_000_000, 0),
    })
    expect(ledger.usage()).toMatchObject({
      costUsd: 15,
      estimated: true,
      models: ['gateway-model'],
    })
  })
})

describe('refusals', () => {
  it('are counted and the first few kept, with the target cut short', () => {
    const ledger = new ProxyLedger({})
    for (let i = 0; i < 30; i++) {
      ledger.recordRefusal('GET', `/v1/models/${'x'.repeat(300)}`, {
        status: 403,
        type: 'permission_error',
        reason: 'no',
      })
    }
    const usage = ledger.usage()
    expect(usage.refused).toBe(30)
    expect(usage.refusals).toHaveLength(20)
    expect(usage.refusals[0].target).toHaveLength(200)
  })
})
