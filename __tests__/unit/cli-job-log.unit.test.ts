import { describe, expect, it } from '@jest/globals'
import { LineCollector, readableLogLine } from '../../src/cli/job-log.js'

describe('readableLogLine', () => {
  it('drops the BOM, timestamps and colours, and names the runner markers', () => {
    expect(readableLogLine('\ufeff2030-01-01T10:00:00.1234567Z Current runner version')).toBe(
      'Current runner version',
    )
    expect(readableLogLine('2030-01-01T10:00:00.1234567Z ##[group]Run async-pr/async-pr@v0')).toBe(
      '▸ Run async-pr/async-pr@v0',
    )
    expect(readableLogLine('2030-01-01T10:00:00.1234567Z ##[endgroup]')).toBeUndefined()
    expect(readableLogLine('2030-01-01T10:00:00Z \u001b[36;1mnpm test\u001b[0m')).toBe('npm test')
    expect(
      readableLogLine('2030-01-01T10:00:00.1Z ##[error]Process completed with exit code 1.'),
    ).toBe('error: Process completed with exit code 1.')
    expect(readableLogLine('##[warning]careful\r')).toBe('warning: careful')
    // Escapes other than colours are left for terminalSafe to show.
    expect(readableLogLine('x \u001b]0;owned\u0007')).toBe('x \u001b]0;owned\u0007')
  })
})

describe('LineCollector', () => {
  it('keeps the last lines from an index on, counting only readable lines', () => {
    const tail = new LineCollector(0, 2)
    for (const raw of ['a', '##[endgroup]', 'b', 'c', 'd']) tail.push(raw)
    expect([tail.total, tail.lines]).toEqual([4, ['c', 'd']])
    const after = new LineCollector(2, 10)
    for (const raw of ['a', 'b', 'c', '##[endgroup]', 'd']) after.push(raw)
    expect([after.total, after.lines]).toEqual([4, ['c', 'd']])
  })
})
