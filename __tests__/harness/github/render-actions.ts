// JSON shapes of workflows, workflow runs, jobs, check runs and annotations, as GitHub returns
// them. A run's `pull_requests` follows GitHub's rule (same-repository open PRs on the run's
// branch; none for a fork) and its `head_commit` is read from git when there is a gitDir.

import type { Annotation, CheckRun, Workflow, WorkflowJob } from './actions-model.js'
import { readCommit } from './git.js'
import type { Links } from './links.js'
import { nodeId, repository, simpleUser } from './render.js'
import type { EmulatorState, Repo, WorkflowRun } from './state.js'

export function workflow(links: Links, item: Workflow) {
  return {
    id: item.id,
    node_id: nodeId('Workflow', item.id),
    name: item.name,
    path: item.path,
    state: item.state,
    created_at: item.created_at,
    updated_at: item.updated_at,
    url: `${links.api}/repos/${item.repo}/actions/workflows/${item.id}`,
    html_url: `${links.web}/${item.repo}/blob/main/${item.path}`,
    badge_url: `${links.web}/${item.repo}/workflows/${encodeURIComponent(item.name)}/badge.svg`,
  }
}

function runPullRequests(links: Links, state: EmulatorState, repo: Repo, run: WorkflowRun) {
  const numbers =
    run.pull_requests ??
    (run.head_repository.toLowerCase() !== repo.full_name.toLowerCase()
      ? []
      : state.pulls
          .filter(
            (p) =>
              p.repo === repo.full_name &&
              p.state === 'open' &&
              p.head.ref === run.head_branch &&
              p.head.repo === repo.full_name,
          )
          .map((p) => p.number))
  const api = `${links.api}/repos/${repo.full_name}`
  const small = { id: repo.id, url: api, name: repo.name }
  return numbers.flatMap((number) => {
    const pr = state.pull(repo.owner, repo.name, number)
    if (!pr) return []
    return [
      {
        id: pr.id,
        number: pr.number,
        url: `${api}/pulls/${pr.number}`,
        head: { ref: pr.head.ref, sha: pr.head.sha, repo: small },
        base: { ref: pr.base.ref, sha: pr.base.sha, repo: small },
      },
    ]
  })
}

async function headCommit(repo: Repo, sha: string) {
  if (!repo.gitDir) return null
  const commit = await readCommit(repo.gitDir, sha)
  if (!commit) return null
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  }
}

export async function workflowRun(
  links: Links,
  state: EmulatorState,
  repo: Repo,
  run: WorkflowRun,
  options: { excludePullRequests?: boolean } = {},
) {
  const api = `${links.api}/repos/${repo.full_name}/actions/runs/${run.id}`
  const [headOwner, headName] = run.head_repository.split('/')
  const headRepo = state.repo(headOwner, headName) ?? repo
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: run.check_suite_id,
    check_suite_node_id: nodeId('CheckSuite', run.check_suite_id),
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.path,
    display_title: run.display_title,
    run_number: run.run_number,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow_id,
    url: api,
    html_url: run.html_url,
    pull_requests: options.excludePullRequests ? [] : runPullRequests(links, state, repo, run),
    created_at: run.created_at,
    updated_at: run.updated_at,
    actor: simpleUser(links, state.ensureUser(run.actor)),
    triggering_actor: simpleUser(links, state.ensureUser(run.triggering_actor)),
    run_attempt: run.run_attempt,
    referenced_workflows: [],
    run_started_at: run.run_started_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${links.api}/repos/${repo.full_name}/check-suites/${run.check_suite_id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.run_attempt > 1 ? `${api}/attempts/${run.run_attempt - 1}` : null,
    workflow_url: `${links.api}/repos/${repo.full_name}/actions/workflows/${run.workflow_id}`,
    head_commit: await headCommit(headRepo, run.head_sha),
    repository: repository(links, state, repo),
    head_repository: repository(links, state, headRepo),
    head_repository_id: headRepo.id,
  }
}

export function job(links: Links, repo: Repo, item: WorkflowJob, run: WorkflowRun) {
  const api = `${links.api}/repos/${repo.full_name}`
  return {
    id: item.id,
    run_id: item.run_id,
    run_url: `${api}/actions/runs/${item.run_id}`,
    run_attempt: item.run_attempt,
    node_id: nodeId('CheckRun', item.id),
    head_sha: item.head_sha,
    url: `${api}/actions/jobs/${item.id}`,
    html_url: `${run.html_url}/job/${item.id}`,
    status: item.status,
    conclusion: item.conclusion,
    created_at: item.created_at,
    started_at: item.started_at,
    completed_at: item.completed_at,
    name: item.name,
    steps: item.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: s.started_at,
      completed_at: s.completed_at,
    })),
    check_run_url: `${api}/check-runs/${item.id}`,
    labels: item.labels,
    runner_id: item.runner_name ? 1 : null,
    runner_name: item.runner_name,
    runner_group_id: item.runner_name ? 2 : null,
    runner_group_name: item.runner_name ? 'GitHub Actions' : null,
    workflow_name: item.workflow_name,
    head_branch: item.head_branch,
  }
}

/** The GitHub App behind a check run ("github-actions" for Actions), in the integration shape. */
function app(links: Links, state: EmulatorState, slug: string) {
  const actions = slug === 'github-actions'
  const id = actions ? 15368 : 900_000 + [...slug].reduce((n, c) => n + c.charCodeAt(0), 0)
  const owner = state.ensureUser(actions ? 'github' : slug)
  return {
    id,
    slug,
    node_id: nodeId('Integration', id),
    owner: simpleUser(links, owner),
    name: actions ? 'GitHub Actions' : slug,
    description: actions ? 'Automate your workflow from idea to production' : null,
    external_url: actions ? 'https://help.github.com/en/actions' : `${links.web}/apps/${slug}`,
    html_url: `${links.web}/apps/${slug}`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', contents: 'write', metadata: 'read' },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch'],
  }
}

export function checkRun(links: Links, state: EmulatorState, repo: Repo, item: CheckRun) {
  const api = `${links.api}/repos/${repo.full_name}`
  const url = `${api}/check-runs/${item.id}`
  const run = item.job_id
    ? state.workflowRuns.find((r) =>
        state.workflowJobs.some((j) => j.id === item.job_id && j.run_id === r.id),
      )
    : undefined
  const html = run
    ? `${run.html_url}/job/${item.id}`
    : `${links.web}/${repo.full_name}/runs/${item.id}`
  return {
    id: item.id,
    head_sha: item.head_sha,
    node_id: nodeId('CheckRun', item.id),
    external_id: item.external_id ?? '',
    url,
    html_url: html,
    details_url: item.details_url ?? html,
    status: item.status,
    conclusion: item.conclusion,
    started_at: item.started_at,
    completed_at: item.completed_at,
    output: {
      ...item.output,
      annotations_count: item.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: item.name,
    check_suite: { id: item.check_suite_id },
    app: app(links, state, item.app),
    pull_requests: run ? runPullRequests(links, state, repo, run) : [],
  }
}

export function annotation(links: Links, repo: Repo, item: Annotation, sha: string) {
  return {
    ...item,
    blob_href: `${links.web}/${repo.full_name}/blob/${sha}/${item.path}`,
  }
}
