// Nothing lost (issue 13): checkpoints while the agent works, the work of a
// runner lost to SIGKILL restored by the next run, a stopped session resumed
// by `/async-pr continue` or by the continuation the run dispatched itself,
// and dispatches async-pr did not send refused. Real CLI, scripted model,
// real git with the token-checking server, the REST emulator.

import { afterEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { issueCommentEvent, repositoryDispatchEvent } from '../harness/events.js'
import { createBranch, fileAt, git as runGit, tryGit } from '../harness/git/index.js'
import { killRunTree, recordRefUpdates, waitFor } from '../harness/lost-runner.js'
import {
  say,
  stall,
  useTool,
  useTools,
  writeFile,
  type MessagesRequest,
  type ModelScript,
  type ScriptContext,
  type Step,
} from '../harness/model/index.js'
import { closeWorld, statusBody, statusComments } from '../harness/status.js'
import type { Dispatch } from '../harness/github/index.js'
import { createWorld, type World } from '../harness/world.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const canIsolate =
  process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
const whenIsolated = canIsolate ? describe : describe.skip
if (!canIsolate) {
  console.warn(
    'nothing-lost.e2e: no root and no passwordless sudo, so no checkpoints (they need the separate user): skipped',
  )
}

const ws = (file: string) => path.join(world!.checkout.workspace, file)
const bare = (w: World) => path.join(w.gitRoot, `${w.fullName}.git`)
const checkpointRef = (w: World) => `refs/async-pr/${w.prNumber}/checkpoint`
const sessionRef = (w: World) => `refs/async-pr/${w.prNumber}/session`

/** Steps built when the model is first asked (the world, and its paths, exist by then). */
function lazy(build: () => Step[]): ModelScript {
  let steps: Step[] | undefined
  return ({ step }) => (steps ??= build())[step]
}

/** A file of a ref in the bare repository, or undefined. */
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

async function commitsOnBranch(w: World): Promise<Array<{ subject: string; body: string }>> {
  const log = await runGit(['log', '--format=%s%x00%B%x1e', `${w.headSha}..${w.headRef}`], {
    env: { GIT_DIR: bare(w) },
  })
  return log
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [subject = '', body = ''] = record.split('\0')
      return { subject, body }
    })
    .reverse()
}

/** The state a status comment's hidden last line holds. */
function stateOf(body: string): Record<string, unknown> {
  const line = body.trimEnd().split('\n').at(-1) ?? ''
  const json = /^<!-- async-pr:state (.*) -->$/.exec(line)?.[1]
  return json ? (JSON.parse(json) as Record<string, unknown>) : {}
}

/** All the text of a request's conversation (what the model is shown). */
const conversation = (request: MessagesRequest) => JSON.stringify(request.messages ?? [])

/** The first user text of the request's conversation: the prompt the session began with. */
function openingPrompt(request: MessagesRequest): string {
  const first = request.messages?.find((message) => message.role === 'user')
  if (!first) return ''
  if (typeof first.content === 'string') return first.content
  return (first.content as Array<{ type: string; text?: string }>)
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('\n')
}

/** The text of the newest user turn that is not a tool result: what the session was just told. */
function latestPrompt(request: MessagesRequest): string {
  for (const message of [...(request.messages ?? [])].reverse()) {
    if (message.role !== 'user') continue
    if (typeof message.content === 'string') return message.content
    const texts = (message.content as Array<{ type: string; text?: string }>)
      .filter((block) => block.type === 'text')
      .map((block) => block.text ?? '')
    if (texts.length > 0) return texts.join('\n')
  }
  return ''
}

