import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { lookPath, resolveBinaries } from '../../src/util/binaries.js'

describe('finding a program on PATH', () => {
  // A PATH entry that cannot be searched (another user's directory, EACCES, which root never
  // meets; or, as here, a symlink loop, ELOOP) is skipped as a shell skips it, not the end of
  // the search.
  it('skips an entry it cannot search and finds the program further on', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'binaries-'))
    const loop = path.join(dir, 'loop')
    symlinkSync(loop, loop)
    expect(lookPath('sh', [loop, '/bin', '/usr/bin'].join(path.delimiter))).toMatch(/\/sh$/)
    expect(resolveBinaries([loop, '/usr/bin', '/bin'].join(':'), [], ['sh']).path('sh')).toMatch(
      /\/sh$/,
    )
  })
})
