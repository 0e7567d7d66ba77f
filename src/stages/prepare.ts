// Stage: the workspace on the PR branch, without the credentials checkout
// left, alongside the first status comment. A re-run whose task the branch
// already carries stops here.

import * as core from '@actions/core'
import path from 'node:path'
import { TaskBranch, workflowCode } from '../git/branch.js'
import { readSessionMeta, type SessionMeta } from '../agent/session-store.js'
import { fetchedStoredRef, upstreamRef } from '../git/publish.js'
import {
  checkoutFetched,
  continuationHistory,
  fetchHead,
  giveBranch,
  moveWorkspaceTo,
  removePersistedCredentials,
  startHeadFetch,
  taskDeliveredBy,
  type FetchedHead,
  type WorkspaceRepo,
} from '../git/workspace.js'
import { recoverCheckpoint, type Recovery } from '../run/recover.js'
import type { RunContext, Skipped } from '../run/start.js'
import { errorMessage } from '../util/errors.js'

export interface Prepared {
  /** The run that already delivered this task, when the branch has its commits. */
  delivered?: string
  branch: TaskBranch
  /** The workspace's git directories, read before the agent starts. */
  repo: WorkspaceRepo
  /** Work a lost run left behind, put on the branch before the agent starts. */
  recovery?: Recovery
  /** A checkpoint that could not be restored: left alone, so this run takes none. */
  keptCheckpoint?: { fromRunUrl: string; reason: string }
  /** A stopped run's saved session, for the first pass to resume. */
  session?: { meta: SessionMeta; transcript: Buffer }
  /** What the server keeps for the PR now (for the checkpoints' leases). */
  stored: { checkpoint?: string; session?: string }
  /** For a dispatched continuation: which one this is. */
  continuationNumber?: number
  /** For a dispatched continuation: what the chain spent before it, as its dispatcher reported. */
  chainSpentUsd?: number
}

async function storedSession(
  run: RunContext,
  fetched: FetchedHead,
): Promise<{ meta: SessionMeta; transcript: Buffer } | undefined> {
  const ref = fetchedStoredRef(run.task.prNumber, 'session')
  if (!fetched.stored.session) return undefined
  const read = (name: string) =>
    run.publish.git.bytes(['cat-file', 'blob', `${ref}:${name}`], { allowFailure: true })
  const meta = readSessionMeta((await read('session.json')).stdout.toString('utf8'))
  if (!meta) return undefined
  const transcript = await read('transcript.jsonl')
  return transcript.exitCode === 0 ? { meta, transcript: transcript.stdout } : undefined
}

/** Why a dispatched continuation must not run: it is not one async-pr sent, or the chain is done. */
interface InvalidDispatch {
  invalidDispatch: string
}

