// What `async-pr --help` and `async-pr help <command>` print.

import type { CommandName } from './args.js'

const OVERVIEW = `async-pr: hand a task to the async-pr GitHub Action and collect the result

Usage:
  async-pr dispatch [TITLE] (--body TEXT | --body-file PATH|-) [options]
  async-pr dispatch --issue 42,43 | --tasks FILE [--watch] [options]
  async-pr status <PR> [--json]
  async-pr watch <PR>... | --all [--interval 10s] [--timeout 60m] [--json]
  async-pr result <PR> [--json]
  async-pr list [--limit 30] [--json]
  async-pr cancel <PR> [--timeout 3m] [--json]
  async-pr logs <PR> [--lines 100] [--follow] [--json]
  async-pr continue <PR> [INSTRUCTION] [--watch] [--json]

  dispatch  open a pull request whose body is the task (no clone needed); one per issue or section
  status    where the run stands: waiting, queued, working (with its checklist), done, failed
  watch     follow runs until they end (many: one table, then a summary); the exit code tells how
  result    the final report: what the agent did, commits, files, cost
  list      open async pull requests and their states
  cancel    cancel the running workflow run; waits until async-pr reports it cancelled
  logs      the tail of the run's job log (--follow: until the job ends)
  continue  post "/async-pr continue [INSTRUCTION]" to start the next run on the pull request

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
  1  the run failed, timed out, was cancelled or skipped (watch of many: any task not done)
  2  usage or configuration error, or GitHub refused (missing token, unknown repository,
     branch exists, pull request not found)
  3  the run has not ended yet (watch reached --timeout; result asked too early)
  130 interrupted`

const COMMANDS: Record<CommandName, string> = {
  dispatch: `async-pr dispatch [TITLE] (--body TEXT | --body-file PATH|-) [options]
async-pr dispatch --issue 42 --issue 43,44 | --tasks FILE [options]

Creates a branch from the base through the GitHub API, an empty commit on it,
and a pull request whose body is the task; prints "#NUMBER URL".

  -i, --issue N[,N...]     one pull request per issue: the issue's title, its text as the task,
                           "Closes #N" and a link; branch PREFIX<N>-<slug>-<stamp>. Closed issues,
                           pull requests and issues with an open async pull request are refused,
                           one line each, and the rest go ahead. Repeat it, or give a comma list.
      --tasks FILE         one pull request per "## " section of a markdown file (the heading
                           is the title, the section the task); "-" reads standard input
                           Many tasks are dispatched one after another, a write a second (GitHub's
                           advice for many writes; 20 tasks take about a minute).

  TITLE, -t, --title TEXT  the pull request title (default: the task's first line)
  -b, --body TEXT          the task
  -F, --body-file PATH     read the task from a file; "-" reads standard input
      --base BRANCH        branch to start from and merge into (default: the default branch)
      --branch NAME        branch name (default: PREFIX<slug>-<yyyymmdd-hhmmss>-<random>)
      --prefix PREFIX      prefix of generated branch names (default: async/)
  -d, --draft              open a draft (async-pr starts when it is marked ready for review)
  -w, --watch              follow the run until it ends, then print the result
      --interval, --timeout   as for watch
      --json               print {number, url, branch, base, draft, headSha}; with --issue or
                           --tasks one line of JSON per task: {task, issue, status: dispatched |
                           refused | failed, number, url, ...}, and the summary at the end of --watch
  -R, --repo OWNER/NAME

Exit: 0 when every task was dispatched (or already had an open async pull request); 2 when any
was refused for another reason or failed (the others were still dispatched).`,
  status: `async-pr status <PR> [--json]

Prints where the run stands, read from the status comment and the workflow run:
waiting, queued, working (with its checklist), done or failed. Exits 0 whenever
it could tell.`,
  watch: `async-pr watch <PR> [<PR>...] [--interval 10s] [--timeout 60m] [--json]
async-pr watch --all [--prefix async/]

Follows the run until it ends: a live display on a terminal, one line per change
otherwise (on standard error), then the result on standard output.

With several pull requests (or --all: every open async pull request), one table
(PR, task, state, checklist, elapsed, cost) and, at the end, the summary:
| Issue | PR | Status | Cost | and "2 done, 1 failed". They are looked at together:
one conditional request for all their comments, so an unchanged look costs a 304,
which GitHub does not count; counted requests are held to one per three intervals.

  --interval DURATION   time between polls (default 10s; a bare number is seconds)
  --timeout DURATION    give up after this long (default 60m; a bare number is minutes)
  -q, --quiet           no progress display: only the result or summary (for agents)
  --json                print the result as JSON (many: one line, each task in its own object)

Exits 0 (success, no_changes; many: every task done), 1 (failure, timed_out,
cancelled, skipped; many: any task not done), or 3 when --timeout is reached first.`,
  result: `async-pr result <PR> [--json]

Prints the final report as markdown (the status comment without its hidden lines),
or with --json: {state, phase, body, commitSha, runUrl, ...}. Exits like watch;
3 when the run has not ended yet.`,
  list: `async-pr list [--limit 30] [--prefix async/] [--json]

Open pull requests whose branch starts with the prefix, or that carry a status
comment, most recently updated first, with their states. Looks at the --limit
most recently updated open pull requests (one request each for their comments).`,
  cancel: `async-pr cancel <PR> [--timeout 3m] [--interval 10s] [--json]

Cancels the pull request's running workflow run through the API (needs Actions
write access). The action then stops the agent, commits and pushes its work in
progress, and reports "cancelled"; cancel waits for that report (--timeout) and
prints it. Exits 0 when it says cancelled (or nothing was running), 1 when the
run ended another way, 3 when the report did not come in time.`,
  logs: `async-pr logs <PR> [--lines 100] [--follow] [--timeout 10m] [--json]

The tail of the job log of the pull request's run (the one its status comment
names, else the branch's latest): async-pr's own lines and the agent's tool calls,
without timestamps and colours. The log is text others wrote: read it as data.

  -n, --lines N     how many of the last lines (default 100)
  -f, --follow      then print new lines as they come, until the job ends or --timeout
                    (default 10m), polling every --interval
      --json        {number, run, job, totalLines, lines} (not with --follow)`,
  continue: `async-pr continue <PR> [INSTRUCTION] [--watch] [--trigger-prefix /async-pr] [--json]

Posts the follow-up comment "/async-pr continue [INSTRUCTION]" on the pull
request: the workflow's issue_comment trigger starts the next run, which carries
on where the last one stopped (or does what the instruction asks). With --watch,
follows the run that answers this comment, and exits as watch does.

  --trigger-prefix P   the workflow's trigger_prefix (default /async-pr)`,
}

export function helpText(topic?: CommandName): string {
  return topic ? COMMANDS[topic] : OVERVIEW
}
