// Leaves a workspace the way actions/checkout (v6) leaves one for a `pull_request` event:
//  - GitHub's side: a merge commit of the PR head into the base ("Merge <head> into <base>",
//    parents base then head) published as refs/pull/N/merge, and refs/pull/N/head;
//  - checkout's side: `git init`, origin = `<serverUrl>/<owner>/<repo>` (no token in it),
//    gc.auto 0, the token in `$RUNNER_TEMP/git-credentials-<uuid>.config` as
//    `http.<origin>/.extraheader = AUTHORIZATION: basic base64(x-access-token:<token>)`, pulled
//    in by includeIf.gitdir entries (host and container paths, plus their worktrees), then a
//    depth-1 fetch of the merge sha into refs/remotes/pull/N/merge and a detached checkout.
// Facts taken from actions/checkout src/git-auth-helper.ts, ref-helper.ts, url-helper.ts.
// Checkout does not set user.name / user.email, so neither does this.

import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { git, tryGit } from './exec.js'

export interface SimulateCheckoutOptions {
  /** Origin of the git server, e.g. `http://127.0.0.1:PORT` (GITHUB_SERVER_URL). */
  serverUrl: string
  repo: string
  token: string
  /** GITHUB_WORKSPACE; the repository is checked out right there (checkout's default path). */
  workspace: string
  runnerTemp: string
  prNumber: number
  headRef: string
  baseRef: string
  /** checkout's `fetch-depth`: 1 by default; 0 fetches all history, branches and tags too. */
  fetchDepth?: number
}

export interface SimulatedCheckout {
  workspace: string
  mergeSha: string
  headSha: string
  baseSha: string
  /** The file under RUNNER_TEMP holding the token. */
  credentialsPath: string
  /** The extraheader config key, `http.<origin>/.extraheader`. */
  extraHeaderKey: string
}

/** The config entries that make git send the token to `origin` (checkout's extraheader). */
export function extraHeaderConfig(
  serverUrl: string,
  token: string,
): { key: string; value: string } {
  const origin = new URL(serverUrl).origin
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
  return { key: `http.${origin}/.extraheader`, value: `AUTHORIZATION: basic ${basic}` }
}

/** Env that hands git the token through config without putting it in argv (or error messages). */
export function tokenEnv(serverUrl: string, token: string): Record<string, string> {
  const { key, value } = extraHeaderConfig(serverUrl, token)
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: key, GIT_CONFIG_VALUE_0: value }
}

/** Plays GitHub: computes the PR's merge commit and publishes refs/pull/N/{merge,head}. */
export async function publishPullRefs(
  options: Pick<
    SimulateCheckoutOptions,
    'serverUrl' | 'repo' | 'token' | 'prNumber' | 'headRef' | 'baseRef'
  >,
): Promise<{ mergeSha: string; headSha: string; baseSha: string }> {
  const remote = `${new URL(options.serverUrl).origin}/${options.repo}`
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'async-pr-merge-'))
  const env = { GIT_DIR: scratch, ...tokenEnv(options.serverUrl, options.token) }
  try {
    await git(['init', '--quiet', '--bare', scratch])
    await git(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        remote,
        `+refs/heads/${options.baseRef}:refs/harness/base`,
        `+refs/heads/${options.headRef}:refs/harness/head`,
      ],
      { env },
    )
    const baseSha = await git(['rev-parse', 'refs/harness/base'], { env })
    const headSha = await git(['rev-parse', 'refs/harness/head'], { env })
    const merged = await tryGit(['merge-tree', '--write-tree', baseSha, headSha], { env })
    if (merged.code !== 0) {
      throw new Error(`PR #${options.prNumber} does not merge cleanly into ${options.baseRef}`)
    }
    const tree = merged.stdout.split('\n')[0]?.trim() ?? ''
    const mergeSha = await git(
      ['commit-tree', tree, '-p', baseSha, '-p', headSha, '-m', `Merge ${headSha} into ${baseSha}`],
      {
        env: {
          ...env,
          GIT_AUTHOR_NAME: 'GitHub',
          GIT_AUTHOR_EMAIL: 'noreply@github.com',
          GIT_COMMITTER_NAME: 'GitHub',
          GIT_COMMITTER_EMAIL: 'noreply@github.com',
        },
      },
    )
    const pull = `refs/pull/${options.prNumber}`
    await git(
      [
        'push',
        '--quiet',
        '--force',
        remote,
        `${mergeSha}:${pull}/merge`,
        `${headSha}:${pull}/head`,
      ],
      { env },
    )
    return { mergeSha, headSha, baseSha }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

export async function simulateActionsCheckout(
  options: SimulateCheckoutOptions,
): Promise<SimulatedCheckout> {
  const { mergeSha, headSha, baseSha } = await publishPullRefs(options)
  const workspace = path.resolve(options.workspace)
  const runnerTemp = path.resolve(options.runnerTemp)
  const origin = new URL(options.serverUrl).origin
  await mkdir(workspace, { recursive: true })
  await mkdir(runnerTemp, { recursive: true })
  const inRepo = { cwd: workspace }

  await git(['init', '--quiet', workspace])
  await git(['remote', 'add', 'origin', `${origin}/${options.repo}`], inRepo)
  await git(['config', '--local', 'gc.auto', '0'], inRepo)

  // Token file: checkout writes a placeholder with `git config --file`, then swaps in the value,
  // keeping the credential off command lines. Same here.
  const { key, value } = extraHeaderConfig(origin, options.token)
  const credentialsPath = path.join(runnerTemp, `git-credentials-${randomUUID()}.config`)
  const placeholder = 'AUTHORIZATION: basic ***'
  await git(['config', '--file', credentialsPath, key, placeholder])
  const content = await readFile(credentialsPath, 'utf8')
  await writeFile(credentialsPath, content.replace(placeholder, value))

  const gitDir = path.join(workspace, '.git')
  const containerGitDir = '/github/workspace/.git'
  const containerCredentials = path.posix.join(
    '/github/runner_temp',
    path.basename(credentialsPath),
  )
  await git(['config', '--local', `includeIf.gitdir:${gitDir}.path`, credentialsPath], inRepo)
  await git(
    ['config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, credentialsPath],
    inRepo,
  )
  await git(
    ['config', '--local', `includeIf.gitdir:${containerGitDir}.path`, containerCredentials],
    inRepo,
  )
  await git(
    [
      'config',
      '--local',
      `includeIf.gitdir:${containerGitDir}/worktrees/*.path`,
      containerCredentials,
    ],
    inRepo,
  )

  // The fetch authenticates through the include, as checkout's does.
  const mergeRef = `refs/remotes/pull/${options.prNumber}/merge`
  const depth = options.fetchDepth ?? 1
  const fetch = [
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--prune',
    '--no-recurse-submodules',
  ]
  if (depth === 0) {
    // fetch-depth 0: every branch and tag first, then the merge commit.
    await git(
      [...fetch, 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'],
      inRepo,
    )
    await git([...fetch, '--no-tags', 'origin', `+${mergeSha}:${mergeRef}`], inRepo)
  } else {
    await git(
      [...fetch, '--no-tags', `--depth=${depth}`, 'origin', `+${mergeSha}:${mergeRef}`],
      inRepo,
    )
  }
  await git(['checkout', '--quiet', '--force', mergeRef], inRepo)

  return { workspace, mergeSha, headSha, baseSha, credentialsPath, extraHeaderKey: key }
}
