// Route 4 of the red team's report, closed: the model proxy is not a deputy for
// agent code. The agent writes its own Node script and runs it through an allowed
// `npm test`; the script takes the dummy key from its own environment and calls
// the proxy for everything the real key could do. Every call is refused by the
// proxy, none reaches the model API (the scripted server records every request it
// gets), and the agent's own run completes. A run whose agent code spends the
// budget or the turns in the proxy ends with its work pushed and the reason said.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { modelPinEnv, startModelProxy } from '../../src/agent/model-proxy.js'
import { fileAt } from '../harness/git/index.js'
import {
  allToolResults,
  bash,
  runClaudeForTest,
  say,
  startModelServer,
  useTool,
  writeFile,
  type MessagesRequest,
  type ModelScript,
} from '../harness/model/index.js'
import { closeWorld, statusBody } from '../harness/status.js'
import { createWorld, type World } from '../harness/world.js'

const MODEL = 'claude-sonnet-4-5'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

/**
 * Agent code: sends each request byte for byte (raw HTTP, so odd targets go out as
 * written) with the key it finds in its environment, and prints what came back.
 */
const PROBE = String.raw`
const fs = require('fs')
const net = require('net')
const base = new URL(process.env.ANTHROPIC_BASE_URL)
const key = process.env.ANTHROPIC_API_KEY || ''
console.log('PROBE key ' + key.replace(/[0-9a-f]{32}$/, '<32 hex>'))

function send(method, target, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? '' : JSON.stringify(body)
    const socket = net.connect(Number(base.port), base.hostname)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (data) => (answer += data))
    socket.on('error', (error) => resolve('error ' + error.message))
    socket.on('end', () => resolve(answer))
    socket.setTimeout(10000, () => socket.destroy(new Error('timeout')))
    // write, not end: a client that half-closes is taken to have gone away.
    socket.write(
      method + ' ' + target + ' HTTP/1.1\r\nHost: ' + base.host + '\r\nx-api-key: ' + key +
        '\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\n' +
        'content-length: ' + Buffer.byteLength(payload) + '\r\nConnection: close\r\n\r\n' + payload,
    )
  })
}

const SPEND = process.argv[2]
const turn = (fields) => ({
  model: ${JSON.stringify(MODEL)},
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'PROBE-MARKER ' + (fields.text || 'hello') }],
  ...fields.body,
})

async function main() {
  const probes = SPEND === 'turns'
    ? [1, 2, 3].map(() => ['POST', '/v1/messages', turn({ body: { tools: [{ name: 'x', input_schema: { type: 'object' } }] } })])
    : SPEND === 'budget'
      ? [['POST', '/v1/messages', turn({ text: 'x'.repeat(300000) })]]
      : [
          ['GET', '/v1/models'],
          ['GET', '/v1/files'],
          ['GET', '/v1/organizations/api_keys'],
          ['GET', '/v1/messages/batches'],
          ['POST', '/v1/messages/batches', { requests: [{ custom_id: 'a', params: turn({}) }] }],
          ['GET', '/v1/messages?beta=true'],
          ['GET', 'http://api.anthropic.com/v1/models'],
          ['POST', '/v1/messages/../models', turn({})],
          ['POST', '/v1/messages?beta=true', turn({ body: { model: 'claude-opus-4-1', max_tokens: 32000 } })],
          ['POST', '/v1/messages?beta=true', turn({ body: { max_tokens: 1000000 } })],
        ]
  for (const [method, target, body] of probes) {
    const answer = await send(method, target, body)
    const status = (answer.match(/^HTTP\/1\.1 (\d+)/) || [])[1] || '?'
    const message = (answer.match(/"message":"([^"]*)"/) || [])[1] || answer.slice(0, 80)
    const line = 'PROBE ' + method + ' ' + target + ' -> ' + status + ' ' + message
    console.log(line)
    // Also in the tree: when the proxy ends the run, the model never sees this output.
    fs.appendFileSync('probe-output.txt', line + '\n')
  }
}
main()
`

/** The CLI's turn number: how many answers of the model its request carries. */
const cliStep = (request: MessagesRequest) =>
  (request.messages ?? []).filter((message) => message.role === 'assistant').length

