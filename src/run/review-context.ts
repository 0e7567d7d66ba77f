// A follow-up's task, completed with the PR's open review threads (those
// writers started), so the agent sees what reviewers asked for. Best effort:
// without them the follow-up still runs on its instruction.

import type { Task } from '../event.js'
import type { GitHub } from '../github/client.js'
import { unresolvedThreads } from '../github/review-threads.js'
import { errorMessage } from '../util/errors.js'

export async function withReviewThreads(
  github: GitHub,
  task: Task,
  options: { graphqlUrl: string; allowedBots: string[]; warn: (line: string) => void },
): Promise<Task> {
  if (!task.followUp) return task
  try {
    const threads = await unresolvedThreads(
      github,
      options.graphqlUrl,
      { owner: task.owner, repo: task.repo, number: task.prNumber },
      options.allowedBots,
    )
    return threads.length > 0 ? { ...task, reviewThreads: threads } : task
  } catch (error) {
    options.warn(`Could not read the PR's review threads: ${errorMessage(error)}`)
    return task
  }
}
