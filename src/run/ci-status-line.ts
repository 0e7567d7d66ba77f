// The CI line on the PR's own status comment: found once (from the run's one
// listing of the PR's comments), then edited in place at the line's place,
// the rest of the comment as it was.

import type { GitHub } from '../github/client.js'
import {
  STATUS_MARKER,
  StatusComment,
  type IssueRef,
  type listComments,
} from '../github/status-comment.js'
import {
  ciLineState,
  renderCiLine,
  withCiLine,
  type CiLineState,
  type CiLineView,
} from '../report/ci-line.js'

export class CiStatusLine {
  private readonly main: StatusComment
  private loaded?: Promise<boolean>

  constructor(
    github: GitHub,
    issue: IssueRef,
    comments: ReturnType<typeof listComments>,
    knownSecrets: readonly string[],
    private readonly repoUrl: string,
  ) {
    this.main = new StatusComment(github, issue, STATUS_MARKER, comments, knownSecrets)
  }

  /** Whether the PR has async-pr's status comment (found once). */
  load(): Promise<boolean> {
    return (this.loaded ??= this.main.find().then((found) => found !== undefined))
  }

  /** What the line says now (the commit it is about, the workflows failing there). */
  get state(): CiLineState | undefined {
    const body = this.main.previousText
    return body === undefined ? undefined : ciLineState(body)
  }

  /** The status comment as people read it, without hidden lines: the task's earlier result. */
  get previousResult(): string | undefined {
    return this.main.previousText
      ?.split('\n')
      .filter((line) => !line.startsWith('<!-- async-pr:'))
      .join('\n')
  }

  /**
   * The workflows failing on `sha` once `workflowId` is counted as failing
   * (`failed`) or passing there; a line about another commit is forgotten.
   */
  failingWith(sha: string, workflowId: number, failed: boolean): number[] {
    const now = this.state
    const before = now?.sha === sha ? now.failing.filter((id) => id !== workflowId) : []
    return failed ? [...before, workflowId] : before
  }

  /** Sets the line (or, with `view` undefined, only its hidden state); false without a status comment. */
  async show(view: CiLineView | undefined, failing: number[]): Promise<boolean> {
    if (!(await this.load())) return false
    const sha = view?.sha ?? this.state?.sha
    if (!sha) return false
    const line = view ? renderCiLine(view, { repoUrl: this.repoUrl }) : undefined
    const edited = await this.main.edit((body) => withCiLine(body, line, { v: 1, sha, failing }))
    return edited !== undefined
  }
}
