// Stage: the run's commits pushed once, at the end (a lease on where the run
// started, a rebase when the branch moved, a fallback branch when it cannot
// take them), after a check that the PR is still open.

import * as core from '@actions/core'
import type { TaskBranch } from '../git/branch.js'
import { deliver, type Delivery } from '../git/deliver.js'
import type { RunContext } from '../run/start.js'
import { errorMessage } from '../util/errors.js'

/**
 * Whether the PR was closed (or merged) while the agent worked, and how to say so.
 * Asked once the agent is done, while its host closes (deliverWork takes the answer).
 */
export async function closedWhileWorking(run: RunContext): Promise<string | undefined> {
  const { github, task } = run
  try {
    const { data: pr } = await github.rest.pulls.get({
      owner: task.owner,
      repo: task.repo,
      pull_number: task.prNumber,
    })
    if (pr.state === 'open') return undefined
    return `PR #${task.prNumber} was ${pr.merged_at ? 'merged' : 'closed'} while the agent worked, so its branch was left alone.`
  } catch (error) {
    // If GitHub cannot say, the PR is taken as open: the lease still keeps the branch safe.
    core.warning(
      `Could not check whether PR #${task.prNumber} is still open: ${errorMessage(error)}`,
    )
    return undefined
  }
}

export async function deliverWork(
  run: RunContext,
  branch: TaskBranch,
  asked: Promise<string | undefined> = closedWhileWorking(run),
): Promise<Delivery> {
  const { settings, task } = run
  const closed = await asked
  const delivery = await core.group('Push', () =>
    deliver(branch, {
      fallbackBranch: `async-pr/${task.prNumber}-${settings.runId}-${settings.runAttempt}`,
      forceFallback: closed,
    }),
  )
  run.timings.mark('commit and push')
  return delivery
}
