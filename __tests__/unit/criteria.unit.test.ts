import { describe, expect, it } from '@jest/globals'
import { criteriaFrom, judgeCriteria } from '../../src/report/criteria.js'

const body = [
  '## Acceptance criteria',
  '- [ ] `npm run lint` passes',
  '* [ ] No behaviour changes',
  '- [x] Already done by the author',
  '```',
  '- [ ] inside a code block: not a criterion',
  '```',
  '<!-- - [ ] hidden in a comment -->',
].join('\n')

describe('acceptance criteria', () => {
  it('are the task-list items of the PR body, outside code and comments', () => {
    expect(criteriaFrom(body)).toEqual([
      '`npm run lint` passes',
      'No behaviour changes',
      'Already done by the author',
    ])
  })

  it('are marked as the agent reports them, or as not reported', () => {
    const report =
      'Done.\n\n- [x] npm run lint passes.\n- [ ] No behaviour changes — I renamed a flag'
    expect(judgeCriteria(body, report)).toEqual([
      { text: '`npm run lint` passes', done: true },
      { text: 'No behaviour changes', done: false },
      { text: 'Already done by the author' },
    ])
  })
})
