// Review-ready results (issue 11): verify, review and fix in one run, with the
// real CLI, the scripted model, real git and the GitHub emulator. The scripted
// model plays two parts: the worker (the task's session, resumed for fixes)
// and the reviewer (a fresh session whose requests offer StructuredOutput).

import { afterEach, describe, expect, it } from '@jest/globals'
import { readdir, readFile as readText } from 'node:fs/promises'
import path from 'node:path'
import { fileAt, git as runGit } from '../harness/git/index.js'
import {
  bash,
  byRole,
  isReviewer,
  promptOf,
  say,
  useTool,
  writeFile,
  type Step,
} from '../harness/model/index.js'
import { closeWorld, statusBody } from '../harness/status.js'
import { createWorld, type World } from '../harness/world.js'

let world: World | undefined
afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

const ws = (file: string) => path.join(world!.checkout.workspace, file)

const verdict = (answer: object): Step => useTool('StructuredOutput', answer)

async function subjects(w: World): Promise<string[]> {
  const gitDir = path.join(w.gitRoot, `${w.fullName}.git`)
  const log = await runGit(['log', '--format=%s', `${w.headSha}..${w.headRef}`], {
    env: { GIT_DIR: gitDir },
  })
  return log.split('\n').filter(Boolean).reverse()
}

describe('verify', () => {
  it('runs the agent and its checks at a lower CPU priority than the action watching them', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [bash('nice > niceness.txt'), say('Wrote my niceness.')],
        fixes: [],
      })),
    })
    const run = await world.run({
      inputs: { allowed_tools: 'Bash', verify: 'test "$(nice)" = 10' },
    })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.verify_result).toBe('passed')
    // The agent's own processes (the CLI and the tools it runs) inherit it.
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'niceness.txt')).toBe('10\n')
  })

  it('fails once, the resumed session fixes it, verify passes: success, two commits', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('Wrote hello.txt.')],
        fixes: [
          [writeFile(ws('hello.txt'), 'hi, and a friendly hello\n'), say('Made it friendly.')],
        ],
      })),
    })
    const run = await world.run({
      inputs: { verify: 'test -f hello.txt\ncat hello.txt && grep -q friendly hello.txt' },
    })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.verify_result).toBe('passed')
    expect(run.outputs.rounds).toBe('1')
    expect(await subjects(world)).toEqual([
      'Add a greeting',
      'Fix: cat hello.txt && grep -q friendly hello.txt (round 1)',
    ])
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
      'hi, and a friendly hello\n',
    )
    // The fix session resumed the worker's conversation and saw the failing command and its output.
    const fixRequest = world.model.requests.find((r) =>
      promptOf(r.body!).includes('fix attempt 1 of 2'),
    )
    expect(fixRequest).toBeDefined()
    const fixPrompt = promptOf(fixRequest!.body!)
    expect(fixPrompt).toContain('cat hello.txt && grep -q friendly hello.txt')
    expect(fixPrompt).toContain('exited with status 1')
    expect(fixPrompt).toMatch(/<CHECK_OUTPUT>\nhi\n<\/CHECK_OUTPUT>/)
    expect(JSON.stringify(fixRequest!.body!.messages)).toContain('Wrote hello.txt.')
    const body = statusBody(world)
    expect(body).toContain('**Verification** ✅ passed after 1 fix round')
    expect(body).toMatch(/✅ `cat hello\.txt && grep -q friendly hello\.txt` · \d/)
    expect(body).toContain('Sessions (2)')
    // The fix round's own words are in the report, the first pass's summary leads it.
    expect(body).toMatch(/\*\*Fix rounds\*\*[\s\S]*> Made it friendly\./)
    expect(body).toContain('> Wrote hello.txt.')
  })

  it('never passes: failure, the work pushed, the failing command and the end of its output quoted', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('Wrote it.')],
        fixes: [
          [writeFile(ws('hello.txt'), 'still hi\n'), say('Tried.')],
          [writeFile(ws('hello.txt'), 'hi again\n'), say('Tried again.')],
        ],
      })),
    })
    const run = await world.run({
      inputs: { verify: 'echo "checking hello.txt"; echo "FAIL: no friendly greeting" >&2; false' },
    })
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.outputs.verify_result).toBe('failed')
    expect(run.outputs.rounds).toBe('2')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
      'hi again\n',
    )
    expect(await subjects(world)).toHaveLength(3)
    const body = statusBody(world)
    expect(body).toContain('### ❌ async-pr finished, but a check still fails')
    expect(body).toContain('still fails after 2 fix attempts: it exits with status 1')
    expect(body).toContain('**Verification** ❌ failed after 2 fix attempts')
    expect(body).toMatch(/checking hello\.txt\nFAIL: no friendly greeting\n/)
  })

  it('kills what a verify command leaves running before anything is pushed', async () => {
    world = await createWorld({
      script: byRole(() => ({ firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('ok')] })),
    })
    const marker = `async-pr-verify-daemon-${Date.now()}`
    const run = await world.run({
      inputs: { verify: `(setsid sleep 300 --${marker} >/dev/null 2>&1 &) ; true` },
    })
    expect(run.outputs.conclusion).toBe('success')
    let alive = 0
    for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
      const cmdline = await readText(`/proc/${pid}/cmdline`, 'latin1').catch(() => '')
      if (cmdline.includes(marker)) alive++
    }
    expect(alive).toBe(0)
  })
})

const finding = (overrides: object = {}) => ({
  path: 'hello.txt',
  line: 1,
  severity: 'major',
  what: 'The greeting is not friendly',
  why: 'The task asks for a friendly greeting.',
  ...overrides,
})

