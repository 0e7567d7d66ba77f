// Stage: the workspace on the PR branch, without the credentials checkout
// left, alongside the first status comment. A re-run whose task the branch
// already carries stops here.

import * as core from '@actions/core'
import path from 'node:path'
import { TaskBranch } from '../git/branch.js'
import { upstreamRef } from '../git/publish.js'
import { checkoutHead, removePersistedCredentials, taskDeliveredBy } from '../git/workspace.js'
import type { RunContext, Skipped } from '../run/start.js'

async function prepareWorkspace(
  run: RunContext,
): Promise<{ delivered?: string; branch: TaskBranch }> {
  const { git, publish, task, settings } = run
  return core.group('Prepare the workspace', async () => {
    const keys = await removePersistedCredentials(git)
    if (keys.length > 0) core.info(`Removed persisted git credentials: ${keys.join(', ')}`)
    await checkoutHead(git, publish, { headRef: task.headRef, headSha: task.headSha })
    core.info(`On ${task.headRef} at ${task.headSha}`)
    const delivered = await taskDeliveredBy(publish.git, upstreamRef(task.headRef), task.prNumber)
    const commonDir = await git.output(['rev-parse', '--path-format=absolute', '--git-common-dir'])
    const branch = await TaskBranch.start({
      publish,
      workspaceIndex: path.join(commonDir, 'index'),
      scratch: run.actionDir,
      workTree: settings.workspace,
      branch: task.headRef,
      base: task.headSha,
      policy: {
        maxFileBytes: settings.maxFileBytes,
        allowWorkflowChanges: settings.allowWorkflowChanges,
        knownSecretForms: run.secretForms,
      },
    })
    return { delivered, branch }
  })
}

/** The checkout and the first comment, side by side; `skipped` when the task was done before. */
export async function prepare(
  run: RunContext,
): Promise<{ kind: 'ready'; branch: TaskBranch } | Skipped> {
  const [prepared] = await Promise.all([
    prepareWorkspace(run).catch((error: unknown) => ({ error })),
    run.status.start().then(() => run.timings.mark('first comment posted')),
  ])
  if ('error' in prepared) throw prepared.error
  if (prepared.delivered && !run.task.followUp && !run.task.ciFix) {
    // A re-run, a double trigger or a reopened PR: the work is on the branch already.
    await run.status.alreadyDone(prepared.delivered)
    return {
      kind: 'skipped',
      reason: 'already_done',
      message: `The branch already has this task's commits (${prepared.delivered}). Comment \`${run.settings.triggerPrefix} <instruction>\` to ask for more.`,
    }
  }
  run.timings.mark('workspace prepared')
  return { kind: 'ready', branch: prepared.branch }
}
