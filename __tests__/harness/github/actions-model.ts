// GitHub Actions in the emulator's world: workflows, runs with attempts, jobs with steps and logs,
// the check runs each job is (same id, as on GitHub), check runs of other apps, and dispatches.
// EmulatorState holds the arrays and delegates its seeding helpers here.

import type { EmulatorState, Repo, WorkflowRun } from './state.js'

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
export type Conclusion =
  'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

export interface Workflow {
  id: number
  repo: string
  name: string
  path: string
  state: 'active' | 'disabled_manually' | 'disabled_inactivity' | 'disabled_fork' | 'deleted'
  /** Events the workflow file lists under `on:`. */
  on: string[]
  /** `workflow_dispatch` inputs it declares; undefined accepts any. */
  inputs?: Record<string, { required?: boolean; default?: string }>
  created_at: string
  updated_at: string
}

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  start_column: number | null
  end_column: number | null
  annotation_level: 'notice' | 'warning' | 'failure'
  title: string | null
  message: string
  raw_details: string | null
}

export interface WorkflowStep {
  name: string
  number: number
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: Conclusion | null
  started_at: string | null
  completed_at: string | null
  /** The shell command a `run:` step ran (shown in its log group), if any. */
  run?: string
  /** Output lines, without timestamps (the log adds them, as the runner does). */
  log: string[]
  /** Exit status of a failed `run:` step (default 1). */
  exit_code?: number
}

export interface WorkflowJob {
  /** Also the id of the check run this job is. */
  id: number
  run_id: number
  run_attempt: number
  repo: string
  name: string
  status: RunStatus
  conclusion: Conclusion | null
  created_at: string
  started_at: string
  completed_at: string | null
  head_sha: string
  head_branch: string | null
  workflow_name: string
  runner_name: string | null
  labels: string[]
  steps: WorkflowStep[]
  /** The whole raw log, when a test gives it verbatim; otherwise it is built from the steps. */
  log?: string
}

export interface CheckRun {
  id: number
  repo: string
  head_sha: string
  name: string
  status: RunStatus
  conclusion: Conclusion | null
  started_at: string | null
  completed_at: string | null
  external_id: string | null
  details_url: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  annotations: Annotation[]
  check_suite_id: number
  /** 'github-actions' for jobs; another app slug for other CI. */
  app: string
  /** The job this check run is, for Actions. */
  job_id?: number
}

export type Dispatch =
  | {
      kind: 'repository_dispatch'
      repo: string
      event_type: string
      client_payload: Record<string, unknown>
      sender: string
      at: string
      /** Runs it started: one per workflow with `repository_dispatch` in `on:`. */
      runs: WorkflowRun[]
    }
  | {
      kind: 'workflow_dispatch'
      repo: string
      workflow: Workflow
      ref: string
      inputs: Record<string, unknown>
      sender: string
      at: string
      runs: WorkflowRun[]
    }

/**
 * What a test can hook into. Each hook runs after the answer is sent (errors become violations),
 * so a test may signal a real process, start the next action run, or finish a run later with
 * state.completeWorkflowRun().
 */
export interface ActionsHooks {
  /** A cancel (or force-cancel) of a run not yet completed. Without a hook it is cancelled at once. */
  onCancel?: (run: WorkflowRun, info: { force: boolean; by: string }) => unknown
  /** A re-run: the run has its new attempt (queued) when this is called. */
  onRerun?: (run: WorkflowRun, info: { failedOnly: boolean; by: string }) => unknown
  onDispatch?: (dispatch: Dispatch) => unknown
}

export interface StepInput {
  name: string
  run?: string
  status?: WorkflowStep['status']
  conclusion?: Conclusion | null
  /** Output: a string (split into lines) or lines. */
  log?: string | string[]
  exit_code?: number
}

export interface AnnotationInput {
  path: string
  start_line: number
  end_line?: number
  annotation_level?: Annotation['annotation_level']
  title?: string
  message: string
  raw_details?: string
  start_column?: number
  end_column?: number
}