describe('review', () => {
  it('requests changes, the fix addresses them, the next review approves', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('Wrote hello.txt.')],
        fixes: [[writeFile(ws('hello.txt'), 'Hello, friend!\n'), say('Made it friendly.')]],
        reviews: [
          [verdict({ verdict: 'changes_requested', findings: [finding()] })],
          [verdict({ verdict: 'approved', findings: [] })],
        ],
      })),
    })
    const run = await world.run({ inputs: { review_cycles: '2' } })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.review_verdict).toBe('approved')
    expect(run.outputs.rounds).toBe('1')
    expect(await subjects(world)).toEqual(['Add a greeting', 'Address review (round 1)'])
    // The reviewer saw the task and the diff; the fix saw the findings.
    const reviewerPrompt = promptOf(world.model.requests.find((r) => isReviewer(r.body!))!.body!)
    expect(reviewerPrompt).toContain('Create `hello.txt` containing a friendly greeting.')
    expect(reviewerPrompt).toMatch(/<DIFF>[\s\S]*\+hi/)
    const fixPrompt = promptOf(
      world.model.requests.find((r) => promptOf(r.body!).includes('review cycle 1 of 2'))!.body!,
    )
    expect(fixPrompt).toContain('hello.txt:1 [major] The greeting is not friendly')
    const body = statusBody(world)
    expect(body).toContain('### ✅ async-pr finished the task')
    expect(body).toContain('**Review** ✅ approved (2 reviews)')
    // Approved without findings: nothing to post as a PR review.
    expect(world.emulator.state.reviewsOn(world.owner, world.repo, world.prNumber)).toEqual([])
  })

  it('uses up its cycles: success, review_verdict changes_requested, the findings listed and posted on diff lines', async () => {
    const findings = [
      finding({ what: 'Still not friendly' }),
      finding({ path: 'README.md', line: 1, severity: 'minor', what: 'Mention the greeting' }),
      finding({ path: '', line: undefined, severity: 'minor', what: 'No test covers it' }),
    ]
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('Wrote hello.txt.')],
        fixes: [[writeFile(ws('hello.txt'), 'hi there\n'), say('Tried.')]],
        reviews: [
          [verdict({ verdict: 'changes_requested', findings: [finding()] })],
          [verdict({ verdict: 'changes_requested', findings })],
        ],
      })),
    })
    const run = await world.run({ inputs: { review_cycles: '1' } })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.review_verdict).toBe('changes_requested')
    expect(run.outputs.rounds).toBe('1')
    const body = statusBody(world)
    expect(body).toContain('### ✅ async-pr finished — the review left 3 findings for you')
    // The state line says so too: the CLI's fleet table reads it ("needs review").
    expect(body).toMatch(/<!-- async-pr:state \{.*"reviewVerdict":"changes_requested".*\} -->\s*$/)
    expect(body).toContain('**Review** ❌ changes requested: 3 findings left (2 reviews)')
    expect(body).toMatch(
      /`hello\.txt:1`: Still not friendly .*\(\[view\]\(http.*\/blob\/[0-9a-f]{40}\/hello\.txt#L1\)\)/,
    )
    // One real PR review: the finding on a diff line inline, the others (README.md is not in the diff) in its body.
    const [review] = world.emulator.state.reviewsOn(world.owner, world.repo, world.prNumber)
    expect(review).toBeDefined()
    expect(review!.state).toBe('COMMENTED')
    expect(review!.body).toContain('Mention the greeting')
    expect(review!.body).toContain('No test covers it')
    const threads = world.emulator.state.threadsOn(world.owner, world.repo, world.prNumber)
    expect(threads.map((t) => [t.path, t.original_line])).toEqual([['hello.txt', 1]])
    const inline = world.emulator.state.reviewCommentsOn(world.owner, world.repo, world.prNumber)
    expect(inline).toHaveLength(1)
    expect(inline[0]!.body).toContain('Still not friendly')
    expect(body).toContain('the review on this PR')
  })

  it('never takes an unreadable answer as approval', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('ok')],
        reviews: [[say('Looks good to me!'), say('Approved, really.'), say('LGTM'), say('Fine.')]],
      })),
    })
    const run = await world.run({ inputs: { review_cycles: '1' } })
    expect(run.outputs.review_verdict).toBe('changes_requested')
    const body = statusBody(world)
    expect(body).toContain('could not be read')
    expect(body).not.toContain('✅ approved')
  })

  it('refuses a reviewer that tries to write or run anything beyond read-only git', async () => {
    world = await createWorld({
      script: byRole(() => ({
        firstPass: [writeFile(ws('hello.txt'), 'hi\n'), say('ok')],
        reviews: [
          [
            writeFile(ws('hello.txt'), 'rewritten by the reviewer\n'),
            bash('touch reviewer-was-here'),
            bash('git log --output=reviewer-log.txt'),
            verdict({ verdict: 'approved', findings: [] }),
          ],
        ],
      })),
    })
    const run = await world.run({ inputs: { review_cycles: '1' } })
    expect(run.outputs.conclusion).toBe('success')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe('hi\n')
    expect(
      await fileAt(world.gitRoot, world.fullName, world.headRef, 'reviewer-was-here'),
    ).toBeUndefined()
    const reviewer = world.model.requests.filter((r) => isReviewer(r.body!)).at(-1)!
    const results = JSON.stringify(reviewer.body!.messages)
    expect(results).toMatch(/No such tool available: Write|Write.*not (allowed|available)/)
    expect(results).toMatch(
      /touch.*needs approval|requires approval|This command requires approval/,
    )
    expect(results).toContain('async-pr refused: git --output')
  })
})