async function prepareWorkspace(run: RunContext): Promise<Prepared | InvalidDispatch> {
  const { git, publish, task, settings } = run
  return core.group('Prepare the workspace', async () => {
    const repo = await run.workspaceRepo
    const fromRunId = task.continuation?.fromRunId
    const head = { headRef: task.headRef, headSha: task.headSha, prNumber: task.prNumber }
    // The credentialed fetch runs in the publish repository, so it need not wait for the
    // workspace's credentials to go, nor the local fetch from it (see checkoutFetched).
    const removing = removePersistedCredentials(git, repo.commonDir)
    removing.catch(() => undefined)
    // A PR event's head was fetched while its author's permission was looked up.
    const headFetch =
      run.headAhead ?? startHeadFetch((arrived) => fetchHead(publish, head, repo.shallow, arrived))
    // Once the branch is in the publish repository, the workspace takes it and its recent
    // history is read there, while the fetched refs are still being read.
    const tip = upstreamRef(task.headRef)
    const given = headFetch.arrived.then((ok) =>
      ok ? giveBranch(git, publish, head, repo) : undefined,
    )
    given.catch(() => undefined)
    const delivering = headFetch.arrived.then((ok) =>
      ok ? taskDeliveredBy(publish.git, tip, task.prNumber) : undefined,
    )
    delivering.catch(() => undefined)
    let fetched: FetchedHead
    try {
      fetched = await headFetch.head
    } catch (error) {
      // Never on with the credentials still there, whatever failed.
      await Promise.allSettled([removing, given, delivering])
      // A dispatch nobody can vouch for yet says nothing on the PR: it is only logged.
      if (fromRunId) return { invalidDispatch: errorMessage(error) }
      throw error
    }
    // What the repository's CI runs as code at the event's commit (the branch's guard), read
    // in the publish repository while the workspace checks it out.
    const workflowsAtHead = workflowCode(publish.git, task.headSha)
    workflowsAtHead.catch(() => undefined) // TaskBranch reports it, if it is the one used
    const credentialsGone = removing.catch(() => undefined)
    const checkedOut = checkoutFetched(git, publish, head, fetched, given, credentialsGone).then(
      () => undefined,
      (error: unknown) => error as Error,
    )
    const delivered = await delivering.finally(() => checkedOut)
    // Never on with the credentials still there: a failed removal ends the run here.
    const keys = await removing.finally(() => checkedOut)
    if (keys.length > 0) core.info(`Removed persisted git credentials: ${keys.join(', ')}`)
    const checkoutFailed = await checkedOut
    if (checkoutFailed) {
      if (fromRunId) return { invalidDispatch: errorMessage(checkoutFailed) }
      throw checkoutFailed
    }
    core.info(`On ${task.headRef} at ${task.headSha}`)
    const prepared: Omit<Prepared, 'branch'> = { delivered, repo, stored: {} }

    // A continuation async-pr dispatched: the run it names must have worked on this PR,
    // and the chain must have room left — both read from the branch, not from the payload.
    if (fromRunId) {
      const history = await continuationHistory(publish.git, tip, task.prNumber, fromRunId)
      if (!history.runWorkedHere) {
        return {
          invalidDispatch: `Run ${fromRunId} made no commit on this PR's branch, so async-pr did not send this continuation.`,
        }
      }
      if (history.answered) {
        return {
          invalidDispatch: `A continuation of run ${fromRunId} ran already: this dispatch is a replay.`,
        }
      }
      // The run says so itself, in its status comment: it stopped early and started this one.
      const dispatcher = await run.status.dispatcherState(fromRunId)
      if (!dispatcher) {
        return {
          invalidDispatch: `Run ${fromRunId} did not start a continuation (no status comment of ours says it did).`,
        }
      }
      prepared.chainSpentUsd = dispatcher.chainCostUsd ?? dispatcher.costUsd ?? 0
      if (history.continuations >= settings.maxContinuations) {
        return {
          invalidDispatch: `This PR's runs continued ${history.continuations} times already (max_continuations is ${settings.maxContinuations}).`,
        }
      }
      prepared.continuationNumber = history.continuations + 1
    }

    let base = task.headSha
    if (!(delivered && !task.followUp && !task.ciFix && !task.continuation)) {
      const found = await recoverCheckpoint({
        publish,
        prNumber: task.prNumber,
        branch: task.headRef,
        runAttemptUrl: `${run.links.runUrl}/attempts/${settings.runAttempt}`,
        fallbackBranch: `async-pr/${task.prNumber}-recovered-${settings.runId}`,
        checkpoint: fetched.stored.checkpoint,
      })
      if (found.kind === 'kept') {
        prepared.keptCheckpoint = { fromRunUrl: found.fromRunUrl, reason: found.reason }
        core.warning(
          `A checkpoint on the server could not be restored and is kept as it is: ${found.reason}`,
        )
      }
      if (found.kind === 'recovered') {
        const { kind: _recovered, ...recovery } = found
        prepared.recovery = recovery
        core.info(
          `Recovered the work of ${recovery.fromRunUrl} as ${recovery.commitSha} on ${recovery.pushedTo}`,
        )
        if (recovery.pushedTo === task.headRef) {
          await moveWorkspaceTo(git, publish, task.headRef, recovery.commitSha)
          base = recovery.commitSha
        }
      }
      if (task.continuation) prepared.session = await storedSession(run, fetched)
    }
    prepared.stored = {
      checkpoint:
        prepared.recovery || prepared.keptCheckpoint ? undefined : fetched.stored.checkpoint,
      session: fetched.stored.session,
    }
    const branch = await TaskBranch.start({
      publish,
      workspaceIndex: path.join(repo.commonDir, 'index'),
      scratch: run.actionDir,
      workTree: settings.workspace,
      branch: task.headRef,
      base,
      policy: {
        maxFileBytes: settings.maxFileBytes,
        allowWorkflowChanges: settings.allowWorkflowChanges,
        knownSecretForms: run.secretForms,
      },
      protectedPaths: base === task.headSha ? workflowsAtHead : undefined,
    })
    return { ...prepared, branch }
  })
}

/**
 * The checkout and the first comment, side by side; `skipped` when the task
 * was done before. A dispatched continuation is checked against the branch
 * first, so one async-pr did not send posts nothing at all.
 */
export async function prepare(run: RunContext): Promise<({ kind: 'ready' } & Prepared) | Skipped> {
  const dispatched = Boolean(run.task.continuation?.fromRunId)
  const firstComment = () => run.status.start().then(() => run.timings.mark('first comment posted'))
  // The comment's request goes out first; the workspace's git starts right after.
  const posted = dispatched ? Promise.resolve() : firstComment()
  const [prepared] = await Promise.all([
    prepareWorkspace(run).catch((error: unknown) => ({ error })),
    posted,
  ])
  if ('error' in prepared) throw prepared.error
  if ('invalidDispatch' in prepared) {
    return { kind: 'skipped', reason: 'invalid_dispatch', message: prepared.invalidDispatch }
  }
  if (dispatched) await firstComment()
  if (prepared.delivered && !run.task.followUp && !run.task.ciFix && !run.task.continuation) {
    // A re-run, a double trigger or a reopened PR: the work is on the branch already.
    await run.status.alreadyDone(prepared.delivered)
    return {
      kind: 'skipped',
      reason: 'already_done',
      message: `The branch already has this task's commits (${prepared.delivered}). Comment \`${run.settings.triggerPrefix} <instruction>\` to ask for more.`,
    }
  }
  run.timings.mark('workspace prepared')
  return { kind: 'ready', ...prepared }
}
