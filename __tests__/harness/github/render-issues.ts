// The `issue` shape of the issues API, for issues and for pull requests seen as issues (which
// carry `pull_request`, the field code uses to tell the two apart).

import type { Links } from './links.js'
import { authorAssociation, nodeId, reactionRollup, simpleUser } from './render.js'
import type { EmulatorState, Issue, Label, PullRequest, Repo } from './state.js'

export function label(links: Links, repo: Repo, item: Label) {
  return {
    id: item.id,
    node_id: nodeId('Label', item.id),
    url: `${links.api}/repos/${repo.full_name}/labels/${encodeURIComponent(item.name)}`,
    name: item.name,
    description: item.description,
    color: item.color,
    default: false,
  }
}

export function issue(links: Links, state: EmulatorState, repo: Repo, item: Issue | PullRequest) {
  const api = `${links.api}/repos/${repo.full_name}`
  const url = `${api}/issues/${item.number}`
  const isPull = 'head' in item
  const comments = state.comments(repo.owner, repo.name, item.number).length
  const labels = isPull ? [] : item.labels
  const closedBy = isPull ? null : item.closed_by
  return {
    id: item.id,
    node_id: nodeId(isPull ? 'PullRequest' : 'Issue', item.id),
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: item.html_url,
    number: item.number,
    state: item.state,
    state_reason: isPull ? null : item.state_reason,
    title: item.title,
    body: item.body,
    user: simpleUser(links, state.ensureUser(item.user)),
    labels: labels.map((name) => label(links, repo, state.label(repo, name))),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: isPull ? false : item.locked,
    active_lock_reason: null,
    comments,
    ...(isPull
      ? {
          pull_request: {
            url: `${api}/pulls/${item.number}`,
            html_url: item.html_url,
            diff_url: `${item.html_url}.diff`,
            patch_url: `${item.html_url}.patch`,
            merged_at: item.merged_at,
          },
          draft: item.draft,
        }
      : {}),
    closed_at: item.closed_at,
    created_at: item.created_at,
    updated_at: item.updated_at,
    closed_by: closedBy ? simpleUser(links, state.ensureUser(closedBy)) : null,
    timeline_url: `${url}/timeline`,
    author_association: authorAssociation(state, repo.full_name, item.user),
    reactions: reactionRollup(
      `${url}/reactions`,
      state.reactionsOn({ type: 'issue', repo: repo.full_name, number: item.number }),
    ),
    performed_via_github_app: null,
  }
}
