// Nothing lost (issue 13): checkpoints while the agent works, the work of a
// runner lost to SIGKILL restored by the next run, a stopped session resumed
// by `/async-pr continue` or by the continuation the run dispatched itself,
// and dispatches async-pr did not send refused. Real CLI, scripted model,
// real git with the token-checking server, the REST emulator.

import { afterEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { issueCommentEvent } from '../harness/events.js'
import { fileAt, git as runGit, tryGit } from '../harness/git/index.js'
import { killRunTree, waitFor } from '../harness/lost-runner.js'
import {
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
if (!canIsolate) {
  console.warn(
    'nothing-lost.e2e: no root and no passwordless sudo, so no checkpoints (they need the separate user): skipped',
  )
}

const ws = (file: string) => path.join(world!.checkout.workspace, file)
const bare = (w: World) => path.join(w.gitRoot, `${w.fullName}.git`)
const checkpointRef = (w: World) => `refs/async-pr/${w.prNumber}/checkpoint`
const sessionRef = (w: World) => `refs/async-pr/${w.prNumber}/session`

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
