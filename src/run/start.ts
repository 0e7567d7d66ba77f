// The start of a run: who may start it and what the task is (trust first: a
// refused run writes nothing, and only reads ran alongside the check), then everything the stages
// share — the GitHub client, the status comment, the scratch directory, the
// publish repository, the CLI being located or installed alongside.

import * as core from '@actions/core'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { locateClaude } from '../agent/locate.js'
import { SandboxAhead } from '../agent/sandbox-ahead.js'
import type { Task } from '../event.js'
import { authEnv, remoteUrl } from '../git/auth.js'
import { createGit, prepareGitHome, type Git, type GitHome } from '../git/git.js'
import { PublishRepo } from '../git/publish.js'
import {
  fetchHead,
  readWorkspaceRepo,
  shallowCheckout,
  startHeadFetch,
  type FetchedHead,
  type HeadFetch,
  type WorkspaceRepo,
} from '../git/workspace.js'
import { createGitHub, type GitHub } from '../github/client.js'
import { listComments } from '../github/status-comment.js'
import type { RunLinks } from '../report/outcome.js'
import { secretsOf, type Settings } from '../settings.js'
import { initBinaries } from '../util/binaries.js'
import { secretForms } from '../util/secrets.js'
import { isStop } from '../steer/command.js'
import { ciFixOptions, resolveWorkflowRun, type CiFixRun } from './ci-fix.js'
import { LiveStatus } from './live-status.js'
import { resolveTask } from './resolve.js'
import { withReviewThreads } from './review-context.js'
import { Timings } from './timings.js'

export interface RunContext {
  settings: Settings
  runnerEnv: Record<string, string | undefined>
  task: Task
  links: RunLinks
  github: GitHub
  status: LiveStatus
  /** git in the workspace: no credential ever (see src/git/README.md). */
  git: Git
  /** The clean repository that alone holds the PAT while fetching and pushing. */
  publish: PublishRepo
  /** The run's own secrets in every form they could be written down: kept out of all it publishes. */
  secretForms: string[]
  /** A private directory for the run, outside RUNNER_TEMP (which stays closed to the agent). */
  scratch: string
  /** Inside scratch, closed to the agent: the publish repository, git's home, the snapshot index. */
  actionDir: string
  executionFile: string
  timings: Timings
  /** The Claude Code binary, being located or installed. */
  claude: Promise<string>
  /** Aborted when the job is cancelled. */
  cancelled: AbortSignal
  /** Set for a CI fix (workflow_run): the CI line on the PR's status comment to keep true. */
  ciFix?: CiFixRun
  /** The workspace's git directories, read alongside the publish repository's init. */
  workspaceRepo: Promise<WorkspaceRepo>
  /** A PR event's head, fetched into the publish repository while trust was checked. */
  headAhead?: HeadFetch
  /** The agent's user, being created while the run prepares (the host takes it). */
  sandbox: SandboxAhead
  /** Removes the agent's user if no host took it, and the scratch directory. */
  cleanup(): Promise<void>
}

export type Skipped = { kind: 'skipped'; reason: string; message: string }

interface RunDirs {
  scratch: string
  actionDir: string
  gitHome: GitHome
  publish: PublishRepo
  workspaceRepo: Promise<WorkspaceRepo>
  /** The checkout's directory (GITHUB_WORKSPACE). */
  workspace: string
}

/** What a run makes while its trust is checked, kept only if the run starts. */
interface Early {
  dirs?: Promise<RunDirs>
  head?: HeadFetch
}

/**
 * The PR's head, fetched into the run's own repository: a read with the PAT
 * that writes nothing in the workspace and runs nothing of the PR (the
 * workspace's persisted credentials are removed later, once the run is trusted).
 */
async function fetchAhead(
  dirs: Promise<RunDirs>,
  pr: Task,
  arrived: () => void,
): Promise<FetchedHead> {
  const { publish, workspaceRepo, workspace } = await dirs
  const head = { headRef: pr.headRef, headSha: pr.headSha, prNumber: pr.prNumber }
  const shallow = shallowCheckout(workspace) ?? (await workspaceRepo).shallow
  return fetchHead(publish, head, shallow, arrived)
}