whenIsolated('a runner lost to SIGKILL', () => {
  it('loses nothing: the next run restores the checkpoint as a WIP commit, tells the agent, and says so', async () => {
    let action: ChildProcess | undefined
    let killed: Promise<unknown> = Promise.resolve()
    let firstRun = 0
    const secondRunPrompts: string[] = []
    world = await createWorld({
      script: ({ request }: ScriptContext): Step | undefined => {
        const prompt = openingPrompt(request)
        if (prompt.includes('stopped without reporting')) {
          secondRunPrompts.push(prompt)
          return say('Checked part one and part two, restored from the lost run: the task is done.')
        }
        const steps = [
          writeFile(ws('part-one.txt'), 'one\n'),
          writeFile(ws('part-two.txt'), 'two\n'),
        ]
        const step = steps[firstRun++]
        if (step) return step
        // Both files are written; once a checkpoint holds them, the runner is lost.
        killed = (async () => {
          const w = world!
          const checkpointed = await waitFor(
            async () => (await storedFile(w, checkpointRef(w), 'part-two.txt')) === 'two\n',
            20_000,
          )
          expect(checkpointed).toBe(true)
          await killRunTree(action!.pid!)
        })()
        return stall(60_000)
      },
    })
    const lost = await world.run({
      inputs: { checkpoint_minutes: '0.01' },
      runId: 7001,
      onSpawn: (child) => (action = child),
      timeoutMs: 60_000,
    })
    await killed
    expect(lost.signal).toBe('SIGKILL')
    // The lost run left its comment saying "working", and no commit.
    expect(stateOf(statusBody(world)).state).toBe('working')
    expect(await commitsOnBranch(world)).toEqual([])
    expect(await refExists(world, checkpointRef(world))).toBe(true)

    // A re-run of the job, on a new machine.
    await world.freshRunner()
    const rerun = await world.run({ runId: 7001, runAttempt: 2, timeoutMs: 90_000 })
    expect(rerun.outputs.conclusion).toBe('success')
    const commits = await commitsOnBranch(world)
    expect(commits.map((c) => c.subject)).toEqual(['WIP: recovered from run 7001'])
    expect(commits[0]!.body).toMatch(/^Async-PR-Recovered: [0-9a-f]{40}$/m)
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-one.txt')).toBe('one\n')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-two.txt')).toBe('two\n')
    // Recovered, so the checkpoint is gone; the run ended well, so no session is kept either.
    expect(await refExists(world, checkpointRef(world))).toBe(false)
    expect(await refExists(world, sessionRef(world))).toBe(false)

    // The agent was told what came back, file by file.
    expect(secondRunPrompts[0]).toContain('/runs/7001')
    expect(secondRunPrompts[0]).toMatch(/<RECOVERED_FILES[^>]*>\npart-one\.txt\npart-two\.txt\n/)

    // The comment says so and no longer says "working".
    const body = statusBody(world)
    expect(body).toContain('♻️ **Recovered** the work of [run 7001]')
    expect(body).toContain('2 files restored from its last checkpoint')
    expect(stateOf(body).state).toBe('success')
    expect(statusComments(world)).toHaveLength(1)
  })

  it('a lost follow-up: its own comment stops saying "working", and `continue` resumes its session with its work restored', async () => {
    let action: ChildProcess | undefined
    let killed: Promise<unknown> = Promise.resolve()
    let followUpSteps = 0
    let taskSteps = 0
    let resumedConversation = ''
    world = await createWorld({
      script: ({ request }: ScriptContext): Step | undefined => {
        const latest = latestPrompt(request)
        if (latest.includes('This session stopped before the work was done')) {
          resumedConversation = conversation(request)
          return say('Part three was already there; finished the follow-up.')
        }
        if (openingPrompt(request).includes('<INSTRUCTION')) {
          if (followUpSteps++ === 0) return writeFile(ws('part-three.txt'), 'three\n')
          killed = (async () => {
            const w = world!
            expect(
              await waitFor(
                async () =>
                  (await storedFile(w, checkpointRef(w), 'part-three.txt')) === 'three\n' &&
                  (await refExists(w, sessionRef(w))),
                20_000,
              ),
            ).toBe(true)
            await killRunTree(action!.pid!)
          })()
          return stall(60_000)
        }
        return taskSteps++ === 0 ? writeFile(ws('hello.txt'), 'hello\n') : say('Created hello.txt.')
      },
    })
    expect((await world.run({ runId: 7101 })).outputs.conclusion).toBe('success')

    const comment = (body: string) => {
      const added = world!.emulator.state.addComment(world!.owner, world!.repo, world!.prNumber, {
        body,
        user: world!.author,
      })
      return {
        id: added.id,
        payload: issueCommentEvent({
          owner: world!.owner,
          repo: world!.repo,
          number: world!.prNumber,
          commentId: added.id,
          body,
          commenter: { login: world!.author },
          serverUrl: world!.git.url,
        }),
      }
    }
    const followUp = comment('/async-pr add part three')
    await world.freshRunner()
    const lost = await world.run({
      eventName: 'issue_comment',
      payload: followUp.payload,
      runId: 7102,
      inputs: { checkpoint_minutes: '0.01' },
      onSpawn: (child) => (action = child),
      timeoutMs: 60_000,
    })
    await killed
    expect(lost.signal).toBe('SIGKILL')
    const followUpComment = () =>
      statusComments(world!).find((c) => c.body.includes(`async-pr:followup:${followUp.id}`))!
    expect(stateOf(followUpComment().body).state).toBe('working')

    const resume = comment('/async-pr continue')
    await world.freshRunner()
    const resumed = await world.run({
      eventName: 'issue_comment',
      payload: resume.payload,
      runId: 7103,
      timeoutMs: 90_000,
    })
    expect(resumed.outputs.conclusion).toBe('success')
    // The lost session itself went on: the model saw what it had done before the kill.
    expect(resumedConversation).toContain('part-three.txt')
    expect(resumedConversation).toContain('add part three')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'part-three.txt')).toBe(
      'three\n',
    )
    expect((await commitsOnBranch(world)).map((c) => c.subject)).toEqual([
      'Add a greeting',
      'WIP: recovered from run 7102',
    ])
    // The lost follow-up's comment now says what happened, and points at the run that went on.
    const dead = followUpComment().body
    expect(dead).toContain('### ⚠️ async-pr stopped without reporting')
    expect(dead).toContain('[run 7102]')
    expect(dead).toContain('/runs/7103')
    expect(stateOf(dead).state).toBe('failure')
    const continued = statusComments(world).find((c) =>
      c.body.includes(`async-pr:followup:${resume.id}`),
    )!.body
    expect(continued).toContain('♻️ **Recovered** the work of [run 7102]')
    expect(stateOf(continued).state).toBe('success')
    // One comment each: the task's, the lost follow-up's (rewritten in place), the continuation's.
    expect(statusComments(world)).toHaveLength(3)
    expect(await refExists(world, sessionRef(world))).toBe(false)
  })
})

