// JSON shapes for users, repositories, issues' comments, reactions and pull requests, field for
// field as GitHub returns them (the self-test validates them against the description's response
// schemas). Lists return the "simple" shapes GitHub lists return, so code that reads a field only
// present on the single-item endpoint fails here as it would against GitHub.

import type { Links } from './links.js'
import type { PullShas } from './pull-shas.js'
import type {
  EmulatorState,
  Identity,
  IssueComment,
  PullRequest,
  Reaction,
  ReactionContent,
  Repo,
  User,
} from './state.js'

/** GitHub's legacy global node id: base64 of "<len>:<Type><id>". */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`${String(type.length).padStart(2, '0')}:${type}${id}`).toString('base64')
}

export function simpleUser(links: Links, user: User) {
  const api = `${links.api}/users/${encodeURIComponent(user.login)}`
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Organization' ? 'Organization' : user.type, user.id),
    avatar_url: `${links.web}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      user.type === 'Bot'
        ? `${links.web}/apps/${encodeURIComponent(user.login.replace(/\[bot\]$/, ''))}`
        : `${links.web}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  }
}

/** GET /users/{username} (public) and GET /user (private adds the owner-only counters). */
export function fullUser(links: Links, user: User, options: { private: boolean }) {
  const base = {
    ...simpleUser(links, user),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.created_at,
    updated_at: user.created_at,
  }
  if (!options.private) return base
  return {
    ...base,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  }
}

function repoPermissions(state: EmulatorState, repo: Repo, viewer: Identity | undefined) {
  if (!viewer) return undefined
  const level = viewer.installation ? 'write' : state.permission(repo, viewer.login)
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(level)
  return {
    admin: rank >= 5,
    maintain: rank >= 4,
    push: rank >= 3,
    triage: rank >= 2,
    pull: rank >= 1,
  }
}

/** A superset of `minimal-repository`, `repository` and `full-repository`. */
export function repository(links: Links, state: EmulatorState, repo: Repo, viewer?: Identity) {
  const api = `${links.api}/repos/${repo.full_name}`
  const web = `${links.web}/${repo.full_name}`
  const host = new URL(links.web).host
  const owner = state.ensureUser(repo.owner)
  const permissions = repoPermissions(state, repo, viewer)
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.full_name,
    private: repo.private,
    owner: simpleUser(links, owner),
    html_url: web,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.created_at,
    git_url: `git://${host}/${repo.full_name}.git`,
    ssh_url: `git@${host}:${repo.full_name}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: repo.default_branch,
    ...(permissions ? { permissions } : {}),
    network_count: 0,
    subscribers_count: 0,
  }
}

export function authorAssociation(
  state: EmulatorState,
  repoFullName: string,
  login: string,
): string {
  const [owner, name] = repoFullName.split('/')
  const repo = state.repo(owner, name)
  if (!repo) return 'NONE'
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER'
  const listed = repo.collaborators[login.toLowerCase()]
  return listed && listed !== 'none' ? 'COLLABORATOR' : 'NONE'
}

const REACTION_CONTENTS: ReactionContent[] = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'eyes',
  'rocket',
]

export function reactionRollup(url: string, reactions: Reaction[]) {
  const counts = Object.fromEntries(
    REACTION_CONTENTS.map((content) => [
      content,
      reactions.filter((r) => r.content === content).length,
    ]),
  )
  return { url, total_count: reactions.length, ...counts }
}

export function issueComment(links: Links, state: EmulatorState, comment: IssueComment) {
  const api = `${links.api}/repos/${comment.repo}`
  const url = `${api}/issues/comments/${comment.id}`
  return {
    url,
    html_url: comment.html_url,
    issue_url: `${api}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: simpleUser(links, state.ensureUser(comment.user)),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(state, comment.repo, comment.user),
    body: comment.body,
    reactions: reactionRollup(
      `${url}/reactions`,
      state.reactionsOn({ type: 'comment', repo: comment.repo, id: comment.id }),
    ),
    performed_via_github_app: null,
  }
}

export function reaction(links: Links, state: EmulatorState, item: Reaction) {
  return {
    id: item.id,
    node_id: nodeId('Reaction', item.id),
    user: simpleUser(links, state.ensureUser(item.user)),
    content: item.content,
    created_at: item.created_at,
  }
}

function pullBranch(
  links: Links,
  state: EmulatorState,
  branch: { ref: string; sha: string; repo: string | null },
  fallbackOwner: string,
) {
  const repo = branch.repo ? state.repo(...(branch.repo.split('/') as [string, string])) : undefined
  const owner = repo?.owner ?? fallbackOwner
  return {
    label: `${owner}:${branch.ref}`,
    ref: branch.ref,
    sha: branch.sha,
    user: simpleUser(links, state.ensureUser(owner)),
    repo: repo ? repository(links, state, repo) : null,
  }
}

/** The `pull-request-simple` shape that GET /pulls returns. */
export function pullRequestSimple(
  links: Links,
  state: EmulatorState,
  pr: PullRequest,
  shas: PullShas,
) {
  const api = `${links.api}/repos/${pr.repo}`
  const url = `${api}/pulls/${pr.number}`
  const issueUrl = `${api}/issues/${pr.number}`
  const statusesUrl = `${api}/statuses/${shas.head}`
  return {
    url,
    id: pr.id,
    node_id: nodeId('PullRequest', pr.id),
    html_url: pr.html_url,
    diff_url: `${pr.html_url}.diff`,
    patch_url: `${pr.html_url}.patch`,
    issue_url: issueUrl,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: simpleUser(links, state.ensureUser(pr.user)),
    body: pr.body,
    created_at: pr.created_at,
    updated_at: pr.updated_at,
    closed_at: pr.closed_at,
    merged_at: pr.merged_at,
    merge_commit_sha: pr.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: pr.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statusesUrl,
    head: pullBranch(links, state, { ...pr.head, sha: shas.head }, pr.user),
    base: pullBranch(links, state, { ...pr.base, sha: shas.base }, pr.repo.split('/')[0]),
    _links: {
      self: { href: url },
      html: { href: pr.html_url },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: statusesUrl },
    },
    author_association: authorAssociation(state, pr.repo, pr.user),
    auto_merge: null,
    active_lock_reason: null,
  }
}

/** The full `pull-request` shape of GET/POST/PATCH on a single pull request. */
export function pullRequest(links: Links, state: EmulatorState, pr: PullRequest, shas: PullShas) {
  const comments = state.issueComments.filter(
    (c) => c.repo === pr.repo && c.issue_number === pr.number,
  )
  return {
    ...pullRequestSimple(links, state, pr, shas),
    merged: pr.merged,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: comments.length,
    review_comments: state.reviewComments.filter(
      (c) => c.repo === pr.repo && c.pull_number === pr.number,
    ).length,
    maintainer_can_modify: pr.maintainer_can_modify,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  }
}
