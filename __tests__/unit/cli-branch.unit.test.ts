import { describe, expect, it } from '@jest/globals'
import {
  branchName,
  branchProblem,
  prefixProblem,
  randomSuffix,
  slugify,
  timestamp,
} from '../../src/cli/branch.js'

describe('branch names', () => {
  it('slugs titles to lower-case ASCII words, cut at a word boundary', () => {
    expect(slugify('Fix all lint issues in @apps/backend-socket!')).toBe(
      'fix-all-lint-issues-in-apps-backend',
    )
    expect(slugify('Crème brûlée: ÜBER café')).toBe('creme-brulee-uber-cafe')
    expect(slugify('日本語のタイトル')).toBe('task')
    expect(slugify('   ')).toBe('task')
    expect(slugify('a'.repeat(60))).toBe('a'.repeat(40))
    expect(slugify('Fix all lint issues in @apps/backend-socket!').length).toBeLessThanOrEqual(40)
  })

  it('stamps UTC time as yyyymmdd-hhmmss', () => {
    expect(timestamp(new Date('2025-03-04T05:06:07.890Z'))).toBe('20250304-050607')
  })

  it('composes prefix, slug, time and random part into a valid branch name', () => {
    const name = branchName('async/', 'Add a greeting', new Date('2025-12-31T23:59:59Z'), 'a1b2c3')
    expect(name).toBe('async/add-a-greeting-20251231-235959-a1b2c3')
    expect(branchProblem(name)).toBeUndefined()
    expect(randomSuffix()).toMatch(/^[0-9a-f]{6}$/)
    expect(new Set(Array.from({ length: 50 }, randomSuffix)).size).toBeGreaterThan(45)
  })

  it('explains names git refuses', () => {
    expect(branchProblem('feature/x')).toBeUndefined()
    expect(branchProblem('')).toMatch(/empty/)
    expect(branchProblem('-x')).toMatch(/starts with "-"/)
    expect(branchProblem('a..b')).toMatch(/\.\./)
    expect(branchProblem('a b')).toMatch(/space/)
    expect(branchProblem('a~1')).toMatch(/~/)
    expect(branchProblem('x/.hidden')).toMatch(/starts with "\."/)
    expect(branchProblem('x.lock')).toMatch(/\.lock/)
    expect(branchProblem('x/')).toMatch(/ends with "\/"/)
    expect(branchProblem('a@{1}')).toMatch(/@\{/)
    expect(prefixProblem('async/')).toBeUndefined()
    expect(prefixProblem('')).toBeUndefined()
    expect(prefixProblem('/x')).toMatch(/starts or ends/)
  })
})