/** Writes the work, then the probe and a package.json that runs it, then runs it. */
function agentThatProbes(w: () => World, probeArgument = ''): ModelScript {
  return ({ request }) => {
    // The probe's own calls (its first message says so) get a short answer.
    if (JSON.stringify(request.messages?.[0]).includes('PROBE-MARKER')) return say('ok')
    const file = (name: string) => path.join(w().checkout.workspace, name)
    const steps = [
      writeFile(file('hello.txt'), 'Hello, friend!\n'),
      writeFile(file('probe.cjs'), PROBE),
      writeFile(
        file('package.json'),
        JSON.stringify({
          name: 'victim',
          private: true,
          scripts: { test: `node probe.cjs ${probeArgument}`.trim() },
        }),
      ),
      bash('npm test'),
      say('Wrote hello.txt.'),
    ]
    return steps[cliStep(request)]
  }
}

function probeOutput(w: World): string {
  return w.model.requests
    .flatMap((record) => (record.body ? allToolResults(record.body) : []))
    .map((result) => result.content)
    .filter((content) => content.includes('PROBE '))
    .join('\n')
}

/** What the probe wrote into the tree, as the action pushed it. */
async function pushedProbeOutput(w: World): Promise<string> {
  return (await fileAt(w.gitRoot, w.fullName, w.headRef, 'probe-output.txt')) ?? ''
}

const canIsolate =
  process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
const itWhenIsolationIsPossible = canIsolate ? it : it.skip
if (!canIsolate) {
  console.warn(
    'security-proxy.e2e: no root and no passwordless sudo here, so the isolated hostile-agent tests are skipped',
  )
}

describe('agent code holding the dummy key', () => {
  itWhenIsolationIsPossible(
    'gets nothing from the proxy but the run’s own kind of model call, and the run succeeds',
    async () => {
      world = await createWorld({ script: agentThatProbes(() => world!) })
      const run = await world.run({
        inputs: { allowed_tools: 'Read,Write,Edit,Bash(npm test:*)', model: MODEL },
        timeoutMs: 120_000,
      })
      const output = probeOutput(world)
      // The agent's code really ran, with the dummy key from its own environment...
      expect(output).toContain('PROBE key async-pr-run-<32 hex>')
      // ...and the proxy refused every call, saying why.
      const refused = (method: string, target: string, why: string) =>
        expect(output).toContain(
          `PROBE ${method} ${target} -> 403 async-pr's model proxy refused ${method} ${target}: ${why}`,
        )
      const onlyMessages = 'it forwards only POST /v1/messages and POST /v1/messages/count_tokens'
      refused('GET', '/v1/models', onlyMessages)
      refused('GET', '/v1/files', onlyMessages)
      refused('GET', '/v1/organizations/api_keys', onlyMessages)
      refused('GET', '/v1/messages/batches', onlyMessages)
      refused('POST', '/v1/messages/batches', onlyMessages)
      refused('GET', '/v1/messages?beta=true', `${onlyMessages}, not GET`)
      refused('GET', 'http://api.anthropic.com/v1/models', 'the request target must be a path')
      refused('POST', '/v1/messages/../models', 'the request path has a dot segment')
      refused(
        'POST',
        '/v1/messages?beta=true',
        `this run uses ${MODEL} (the model input); claude-opus-4-1 is refused`,
      )
      refused('POST', '/v1/messages?beta=true', "max_tokens 1000000 is above the proxy's ceiling")
      expect(output.match(/ -> 403 /g)).toHaveLength(10)

      // None of it reached the model API: it saw only the CLI's own turns, with the real key.
      const seen = world.model.requests
      expect(seen.length).toBeGreaterThanOrEqual(5)
      for (const record of seen) {
        expect(`${record.method} ${record.path}`).toBe('POST /v1/messages?beta=true')
        expect(record.body?.model).toBe(MODEL)
        expect(record.headers['x-api-key']).toBe(world.secrets.modelKey)
        expect(JSON.stringify(record.body?.messages?.[0])).not.toContain('PROBE-MARKER')
      }

      // The agent's own run completed and its work was pushed.
      expect(run.outputs.conclusion).toBe('success')
      expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
        'Hello, friend!\n',
      )
    },
  )

  itWhenIsolationIsPossible(
    'that spends the turns in the proxy ends the run there, with the work pushed and the reason said',
    async () => {
      world = await createWorld({ script: agentThatProbes(() => world!, 'turns') })
      const run = await world.run({
        inputs: {
          allowed_tools: 'Read,Write,Edit,Bash(npm test:*)',
          model: MODEL,
          max_turns: '5',
        },
        timeoutMs: 120_000,
      })
      // Four turns of the CLI's, then the probe's first call is the fifth; the rest are refused.
      const output = await pushedProbeOutput(world)
      expect(output.match(/-> 200 /g)).toHaveLength(1)
      expect(
        output.match(
          /-> 402 async-pr's model proxy refused this request: the run has used all 5 turns/g,
        ),
      ).toHaveLength(2)
      const turns = world.model.requests.filter((record) => record.kind === 'turn')
      expect(turns).toHaveLength(5)

      expect(run.outputs.conclusion).not.toBe('success')
      expect(['failure', 'timed_out']).toContain(run.outputs.conclusion)
      expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
        'Hello, friend!\n',
      )
      expect(statusBody(world)).toContain(
        "async-pr's model proxy refused this request: the run has used all 5 turns (max_turns)",
      )
    },
  )

  itWhenIsolationIsPossible(
    'that spends the budget in the proxy ends the run there, with the work pushed and the reason said',
    async () => {
      world = await createWorld({ script: agentThatProbes(() => world!, 'budget') })
      const run = await world.run({
        inputs: {
          allowed_tools: 'Read,Write,Edit,Bash(npm test:*)',
          model: MODEL,
          max_budget_usd: '0.2',
        },
        timeoutMs: 120_000,
      })
      // 300,000 characters: 75,000 input tokens of Claude Sonnet 4.5 ($0.225), unseen by the CLI.
      expect(await pushedProbeOutput(world)).toMatch(/^PROBE POST \/v1\/messages -> 200 /)
      expect(run.outputs.conclusion).not.toBe('success')
      expect(['failure', 'timed_out']).toContain(run.outputs.conclusion)
      expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
        'Hello, friend!\n',
      )
      expect(statusBody(world)).toMatch(
        /async-pr's model proxy refused this request: the run has spent \$0\.2\d+ of its \$0\.2 \(max_budget_usd\)/,
      )
      // The CLI's next turn never reached the model API.
      expect(world.model.requests.filter((record) => record.kind === 'turn')).toHaveLength(4)
    },
  )
})

