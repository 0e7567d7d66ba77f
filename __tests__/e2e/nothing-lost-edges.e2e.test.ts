// Nothing lost, at its edges (found by a review that tried to break it): a
// checkpoint no branch can take is kept, a recovery that is itself lost is
// recovered again, a finished run's leftover checkpoint is not replayed, a
// lost run's comment is settled even without a checkpoint, a chain started by
// `/async-pr continue` counts its cost, and a dispatch for a run that started
// none starts nothing.

import { afterEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { issueCommentEvent, repositoryDispatchEvent } from '../harness/events.js'
import {
  advanceBranch,
  commitFiles,
  fileAt,
  git as runGit,
  installRejectHook,
  tryGit,
} from '../harness/git/index.js'
import { killRunTree, waitFor } from '../harness/lost-runner.js'
import {
  bash,
  say,
  stall,
  writeFile,
  type MessagesRequest,
  type ScriptContext,
  type Step,
} from '../harness/model/index.js'
import { closeWorld, statusBody, statusComments } from '../harness/status.js'
import { createWorld, type World } from '../harness/world.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const canIsolate =
  process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
const whenIsolated = canIsolate ? describe : describe.skip

const ws = (file: string) => path.join(world!.checkout.workspace, file)
const bare = (w: World) => path.join(w.gitRoot, `${w.fullName}.git`)
const checkpointRef = (w: World) => `refs/async-pr/${w.prNumber}/checkpoint`

async function storedFile(w: World, ref: string, file: string): Promise<string | undefined> {
  const shown = await tryGit(['show', `${ref}:${file}`], { env: { GIT_DIR: bare(w) } })
  return shown.code === 0 ? shown.stdout : undefined
}

async function refExists(w: World, ref: string): Promise<boolean> {
  const shown = await tryGit(['rev-parse', '--verify', '--quiet', ref], {
    env: { GIT_DIR: bare(w) },
  })
  return shown.code === 0
}

/** Whether any ref on the server (branch or async-pr's own) holds `file` with `content`. */
async function anyRefHolds(w: World, file: string, content: string): Promise<boolean> {
  const refs = (
    await runGit(['for-each-ref', '--format=%(refname)'], { env: { GIT_DIR: bare(w) } })
  )
    .split('\n')
    .filter(Boolean)
  for (const ref of refs) if ((await storedFile(w, ref, file)) === content) return true
  return false
}

function stateOf(body: string): Record<string, unknown> {
  const line = body.trimEnd().split('\n').at(-1) ?? ''
  const json = /^<!-- async-pr:state (.*) -->$/.exec(line)?.[1]
  return json ? (JSON.parse(json) as Record<string, unknown>) : {}
}

function openingPrompt(request: MessagesRequest): string {
  const first = request.messages?.find((message) => message.role === 'user')
  if (!first) return ''
  if (typeof first.content === 'string') return first.content
  return (first.content as Array<{ type: string; text?: string }>)
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('\n')
}

function addComment(w: World, body: string) {
  const added = w.emulator.state.addComment(w.owner, w.repo, w.prNumber, { body, user: w.author })
  return {
    id: added.id,
    payload: issueCommentEvent({
      owner: w.owner,
      repo: w.repo,
      number: w.prNumber,
      commentId: added.id,
      body,
      commenter: { login: w.author },
      serverUrl: w.git.url,
    }),
  }
}

/**
 * A script for a run that writes `file` and is SIGKILLed whole once a checkpoint holds it.
 * Returns the step function and a promise of the kill.
 */
function writeThenLoseRunner(
  file: string,
  content: string,
  action: () => ChildProcess | undefined,
): { step: () => Step; killed: () => Promise<unknown> } {
  let steps = 0
  let killed: Promise<unknown> = Promise.resolve()
  return {
    step: () => {
      if (steps++ === 0) return writeFile(ws(file), content)
      killed = (async () => {
        const w = world!
        const held = await waitFor(
          async () => (await storedFile(w, checkpointRef(w), file)) === content,
          20_000,
        )
        expect(held).toBe(true)
        await killRunTree(action()!.pid!)
      })()
      return stall(60_000)
    },
    killed: () => killed,
  }
}

whenIsolated('lost work', () => {
  it('a checkpoint the next run could not recover (conflict, fallback branch refused) is kept, not deleted', async () => {
    let action: ChildProcess | undefined
    let phase: 'lost' | 'next' = 'lost'
    const lost = writeThenLoseRunner('part-one.txt', 'one\n', () => action)
    world = await createWorld({
      script: (): Step => (phase === 'lost' ? lost.step() : say('Nothing left to do.')),
    })
    const first = await world.run({
      inputs: { checkpoint_minutes: '0.01' },
      runId: 7201,
      onSpawn: (child) => (action = child),
      timeoutMs: 60_000,
    })
    await lost.killed()
    expect(first.signal).toBe('SIGKILL')
    expect(await refExists(world, checkpointRef(world))).toBe(true)

    // Someone else changed the same file on the branch, and the repository's rules refuse
    // new branches (GitHub's "Restrict creations"): the recovery can go neither way.
    await advanceBranch(world.gitRoot, world.fullName, world.headRef, {
      files: { 'part-one.txt': 'theirs\n' },
    })
    await installRejectHook(world.gitRoot, world.fullName, {
      refs: [`refs/heads/async-pr/${world.prNumber}-recovered-7202`],
      message: 'error: GH013: Repository rule violations found: cannot create branch',
    })
    phase = 'next'
    await world.freshRunner()
    await world.run({ runId: 7202, timeoutMs: 90_000 })

    // The lost run's work must still be somewhere on the server.
    expect(await anyRefHolds(world, 'part-one.txt', 'one\n')).toBe(true)
  })

  it('a re-run after a recovery that was itself lost is not "already done": the recovered WIP commit is not a delivery', async () => {
    let action: ChildProcess | undefined
    let phase: 'first' | 'second' | 'third' = 'first'
    const first = writeThenLoseRunner('part-one.txt', 'one\n', () => action)
    const second = writeThenLoseRunner('part-two.txt', 'two\n', () => action)
    world = await createWorld({
      script: ({ request }: ScriptContext): Step => {
        if (phase === 'first') return first.step()
        if (phase === 'second') return second.step()
        return openingPrompt(request).includes('part-two.txt')
          ? say('Parts one and two are there: done.')
          : say('Done.')
      },
    })
    const inputs = { checkpoint_minutes: '0.01' }
    const onSpawn = (child: ChildProcess) => (action = child)
    await world.run({ inputs, runId: 7301, onSpawn, timeoutMs: 60_000 })
    await first.killed()

    // Attempt 2 recovers part-one, writes part-two, checkpoints it, and is lost too.
    phase = 'second'
    await world.freshRunner()
    const rerun = await world.run({
      inputs,
      runId: 7301,
      runAttempt: 2,
      onSpawn,
      timeoutMs: 60_000,
    })
    await second.killed()
    expect(rerun.signal).toBe('SIGKILL')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-one.txt')).toBe('one\n')
    expect(await storedFile(world, checkpointRef(world), 'part-two.txt')).toBe('two\n')

    // Attempt 3: the task was never finished; part-two must come back.
    phase = 'third'
    await world.freshRunner()
    const third = await world.run({ inputs, runId: 7301, runAttempt: 3, timeoutMs: 90_000 })
    expect(third.outputs.skip_reason ?? '').toBe('')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-two.txt')).toBe('two\n')
  })
})

describe('a checkpoint left by a run that finished', () => {
  it("is not replayed onto the branch as a lost run's work (a file the run deleted stays deleted)", async () => {
    let phase: 'task' | 'follow-up' = 'task'
    let steps = 0
    world = await createWorld({
      script: (): Step => {
        if (phase === 'task')
          return steps++ === 0 ? writeFile(ws('main.txt'), 'main\n') : say('Wrote main.txt.')
        return say('Nothing more to do.')
      },
    })
    expect((await world.run({ runId: 7401 })).outputs.conclusion).toBe('success')
    const gitDir = bare(world)
    const delivered = await runGit(['log', '-1', '--format=%B', world.headRef], {
      env: { GIT_DIR: gitDir },
    })
    const runUrl = /^Async-PR-Run: (.*)$/m.exec(delivered)?.[1]
    expect(runUrl).toMatch(/\/runs\/7401/)
    // Run 7401's checkpoint from before its agent deleted scratch.txt, left on the server
    // because the delete at the end of the run failed (a network error, say): exactly what
    // Checkpoints.take() writes.
    const stale = await commitFiles(
      gitDir,
      world.headSha,
      { 'scratch.txt': 'a draft the agent deleted later\n' },
      [
        `Checkpoint of the work in progress of ${runUrl}`,
        '',
        `Async-PR-Run: ${runUrl}`,
        `Async-PR-Task: #${world.prNumber}`,
        `Async-PR-Checkpoint-Base: ${world.headSha}`,
        'Async-PR-Status-Comment: main',
      ].join('\n'),
    )
    await runGit(['update-ref', checkpointRef(world), stale], { env: { GIT_DIR: gitDir } })

    phase = 'follow-up'
    const followUp = addComment(world, '/async-pr check the greeting')
    await world.freshRunner()
    await world.run({ eventName: 'issue_comment', payload: followUp.payload, runId: 7402 })
    // Run 7401 reported its end (success): nothing of it was lost, nothing to bring back.
    expect(
      await fileAt(world.gitRoot, world.fullName, world.headRef, 'scratch.txt'),
    ).toBeUndefined()
    expect(
      statusComments(world)
        .map((c) => c.body)
        .join('\n'),
    ).not.toContain('**Recovered**')
  })
})

whenIsolated('a comment that keeps saying "working"', () => {
  it('a follow-up lost before its first checkpoint: the next run on the PR settles its comment', async () => {
    let action: ChildProcess | undefined
    let phase: 'task' | 'lost' | 'next' = 'task'
    let steps = 0
    let killed: Promise<unknown> = Promise.resolve()
    world = await createWorld({
      script: (): Step => {
        if (phase === 'task')
          return steps++ === 0 ? writeFile(ws('hello.txt'), 'hi\n') : say('Wrote hello.txt.')
        if (phase === 'next') return say('Nothing was left to do.')
        // Lost while it thinks, before it changed anything: no checkpoint to recover.
        killed = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 1_500))
          await killRunTree(action!.pid!)
        })()
        return stall(60_000)
      },
    })
    expect((await world.run({ runId: 7601 })).outputs.conclusion).toBe('success')
    phase = 'lost'
    const followUp = addComment(world, '/async-pr add part three')
    await world.freshRunner()
    const lost = await world.run({
      eventName: 'issue_comment',
      payload: followUp.payload,
      runId: 7602,
      inputs: { checkpoint_minutes: '0.01' },
      onSpawn: (child) => (action = child),
      timeoutMs: 60_000,
    })
    await killed
    expect(lost.signal).toBe('SIGKILL')
    const lostComment = () =>
      statusComments(world!).find((c) => c.body.includes(`async-pr:followup:${followUp.id}`))!
    expect(stateOf(lostComment().body).state).toBe('working')

    phase = 'next'
    const resume = addComment(world, '/async-pr continue')
    await world.freshRunner()
    await world.run({ eventName: 'issue_comment', payload: resume.payload, runId: 7603 })
    // Run 7602 ended long ago; its comment must not say it is still working.
    expect(stateOf(lostComment().body).state).not.toBe('working')
  })
})

