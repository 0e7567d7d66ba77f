// The emulator's world: plain objects that handlers read and write and tests may inspect or
// change directly. Seeding helpers fill in the fields GitHub would, so a test names only what
// it cares about.

import {
  createReply,
  createReview,
  PlacementRejected,
  threadComments,
  type NewReview,
} from './reviews.js'
import { reviewErrorText, type CommentTarget } from './review-lines.js'
import {
  addCheckRun,
  addJob,
  addWorkflow,
  completeRun,
  jobsOf,
  type ActionsHooks,
  type AnnotationInput,
  type CheckRun,
  type Conclusion,
  type Dispatch,
  type JobInput,
  type Workflow,
  type WorkflowJob,
} from './actions-model.js'

export type UserType = 'User' | 'Bot' | 'Organization'
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export type ReactionContent =
  '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes'

export interface User {
  login: string
  id: number
  type: UserType
  name: string | null
  email: string | null
  created_at: string
}

/** Who a token authenticates as. */
export interface Identity {
  login: string
  /** The Actions GITHUB_TOKEN: a GitHub App installation, not a user. */
  installation: boolean
  /** Installation tokens only: repositories ("owner/name") it may see; all when undefined. */
  repositories?: string[]
  /**
   * Installation tokens only: the workflow's `permissions:` (scope → level, workflow spelling:
   * `pull-requests`, `contents`, ...); undefined grants everything, as the emulator did before.
   * Scopes not listed are `none`, except `metadata`, which is always readable.
   */
  permissions?: Partial<Record<Scope, 'read' | 'write'>>
}

export type Scope =
  | 'actions'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'issues'
  | 'metadata'
  | 'pull-requests'
  | 'statuses'

export interface Repo {
  id: number
  owner: string
  name: string
  full_name: string
  default_branch: string
  private: boolean
  /** A real bare repository backing git data, refs and PR head SHAs. */
  gitDir?: string
  /** Refs ("refs/heads/main" → sha) for repositories without a gitDir. */
  refs: Record<string, string>
  collaborators: Record<string, Permission>
  /** "Allow GitHub Actions to create and approve pull requests" (off by default, as on GitHub). */
  actions_can_approve: boolean
  /** Labels by lower-case name; created on first use, as seeding does not care about colours. */
  labels: Record<string, Label>
  created_at: string
  /** Issues and pull requests share one number sequence, as on GitHub. */
  nextNumber: number
}

export interface PullBranch {
  ref: string
  sha: string
  /** "owner/name"; null when the head fork has been deleted. */
  repo: string | null
}

export interface PullRequest {
  repo: string // "owner/name" of the base repository
  number: number
  id: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  merged_at: string | null
  merge_commit_sha: string | null
  maintainer_can_modify: boolean
  user: string // login
  head: PullBranch
  base: PullBranch & { repo: string }
  html_url: string
  created_at: string
  updated_at: string
  closed_at: string | null
}

export type IssueStateReason = 'completed' | 'reopened' | 'not_planned' | 'duplicate'

export interface Issue {
  repo: string
  number: number
  id: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: IssueStateReason | null
  /** Label names (see Repo.labels for their colour and id). */
  labels: string[]
  user: string
  closed_by: string | null
  locked: boolean
  html_url: string
  created_at: string
  updated_at: string
  closed_at: string | null
}

export interface Label {
  id: number
  name: string
  color: string
  description: string | null
}

export interface IssueComment {
  id: number
  repo: string
  issue_number: number
  body: string
  user: string
  html_url: string
  created_at: string
  updated_at: string
}

export type ReactionSubject =
  { type: 'issue'; repo: string; number: number } | { type: 'comment'; repo: string; id: number }

export interface Reaction {
  id: number
  content: ReactionContent
  user: string
  subject: ReactionSubject
  created_at: string
}

export interface WorkflowRun {
  id: number
  repo: string
  name: string
  path: string
  workflow_id: number
  run_number: number
  run_attempt: number
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
  conclusion: string | null
  head_branch: string | null
  head_sha: string
  /** "owner/name" the head commit comes from: another repository for a fork's run. */
  head_repository: string
  event: string
  display_title: string
  actor: string
  /** Who started this attempt (a re-run's triggering actor differs from the actor). */
  triggering_actor: string
  /**
   * Pull request numbers GitHub lists on the run; null computes them as GitHub does (open PRs
   * of this repository whose head is this run's branch; none for a fork's run).
   */
  pull_requests: number[] | null
  check_suite_id: number
  html_url: string
  created_at: string
  updated_at: string
  run_started_at: string
  /** Set by POST .../cancel while a hooked run has not finished yet. */
  cancel_requested: boolean
}

