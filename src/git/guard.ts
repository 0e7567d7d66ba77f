// What may be pushed. Workflow files are held back unless allowed (a workflow
// the agent writes would run with the repository's secrets); oversized files
// and anything that looks like a credential block the push.

import { findSecretsIn, KNOWN_SECRET_KIND, secretForms } from '../util/secrets.js'
import type { Git } from './git.js'

export { secretForms }

export const WORKFLOWS = '.github/workflows'

export interface SecretFinding {
  path: string
  line: number
  /** What was found, never the value itself. */
  kind: string
}

/** Scans the added lines of a unified diff (`git diff -U0`). Pure. */
export function findSecrets(patch: string, knownForms: string[]): SecretFinding[] {
  const findings: SecretFinding[] = []
  let file = ''
  let line = 0
  for (const text of patch.split('\n')) {
    if (text.startsWith('+++ ')) {
      file = text.slice(4).replace(/^b\//, '')
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text)
    if (hunk) {
      line = Number(hunk[1])
      continue
    }
    if (!text.startsWith('+') || text.startsWith('+++')) continue
    const added = text.slice(1)
    const [first] = findSecretsIn(added, knownForms).sort(
      (a, b) => Number(b.kind === KNOWN_SECRET_KIND) - Number(a.kind === KNOWN_SECRET_KIND),
    )
    if (first) findings.push({ path: file, line, kind: first.kind })
    line++
  }
  return findings
}

/** Stages everything, then takes workflow changes back out unless allowed. Returns what was held back. */
export async function stageChanges(
  git: Git,
  base: string,
  allowWorkflowChanges: boolean,
): Promise<string[]> {
  await git.run(['add', '--all'])
  if (allowWorkflowChanges) return []
  const touched = await git.output(['diff', '--cached', '--name-only', '-z', base, '--', WORKFLOWS])
  const heldBack = touched.split('\0').filter(Boolean)
  if (heldBack.length > 0) await git.run(['reset', '--quiet', base, '--', WORKFLOWS])
  return heldBack
}

/** Files added or changed in `base..head` that are larger than `maxBytes`. */
export async function oversizedFiles(
  git: Git,
  base: string,
  head: string,
  maxBytes: number,
): Promise<Array<{ path: string; bytes: number }>> {
  const changed = new Set(
    (await git.output(['diff', '--name-only', '--diff-filter=AMCR', '-z', base, head]))
      .split('\0')
      .filter(Boolean),
  )
  if (changed.size === 0) return []
  // The whole tree, filtered here: no pathspecs (no argv limit, no pathspec magic in names).
  const listing = await git.output(['ls-tree', '-r', '-l', '-z', head])
  const found: Array<{ path: string; bytes: number }> = []
  for (const entry of listing.split('\0')) {
    const match = /^\d+ blob [0-9a-f]+\s+(\d+)\t(.*)$/s.exec(entry)
    if (match && changed.has(match[2] as string) && Number(match[1]) > maxBytes) {
      found.push({ path: match[2] as string, bytes: Number(match[1]) })
    }
  }
  return found
}

export async function secretsInChanges(
  git: Git,
  base: string,
  head: string,
  secrets: string[],
): Promise<SecretFinding[]> {
  const patch = await git.output([
    'diff',
    '--text',
    '--no-color',
    '--no-ext-diff',
    '-U0',
    base,
    head,
  ])
  return findSecrets(patch, secretForms(secrets))
}
