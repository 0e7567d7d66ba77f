// The git the agent's commands find first on PATH.
//
// The default allow rules let the agent run `git status`, `git diff`, `git log`
// and `git show`. Left alone, those write files (`--output=~/.gitconfig`) and
// run programs named in configuration (an external diff, a textconv, a pager,
// an fsmonitor) that the agent could have written. This wrapper, written by
// the action into a directory the agent cannot change, refuses the options
// that write files or run programs, and runs the real git (by absolute path)
// with a configuration the agent cannot write: no system config, a global
// config of ours, the workspace's own repository (owned by the action) and no
// other, and none of the caller's environment. Claude Code's own git calls
// (status, config, rev-parse with `-c` options of its own) pass unchanged.

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface AgentGitOptions {
  /** A directory the action owns; the wrapper and its config go there. */
  dir: string
  /** The real git, resolved at start (util/binaries.ts). */
  realGit: string
  /** The workspace repository's git directory and work tree. */
  gitDir: string
  workTree: string
  /** PATH for the real git's own helpers: trusted directories only. */
  searchPath: string
}

/**
 * Long options that write a file or run a program. A prefix of one is refused
 * too, since git accepts unambiguous abbreviations (`--outp=...`).
 */
export const REFUSED_OPTIONS = [
  '--output',
  '--output-directory',
  '--ext-diff',
  '--textconv',
  '--exec',
  '--exec-path',
  '--upload-pack',
  '--receive-pack',
  '--open-files-in-pager',
  '--extcmd',
  '--tool',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--super-prefix',
  '--show-signature',
]

/** Subcommands that exist to run other programs. */
export const REFUSED_SUBCOMMANDS = [
  'difftool',
  'mergetool',
  'filter-branch',
  'instaweb',
  'daemon',
  'send-email',
  'credential',
  'credential-store',
  'credential-cache',
  'web--browse',
  'upload-pack',
  'receive-pack',
  'shell',
]

/** Single-quoted for bash, whatever the text. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

export function agentGitConfig(): string {
  return [
    '# async-pr: the only global git config the agent’s git reads (read-only to it).',
    '[safe]',
    // The workspace's .git belongs to the action, not to the agent's user.
    '\tdirectory = *',
    '[core]',
    '\tfsmonitor = false',
    '\tpager = cat',
    '\thooksPath = /dev/null',
    '[protocol]',
    '\tallow = never',
    '[log]',
    '\tshowSignature = false',
    '[credential]',
    '\thelper =',
    '[submodule]',
    '\trecurse = false',
    '',
  ].join('\n')
}

export function agentGitScript(options: AgentGitOptions & { config: string }): string {
  const q = shellQuote
  const refusedLong = REFUSED_OPTIONS.join(' ')
  const refusedSub = REFUSED_SUBCOMMANDS.join(' ')
  return `#!/bin/bash
# async-pr: the agent's git (see src/agent/agent-git.ts in async-pr).
refuse() {
  printf 'async-pr refused: %s\\n' "$1" >&2
  exit 128
}
sub=''
sub2=''
ended=''
value=''
for arg in "$@"; do
  if [ -n "$ended" ]; then continue; fi
  # The value of a global -c or -C (Claude Code passes -c options of its own).
  if [ -n "$value" ]; then value=''; continue; fi
  if [ -z "$sub" ]; then
    case "$arg" in
      -c|-C) value=1; continue ;;
      -*) ;;
      *) sub="$arg"; continue ;;
    esac
  elif [ -z "$sub2" ] && [ "\${arg#-}" = "$arg" ]; then
    sub2="$arg"
  fi
  case "$arg" in
    --) ended=1 ;;
    --?*)
      name="\${arg%%=*}"
      for bad in ${refusedLong}; do
        case "$bad" in
          "$name"*) refuse "git $name is not allowed here: it writes a file or runs a program." ;;
        esac
      done
      ;;
    -o*)
      case "$sub" in format-patch|archive|bundle) refuse "git $sub $arg writes a file." ;; esac ;;
    -x*)
      case "$sub" in rebase) refuse "git rebase -x runs a program." ;; esac ;;
    -[!-]*O*)
      case "$sub" in grep) refuse "git grep -O runs a program." ;; esac ;;
  esac
done
for bad in ${refusedSub}; do
  if [ "$sub" = "$bad" ]; then refuse "git $sub runs other programs."; fi
done
case "$sub $sub2" in
  'submodule foreach'|'bisect run') refuse "git $sub $sub2 runs a program." ;;
esac
# None of the caller's git environment: only ours.
for name in $(compgen -e); do
  case "$name" in GIT_*|PAGER|EDITOR|VISUAL) unset "$name" ;; esac
done
export PATH=${q(options.searchPath)}
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=${q(options.config)} GIT_ATTR_NOSYSTEM=1
export GIT_DIR=${q(options.gitDir)} GIT_WORK_TREE=${q(options.workTree)}
export GIT_NO_REPLACE_OBJECTS=1 GIT_TERMINAL_PROMPT=0 GIT_PAGER=cat GIT_PROTOCOL_FROM_USER=0
exec ${q(options.realGit)} \\
  -c core.fsmonitor=false -c core.pager=cat -c core.hooksPath=/dev/null \\
  -c protocol.allow=never -c credential.helper= -c submodule.recurse=false \\
  "$@"
`
}

/**
 * Writes the wrapper (`<dir>/bin/git`) and its config; returns the directory
 * to put first on the agent's PATH.
 */
export async function prepareAgentGit(options: AgentGitOptions): Promise<{ binDir: string }> {
  // Synchronous: two small files just before the agent starts, where each await waited its turn.
  const binDir = path.join(options.dir, 'bin')
  mkdirSync(binDir, { recursive: true, mode: 0o755 })
  const config = path.join(options.dir, 'gitconfig')
  writeFileSync(config, agentGitConfig(), { mode: 0o644 })
  writeFileSync(path.join(binDir, 'git'), agentGitScript({ ...options, config }), { mode: 0o755 })
  return { binDir }
}
