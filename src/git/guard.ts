// What may be pushed. Pure: the snapshot (snapshot.ts) asks these questions
// about each changed path and its content.
//
// - Code the repository's workflows run is held back unless allowed: the
//   workflows themselves, composite actions under .github/actions/, and every
//   local `uses: ./path` they name (a change there would run with the
//   repository's secrets on the next CI run). `.gitmodules` too: it names URLs
//   and commands that other people's git runs.
// - Secret-shaped content, in a file's name or in any decoding of its bytes
//   (UTF-8, UTF-16), is excluded, as is anything over the size limit.

import { findSecretsIn, KNOWN_SECRET_KIND, type SecretMatch } from '../util/secrets.js'

export const WORKFLOWS = '.github/workflows'
export const LOCAL_ACTIONS = '.github/actions'

/** Paths the repository's CI executes as code: exact files and directory prefixes. */
export interface ProtectedPaths {
  /** Directory prefixes without a trailing slash, e.g. `.github/actions`, `tools/ci-action`. */
  dirs: string[]
  /** Single files: the root action's `action.yml` and the scripts it runs (`dist/index.js`). */
  files: string[]
}

/** `uses: ./path` (and `./path@ref`-less forms) in a workflow or composite action file. */
const LOCAL_USES = /(?:^|[\s{,-])uses\s*:\s*["']?\.\/([^"'\s#,}]+)/gm

/** `uses: ./` (and `./action.yml`): the repository's root is the action. */
const ROOT_USES = /(?:^|[\s{,-])uses\s*:\s*["']?\.\/(?:action\.ya?ml)?["']?\s*(?:$|[#,}])/m

/** The local action directories a workflow or action file refers to (`.` for the root). Pure. */
export function localUses(yamlText: string): string[] {
  const found = new Set<string>()
  if (ROOT_USES.test(yamlText)) found.add('.')
  for (const match of yamlText.matchAll(LOCAL_USES)) {
    const cleaned = (match[1] as string)
      .replace(/\/+$/, '')
      .replace(/\/?action\.ya?ml$/, '')
      .split('/')
      .filter((part) => part !== '' && part !== '.')
    if (cleaned.length === 0 || cleaned.includes('..')) continue
    found.add(cleaned.join('/'))
  }
  return [...found]
}

/**
 * The files an action's metadata names to run, relative to the repository:
 * `runs.main`, `pre`, `post` of a JavaScript action, a local Dockerfile. Pure.
 */
export function actionEntryPoints(actionDir: string, actionYaml: string): string[] {
  const found: string[] = []
  for (const match of actionYaml.matchAll(/^\s*(?:main|pre|post|image)\s*:\s*["']?([^"'\s#]+)/gm)) {
    const value = match[1] as string
    if (/^(docker|https?):/.test(value)) continue
    const parts: string[] = []
    for (const part of `${actionDir === '.' ? '' : `${actionDir}/`}${value}`.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') parts.pop()
      else parts.push(part)
    }
    if (parts.length > 0) found.push(parts.join('/'))
  }
  return found
}

export function protectedPathsFrom(
  workflowFiles: Array<{ path: string; text: string }>,
  entryPoints: string[] = [],
): ProtectedPaths {
  const dirs = new Set<string>([WORKFLOWS, LOCAL_ACTIONS])
  const files = new Set<string>(entryPoints)
  for (const file of workflowFiles) {
    for (const dir of localUses(file.text)) {
      // The root as an action: its metadata and what it runs, not the whole repository.
      if (dir === '.') for (const name of ['action.yml', 'action.yaml']) files.add(name)
      else dirs.add(dir)
    }
  }
  return { dirs: [...dirs].sort(), files: [...files].sort() }
}

/** Whether the workflow code at `base` could be found by reading this path's content. */
export function isWorkflowSource(file: string): boolean {
  return (
    (file.startsWith(`${WORKFLOWS}/`) || file.startsWith(`${LOCAL_ACTIONS}/`)) &&
    /\.ya?ml$/.test(file)
  )
}

function under(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`)
}

export type HoldBack = 'workflow' | 'submodules'

/** Why a changed path is held back from the push, if it is. */
export function holdBackReason(
  file: string,
  paths: ProtectedPaths,
  allowWorkflowChanges: boolean,
): HoldBack | undefined {
  if (file === '.gitmodules') return 'submodules'
  if (allowWorkflowChanges) return undefined
  if (paths.dirs.some((dir) => under(file, dir)) || paths.files.includes(file)) return 'workflow'
  return undefined
}

export interface SecretFinding {
  path: string
  /** 1-based line in the decoded text; 0 for a finding in the file's name. */
  line: number
  /** What was found, never the value itself. */
  kind: string
}

/** The texts a byte string may be read as: UTF-8 always, UTF-16 when it looks like it. */
export function textViews(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const views = [buffer.toString('utf8')]
  if (buffer.length < 2) return views
  let evenZeros = 0
  let oddZeros = 0
  const sample = Math.min(buffer.length, 64 * 1024)
  for (let i = 0; i < sample; i++) {
    if (buffer[i] !== 0) continue
    if (i % 2 === 0) evenZeros++
    else oddZeros++
  }
  const bomLE = buffer[0] === 0xff && buffer[1] === 0xfe
  const bomBE = buffer[0] === 0xfe && buffer[1] === 0xff
  // ASCII text in UTF-16 has a zero in every other byte.
  if (bomLE || oddZeros > sample / 8) views.push(buffer.toString('utf16le'))
  if (bomBE || evenZeros > sample / 8) {
    const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)))
    swapped.swap16()
    views.push(swapped.toString('utf16le'))
  }
  return views
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

function strongest(matches: SecretMatch[]): SecretMatch | undefined {
  return matches.find((match) => match.kind === KNOWN_SECRET_KIND) ?? matches[0]
}

/**
 * Credentials in a changed file: in its name, or in its new content where
 * the old content did not already have the same value (a fixture the
 * repository already holds is not the agent's doing).
 */
export function secretsInChange(
  file: string,
  content: Uint8Array | undefined,
  previous: Uint8Array | undefined,
  knownForms: readonly string[],
): SecretFinding[] {
  const findings: SecretFinding[] = []
  const inName = strongest(findSecretsIn(file, knownForms))
  if (inName) findings.push({ path: file, line: 0, kind: inName.kind })
  if (!content) return findings
  const before = new Set(
    previous
      ? textViews(previous)
          .flatMap((view) => findSecretsIn(view, knownForms))
          .map((m) => m.value)
      : [],
  )
  for (const view of textViews(content)) {
    const fresh = findSecretsIn(view, knownForms).filter((match) => !before.has(match.value))
    const first = strongest(fresh)
    if (first) {
      findings.push({ path: file, line: lineOf(view, first.index), kind: first.kind })
      break
    }
  }
  return findings
}
