// JSON shapes of pull request reviews and review comments, as GitHub's REST API returns them.
// A comment's current line and position come from its thread's place on the head now
// (reviews.ts threadNow): null when outdated, as GitHub sends them.

import type { Links } from './links.js'
import { authorAssociation, reactionRollup, simpleUser } from './render.js'
import type { ThreadNow } from './reviews.js'
import type { EmulatorState, Review, ReviewComment, ReviewThread } from './state.js'

export function review(links: Links, state: EmulatorState, item: Review) {
  const pullUrl = `${links.api}/repos/${item.repo}/pulls/${item.pull_number}`
  return {
    id: item.id,
    node_id: item.node_id,
    user: simpleUser(links, state.ensureUser(item.user)),
    body: item.body,
    state: item.state,
    html_url: item.html_url,
    pull_request_url: pullUrl,
    author_association: authorAssociation(state, item.repo, item.user),
    _links: { html: { href: item.html_url }, pull_request: { href: pullUrl } },
    // A pending review has no submitted_at at all (not null), as GitHub documents.
    ...(item.submitted_at === null ? {} : { submitted_at: item.submitted_at }),
    commit_id: item.commit_id,
  }
}

export function reviewComment(
  links: Links,
  state: EmulatorState,
  comment: ReviewComment,
  thread: ReviewThread,
  now: ThreadNow,
) {
  const api = `${links.api}/repos/${comment.repo}`
  const url = `${api}/pulls/comments/${comment.id}`
  const pullUrl = `${api}/pulls/${comment.pull_number}`
  return {
    url,
    pull_request_review_id: comment.review_id,
    id: comment.id,
    node_id: comment.node_id,
    diff_hunk: thread.diff_hunk,
    path: thread.path,
    position: now.position,
    original_position: thread.original_position,
    commit_id: now.commit_id,
    original_commit_id: comment.original_commit_id,
    ...(comment.in_reply_to_id === null ? {} : { in_reply_to_id: comment.in_reply_to_id }),
    user: simpleUser(links, state.ensureUser(comment.user)),
    body: comment.body,
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: comment.html_url,
    pull_request_url: pullUrl,
    author_association: authorAssociation(state, comment.repo, comment.user),
    _links: {
      self: { href: url },
      html: { href: comment.html_url },
      pull_request: { href: pullUrl },
    },
    reactions: reactionRollup(`${url}/reactions`, []),
    start_line: now.start_line,
    original_start_line: thread.original_start_line,
    start_side: thread.start_side,
    line: now.line,
    original_line: thread.original_line,
    side: thread.side,
    subject_type: thread.subject_type,
  }
}
