// What `async-pr --help` and `async-pr help <command>` print.

import type { CommandName } from './args.js'

const OVERVIEW = `async-pr: hand a task to the async-pr GitHub Action and collect the result

Usage:
  async-pr dispatch [TITLE] (--body TEXT | --body-file PATH|-) [options]
  async-pr status <PR> [--json]
  async-pr watch <PR> [--interval 10s] [--timeout 60m] [--json]
  async-pr result <PR> [--json]
  async-pr list [--limit 30] [--json]

  dispatch  open a pull request whose body is the task (no clone needed)
  status    where the run stands: waiting, queued, working (with its checklist), done, failed
  watch     follow a run until it ends; the exit code tells how it ended
  result    the final report: what the agent did, commits, files, cost
  list      open async pull requests and their states

<PR> is a number (12 or #12) or a pull request URL (which also names the repository).

Options for every command:
  -R, --repo OWNER/NAME   the repository (default: the origin remote of the current git clone)
      --json              machine-readable output
  -h, --help              help for a command: async-pr help dispatch

Environment:
  GITHUB_TOKEN, GH_TOKEN  the token for github.com, or for GITHUB_API_URL when it is set
  GITHUB_API_URL          the API root, for GitHub Enterprise Server (https://HOST/api/v3)
  GH_HOST, GH_ENTERPRISE_TOKEN
                          a GitHub Enterprise Server host and its token, as for the gh CLI
  A token from these goes to no other host: for any other, only the token
  \`gh auth token --hostname HOST\` gives is used, else the command refuses.

Exit codes:
  0  done: success or no_changes (status, dispatch, list: the command worked)
  1  the run failed, timed out, was cancelled or skipped
  2  usage or configuration error, or GitHub refused (missing token, unknown repository,
     branch exists, pull request not found)
  3  the run has not ended yet (watch reached --timeout; result asked too early)
  130 interrupted`

const COMMANDS: Record<CommandName, string> = {
  dispatch: `async-pr dispatch [TITLE] (--body TEXT | --body-file PATH|-) [options]

Creates a branch from the base through the GitHub API, an empty commit on it,
and a pull request whose body is the task; prints "#NUMBER URL".

  TITLE, -t, --title TEXT  the pull request title (default: the task's first line)
  -b, --body TEXT          the task
  -F, --body-file PATH     read the task from a file; "-" reads standard input
      --base BRANCH        branch to start from and merge into (default: the default branch)
      --branch NAME        branch name (default: PREFIX<slug>-<yyyymmdd-hhmmss>-<random>)
      --prefix PREFIX      prefix of generated branch names (default: async/)
  -d, --draft              open a draft (async-pr starts when it is marked ready for review)
  -w, --watch              follow the run until it ends, then print the result
      --interval, --timeout   as for watch
      --json               print {number, url, branch, base, draft, headSha}
  -R, --repo OWNER/NAME`,
  status: `async-pr status <PR> [--json]

Prints where the run stands, read from the status comment and the workflow run:
waiting, queued, working (with its checklist), done or failed. Exits 0 whenever
it could tell.`,
  watch: `async-pr watch <PR> [--interval 10s] [--timeout 60m] [--json]

Follows the run until it ends: a live display on a terminal, one line per change
otherwise (on standard error), then the result on standard output.

  --interval DURATION   time between polls (default 10s; a bare number is seconds)
  --timeout DURATION    give up after this long (default 60m; a bare number is minutes)
  --json                print the result as JSON

Exits 0 (success, no_changes), 1 (failure, timed_out, cancelled, skipped), or 3
when --timeout is reached first.`,
  result: `async-pr result <PR> [--json]

Prints the final report as markdown (the status comment without its hidden lines),
or with --json: {state, phase, body, commitSha, runUrl, ...}. Exits like watch;
3 when the run has not ended yet.`,
  list: `async-pr list [--limit 30] [--prefix async/] [--json]

Open pull requests whose branch starts with the prefix, or that carry a status
comment, most recently updated first, with their states. Looks at the --limit
most recently updated open pull requests (one request each for their comments).`,
}

export function helpText(topic?: CommandName): string {
  return topic ? COMMANDS[topic] : OVERVIEW
}
