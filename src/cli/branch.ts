// Branch names for dispatched tasks: `<prefix><slug>-<yyyymmdd-hhmmss>-<random>`.
// The time orders them for people; the random part keeps parallel dispatches of
// the same title apart (and a clash is retried with a new one). Pure.

import { randomBytes } from 'node:crypto'

export const DEFAULT_PREFIX = 'async/'
const SLUG_MAX = 40

/** Lower-case ASCII words joined by hyphens; accents dropped; 'task' if nothing is left. */
export function slugify(title: string, max = SLUG_MAX): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > max) {
      // A single word longer than the limit is cut; otherwise stop at a word boundary.
      if (slug === '') slug = word.slice(0, max)
      break
    }
    slug = next
  }
  return slug || 'task'
}

/** `yyyymmdd-hhmmss` in UTC, so names sort by time whatever the dispatcher's zone. */
export function timestamp(date: Date): string {
  const iso = date.toISOString() // 2025-01-31T12:34:56.789Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`
}

/** Six lower-case hex digits. */
export function randomSuffix(): string {
  return randomBytes(3).toString('hex')
}

export function branchName(prefix: string, title: string, date: Date, random: string): string {
  return `${prefix}${slugify(title)}-${timestamp(date)}-${random}`
}

/**
 * Why git (and so GitHub) would refuse this branch name, or undefined if it is fine.
 * The rules of `git check-ref-format --branch`, in words a person can act on.
 */
export function branchProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.startsWith('-')) return 'it starts with "-"'
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"'
  if (name.endsWith('.')) return 'it ends with "."'
  if (name.includes('..')) return 'it contains ".."'
  if (name.includes('//')) return 'it contains "//"'
  if (name.includes('@{')) return 'it contains "@{"'
  if (name === '@') return 'it is "@"'
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'it contains a space, a control character or one of ~ ^ : ? * [ \\'
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `the part "${part}" starts with "."`
    if (part.endsWith('.lock')) return `the part "${part}" ends with ".lock"`
  }
  return undefined
}

/** The prefix must itself be a valid start of a branch name (it usually ends with "/"). */
export function prefixProblem(prefix: string): string | undefined {
  if (prefix === '') return undefined
  return branchProblem(`${prefix}x`)
}
