// Actions and checks through the emulator: workflows, runs with jobs and steps, job logs behind
// GitHub's redirect to a short-lived URL on another host, check runs and annotations, cancel and
// re-run with test hooks, dispatches that start runs, and an Actions token held to the
// workflow's `permissions:`.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import type { Octokit } from '@octokit/rest'
import { expectClean, failure, octokitFor } from './emulator-kit.js'
import { createBareRepo, createBranch } from './git/index.js'
import { startGitHubEmulator, type GitHubEmulator, type WorkflowRun } from './github/index.js'

const OWNER = 'octo'
const REPO = 'app'
const FULL = `${OWNER}/${REPO}`
const T0 = Date.parse('2030-01-01T10:00:00Z')

let root: string
let emu: GitHubEmulator
let clock = T0
let headSha: string
let alice: Octokit // write
let carol: Octokit // read
let actions: Octokit

beforeEach(async () => {
  clock = T0
  root = await mkdtemp(path.join(tmpdir(), 'gh-actions-'))
  const { gitDir } = await createBareRepo(root, FULL, { files: { 'a.txt': 'a\n' } })
  headSha = await createBranch(root, FULL, 'feature', {
    files: { 'a.txt': 'b\n' },
    message: 'Change a\n\nAsync-PR-Task: 42',
  })
  emu = await startGitHubEmulator({ checkResponses: true, now: () => new Date(clock) })
  const s = emu.state
  s.addRepo({ owner: OWNER, name: REPO, gitDir })
  s.addCollaborator(OWNER, REPO, 'alice', 'write')
  s.addCollaborator(OWNER, REPO, 'carol', 'read')
  s.addToken('tok-alice', 'alice')
  s.addToken('tok-carol', 'carol')
  s.addInstallationToken('tok-actions')
  alice = octokitFor(emu, 'tok-alice')
  carol = octokitFor(emu, 'tok-carol')
  actions = octokitFor(emu, 'tok-actions')
})

afterEach(async () => {
  await emu.close()
  await rm(root, { recursive: true, force: true })
})

const repo = { owner: OWNER, repo: REPO }

function ciRun(overrides: Partial<Parameters<GitHubEmulator['state']['addWorkflowRun']>[2]> = {}) {
  return emu.state.addWorkflowRun(OWNER, REPO, {
    name: 'CI',
    path: '.github/workflows/ci.yml',
    head_sha: headSha,
    head_branch: 'feature',
    event: 'push',
    status: 'completed',
    conclusion: 'failure',
    jobs: [
      {
        name: 'test',
        conclusion: 'failure',
        steps: [
          { name: 'Run actions/checkout@v4', conclusion: 'success', log: 'Syncing repository' },
          {
            name: 'Run npm test',
            run: 'npm test',
            conclusion: 'failure',
            exit_code: 1,
            log: [
              '> app@1.0.0 test',
              '\u001b[31mFAIL\u001b[0m src/a.test.ts',
              '  expected 2, got 3',
            ],
          },
        ],
        annotations: [{ path: 'src/a.test.ts', start_line: 7, message: 'expected 2, got 3' }],
      },
      {
        name: 'lint',
        conclusion: 'success',
        steps: [{ name: 'Run npm run lint', run: 'npm run lint' }],
      },
    ],
    ...overrides,
  })
}