whenIsolated('checkpoints while the agent works', () => {
  it('come only when the tree changed, carry no workflow file or secret-shaped token, and go when the run delivers', async () => {
    const token = `ghp_${'Q7'.repeat(18)}`
    world = await createWorld({
      script: lazy(() => [
        writeFile(ws('a.txt'), 'a\n'),
        // Several checkpoint intervals pass after each step.
        stall(2_500, useTool('Read', { file_path: ws('a.txt') })),
        stall(
          2_500,
          useTools([
            {
              name: 'Write',
              input: { file_path: ws('.github/workflows/evil.yml'), content: 'on: push\n' },
            },
            { name: 'Write', input: { file_path: ws('leak.txt'), content: `token=${token}\n` } },
            { name: 'Write', input: { file_path: ws('b.txt'), content: 'b\n' } },
          ]),
        ),
        stall(2_500, say('Wrote a.txt and b.txt.')),
      ]),
    })
    const updates = await recordRefUpdates(bare(world))
    const run = await world.run({ inputs: { checkpoint_minutes: '0.01' }, timeoutMs: 90_000 })
    // Pushed without leak.txt, which makes the result incomplete, as for any run.
    expect(run.outputs.conclusion).toBe('failure')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'b.txt')).toBe('b\n')

    const checkpoints = (await updates()).filter((u) => u.ref === checkpointRef(world!))
    const zero = '0'.repeat(40)
    // Created with a.txt, updated, deleted at the end. A checkpoint may land while
    // the three Writes run (a checkpoint is taken while a tool runs, and a file being
    // written can be caught empty), so more than one update can come; never one that
    // changes nothing, which is what a checkpoint while only the Read ran would be.
    expect(checkpoints.length).toBeGreaterThanOrEqual(3)
    expect(checkpoints[0]).toMatchObject({ old: zero })
    expect(checkpoints.at(-1)).toMatchObject({ new: zero })
    const kept = checkpoints.slice(0, -1).map((u) => u.new)
    expect(kept).not.toContain(zero)
    const files = async (sha: string) =>
      (await runGit(['ls-tree', '-r', '--name-only', sha], { env: { GIT_DIR: bare(world!) } }))
        .split('\n')
        .filter(Boolean)
    const trees = await Promise.all(
      kept.map((sha) => runGit(['rev-parse', `${sha}^{tree}`], { env: { GIT_DIR: bare(world!) } })),
    )
    expect(new Set(trees).size).toBe(trees.length)
    const first = kept[0]!
    const second = kept.at(-1)!
    expect(await files(first)).toEqual(['README.md', 'a.txt'])
    expect(await files(second)).toEqual(['README.md', 'a.txt', 'b.txt'])
    for (const sha of kept) expect(await files(sha)).not.toContain('.github/workflows/evil.yml')
    const all = await runGit(['cat-file', '-p', `${second}:b.txt`], {
      env: { GIT_DIR: bare(world) },
    })
    expect(all).toBe('b') // (trimmed)
    // The token is in no object the server received, checkpoint or branch.
    const objects = await runGit(['cat-file', '--batch-all-objects', '--batch'], {
      env: { GIT_DIR: bare(world) },
    })
    expect(objects).not.toContain(token)
    // The checkpoint's commit says whose work it is, on which base.
    const message = await runGit(['log', '-1', '--format=%B', second], {
      env: { GIT_DIR: bare(world) },
    })
    expect(message).toMatch(/^Async-PR-Checkpoint-Base: [0-9a-f]{40}$/m)
    expect(message).toContain(`Async-PR-Task: #${world.prNumber}`)
    // No branch was created for them, and the session went with the checkpoint.
    expect((await updates()).filter((u) => u.ref.startsWith('refs/heads/async-pr'))).toEqual([])
    expect(await refExists(world, sessionRef(world))).toBe(false)
    expect(run.stdout).toMatch(/async-pr checkpoint: pushed [0-9a-f]{7} in \d+ ms/)
  })

  it('are not taken when the agent runs as the action’s own user, and the log says why', async () => {
    world = await createWorld({
      script: lazy(() => [writeFile(ws('a.txt'), 'a\n'), stall(1_500, say('Wrote a.txt.'))]),
    })
    const updates = await recordRefUpdates(bare(world))
    const run = await world.run({ inputs: { checkpoint_minutes: '0.01', isolate_agent: 'false' } })
    expect(run.outputs.conclusion).toBe('success')
    expect((await updates()).filter((u) => u.ref.startsWith('refs/async-pr/'))).toEqual([])
    expect(run.stdout).toContain(
      '::warning::No checkpoints: the agent runs as the action’s own user',
    )
  })
})

