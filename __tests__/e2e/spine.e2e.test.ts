// The action's spine, end to end on real parts: the bundled action, the real
// Claude Code CLI driven by a scripted model, real git over smart HTTP, and the
// GitHub REST emulator that checks every request against GitHub's OpenAPI description.

import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { advanceBranch, branchSha, fileAt, git as runGit } from '../harness/git/index.js'
import { bash, say, writeFile } from '../harness/model/index.js'
import { createWorld, type World } from '../harness/world.js'
import { closeWorld, statusComments } from '../harness/status.js'

let world: World | undefined

/** The upstream of the branch the workspace is on, as git names it. */
function upstreamOf(w: World): Promise<string> {
  return runGit(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], {
    cwd: w.checkout.workspace,
  })
}

afterEach(async () => {
  await closeWorld(world)
  world = undefined
})

describe('the action on a pull request', () => {
  it('commits the agent’s work to the PR branch and reports it, starting from a merge-commit checkout', async () => {
    world = await createWorld({
      script: (ctx) => {
        const file = path.join(world!.checkout.workspace, 'hello.txt')
        return [
          writeFile(file, 'Hello, world!\n'),
          bash('ls'),
          say('Created hello.txt with a greeting.'),
        ][ctx.step]
      },
    })
    const run = await world.run()
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)

    // The commit is on the PR branch, on top of the event's head, with our trailer.
    const tip = await branchSha(world.gitRoot, world.fullName, world.headRef)
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.commit_sha).toBe(tip)
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe(
      'Hello, world!\n',
    )
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    const message = await runGit(['log', '-1', '--format=%B', tip!], { env: { GIT_DIR: gitDir } })
    expect(message).toMatch(/^Add a greeting\n/)
    expect(message).toContain(`Async-PR-Run: ${world.git.url}/${world.fullName}/actions/runs/4242`)
    const parent = await runGit(['rev-parse', `${tip}^`], { env: { GIT_DIR: gitDir } })
    expect(parent).toBe(world.headSha)

    // One status comment, by the Actions identity, telling the result.
    const comments = statusComments(world)
    expect(comments).toHaveLength(1)
    const comment = comments[0]!
    expect(comment.user).toBe('github-actions[bot]')
    expect(comment.body).toContain('✅ async-pr finished the task')
    expect(comment.body).toContain('Created hello.txt with a greeting.')
    expect(comment.body).toContain(tip!.slice(0, 7))
    expect(comment.body).toContain('`hello.txt`')
    expect(comment.body).toMatch(/\d+ turns · /)
    expect(run.outputs.comment_id).toBe(String(comment.id))
    expect(run.outputs.comment_url).toBe(comment.html_url)

    // It was posted when work started and replaced at the end.
    const writes = world.emulator.requests.filter(
      (r) => r.method !== 'GET' && r.path.includes('/comments'),
    )
    expect(writes.map((r) => r.method)).toEqual(['POST', 'PATCH'])
    expect(writes[0]!.body).toMatchObject({
      body: expect.stringContaining('is working on this task'),
    })

    // Every output is set and the job summary tells the same story.
    for (const name of ['session_id', 'cost_usd', 'num_turns', 'duration_ms', 'execution_file']) {
      expect(run.outputs[name]).not.toBe('')
    }
    expect(readFileSync(run.outputs.execution_file!, 'utf8')).toContain('"type":"result"')
    expect(run.summary).toContain('Created hello.txt with a greeting.')

    // The token never reached the workspace's config, a URL, or the log.
    const config = readFileSync(path.join(world.checkout.workspace, '.git', 'config'), 'utf8')
    expect(config).not.toMatch(/extraheader|includeIf/i)
    // The workspace is left on the PR's branch, which tracks the remote's.
    expect(await upstreamOf(world)).toBe(`origin/${world.headRef}`)
    // (The runner consumes ::add-mask:: lines; they are how secrets get masked.)
    const visibleLog = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(visibleLog.join('\n')).not.toContain(world.secrets.pat)
    expect(run.stdout).toContain(`::add-mask::${world.secrets.pat}`)
    expect(
      world.git.requests.some(
        (r) => r.method === 'POST' && r.path.endsWith('git-receive-pack') && r.authorized,
      ),
    ).toBe(true)
  })

  it('starts from the event’s commit when the branch moved on since, and still tracks the remote branch', async () => {
    let sawLater: boolean | undefined
    world = await createWorld({
      script: (ctx) => {
        const workspace = world!.checkout.workspace
        if (ctx.step === 0) sawLater = existsSync(path.join(workspace, 'later.txt'))
        return [writeFile(path.join(workspace, 'mine.txt'), 'mine\n'), say('Done.')][ctx.step]
      },
    })
    const later = await advanceBranch(world.gitRoot, world.fullName, world.headRef, {
      files: { 'later.txt': 'later\n' },
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    // The agent worked on what the event named, not on the commit pushed after it.
    expect(sawLater).toBe(false)
    // Its work went on top of both.
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'mine.txt')).toBe('mine\n')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'later.txt')).toBe('later\n')
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    const parent = await runGit(['rev-parse', `${run.outputs.commit_sha}^`], {
      env: { GIT_DIR: gitDir },
    })
    expect(parent).toBe(later)
    expect(await upstreamOf(world)).toBe(`origin/${world.headRef}`)
  })

  it('works on a branch whose history is deeper than the shallow fetch, which the workspace can walk', async () => {
    world = await createWorld({
      branchHistory: 55,
      script: (ctx) =>
        [writeFile(path.join(world!.checkout.workspace, 'deep.txt'), 'deep\n'), say('Done.')][
          ctx.step
        ],
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    const parent = await runGit(['rev-parse', `${run.outputs.commit_sha}^`], {
      env: { GIT_DIR: gitDir },
    })
    expect(parent).toBe(world.headSha)
    // The workspace holds the branch's last 50 commits as a shallow history git can walk.
    const log = await runGit(['log', '--format=%s', 'HEAD'], { cwd: world.checkout.workspace })
    expect(log.split('\n')).toHaveLength(50)
    expect(log.split('\n')[0]).toBe('Step 55')
    expect(await upstreamOf(world)).toBe(`origin/${world.headRef}`)
  })

  it('skips a draft with a reason, without touching the model or the PR', async () => {
    world = await createWorld({ script: [say('should not run')], draft: true })
    const run = await world.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ conclusion: 'skipped', skip_reason: 'draft' })
    expect(run.summary).toContain('mark it ready for review')
    expect(world.model.requests).toHaveLength(0)
    expect(world.emulator.requests).toHaveLength(0)
  })

  it('runs when a draft is marked ready for review', async () => {
    world = await createWorld({
      script: (ctx) =>
        [writeFile(path.join(world!.checkout.workspace, 'ready.txt'), 'ready\n'), say('Done.')][
          ctx.step
        ],
    })
    const run = await world.run({ payload: world.event({ action: 'ready_for_review' }) })
    expect(run.outputs.conclusion).toBe('success')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'ready.txt')).toBe('ready\n')
  })

  it('makes no empty commit when the agent changes nothing', async () => {
    world = await createWorld({
      script: [say('Nothing needed changing: the greeting is already there.')],
    })
    const run = await world.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs.conclusion).toBe('no_changes')
    expect(run.outputs.commit_sha).toBe('')
    expect(await branchSha(world.gitRoot, world.fullName, world.headRef)).toBe(world.headSha)
    const [comment] = statusComments(world)
    expect(comment!.body).toContain('no changes were needed')
    expect(comment!.body).toContain('Nothing needed changing')
  })

  it('reports an agent error as a failure and keeps what it wrote', async () => {
    world = await createWorld({
      script: (ctx) =>
        ctx.step === 0
          ? writeFile(path.join(world!.checkout.workspace, 'partial.txt'), 'half\n')
          : { fault: 'http_error', status: 500 },
    })
    const run = await world.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'partial.txt')).toBe('half\n')
    const [comment] = statusComments(world)
    expect(comment!.body).toContain('❌ async-pr could not finish the task')
    expect(comment!.body).toMatch(/Claude Code reported an error: .*500/)
    expect(run.stdout).toMatch(/::error::.*500/)
  })

  it('shows a tool the agent was not allowed, with the rule that would allow it', async () => {
    world = await createWorld({
      script: [bash('npm test'), say('I could not run the tests: npm test was not allowed.')],
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('no_changes')
    const [comment] = statusComments(world)
    expect(comment!.body).toContain('**Not allowed:**')
    expect(comment!.body).toContain('Bash `npm test`')
    expect(comment!.body).toContain('`Bash(npm test:*)`')
  })
})