describe('workflows, runs and jobs', () => {
  test('workflows by id or file name; a run with jobs and steps; jobs are check runs', async () => {
    const run = ciRun()
    const { data: workflows } = await actions.rest.actions.listRepoWorkflows(repo)
    expect(workflows.workflows.map((w) => [w.name, w.path])).toEqual([
      ['CI', '.github/workflows/ci.yml'],
    ])
    const { data: byFile } = await actions.rest.actions.getWorkflow({
      ...repo,
      workflow_id: 'ci.yml',
    })
    expect(byFile.id).toBe(run.workflow_id)
    const { data: runs } = await actions.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: 'ci.yml',
    })
    expect(runs.workflow_runs.map((r) => r.id)).toEqual([run.id])

    const { data: got } = await actions.rest.actions.getWorkflowRun({ ...repo, run_id: run.id })
    expect(got).toMatchObject({ name: 'CI', conclusion: 'failure', head_branch: 'feature' })
    // The head commit comes from git, trailers and all.
    expect(got.head_commit?.message).toBe('Change a\n\nAsync-PR-Task: 42')

    const { data: jobs } = await actions.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run.id,
    })
    expect(jobs.jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ['test', 'failure'],
      ['lint', 'success'],
    ])
    const test = jobs.jobs[0]
    expect(test.steps?.map((s) => [s.number, s.name, s.conclusion])).toEqual([
      [1, 'Set up job', 'success'],
      [2, 'Run actions/checkout@v4', 'success'],
      [3, 'Run npm test', 'failure'],
      [4, 'Complete job', 'success'],
    ])
    const { data: one } = await actions.rest.actions.getJobForWorkflowRun({
      ...repo,
      job_id: test.id,
    })
    expect(one.check_run_url).toBe(`${emu.url}/repos/${FULL}/check-runs/${test.id}`)

    const { data: checks } = await actions.rest.checks.listForRef({ ...repo, ref: 'feature' })
    expect(checks.check_runs.map((c) => [c.id, c.name, c.conclusion, c.app?.slug])).toEqual([
      [jobs.jobs[1].id, 'lint', 'success', 'github-actions'],
      [test.id, 'test', 'failure', 'github-actions'],
    ])
    const { data: check } = await actions.rest.checks.get({ ...repo, check_run_id: test.id })
    expect(check.output.annotations_count).toBe(1)
    const { data: annotations } = await actions.rest.checks.listAnnotations({
      ...repo,
      check_run_id: test.id,
    })
    expect(annotations).toEqual([
      expect.objectContaining({
        path: 'src/a.test.ts',
        start_line: 7,
        end_line: 7,
        annotation_level: 'failure',
        message: 'expected 2, got 3',
      }),
    ])
    expectClean(emu)
  })

  test('pull_requests lists same-repository open PRs on the branch; a fork run lists none', async () => {
    const pr = emu.state.addPull({
      owner: OWNER,
      repo: REPO,
      user: 'alice',
      head: { ref: 'feature', sha: headSha },
    })
    const ours = ciRun()
    emu.state.addRepo({ owner: 'mallory', name: REPO })
    const fork = ciRun({ head_repository: `mallory/${REPO}` })
    const forced = ciRun({ pull_requests: [] })
    const prsOf = async (run: WorkflowRun) =>
      (
        await actions.rest.actions.getWorkflowRun({ ...repo, run_id: run.id })
      ).data.pull_requests?.map((p) => p.number)
    expect(await prsOf(ours)).toEqual([pr.number])
    expect(await prsOf(fork)).toEqual([])
    expect(await prsOf(forced)).toEqual([])
    const { data: forkRun } = await actions.rest.actions.getWorkflowRun({
      ...repo,
      run_id: fork.id,
    })
    expect(forkRun.head_repository.full_name).toBe(`mallory/${REPO}`)
    expect(forkRun.repository.full_name).toBe(FULL)
    const { data: list } = await actions.rest.actions.listWorkflowRunsForRepo({
      ...repo,
      branch: 'feature',
      status: 'failure',
      exclude_pull_requests: true,
    })
    expect(list.workflow_runs.every((r) => r.pull_requests?.length === 0)).toBe(true)
    expectClean(emu)
  })
})

test('runs created since a time: the `created` filter in its search syntax', async () => {
  const early = ciRun()
  clock += 60_000
  const late = ciRun({ status: 'queued' })
  const ids = async (created: string) =>
    (await alice.rest.actions.listWorkflowRunsForRepo({ ...repo, created })).data.workflow_runs.map(
      (r) => r.id,
    )
  expect(await ids('>=2030-01-01T10:01:00Z')).toEqual([late.id])
  expect(await ids('>2030-01-01T10:00:00Z')).toEqual([late.id])
  expect(await ids('<2030-01-01T10:01:00Z')).toEqual([early.id])
  expect(await ids('<=2030-01-01T10:01:00Z')).toEqual([late.id, early.id])
  expect(await ids('2030-01-01T09:00:00Z..2030-01-01T10:00:30Z')).toEqual([early.id])
  expectClean(emu)
  await ids('yesterday')
  expectClean(emu, [/not emulated: workflow runs filter "created" of the form "yesterday"/])
})