/** The client_payload of a repository_dispatch the run sent. */
function sent(dispatch: Dispatch | undefined): Record<string, unknown> {
  if (dispatch?.kind !== 'repository_dispatch') throw new Error('no repository_dispatch was sent')
  return dispatch.client_payload
}

/** A repository_dispatch as GitHub delivers the one async-pr sent (or one a test forges). */
function dispatchEvent(w: World, clientPayload: Record<string, unknown>) {
  return repositoryDispatchEvent({
    owner: w.owner,
    repo: w.repo,
    eventType: 'async-pr-continue',
    clientPayload,
    sender: { login: w.patLogin },
    serverUrl: w.git.url,
  })
}

whenIsolated('continuing a stopped run', () => {
  it('max_turns with max_continuations 2: continues twice in the same session, then stops with a handover', async () => {
    let run = 0
    let written = 0
    const seen: Array<{ run: number; conversation: string; latest: string }> = []
    world = await createWorld({
      // The agent never finishes: every turn writes one more file, so each run ends on max_turns.
      script: ({ request }: ScriptContext): Step => {
        seen.push({ run, conversation: conversation(request), latest: latestPrompt(request) })
        written++
        return writeFile(ws(`part-${written}.txt`), `${written}\n`)
      },
    })
    const inputs = { max_turns: '2', max_continuations: '2' }
    run = 1
    const first = await world.run({ inputs, runId: 8001 })
    expect(first.outputs.skip_reason ?? '').toBe('')
    const dispatches = world.emulator.state.dispatches
    expect(dispatches).toHaveLength(1)
    expect(dispatches[0]).toMatchObject({
      kind: 'repository_dispatch',
      event_type: 'async-pr-continue',
      client_payload: { pr_number: world.prNumber, run_id: '8001' },
      // Sent with the PAT, so the workflow's own token needs no contents: write.
      sender: world.patLogin,
    })
    expect(statusBody(world)).toContain('🔁 **continuing (1 of 2)**')

    for (const [index, runId] of [
      [1, 8002],
      [2, 8003],
    ] as const) {
      run = index + 1
      await world.freshRunner()
      const next = await world.run({
        inputs,
        eventName: 'repository_dispatch',
        payload: dispatchEvent(world, sent(dispatches[index - 1])),
        runId,
      })
      expect(next.outputs.skip_reason ?? '').toBe('')
      // The same conversation: the model sees what the earlier runs did and was told why it goes on.
      const opening = seen.find((entry) => entry.run === run)!
      expect(opening.conversation).toContain('part-1.txt')
      expect(opening.conversation).toContain(`part-${2 * index}.txt`)
      expect(opening.latest).toContain('This session stopped before the work was done')
      expect(next.outputs.session_id).toBe(first.outputs.session_id)
    }
    // Two continuations ran; the third was not started.
    expect(dispatches).toHaveLength(2)
    const commits = await commitsOnBranch(world)
    const continuationOf = (body: string) => /^Async-PR-Continuation: (\d+)$/m.exec(body)?.[1]
    expect(commits.map((c) => continuationOf(c.body))).toEqual([undefined, '1', '2'])
    for (let n = 1; n <= 6; n++) {
      expect(await fileAt(world.gitRoot, world.fullName, world.headRef, `part-${n}.txt`)).toBe(
        `${n}\n`,
      )
    }
    const body = statusBody(world)
    expect(body).toContain('🔁 This run was continuation 2 of 2. Cost so far across the chain: $')
    expect(body).toContain('No further continuation: max_continuations (2) are used up.')
    expect(body).toContain('**To pick it up**')
    expect(body).toContain(
      '- Comment `/async-pr continue` (an instruction may follow it): it resumes this Claude Code session where it stopped.',
    )
    const chainCost = stateOf(body).chainCostUsd as number
    expect(chainCost).toBeGreaterThan(stateOf(body).costUsd as number)
    // The session is kept for that comment.
    expect(await refExists(world, sessionRef(world))).toBe(true)

    // Sending either dispatch again starts nothing: the chain is used up, as the branch says.
    for (const dispatch of dispatches) {
      const replay = await world.run({
        inputs,
        eventName: 'repository_dispatch',
        payload: dispatchEvent(world, sent(dispatch)),
        runId: 8009,
      })
      expect(replay.outputs.skip_reason).toBe('invalid_dispatch')
      expect(replay.stdout).toContain('this dispatch is a replay')
    }
  })

  it('`/async-pr continue` after a timeout resumes the session, with the instruction that follows it', async () => {
    let phase: 'first' | 'continue' = 'first'
    let firstSteps = 0
    let resumed: { conversation: string; latest: string } | undefined
    world = await createWorld({
      script: ({ request }: ScriptContext): Step | undefined => {
        if (phase === 'continue') {
          if (!resumed) {
            resumed = { conversation: conversation(request), latest: latestPrompt(request) }
            return writeFile(ws('b.txt'), 'b\n')
          }
          return say('Wrote b.txt as asked; the task is done.')
        }
        if (firstSteps++ === 0) return writeFile(ws('a.txt'), 'a\n')
        return stall(60_000)
      },
    })
    const stopped = await world.run({ inputs: { timeout_minutes: '0.05' }, runId: 8101 })
    expect(stopped.outputs.conclusion).toBe('timed_out')
    const handover = statusBody(world)
    expect(handover).toContain('**To pick it up**')
    expect(handover).toContain('`/async-pr continue`')
    expect(handover).toContain('resumes this Claude Code session where it stopped')
    expect(await refExists(world, sessionRef(world))).toBe(true)

    phase = 'continue'
    const body = '/async-pr continue and also write b.txt'
    const added = world.emulator.state.addComment(world.owner, world.repo, world.prNumber, {
      body,
      user: world.author,
    })
    await world.freshRunner()
    const run = await world.run({
      eventName: 'issue_comment',
      payload: issueCommentEvent({
        owner: world.owner,
        repo: world.repo,
        number: world.prNumber,
        commentId: added.id,
        body,
        commenter: { login: world.author },
        serverUrl: world.git.url,
      }),
      runId: 8102,
    })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.session_id).toBe(stopped.outputs.session_id)
    expect(resumed!.conversation).toContain('a.txt')
    expect(resumed!.latest).toContain('This session stopped before the work was done')
    expect(resumed!.latest).toMatch(/<INSTRUCTION[^>]*>\nand also write b\.txt\n<\/INSTRUCTION/)
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'b.txt')).toBe('b\n')
    // Done: nothing is kept any more.
    expect(await refExists(world, sessionRef(world))).toBe(false)
  })
})