export interface JobInput {
  name: string
  status?: RunStatus
  conclusion?: Conclusion | null
  steps?: StepInput[]
  /** The raw log verbatim (timestamps and all), instead of one built from the steps. */
  log?: string
  annotations?: AnnotationInput[]
  labels?: string[]
  runner_name?: string
}

function annotation(input: AnnotationInput): Annotation {
  return {
    path: input.path,
    start_line: input.start_line,
    end_line: input.end_line ?? input.start_line,
    start_column: input.start_column ?? null,
    end_column: input.end_column ?? null,
    annotation_level: input.annotation_level ?? 'failure',
    title: input.title ?? null,
    message: input.message,
    raw_details: input.raw_details ?? null,
  }
}

export function addWorkflow(
  state: EmulatorState,
  repo: Repo,
  input: {
    name: string
    path: string
    id?: number
    on?: string[]
    inputs?: Workflow['inputs']
    state?: Workflow['state']
  },
): Workflow {
  const now = state.now()
  const workflow: Workflow = {
    id: input.id ?? state.nextId('workflow'),
    repo: repo.full_name,
    name: input.name,
    path: input.path,
    state: input.state ?? 'active',
    on: input.on ?? [
      'push',
      'pull_request',
      'issue_comment',
      'workflow_dispatch',
      'repository_dispatch',
    ],
    inputs: input.inputs,
    created_at: now,
    updated_at: now,
  }
  state.workflows.push(workflow)
  return workflow
}

export function workflowOf(
  state: EmulatorState,
  repo: Repo,
  idOrFile: number | string,
): Workflow | undefined {
  return state.workflows.find(
    (w) =>
      w.repo === repo.full_name &&
      (w.id === Number(idOrFile) ||
        w.path === idOrFile ||
        w.path.split('/').pop() === String(idOrFile)),
  )
}

export function addCheckRun(
  state: EmulatorState,
  repo: Repo,
  input: {
    head_sha: string
    name: string
    status?: RunStatus
    conclusion?: Conclusion | null
    output?: Partial<CheckRun['output']>
    annotations?: AnnotationInput[]
    app?: string
    details_url?: string
    check_suite_id?: number
    id?: number
    job_id?: number
  },
): CheckRun {
  const now = state.now()
  const status = input.status ?? 'completed'
  const check: CheckRun = {
    id: input.id ?? state.nextId('job'),
    repo: repo.full_name,
    head_sha: input.head_sha,
    name: input.name,
    status,
    conclusion: status === 'completed' ? (input.conclusion ?? 'success') : null,
    started_at: status === 'queued' ? null : now,
    completed_at: status === 'completed' ? now : null,
    external_id: null,
    details_url: input.details_url ?? null,
    output: {
      title: input.output?.title ?? null,
      summary: input.output?.summary ?? null,
      text: input.output?.text ?? null,
    },
    annotations: (input.annotations ?? []).map(annotation),
    check_suite_id: input.check_suite_id ?? state.nextId('checkSuite'),
    app: input.app ?? 'github-actions',
    job_id: input.job_id,
  }
  state.checkRuns.push(check)
  return check
}

function stepFrom(
  input: StepInput,
  number: number,
  jobStatus: RunStatus,
  now: string,
): WorkflowStep {
  const status =
    input.status ??
    (jobStatus === 'completed' ? 'completed' : jobStatus === 'queued' ? 'queued' : 'completed')
  return {
    name: input.name,
    number,
    status,
    conclusion: status === 'completed' ? (input.conclusion ?? 'success') : null,
    started_at: status === 'queued' ? null : now,
    completed_at: status === 'completed' ? now : null,
    run: input.run,
    log:
      typeof input.log === 'string'
        ? input.log.replace(/\n$/, '').split('\n')
        : [...(input.log ?? [])],
    exit_code: input.exit_code,
  }
}