describe('Claude Code behind the proxy', () => {
  it('sends every request with the run’s model once pinned, a subagent asking for another included', async () => {
    // --model claude-opus-4-1 goes out as claude-opus-5-5 unless pinned, and a subagent
    // takes the Agent tool's `model` argument: both would be refused by the proxy.
    const isSubagent = (request: MessagesRequest) =>
      JSON.stringify(request.messages?.[0]).includes('SUBTASK')
    let mainSteps = 0
    let subSteps = 0
    const upstream = await startModelServer(({ request }) => {
      if (isSubagent(request)) return subSteps++ === 0 ? bash('ls') : say('Listed.')
      return mainSteps++ === 0
        ? useTool('Agent', {
            description: 'List files',
            prompt: 'SUBTASK: list the files',
            subagent_type: 'general-purpose',
            model: 'haiku',
            run_in_background: false,
          })
        : say('Done.')
    })
    const model = 'claude-opus-4-1'
    const proxy = await startModelProxy(
      upstream.url,
      { apiKey: 'test-real-key' },
      { model, maxTurns: 10 },
    )
    const cwd = await mkdtemp(path.join(tmpdir(), 'async-pr-pinned-'))
    try {
      const run = await runClaudeForTest({
        cwd,
        modelUrl: proxy.url,
        prompt: 'List the files, with a subagent.',
        allowedTools: ['Agent', 'Bash(ls)'],
        model,
        maxTurns: 10,
        env: {
          ANTHROPIC_API_KEY: proxy.dummyKey,
          CLAUDE_CODE_MAX_RETRIES: '0',
          ...modelPinEnv(model),
        },
      })
      expect(run.result).toMatchObject({ subtype: 'success', is_error: false })
      expect(proxy.usage()).toMatchObject({ refused: 0, turns: 4, models: [model] })
      expect(upstream.requests.map((record) => record.body?.model)).toEqual([
        model,
        model,
        model,
        model,
      ])
      expect(subSteps).toBe(2)
    } finally {
      await proxy.close()
      await upstream.close()
      await rm(cwd, { recursive: true, force: true })
    }
  })
})