describe('job logs', () => {
  test('a 302 to a short-lived URL on another host serving the raw log, as GitHub does', async () => {
    const run = ciRun()
    const [job] = emu.state.jobsOfRun(run.id)
    const logsPath = `${emu.url}/repos/${FULL}/actions/jobs/${job.id}/logs`
    const redirect = await fetch(logsPath, {
      headers: { authorization: 'token tok-alice' },
      redirect: 'manual',
    })
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location')!
    expect(location.startsWith(emu.logsUrl)).toBe(true)
    expect(new URL(location).searchParams.get('urlExpires')).toBe('2030-01-01T10:01:00.000Z')

    // Octokit follows the redirect (and fetch drops the token on the way to another origin).
    const { data: text } = await alice.rest.actions.downloadJobLogsForWorkflowRun({
      ...repo,
      job_id: job.id,
    })
    const log = String(text)
    const lines = log.split('\n')
    // The file starts with a byte-order mark (fetch's text() drops it; raw bytes keep it).
    const raw = Buffer.from(await (await fetch(location)).arrayBuffer())
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z Current runner version/)
    const bodies = lines.map((l) => l.replace(/^\ufeff?\S+ /, ''))
    expect(bodies).toEqual(
      expect.arrayContaining([
        '##[group]Run npm test',
        '\u001b[36;1mnpm test\u001b[0m',
        '##[endgroup]',
        '\u001b[31mFAIL\u001b[0m src/a.test.ts',
        '##[error]Process completed with exit code 1.',
      ]),
    )
    expect(bodies.indexOf('##[error]Process completed with exit code 1.')).toBe(
      bodies.indexOf('  expected 2, got 3') + 1,
    )

    // The URL expires after a minute; sending the token along to the log host is a violation.
    clock += 61_000
    expect((await fetch(location)).status).toBe(403)
    await fetch(location, { headers: { authorization: 'token tok-alice' } })
    expectClean(emu, [/job log download sent an Authorization header/])
  })
})

describe('cancel and re-run', () => {
  test('without a hook a cancel ends the run; with one, the test decides when it ends', async () => {
    const quick = ciRun({
      status: 'in_progress',
      conclusion: null,
      jobs: [{ name: 'test', steps: [{ name: 'Run x' }] }],
    })
    expect((await alice.rest.actions.cancelWorkflowRun({ ...repo, run_id: quick.id })).status).toBe(
      202,
    )
    expect(quick).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
    expect(emu.state.jobsOfRun(quick.id)[0]).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
    })
    const again = await failure(alice.rest.actions.cancelWorkflowRun({ ...repo, run_id: quick.id }))
    expect(again.status).toBe(409)
    expect(again.message).toContain('Cannot cancel a workflow run that is completed.')

    const slow = ciRun({ status: 'in_progress', conclusion: null, jobs: [] })
    let signalled: { id: number; by: string } | undefined
    emu.state.hooks.onCancel = (run, info) => {
      signalled = { id: run.id, by: info.by }
    }
    await alice.rest.actions.cancelWorkflowRun({ ...repo, run_id: slow.id })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(signalled).toEqual({ id: slow.id, by: 'alice' })
    expect(slow).toMatchObject({ status: 'in_progress', cancel_requested: true })
    emu.state.completeWorkflowRun(slow.id, 'cancelled')
    expect(slow.conclusion).toBe('cancelled')

    expect(
      (await failure(carol.rest.actions.cancelWorkflowRun({ ...repo, run_id: slow.id }))).status,
    ).toBe(403)
    expectClean(emu)
  })

  test('a re-run starts a new attempt with fresh jobs; only failed jobs when asked', async () => {
    const run = ciRun()
    const reruns: number[] = []
    emu.state.hooks.onRerun = (r) => reruns.push(r.run_attempt)
    expect(
      (await alice.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: run.id })).status,
    ).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(reruns).toEqual([2])
    expect(run).toMatchObject({
      run_attempt: 2,
      status: 'queued',
      conclusion: null,
      triggering_actor: 'alice',
    })
    const { data: latest } = await alice.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run.id,
    })
    expect(latest.jobs.map((j) => [j.name, j.status, j.run_attempt])).toEqual([
      ['test', 'queued', 2],
      ['lint', 'completed', 2],
    ])
    const { data: all } = await alice.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run.id,
      filter: 'all',
    })
    expect(all.total_count).toBe(4)
    const { data: first } = await alice.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 1,
    })
    expect(first).toMatchObject({ run_attempt: 1, conclusion: 'failure' })
    const busy = await failure(alice.rest.actions.reRunWorkflow({ ...repo, run_id: run.id }))
    expect(busy.status).toBe(403)
    expectClean(emu)
  })
})