/** A job of `run` (its current attempt), with the check run it is. */
export function addJob(
  state: EmulatorState,
  repo: Repo,
  run: WorkflowRun,
  input: JobInput,
): WorkflowJob {
  const now = state.now()
  const status =
    input.status ??
    (run.status === 'completed' ? 'completed' : run.status === 'queued' ? 'queued' : 'in_progress')
  const conclusion =
    status === 'completed' ? (input.conclusion ?? run.conclusion ?? 'success') : null
  const steps = [
    { name: 'Set up job' },
    ...(input.steps ?? []),
    ...(status === 'completed' ? [{ name: 'Complete job' }] : []),
  ].map((step, i) => stepFrom(step, i + 1, status, now))
  const job: WorkflowJob = {
    id: state.nextId('job'),
    run_id: run.id,
    run_attempt: run.run_attempt,
    repo: repo.full_name,
    name: input.name,
    status,
    conclusion: conclusion as Conclusion | null,
    created_at: now,
    started_at: now,
    completed_at: status === 'completed' ? now : null,
    head_sha: run.head_sha,
    head_branch: run.head_branch,
    workflow_name: run.name,
    runner_name: status === 'queued' ? null : (input.runner_name ?? 'GitHub Actions 2'),
    labels: input.labels ?? ['ubuntu-latest'],
    steps,
    log: input.log,
  }
  state.workflowJobs.push(job)
  addCheckRun(state, repo, {
    id: job.id,
    job_id: job.id,
    head_sha: run.head_sha,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    annotations: input.annotations,
    check_suite_id: run.check_suite_id,
    details_url: `${run.html_url}/job/${job.id}`,
  })
  return job
}

export function jobsOf(
  state: EmulatorState,
  run: WorkflowRun,
  attempt: number | 'all' = run.run_attempt,
): WorkflowJob[] {
  return state.workflowJobs.filter(
    (j) => j.run_id === run.id && (attempt === 'all' || j.run_attempt === attempt),
  )
}

function finishJob(state: EmulatorState, job: WorkflowJob, conclusion: Conclusion): void {
  const now = state.now()
  if (job.status !== 'completed') {
    job.status = 'completed'
    job.conclusion = conclusion
    job.completed_at = now
    for (const step of job.steps) {
      if (step.status === 'completed') continue
      step.status = 'completed'
      step.conclusion = step.started_at ? conclusion : 'skipped'
      step.completed_at = now
    }
  }
  const check = state.checkRuns.find((c) => c.id === job.id)
  if (check && check.status !== 'completed') {
    check.status = 'completed'
    check.conclusion = job.conclusion
    check.completed_at = now
  }
}

/** Ends a run (and its unfinished jobs, steps and check runs) with `conclusion`. */
export function completeRun(state: EmulatorState, run: WorkflowRun, conclusion: Conclusion): void {
  run.status = 'completed'
  run.conclusion = conclusion
  run.updated_at = state.now()
  for (const job of jobsOf(state, run)) finishJob(state, job, conclusion)
}

/** A new attempt: queued again, with fresh jobs (all, or the failed ones, the rest carried over). */
export function rerun(
  state: EmulatorState,
  repo: Repo,
  run: WorkflowRun,
  failedOnly: boolean,
): void {
  const previous = jobsOf(state, run)
  run.run_attempt += 1
  run.status = 'queued'
  run.conclusion = null
  run.updated_at = state.now()
  run.run_started_at = state.now()
  run.cancel_requested = false
  run.check_suite_id = state.nextId('checkSuite')
  for (const job of previous) {
    const again = !failedOnly || (job.conclusion !== 'success' && job.conclusion !== 'skipped')
    const copy = addJob(state, repo, run, {
      name: job.name,
      status: again ? 'queued' : 'completed',
      conclusion: again ? null : job.conclusion,
      steps: again ? [] : job.steps.slice(1, -1).map((s) => ({ ...s, log: s.log })),
      labels: job.labels,
    })
    if (!again) copy.log = job.log
  }
}
