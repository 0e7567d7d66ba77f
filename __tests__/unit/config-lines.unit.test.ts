// A git config without some keys, edited as text (src/git/config-lines.ts); the workspace
// test checks the same edits against git itself.

import { describe, expect, it } from '@jest/globals'
import { withoutKeys } from '../../src/git/config-lines.js'

const keys = (...names: string[]) => new Set(names)

describe('withoutKeys', () => {
  it('drops the named entries, and a section they leave empty, and keeps every other byte: comments, blank lines, CRLF', () => {
    const text = [
      '# kept comment',
      '[core]',
      '\tbare = false',
      '[includeIf "gitdir:/w/.git"]',
      '\tpath = /t/git-credentials-1.config',
      '',
      '[http "https://github.com/"]\r',
      '\textraheader = AUTHORIZATION: basic x\r',
      '\tsslVerify = true ; kept',
      '[user]',
      '\tname = Kept',
      '',
    ].join('\n')
    const out = withoutKeys(
      text,
      keys('includeif.gitdir:/w/.git.path', 'http.https://github.com/.extraheader'),
    )
    expect(out).toBe(
      [
        '# kept comment',
        '[core]',
        '\tbare = false',
        '[http "https://github.com/"]\r',
        '\tsslVerify = true ; kept',
        '[user]',
        '\tname = Kept',
        '',
      ].join('\n'),
    )
  })

  it('matches as git lists: section and name in any case, the subsection exactly, escapes read, legacy headers lower-cased', () => {
    const text =
      '[HTTP "https://x/\\"q\\""]\n\tExtraHeader = a\n[Http.Sub]\n\tEXTRAHEADER = b\n[http "https://X/"]\n\textraheader = c\n'
    expect(withoutKeys(text, keys('http.https://x/"q".extraheader', 'http.sub.extraheader'))).toBe(
      '[http "https://X/"]\n\textraheader = c\n',
    )
  })

  it('removes every occurrence of a key, and a key without a value', () => {
    expect(withoutKeys('[a]\n\tk = 1\n\tk\n\tj = 2\n\tk = 3\n', keys('a.k'))).toBe('[a]\n\tj = 2\n')
    // A comment keeps its section.
    expect(withoutKeys('[a]\n# why\n\tk = 1\n[b]\n', keys('a.k'))).toBe('[a]\n# why\n[b]\n')
  })

  it('declines what it cannot read: a key on its header line, a removed value continued below, a broken header, an entry before any section', () => {
    expect(withoutKeys('[http "h"] extraheader = x\n', keys('http.h.extraheader'))).toBeUndefined()
    expect(withoutKeys('[a]\n\tk = one \\\n two\n', keys('a.k'))).toBeUndefined()
    expect(withoutKeys('[a "unclosed]\n\tk = 1\n', keys('a.unclosed.k'))).toBeUndefined()
    expect(withoutKeys('k = 1\n[a]\n', keys('a.k'))).toBeUndefined()
  })
})