describe('dispatches', () => {
  test('repository_dispatch: 204, recorded, a run per workflow that listens, and the hook', async () => {
    emu.state.addWorkflow(OWNER, REPO, {
      name: 'async-pr',
      path: '.github/workflows/async-pr.yml',
      on: ['pull_request', 'repository_dispatch'],
    })
    emu.state.addWorkflow(OWNER, REPO, {
      name: 'CI',
      path: '.github/workflows/ci.yml',
      on: ['push'],
    })
    const seen: string[] = []
    emu.state.hooks.onDispatch = (d) => {
      if (d.kind === 'repository_dispatch')
        seen.push(`${d.event_type} ${JSON.stringify(d.client_payload)} ${d.runs.length}`)
    }
    const { status } = await actions.rest.repos.createDispatchEvent({
      ...repo,
      event_type: 'async-pr-continue',
      client_payload: { pr_number: 7, run_id: 123 },
    })
    expect(status).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toEqual(['async-pr-continue {"pr_number":7,"run_id":123} 1'])
    const [dispatch] = emu.state.dispatches
    expect(dispatch).toMatchObject({ kind: 'repository_dispatch', sender: 'github-actions[bot]' })
    expect(dispatch.runs[0]).toMatchObject({
      event: 'repository_dispatch',
      status: 'queued',
      head_branch: 'main',
      name: 'async-pr',
    })
    // The description caps client_payload at 10 top-level properties.
    const big = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]))
    expect(
      (
        await failure(
          actions.rest.repos.createDispatchEvent({ ...repo, event_type: 'x', client_payload: big }),
        )
      ).status,
    ).toBe(422)
    expectClean(emu, [
      /repos\/create-dispatch-event: body\/client_payload must NOT have more than 10 properties/,
    ])
  })

  test('workflow_dispatch: by file name, inputs checked against the workflow, run details on request', async () => {
    emu.state.addWorkflow(OWNER, REPO, {
      name: 'async-pr',
      path: '.github/workflows/async-pr.yml',
      on: ['workflow_dispatch'],
      inputs: { pr_number: { required: true }, run_id: {} },
    })
    emu.state.addWorkflow(OWNER, REPO, {
      name: 'CI',
      path: '.github/workflows/ci.yml',
      on: ['push'],
    })
    const dispatch = (workflow_id: string, body: { ref: string } & Record<string, unknown>) =>
      actions.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
        ...repo,
        workflow_id,
        ...body,
      })
    expect(
      (await dispatch('async-pr.yml', { ref: 'main', inputs: { pr_number: '7' } })).status,
    ).toBe(204)
    expect(emu.state.dispatches[0]).toMatchObject({
      kind: 'workflow_dispatch',
      ref: 'main',
      inputs: { pr_number: '7' },
    })
    const detailed = await dispatch('async-pr.yml', {
      ref: 'feature',
      inputs: { pr_number: '7' },
      return_run_details: true,
    })
    expect(detailed.status).toBe(200)
    const run = emu.state.workflowRun(
      (detailed.data as { workflow_run_id: number }).workflow_run_id,
    )!
    expect(run).toMatchObject({
      event: 'workflow_dispatch',
      head_branch: 'feature',
      head_sha: headSha,
    })

    const refusal = async (workflow_id: string, body: { ref: string } & Record<string, unknown>) =>
      (await failure(dispatch(workflow_id, body))).message
    expect(await refusal('ci.yml', { ref: 'main' })).toContain(
      "Workflow does not have 'workflow_dispatch' trigger",
    )
    expect(await refusal('async-pr.yml', { ref: 'nope', inputs: { pr_number: '1' } })).toContain(
      'No ref found for: nope',
    )
    expect(await refusal('async-pr.yml', { ref: 'main', inputs: { pr: '1' } })).toContain(
      'Unexpected inputs provided: ["pr"]',
    )
    expect(await refusal('async-pr.yml', { ref: 'main' })).toContain(
      "Required input 'pr_number' not provided",
    )
    expect((await failure(dispatch('missing.yml', { ref: 'main' }))).status).toBe(404)
    expectClean(emu)
  })
})

describe("an Actions token held to the workflow's permissions", () => {
  test('actions: read lists runs but may not cancel; checks need checks: read', async () => {
    emu.state.addInstallationToken('tok-scoped', {
      permissions: { actions: 'read', contents: 'read' },
    })
    const scoped = octokitFor(emu, 'tok-scoped')
    const run = ciRun({ status: 'in_progress', conclusion: null })
    expect((await scoped.rest.actions.listWorkflowRunsForRepo(repo)).data.total_count).toBe(1)
    const refused = await failure(
      scoped.rest.actions.cancelWorkflowRun({ ...repo, run_id: run.id }),
    )
    expect(refused.status).toBe(403)
    expect(refused.message).toContain('Resource not accessible by integration')
    expect(refused.headers['x-accepted-github-permissions']).toBe('actions=write')
    const checks = await failure(scoped.rest.checks.listForRef({ ...repo, ref: headSha }))
    expect(checks.headers['x-accepted-github-permissions']).toBe('checks=read')
    // Metadata is always readable.
    expect((await scoped.rest.repos.get(repo)).status).toBe(200)
    expectClean(emu)
  })
})
