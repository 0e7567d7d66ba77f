import { describe, expect, it } from '@jest/globals'
import { splitArgs } from '../../src/util/split-args.js'
import { splitList } from '../../src/util/split-list.js'

describe('splitList', () => {
  it('splits on commas and newlines, not inside parentheses', () => {
    expect(splitList(' Read ,\nBash(npm run a,b)\n\n, Edit ')).toEqual([
      'Read',
      'Bash(npm run a,b)',
      'Edit',
    ])
    expect(splitList('')).toEqual([])
  })
})

describe('splitArgs', () => {
  it('handles quotes and escapes like a shell, without running one', () => {
    expect(splitArgs(`a 'b c' "d \\"e\\"" f\\ g $(rm -rf /)`)).toEqual([
      'a',
      'b c',
      'd "e"',
      'f g',
      '$(rm',
      '-rf',
      '/)',
    ])
    expect(splitArgs(`''`)).toEqual([''])
  })
})