/** The run's scratch directory, outside RUNNER_TEMP, with the action's own closed part inside. */
async function makeRunDirs(settings: Settings, task: Task): Promise<RunDirs> {
  // Synchronous: the two git processes below start at once, not each after a turn of the event
  // loop spent on the requests going out alongside.
  const scratch = mkdtempSync(path.join(tmpdir(), 'async-pr-'))
  let workspaceRepo: Promise<WorkspaceRepo> | undefined
  try {
    const actionDir = path.join(scratch, 'action')
    mkdirSync(actionDir, { mode: 0o700 })
    const gitHome = prepareGitHome(actionDir)
    // Only read, side by side with the fetch (shallowCheckout tells the fetch its depth), and
    // a turn of the event loop later: the fetch, the longest way to the agent's start, goes first.
    const workspaceGit = createGit({ cwd: settings.workspace }, gitHome)
    workspaceRepo = new Promise((resolve) => setImmediate(resolve)).then(() =>
      readWorkspaceRepo(workspaceGit),
    )
    workspaceRepo.catch(() => undefined)
    const publish = PublishRepo.create(actionDir, gitHome, {
      url: remoteUrl(settings.serverUrl, task.owner, task.repo),
      auth: authEnv(settings.serverUrl, settings.pushToken),
    })
    return { scratch, actionDir, gitHome, publish, workspaceRepo, workspace: settings.workspace }
  } catch (error) {
    // Settled first: the read runs in the scratch directory. Self-hosted runners keep /tmp:
    // nothing of a run that never started stays there.
    await workspaceRepo?.catch(() => undefined)
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
}

export async function startRun(
  settings: Settings,
  runnerEnv: Record<string, string | undefined>,
  cancelled: AbortSignal,
): Promise<{ kind: 'started'; run: RunContext } | Skipped> {
  // The run's private directories, its publish repository and a PR's head fetched into it are
  // made while the permission is looked up, and removed again if the run does not start.
  const early: Early = {}
  const discardEarly = async () => {
    // A refused run does not wait for the PR's head: its fetch is ended where it is.
    void early.dirs?.then(({ publish }) => publish.stop()).catch(() => undefined)
    await early.head?.head.catch(() => undefined)
    await early.dirs
      ?.then(async ({ scratch, workspaceRepo }) => {
        await workspaceRepo.catch(() => undefined) // its git's config is in the scratch
        await rm(scratch, { recursive: true, force: true })
      })
      .catch(() => undefined)
  }
  try {
    const begun = await begin(settings, runnerEnv, cancelled, early)
    if (begun.kind === 'skipped') await discardEarly()
    return begun
  } catch (error) {
    await discardEarly()
    throw error
  }
}

async function begin(
  settings: Settings,
  runnerEnv: Record<string, string | undefined>,
  cancelled: AbortSignal,
  early: Early,
): Promise<{ kind: 'started'; run: RunContext } | Skipped> {
  const timings = new Timings()
  // Before anything runs: every program the action starts, from PATH entries the agent cannot write.
  initBinaries(runnerEnv.PATH, [settings.workspace, settings.runnerTemp])
  const payload = settings.eventPayload
  const github = createGitHub({
    token: settings.commentToken,
    baseUrl: settings.apiUrl,
    log: core.warning,
    debug: core.debug,
  })
  const knownSecrets = secretForms(secretsOf(settings))
  // A PR event's comments are listed while the author's permission is looked up: the
  // first comment needs to know whether an earlier run left one. Only read, and only
  // used once the run is trusted.
  let listed: ReturnType<typeof listComments> | undefined
  const whileChecking = (pr: Task) => {
    // git first: the fetch of the head is the longest way to the agent's start.
    early.dirs = makeRunDirs(settings, pr)
    early.dirs.catch(() => undefined)
    const dirs = early.dirs
    early.head = startHeadFetch((arrived) => fetchAhead(dirs, pr, arrived))
    early.head.head.catch(() => undefined)
    listed = listComments(github, { owner: pr.owner, repo: pr.repo, issueNumber: pr.prNumber })
    listed().catch(() => undefined)
  }
  // CI finished (workflow_run): a fix continues as a normal run with CI's failure in its
  // task; everything else (a pass, a person's commit, attempts used up) ends here.
  const resolved =
    settings.eventName === 'workflow_run'
      ? await resolveWorkflowRun(github, payload, ciFixOptions(settings, knownSecrets))
      : await resolveTask(github, settings.eventName, payload, {
          prefix: settings.triggerPrefix,
          allowedBots: settings.allowedBots,
          whileChecking,
        })
  if (resolved.kind === 'skipped') return resolved
  const task = resolved.task
  const ciFix = 'ciLine' in resolved ? (resolved as CiFixRun) : undefined
  timings.mark('trust checked')

  // Provisioning the CLI (a download on a fresh runner) runs alongside the
  // first comment and the checkout: none of them waits for it.
  const claude = locateClaude({
    claudePath: settings.claudePath,
    version: settings.claudeCodeVersion,
    toolCache: settings.toolCache,
    searchPath: runnerEnv.PATH,
    log: core.info,
  })
  claude.catch(() => undefined)

  const { owner, repo } = settings.repository
  const links: RunLinks = {
    serverUrl: settings.serverUrl,
    runUrl: `${settings.serverUrl}/${owner}/${repo}/actions/runs/${settings.runId}`,
  }
  const status = new LiveStatus(
    github,
    task,
    links,
    settings.progressIntervalMs,
    core.warning,
    knownSecrets,
    ciFix?.comments ?? listed,
  )
  if (task.followUp && (await status.alreadyAnswered())) {
    return {
      kind: 'skipped',
      reason: 'already_done',
      message: 'This instruction was already answered.',
    }
  }
  // `/async-pr stop` is for a running run (src/steer/), which answers it; alone it asks for nothing.
  if (task.followUp && isStop(task.followUp.instruction)) {
    return {
      kind: 'skipped',
      reason: 'nothing_to_stop',
      message: `No run took \`${settings.triggerPrefix} stop\`: nothing was running on this PR when it came.`,
    }
  }

  // A follow-up sees the PR's open review threads; it answers them after its push.
  const context = await withReviewThreads(github, task, {
    graphqlUrl: settings.graphqlUrl,
    allowedBots: settings.allowedBots,
    warn: core.warning,
  })

  const { scratch, actionDir, gitHome, publish, workspaceRepo } = await (early.dirs ??
    makeRunDirs(settings, task))
  const executionDir = path.join(settings.runnerTemp, 'async-pr')
  await mkdir(executionDir, { recursive: true })
  const sandbox = new SandboxAhead(settings.isolateAgent)
  const run: RunContext = {
    settings,
    runnerEnv,
    task: context,
    links,
    github,
    status,
    git: createGit({ cwd: settings.workspace }, gitHome),
    publish,
    secretForms: knownSecrets,
    scratch,
    actionDir,
    executionFile: path.join(
      executionDir,
      `execution-${task.prNumber}-${settings.runId}-${settings.runAttempt}.jsonl`,
    ),
    timings,
    claude,
    cancelled,
    ciFix,
    workspaceRepo,
    headAhead: early.head,
    sandbox,
    cleanup: async () => {
      await sandbox.dispose().catch((error: Error) => core.warning(error.message))
      // In one go: some 80 small entries, each of which, awaited, took its turn behind the final
      // report's request (30 ms where this takes 3).
      try {
        rmSync(scratch, { recursive: true, force: true })
      } catch {
        // What cannot be removed is left, as before: the run's result does not depend on it.
      }
    },
  }
  // After the publish repository's init, so the two do not contend; ready long before the agent.
  sandbox.start()
  return { kind: 'started', run }
}