whenIsolated('the budget across a chain', () => {
  it('a chain started by `/async-pr continue` counts that run’s cost in the continuation it dispatched', async () => {
    let phase: 'task' | 'chain' = 'task'
    let written = 0
    world = await createWorld({
      script: (): Step => {
        if (phase === 'task')
          return written++ === 0 ? writeFile(ws('hello.txt'), 'hi\n') : say('Done.')
        written++
        return writeFile(ws(`part-${written}.txt`), `${written}\n`)
      },
    })
    expect((await world.run({ runId: 8401 })).outputs.conclusion).toBe('success')

    phase = 'chain'
    const inputs = { max_turns: '2', max_continuations: '1', max_budget_usd: '5' }
    const resume = addComment(world, '/async-pr continue')
    await world.freshRunner()
    const human = await world.run({
      eventName: 'issue_comment',
      payload: resume.payload,
      runId: 8402,
      inputs,
    })
    expect(human.outputs.skip_reason ?? '').toBe('')
    const dispatches = world.emulator.state.dispatches
    expect(dispatches).toHaveLength(1)
    const humanCost = stateOf(
      statusComments(world).find((c) => c.body.includes(`async-pr:followup:${resume.id}`))!.body,
    ).costUsd as number
    expect(humanCost).toBeGreaterThan(0)

    await world.freshRunner()
    const dispatch = dispatches[0]!
    const next = await world.run({
      inputs,
      eventName: 'repository_dispatch',
      payload: repositoryDispatchEvent({
        owner: world.owner,
        repo: world.repo,
        eventType: 'async-pr-continue',
        clientPayload: dispatch.kind === 'repository_dispatch' ? dispatch.client_payload : {},
        sender: { login: world.patLogin },
        serverUrl: world.git.url,
      }),
      runId: 8403,
    })
    expect(next.outputs.skip_reason ?? '').toBe('')
    const state = stateOf(statusBody(world))
    expect(state.runUrl).toMatch(/\/runs\/8403$/)
    // max_budget_usd is for the whole chain: the run that started it spent humanCost.
    expect(state.chainCostUsd as number).toBeCloseTo(humanCost + (state.costUsd as number), 4)
  })
})

