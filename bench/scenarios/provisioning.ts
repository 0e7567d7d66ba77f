// Claude Code provisioning: no claude_path and no `claude` on PATH, so the action installs the
// pinned version with npm into $RUNNER_TOOL_CACHE. Measured twice against the same tool cache:
// fresh (empty tool cache and an empty npm cache, as on a new hosted runner: a real download
// from the npm registry) and cached (the second run finds the installed binary).

import { execFileSync } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import type { Phases } from '../lib/phases.js'
import { shortTask } from '../lib/agent-scripts.js'
import { sampleRun } from './overhead.js'

export interface ProvisionSample {
  ok: boolean
  failure?: string
  phases?: Phases
  firstComment?: number
  /** From the start of provisioning (trust checked) until Claude Code was ready. */
  provisionMs?: number
  installed?: boolean
}

export interface ProvisioningResult {
  fresh?: ProvisionSample
  cached: ProvisionSample
  /** What the install left in the tool cache. */
  installedMb?: number
}

async function sizeOf(dir: string): Promise<number> {
  let bytes = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    () => [],
  )) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return bytes
}

/** PATH without any directory holding a `claude` executable (node_modules/.bin, say). */
function pathWithoutClaude(searchPath: string): string {
  return searchPath
    .split(path.delimiter)
    .filter((dir) => {
      try {
        accessSync(path.join(dir, 'claude'), constants.X_OK)
        return false
      } catch {
        return true
      }
    })
    .join(path.delimiter)
}

/**
 * This machine's npm settings (global npmrc, then the user's), for the empty HOME. The action
 * installs with `--prefix <tool cache>`, which moves npm's global config to
 * `<prefix>/etc/npmrc`: without this, the machine's global `cafile` (a TLS-intercepting proxy
 * here) is lost and every attempt hangs in npm's fetch retries. A runner configures npm for its
 * user the same way.
 */
function machineNpmrc(searchPath: string): string {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  let globalConfig = ''
  try {
    // The npm the action will find on this PATH, whose global config depends on its node.
    globalConfig = execFileSync('npm', ['config', 'get', 'globalconfig'], {
      timeout: 20_000,
      env: { ...process.env, PATH: searchPath },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim()
  } catch {
    // No npm here: the install will say so.
  }
  return [read(globalConfig), read(path.join(homedir(), '.npmrc'))].join('\n')
}

function provisionMs(phases: Phases): number {
  // Provisioning starts right after the trust check; the pipeline waits for it only after the
  // workspace is prepared, so its length is the phases in between plus the wait.
  return phases.firstComment + phases.workspace + phases.cliReady
}

async function once(env: Record<string, string>, runId: number): Promise<ProvisionSample> {
  try {
    const sample = await sampleRun({
      script: shortTask(),
      run: { runId, inputs: { claude_path: '' }, env, timeoutMs: 20 * 60_000 },
    })
    return {
      ok: true,
      phases: sample.phases,
      firstComment: sample.firstComment,
      provisionMs: provisionMs(sample.phases),
      installed: /Installing Claude Code/.test(sample.stdout),
    }
  } catch (error) {
    return { ok: false, failure: String(error).slice(0, 4000) }
  }
}

export async function provisioningScenario(
  fresh: boolean,
  log: (line: string) => void,
): Promise<ProvisioningResult> {
  const toolCache = await mkdtemp(path.join(tmpdir(), 'async-pr-bench-tool-cache-'))
  // An empty HOME means an empty npm cache: the install downloads everything.
  const home = await mkdtemp(path.join(tmpdir(), 'async-pr-bench-home-'))
  const searchPath = pathWithoutClaude(process.env.PATH ?? '')
  await writeFile(path.join(home, '.npmrc'), machineNpmrc(searchPath))
  const env = {
    PATH: searchPath,
    RUNNER_TOOL_CACHE: toolCache,
    HOME: home,
  }
  try {
    let freshSample: ProvisionSample | undefined
    if (fresh) {
      log('provisioning: installing Claude Code into an empty tool cache (downloads from npm)')
      freshSample = await once(env, 6100)
      log(
        freshSample.ok
          ? `provisioning fresh: wall ${freshSample.phases?.wall} ms, provisioning ${freshSample.provisionMs} ms, comment at ${freshSample.firstComment} ms`
          : `provisioning fresh failed: ${freshSample.failure?.slice(0, 800)}`,
      )
    } else {
      // Still cached below: install once outside the measurement, the way a runner image would.
      // Seeded from the machine's warm npm cache, outside the measurement.
      log('provisioning: --no-fresh-install, seeding the tool cache before the cached run')
      await once({ ...env, HOME: homedir() }, 6100)
    }
    const installedMb = Math.round((await sizeOf(toolCache)) / 1e6)
    const cached = await once(env, 6101)
    log(
      cached.ok
        ? `provisioning cached: wall ${cached.phases?.wall} ms, provisioning ${cached.provisionMs} ms`
        : `provisioning cached failed: ${cached.failure?.slice(0, 800)}`,
    )
    return { fresh: freshSample, cached, installedMb }
  } finally {
    await rm(toolCache, { recursive: true, force: true })
    await rm(home, { recursive: true, force: true })
  }
}