export type DiffSide = 'LEFT' | 'RIGHT'
export type ReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED'

export interface Review {
  id: number
  node_id: string
  repo: string
  pull_number: number
  user: string
  body: string
  state: ReviewState
  /** The head commit the review was made on. */
  commit_id: string
  submitted_at: string | null
  html_url: string
}

/**
 * A conversation on one place of the diff: the first comment and its replies. GitHub exposes
 * threads (and their resolved state) only in GraphQL; REST shows their comments.
 */
export interface ReviewThread {
  id: number
  node_id: string
  repo: string
  pull_number: number
  path: string
  subject_type: 'line' | 'file'
  side: DiffSide
  start_side: DiffSide | null
  /** Where the thread was placed, on `original_commit_id` (current values are computed). */
  original_line: number | null
  original_start_line: number | null
  original_position: number | null
  original_commit_id: string
  diff_hunk: string
  resolved: boolean
  resolved_by: string | null
}

export interface ReviewComment {
  id: number
  node_id: string
  repo: string
  pull_number: number
  thread_id: number
  review_id: number
  in_reply_to_id: number | null
  user: string
  body: string
  original_commit_id: string
  html_url: string
  created_at: string
  updated_at: string
}

export type {
  ActionsHooks,
  Annotation,
  CheckRun,
  Conclusion,
  Dispatch,
  JobInput,
  StepInput,
  Workflow,
  WorkflowJob,
  WorkflowStep,
} from './actions-model.js'

export const INSTALLATION_LOGIN = 'github-actions[bot]'
// The real id of github-actions[bot], so code that special-cases it sees a familiar value.
const INSTALLATION_USER_ID = 41898282

// Ids for each kind start far apart (and comment ids past 2^31, as on GitHub today) so code
// that confuses an id with a number, or one kind of id with another, fails loudly.
const ID_BASES = {
  user: 1001,
  repo: 500_001,
  issue: 300_000_001,
  pull: 900_000_001,
  comment: 2_200_000_001,
  reaction: 170_000_001,
  run: 7_000_000_001,
  label: 600_000_001,
  review: 2_900_000_001,
  reviewComment: 2_050_000_001,
  thread: 1_700_000_001,
  workflow: 100_000_001,
  job: 40_000_000_001,
  checkSuite: 30_000_000_001,
  checkRun: 50_000_000_001,
} as const

type Kind = keyof typeof ID_BASES

export function repoKey(owner: string, name: string): string {
  // GitHub treats owner and repository names case-insensitively.
  return `${owner}/${name}`.toLowerCase()
}

export interface AddPullInput {
  owner: string
  repo: string
  user: string
  head: { ref: string; sha?: string; repo?: string | null }
  base?: { ref?: string; sha?: string }
  title?: string
  body?: string | null
  draft?: boolean
  state?: 'open' | 'closed'
  merged?: boolean
  number?: number
}

export class EmulatorState {
  readonly users = new Map<string, User>() // by lower-case login
  readonly tokens = new Map<string, Identity>()
  readonly repos = new Map<string, Repo>() // by repoKey
  readonly pulls: PullRequest[] = []
  readonly issues: Issue[] = []
  readonly issueComments: IssueComment[] = []
  readonly reactions: Reaction[] = []
  readonly workflowRuns: WorkflowRun[] = []
  readonly workflows: Workflow[] = []
  readonly workflowJobs: WorkflowJob[] = []
  readonly checkRuns: CheckRun[] = []
  /** repository_dispatch and workflow_dispatch events received, oldest first. */
  readonly dispatches: Dispatch[] = []
  /** Test hooks for cancel, re-run and dispatch (see ActionsHooks). */
  readonly hooks: ActionsHooks = {}
  readonly reviews: Review[] = []
  readonly reviewThreads: ReviewThread[] = []
  readonly reviewComments: ReviewComment[] = []
  private readonly counters = new Map<Kind, number>()

  constructor(
    readonly serverUrl: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** ISO 8601 without milliseconds, the way GitHub formats timestamps. */
  now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
  }

  nowMs(): number {
    return this.clock().getTime()
  }

  nextId(kind: Kind): number {
    const next = this.counters.get(kind) ?? ID_BASES[kind]
    this.counters.set(kind, next + 1)
    return next
  }

