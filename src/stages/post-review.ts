// Stage: the last review's findings posted where people look, as a pull
// request review on the pushed commit. Best effort: the status comment lists
// the findings whatever happens here.

import * as core from '@actions/core'
import type { Delivery } from '../git/deliver.js'
import { postReview, type PostedReview } from '../github/reviews.js'
import type { RunRecord } from '../run/ready.js'
import type { RunContext } from '../run/start.js'
import { errorMessage } from '../util/errors.js'
import { redactSecrets } from '../util/secrets.js'

export async function publishReview(
  run: RunContext,
  record: RunRecord,
  delivery: Delivery,
): Promise<PostedReview | undefined> {
  const answer = record.review?.answer
  if (!answer || answer.findings.length === 0) return undefined
  // Inline comments belong to a commit of the PR; work on a fallback branch is not on it.
  const commitSha = delivery.fallbackReason ? undefined : (delivery.commitSha ?? run.task.headSha)
  if (!commitSha) return undefined
  try {
    return await postReview(
      run.github,
      {
        owner: run.task.owner,
        repo: run.task.repo,
        prNumber: run.task.prNumber,
        commitSha,
        runUrl: run.links.runUrl,
      },
      answer,
      (text) => redactSecrets(text, run.secretForms),
    )
  } catch (error) {
    core.warning(`Could not post the review on the PR: ${errorMessage(error)}`)
    return undefined
  }
}
