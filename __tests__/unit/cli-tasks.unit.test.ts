import { describe, expect, it } from '@jest/globals'
import {
  closedIssue,
  issueTaskBody,
  issueVerdict,
  openPullFor,
  type IssueInfo,
  type OpenPull,
} from '../../src/cli/issue-tasks.js'
import { parseTaskFile } from '../../src/cli/task-file.js'
import { branchName } from '../../src/cli/branch.js'

describe('parseTaskFile', () => {
  it('makes each ## section a task: the heading its title, the section its body', () => {
    const parsed = parseTaskFile(
      [
        '# Sprint tasks',
        '',
        'Notes for myself, not a task.',
        '',
        '## Fix the lint in packages/api',
        '',
        'Run `npm run lint -w packages/api`.',
        '',
        '- [ ] lint passes',
        '',
        '## Add a greeting ##',
        'Create hello.txt.',
        '### Details',
        'A sub-heading stays in its task.',
        '',
        '## Just a title',
      ].join('\r\n'),
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.tasks).toEqual([
      {
        title: 'Fix the lint in packages/api',
        body: 'Run `npm run lint -w packages/api`.\n\n- [ ] lint passes',
      },
      {
        title: 'Add a greeting',
        body: 'Create hello.txt.\n### Details\nA sub-heading stays in its task.',
      },
      { title: 'Just a title', body: 'Just a title' },
    ])
  })

  it('keeps a ## inside a fenced code block in its task', () => {
    const parsed = parseTaskFile(
      [
        '## Document the format',
        '',
        '```markdown',
        '## Not a task',
        '```',
        '',
        '~~~~',
        '## Nor this',
        '~~~~',
      ].join('\n'),
    )
    expect(parsed.tasks).toHaveLength(1)
    expect(parsed.tasks[0]?.body).toContain('## Not a task')
    expect(parsed.tasks[0]?.body).toContain('## Nor this')
  })

  it('says which sections are not tasks, by line', () => {
    const parsed = parseTaskFile(`## \n\ntext\n\n## Big\n${'x'.repeat(70_000)}\n`)
    expect(parsed.tasks).toEqual([])
    expect(parsed.problems).toEqual([
      { line: 1, message: 'the heading has no title' },
      { line: 5, message: 'the task is 70000 characters; GitHub takes at most 65536' },
    ])
    expect(parseTaskFile('no sections at all').tasks).toEqual([])
  })
})

const ISSUE: IssueInfo = {
  number: 42,
  title: 'Fix the lint',
  body: 'The lint fails in `packages/api`.',
  state: 'open',
  url: 'https://github.com/octo/app/issues/42',
  isPull: false,
}

function pull(overrides: Partial<OpenPull>): OpenPull {
  return {
    number: 60,
    url: 'https://github.com/octo/app/pull/60',
    title: 'T',
    headRef: 'feature/x',
    body: '',
    ...overrides,
  }
}

describe('issues as tasks', () => {
  const context = { repo: 'octo/app', prefix: 'async/' }

  it('takes the title from the issue and its text as the task, then Closes #N and a link', () => {
    expect(issueVerdict(42, ISSUE, [], context)).toEqual({
      kind: 'task',
      issue: 42,
      task: {
        title: 'Fix the lint',
        body: 'The lint fails in `packages/api`.\n\n---\n\nCloses #42 (https://github.com/octo/app/issues/42)',
      },
    })
    // An issue without text: its title is the task.
    expect(issueTaskBody({ ...ISSUE, body: '  ' })).toBe(
      'Fix the lint\n\n---\n\nCloses #42 (https://github.com/octo/app/issues/42)',
    )
    // The branch starts with the issue number.
    expect(
      branchName('async/', `42 ${ISSUE.title}`, new Date('2025-06-01T12:00:00Z'), 'abcdef'),
    ).toBe('async/42-fix-the-lint-20250601-120000-abcdef')
  })

  it('refuses closed issues, pull requests, unknown numbers and issues that have an async PR', () => {
    expect(issueVerdict(41, { ...ISSUE, number: 41, state: 'closed' }, [], context)).toMatchObject({
      kind: 'refused',
      reason: 'closed',
      message: 'the issue is closed.',
    })
    expect(issueVerdict(57, { ...ISSUE, number: 57, isPull: true }, [], context)).toMatchObject({
      reason: 'pull_request',
      message: 'it is a pull request, not an issue.',
    })
    expect(issueVerdict(99, undefined, [], context)).toMatchObject({
      reason: 'not_found',
      message: 'there is no issue #99 in octo/app.',
    })
    const byBranch = pull({ headRef: 'async/42-fix-the-lint-20250601-120000-abcdef' })
    expect(issueVerdict(42, ISSUE, [byBranch], context)).toMatchObject({
      reason: 'has_open_pull',
      message: 'it already has an open async pull request, #60 https://github.com/octo/app/pull/60',
      existing: byBranch,
    })
    expect(issueVerdict(42, { ...ISSUE, body: 'x'.repeat(65_500) }, [], context)).toMatchObject({
      reason: 'too_long',
    })
  })

  it('finds the async PR of an issue by its branch, or by "Closes #N" on an async branch', () => {
    const byBody = pull({ headRef: 'async/other-name', body: 'Task\n\nCloses #42 (link)' })
    expect(openPullFor(42, [byBody], 'async/')).toBe(byBody)
    // 4 is not 42; a person's branch closing the issue is not an async PR.
    expect(openPullFor(4, [pull({ headRef: 'async/42-x' })], 'async/')).toBeUndefined()
    expect(
      openPullFor(42, [pull({ headRef: 'feature/x', body: 'Closes #42' })], 'async/'),
    ).toBeUndefined()
  })

  it('reads the issue a PR closes from the last closing keyword', () => {
    expect(closedIssue('Fixes #3 first.\n\nCloses #42 (https://x/issues/42)')).toBe(42)
    expect(closedIssue('resolved: #7')).toBe(7)
    expect(closedIssue('see #42')).toBeUndefined()
  })
})