  // ---- users and tokens ----

  addUser(input: {
    login: string
    id?: number
    type?: UserType
    name?: string | null
    email?: string | null
  }): User {
    const user: User = {
      login: input.login,
      id: input.id ?? this.nextId('user'),
      type: input.type ?? 'User',
      name: input.name ?? null,
      email: input.email ?? null,
      created_at: this.now(),
    }
    this.users.set(input.login.toLowerCase(), user)
    return user
  }

  user(login: string): User | undefined {
    return this.users.get(login.toLowerCase())
  }

  /** The user, created as a plain 'User' if unknown (bots end in "[bot]" and get type 'Bot'). */
  ensureUser(login: string): User {
    return (
      this.user(login) ?? this.addUser({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' })
    )
  }

  addToken(token: string, login: string): Identity {
    this.ensureUser(login)
    const identity: Identity = { login, installation: false }
    this.tokens.set(token, identity)
    return identity
  }

  /** The Actions GITHUB_TOKEN, which authenticates as the github-actions[bot] installation. */
  addInstallationToken(
    token: string,
    options: { repositories?: string[]; permissions?: Identity['permissions'] } = {},
  ): Identity {
    if (!this.user(INSTALLATION_LOGIN)) {
      this.addUser({ login: INSTALLATION_LOGIN, id: INSTALLATION_USER_ID, type: 'Bot' })
    }
    const identity: Identity = {
      login: INSTALLATION_LOGIN,
      installation: true,
      repositories: options.repositories,
      permissions: options.permissions,
    }
    this.tokens.set(token, identity)
    return identity
  }

  // ---- repositories ----

  addRepo(input: {
    owner: string
    name: string
    default_branch?: string
    private?: boolean
    gitDir?: string
    ownerType?: UserType
    refs?: Record<string, string>
  }): Repo {
    if (!this.user(input.owner))
      this.addUser({ login: input.owner, type: input.ownerType ?? 'User' })
    const repo: Repo = {
      id: this.nextId('repo'),
      owner: input.owner,
      name: input.name,
      full_name: `${input.owner}/${input.name}`,
      default_branch: input.default_branch ?? 'main',
      private: input.private ?? false,
      gitDir: input.gitDir,
      refs: { ...input.refs },
      collaborators: {},
      labels: {},
      actions_can_approve: false,
      created_at: this.now(),
      nextNumber: 1,
    }
    this.repos.set(repoKey(input.owner, input.name), repo)
    return repo
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(repoKey(owner, name))
  }

  private requireRepo(owner: string, name: string): Repo {
    const repo = this.repo(owner, name)
    if (!repo) throw new Error(`emulator: no repository ${owner}/${name}; call addRepo first`)
    return repo
  }

  addCollaborator(owner: string, name: string, login: string, permission: Permission): void {
    this.ensureUser(login)
    this.requireRepo(owner, name).collaborators[login.toLowerCase()] = permission
  }

  /** Effective permission: owner → admin, listed collaborator → theirs, else read on public repos. */
  permission(repo: Repo, login: string): Permission {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'admin'
    const listed = repo.collaborators[login.toLowerCase()]
    if (listed && listed !== 'none') return listed
    return repo.private ? 'none' : 'read'
  }

  // ---- issues and pull requests ----

  addPull(input: AddPullInput): PullRequest {
    const repo = this.requireRepo(input.owner, input.repo)
    this.ensureUser(input.user)
    const number = input.number ?? repo.nextNumber
    repo.nextNumber = Math.max(repo.nextNumber, number + 1)
    const now = this.now()
    const state = input.merged ? 'closed' : (input.state ?? 'open')
    const pull: PullRequest = {
      repo: repo.full_name,
      number,
      id: this.nextId('pull'),
      title: input.title ?? `Pull request ${number}`,
      body: input.body === undefined ? null : input.body,
      state,
      draft: input.draft ?? false,
      merged: input.merged ?? false,
      merged_at: input.merged ? now : null,
      merge_commit_sha: null,
      maintainer_can_modify: false,
      user: input.user,
      head: {
        ref: input.head.ref,
        sha: input.head.sha ?? repo.refs[`refs/heads/${input.head.ref}`] ?? '0'.repeat(40),
        repo: input.head.repo === undefined ? repo.full_name : input.head.repo,
      },
      base: {
        ref: input.base?.ref ?? repo.default_branch,
        sha:
          input.base?.sha ??
          repo.refs[`refs/heads/${input.base?.ref ?? repo.default_branch}`] ??
          '0'.repeat(40),
        repo: repo.full_name,
      },
      html_url: `${this.serverUrl}/${repo.full_name}/pull/${number}`,
      created_at: now,
      updated_at: now,
      closed_at: state === 'closed' ? now : null,
    }
    this.pulls.push(pull)
    return pull
  }

  pull(owner: string, name: string, number: number): PullRequest | undefined {
    const full = repoKey(owner, name)
    return this.pulls.find((p) => p.repo.toLowerCase() === full && p.number === number)
  }

  addIssue(input: {
    owner: string
    repo: string
    user: string
    title?: string
    body?: string | null
    state?: 'open' | 'closed'
    state_reason?: IssueStateReason | null
    labels?: string[]
    number?: number
  }): Issue {
    const repo = this.requireRepo(input.owner, input.repo)
    this.ensureUser(input.user)
    const number = input.number ?? repo.nextNumber
    repo.nextNumber = Math.max(repo.nextNumber, number + 1)
    const now = this.now()
    const closed = input.state === 'closed'
    const issue: Issue = {
      repo: repo.full_name,
      number,
      id: this.nextId('issue'),
      title: input.title ?? `Issue ${number}`,
      body: input.body ?? null,
      state: closed ? 'closed' : 'open',
      state_reason: input.state_reason ?? (closed ? 'completed' : null),
      labels: (input.labels ?? []).map((name) => this.label(repo, name).name),
      user: input.user,
      closed_by: closed ? input.user : null,
      locked: false,
      html_url: `${this.serverUrl}/${repo.full_name}/issues/${number}`,
      created_at: now,
      updated_at: now,
      closed_at: closed ? now : null,
    }
    this.issues.push(issue)
    return issue
  }

  /** The repository's label of that name (case-insensitive), created if new. */
  label(repo: Repo, name: string): Label {
    const key = name.toLowerCase()
    return (repo.labels[key] ??= {
      id: this.nextId('label'),
      name,
      color: 'ededed',
      description: null,
    })
  }

  issue(owner: string, name: string, number: number): Issue | undefined {
    const full = repoKey(owner, name)
    return this.issues.find((i) => i.repo.toLowerCase() === full && i.number === number)
  }

  /** The pull request or issue with that number, as the issues API sees it. */
  issueLike(owner: string, name: string, number: number): PullRequest | Issue | undefined {
    return this.pull(owner, name, number) ?? this.issue(owner, name, number)
  }

  // ---- comments and reactions ----

  addComment(
    owner: string,
    name: string,
    number: number,
    input: { body: string; user: string },
  ): IssueComment {
    const repo = this.requireRepo(owner, name)
    const subject = this.issueLike(owner, name, number)
    if (!subject)
      throw new Error(`emulator: no issue or pull request #${number} in ${repo.full_name}`)
    this.ensureUser(input.user)
    const id = this.nextId('comment')
    const kind = 'head' in subject ? 'pull' : 'issues'
    const now = this.now()
    const comment: IssueComment = {
      id,
      repo: repo.full_name,
      issue_number: number,
      body: input.body,
      user: input.user,
      html_url: `${this.serverUrl}/${repo.full_name}/${kind}/${number}#issuecomment-${id}`,
      created_at: now,
      updated_at: now,
    }
    this.issueComments.push(comment)
    return comment
  }

  /** Comments on one issue or pull request, oldest first. */
  comments(owner: string, name: string, number: number): IssueComment[] {
    const full = repoKey(owner, name)
    return this.issueComments.filter(
      (c) => c.repo.toLowerCase() === full && c.issue_number === number,
    )
  }

  comment(id: number): IssueComment | undefined {
    return this.issueComments.find((c) => c.id === id)
  }

  deleteComment(id: number): void {
    const index = this.issueComments.findIndex((c) => c.id === id)
    if (index >= 0) this.issueComments.splice(index, 1)
    for (let i = this.reactions.length - 1; i >= 0; i--) {
      const subject = this.reactions[i].subject
      if (subject.type === 'comment' && subject.id === id) this.reactions.splice(i, 1)
    }
  }

  addReaction(
    subject: ReactionSubject,
    input: { content: ReactionContent; user: string },
  ): Reaction {
    this.ensureUser(input.user)
    const reaction: Reaction = {
      id: this.nextId('reaction'),
      content: input.content,
      user: input.user,
      subject,
      created_at: this.now(),
    }
    this.reactions.push(reaction)
    return reaction
  }

  reactionsOn(subject: ReactionSubject): Reaction[] {
    return this.reactions.filter((r) => sameSubject(r.subject, subject))
  }

  // ---- pull request reviews (reviews.ts holds the rules) ----

  /**
   * A submitted review by someone, its inline comments placed on the pull request's real diff
   * (so the repository needs a gitDir). Async because it reads git; throws GitHub's 422 wording
   * when a comment is not on the diff. `event` defaults to COMMENT.
   */
  async addReview(
    owner: string,
    name: string,
    number: number,
    input: Omit<NewReview, 'event'> & { event?: NewReview['event'] | 'PENDING' },
  ): Promise<Review> {
    const pr = this.requirePull(owner, name, number)
    const event = input.event === 'PENDING' ? undefined : (input.event ?? 'COMMENT')
    try {
      return await createReview(this, pr, { ...input, event })
    } catch (error) {
      if (error instanceof PlacementRejected) {
        throw new Error(`emulator: GitHub would answer 422: ${reviewErrorText(error.problems)}`, {
          cause: error,
        })
      }
      throw error
    }
  }

  /**
   * One inline conversation: a first comment (in a COMMENTED review of its own), optional
   * replies, optionally resolved. The thread model GraphQL's reviewThreads and REST share.
   */
  async addReviewThread(
    owner: string,
    name: string,
    number: number,
    input: CommentTarget & {
      user: string
      body: string
      commit_id?: string
      replies?: Array<{ user: string; body: string }>
      /** Resolved, by this login (or true: by the first comment's author). */
      resolved?: boolean | string
    },
  ): Promise<ReviewThread> {
    const { user, body, commit_id, replies, resolved, ...target } = input
    const review = await this.addReview(owner, name, number, {
      user,
      body: '',
      commit_id,
      comments: [{ ...target, body }],
    })
    const first = this.reviewComments.find((c) => c.review_id === review.id)
    if (!first) throw new Error('emulator: review comment vanished')
    for (const reply of replies ?? []) this.addReviewReply(first.id, reply)
    const thread = this.reviewThread(first.thread_id) as ReviewThread
    if (resolved) this.resolveThread(thread.id, resolved === true ? user : resolved)
    return thread
  }

  /** A reply in the thread of review comment `commentId`. */
  addReviewReply(commentId: number, input: { user: string; body: string }): ReviewComment {
    const to = this.reviewComments.find((c) => c.id === commentId)
    if (!to) throw new Error(`emulator: no review comment ${commentId}`)
    const [owner, name] = to.repo.split('/')
    return createReply(this, this.requirePull(owner, name, to.pull_number), to, input)
  }

  reviewsOn(owner: string, name: string, number: number): Review[] {
    const full = repoKey(owner, name)
    return this.reviews.filter((r) => r.repo.toLowerCase() === full && r.pull_number === number)
  }

  threadsOn(owner: string, name: string, number: number): ReviewThread[] {
    const full = repoKey(owner, name)
    return this.reviewThreads.filter(
      (t) => t.repo.toLowerCase() === full && t.pull_number === number,
    )
  }

  reviewCommentsOn(owner: string, name: string, number: number): ReviewComment[] {
    const full = repoKey(owner, name)
    return this.reviewComments.filter(
      (c) => c.repo.toLowerCase() === full && c.pull_number === number,
    )
  }

  reviewThread(id: number): ReviewThread | undefined {
    return this.reviewThreads.find((t) => t.id === id)
  }

  /** The thread's comments, first comment first. */
  commentsInThread(threadId: number): ReviewComment[] {
    const thread = this.reviewThread(threadId)
    return thread ? threadComments(this, thread) : []
  }

  resolveThread(threadId: number, by: string): void {
    const thread = this.reviewThread(threadId)
    if (!thread) throw new Error(`emulator: no review thread ${threadId}`)
    thread.resolved = true
    thread.resolved_by = by
  }

  unresolveThread(threadId: number): void {
    const thread = this.reviewThread(threadId)
    if (!thread) throw new Error(`emulator: no review thread ${threadId}`)
    thread.resolved = false
    thread.resolved_by = null
  }

  private requirePull(owner: string, name: string, number: number): PullRequest {
    const pr = this.pull(owner, name, number)
    if (!pr) throw new Error(`emulator: no pull request #${number} in ${owner}/${name}`)
    return pr
  }

  // ---- Actions: workflows, runs, jobs, check runs (actions-model.ts holds the rules) ----

  /** A workflow file of the repository. `on` defaults to the common triggers, dispatch included. */
  addWorkflow(
    owner: string,
    name: string,
    input: Omit<Parameters<typeof addWorkflow>[2], 'id'> & { id?: number },
  ): Workflow {
    return addWorkflow(this, this.requireRepo(owner, name), input)
  }

  /**
   * A workflow run (attempt 1), of the workflow at `path` (created if new), with `jobs` and
   * their steps and logs. Each job is also a check run on head_sha, as on GitHub.
   */
  addWorkflowRun(
    owner: string,
    name: string,
    input: Partial<
      Omit<WorkflowRun, 'id' | 'repo' | 'html_url' | 'check_suite_id' | 'cancel_requested'>
    > & { head_sha: string; jobs?: JobInput[] },
  ): WorkflowRun {
    const repo = this.requireRepo(owner, name)
    const { jobs, ...fields } = input
    const path = fields.path ?? '.github/workflows/async-pr.yml'
    const workflow =
      this.workflows.find(
        (w) => w.repo === repo.full_name && (w.path === path || w.id === fields.workflow_id),
      ) ??
      addWorkflow(this, repo, {
        name: fields.name ?? 'async-pr',
        path,
        id: fields.workflow_id ?? (path === '.github/workflows/async-pr.yml' ? 161_335 : undefined),
      })
    const id = this.nextId('run')
    const now = this.now()
    const sameWorkflow = this.workflowRuns.filter((r) => r.workflow_id === workflow.id)
    const actor = fields.actor ?? repo.owner
    const run: WorkflowRun = {
      name: workflow.name,
      path: workflow.path,
      run_number: sameWorkflow.length + 1,
      run_attempt: 1,
      status: 'completed',
      conclusion: fields.status && fields.status !== 'completed' ? null : 'success',
      head_branch: repo.default_branch,
      head_repository: repo.full_name,
      event: 'pull_request',
      display_title: fields.name ?? workflow.name,
      triggering_actor: actor,
      pull_requests: null,
      created_at: now,
      updated_at: now,
      run_started_at: now,
      ...fields,
      actor,
      workflow_id: workflow.id,
      id,
      repo: repo.full_name,
      check_suite_id: this.nextId('checkSuite'),
      cancel_requested: false,
      html_url: `${this.serverUrl}/${repo.full_name}/actions/runs/${id}`,
    }
    this.workflowRuns.push(run)
    for (const job of jobs ?? []) addJob(this, repo, run, job)
    return run
  }

  workflowRun(id: number): WorkflowRun | undefined {
    return this.workflowRuns.find((r) => r.id === id)
  }

  /** Another job on the run's current attempt. */
  addWorkflowJob(runId: number, input: JobInput): WorkflowJob {
    const run = this.workflowRun(runId)
    if (!run) throw new Error(`emulator: no workflow run ${runId}`)
    const [owner, name] = run.repo.split('/')
    return addJob(this, this.requireRepo(owner, name), run, input)
  }

  /** The jobs of a run: its current attempt's, a given attempt's, or all. */
  jobsOfRun(runId: number, attempt?: number | 'all'): WorkflowJob[] {
    const run = this.workflowRun(runId)
    return run ? jobsOf(this, run, attempt) : []
  }

  /** Ends a run, with its unfinished jobs, steps and check runs (e.g. after a hooked cancel). */
  completeWorkflowRun(runId: number, conclusion: Conclusion): WorkflowRun {
    const run = this.workflowRun(runId)
    if (!run) throw new Error(`emulator: no workflow run ${runId}`)
    completeRun(this, run, conclusion)
    return run
  }

  /** A check run of another app (or of Actions without a run), with annotations. */
  addCheckRun(
    owner: string,
    name: string,
    input: Omit<Parameters<typeof addCheckRun>[2], 'annotations' | 'id' | 'job_id'> & {
      annotations?: AnnotationInput[]
    },
  ): CheckRun {
    return addCheckRun(this, this.requireRepo(owner, name), input)
  }
}

export function sameSubject(a: ReactionSubject, b: ReactionSubject): boolean {
  if (a.type === 'issue' && b.type === 'issue') {
    return a.repo.toLowerCase() === b.repo.toLowerCase() && a.number === b.number
  }
  if (a.type === 'comment' && b.type === 'comment') return a.id === b.id
  return false
}