describe('a repository_dispatch async-pr did not send', () => {
  it('naming a run that finished its task (nothing stopped, nothing dispatched) starts nothing', async () => {
    let steps = 0
    world = await createWorld({
      script: (): Step => (steps++ === 0 ? writeFile(ws('hello.txt'), 'hi\n') : say('Done.')),
    })
    expect((await world.run({ runId: 8501 })).outputs.conclusion).toBe('success')
    const requestsBefore = world.model.requests.length
    world.emulator.state.addUser({ login: 'some-bot[bot]', type: 'Bot' })
    const forged = await world.run({
      eventName: 'repository_dispatch',
      payload: repositoryDispatchEvent({
        owner: world.owner,
        repo: world.repo,
        eventType: 'async-pr-continue',
        clientPayload: { pr_number: world.prNumber, run_id: '8501' },
        // Not the PAT's account, which is the only one async-pr sends dispatches with.
        sender: { login: 'some-bot[bot]', type: 'Bot' },
        serverUrl: world.git.url,
      }),
      runId: 8502,
      inputs: { max_continuations: '3' },
    })
    expect([forged.outputs.conclusion, forged.outputs.skip_reason]).toEqual([
      'skipped',
      'invalid_dispatch',
    ])
    expect(world.model.requests.length).toBe(requestsBefore)
  })
})

describe('cleaning up after the agent fails once its work is pushed', () => {
  it('the work stays on the branch, the run fails saying why, and it still reports', async () => {
    // A same-user agent can replace .git/config, which the action puts back after it.
    world = await createWorld({
      script: ({ step }) =>
        [
          writeFile(ws('done.txt'), 'done\n'),
          writeFile(ws('swap.sh'), 'rm .git/config && mkdir .git/config\n'),
          bash('bash swap.sh'),
          say('Wrote done.txt.'),
        ][step],
    })
    const run = await world.run({
      inputs: { isolate_agent: 'false', allowed_tools: 'Read,Write,Bash(bash:*)' },
    })
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'done.txt')).toBe('done\n')
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.outputs.commit_sha).toMatch(/^[0-9a-f]{40}$/)
    const body = statusBody(world)
    expect(body).toContain('Cleaning up after the agent failed, after its work was pushed')
    expect(body).toContain('done.txt')
    expect(run.stderr).not.toMatch(/unhandled|UnhandledPromiseRejection/i)
  })
})