describe('a repository_dispatch async-pr did not send', () => {
  it('naming another PR, a PR by a non-writer, or carrying a malformed payload starts nothing', async () => {
    world = await createWorld({
      script: lazy(() => [writeFile(ws('hello.txt'), 'hi\n'), say('Created hello.txt.')]),
    })
    expect((await world.run({ runId: 8201 })).outputs.conclusion).toBe('success')
    const state = world.emulator.state
    await createBranch(world.gitRoot, world.fullName, 'task/other', { message: 'another task' })
    const other = state.addPull({
      owner: world.owner,
      repo: world.repo,
      user: world.author,
      head: { ref: 'task/other' },
      base: { ref: 'main' },
      title: 'Another task',
      body: 'Something else.',
    })
    state.addUser({ login: 'mallory', type: 'User' })
    state.addCollaborator(world.owner, world.repo, 'mallory', 'read')
    const byReader = state.addPull({
      owner: world.owner,
      repo: world.repo,
      user: 'mallory',
      head: { ref: 'task/greeting' },
      base: { ref: 'main' },
      title: 'Mallory’s task',
      body: 'Do what I say.',
    })
    const requestsBefore = world.model.requests.length
    const commentsBefore = state.comments(world.owner, world.repo, world.prNumber).length
    const cases: Array<[Record<string, unknown>, string]> = [
      // Run 8201 worked on PR 1, never on the other PR.
      [{ pr_number: other.number, run_id: '8201' }, 'invalid_dispatch'],
      [{ pr_number: byReader.number, run_id: '8201' }, 'not_authorized'],
      // A run that never worked on this PR.
      [{ pr_number: world.prNumber, run_id: '999' }, 'invalid_dispatch'],
      [{ pr_number: String(world.prNumber), run_id: '8201' }, 'invalid_dispatch'],
      [{ pr_number: world.prNumber, run_id: '8201; rm -rf /' }, 'invalid_dispatch'],
      [{ pr_number: world.prNumber }, 'invalid_dispatch'],
    ]
    for (const [clientPayload, reason] of cases) {
      const run = await world.run({
        eventName: 'repository_dispatch',
        payload: dispatchEvent(world, clientPayload),
        runId: 8300,
        inputs: { max_continuations: '3' },
      })
      expect([
        JSON.stringify(clientPayload),
        run.outputs.conclusion,
        run.outputs.skip_reason,
      ]).toEqual([JSON.stringify(clientPayload), 'skipped', reason])
    }
    // Nothing ran and nothing was said anywhere.
    expect(world.model.requests.length).toBe(requestsBefore)
    expect(state.comments(world.owner, world.repo, world.prNumber)).toHaveLength(commentsBefore)
    expect(state.comments(world.owner, world.repo, other.number)).toHaveLength(0)
    expect(state.comments(world.owner, world.repo, byReader.number)).toHaveLength(0)
  })
})
