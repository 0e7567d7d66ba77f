import { describe, expect, it } from '@jest/globals'
import {
  actionEntryPoints,
  holdBackReason,
  localUses,
  protectedPathsFrom,
  secretsInChange,
  textViews,
} from '../../src/git/guard.js'
import { redactSecrets, secretForms } from '../../src/util/secrets.js'

const token = `ghp_${'a'.repeat(36)}`
const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('secretsInChange', () => {
  it('finds a secret-shaped token in new content, with its line, never the value', () => {
    const findings = secretsInChange(
      'src/x.ts',
      bytes(`const ok = 1\nconst t = "${token}"\n`),
      undefined,
      [],
    )
    expect(findings).toEqual([{ path: 'src/x.ts', line: 2, kind: 'a GitHub token' }])
    expect(JSON.stringify(findings)).not.toContain(token)
  })

  it('finds a known secret and its base64 forms, before any shape', () => {
    const secret = 'test-pat-0123456789abcdef'
    const basic = Buffer.from(`x-access-token:${secret}`).toString('base64')
    expect(
      secretsInChange('a', bytes(`header: ${basic}`), undefined, secretForms([secret])),
    ).toEqual([{ path: 'a', line: 1, kind: 'a credential this run holds' }])
    const plain = Buffer.from(secret).toString('base64')
    expect(secretsInChange('a', bytes(plain), undefined, secretForms([secret]))).toHaveLength(1)
  })

  it('finds a token in UTF-16 content (with and without a byte-order mark) and in a file name', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`key=${token}\n`, 'utf16le')])
    expect(secretsInChange('a.txt', le, undefined, [])).toHaveLength(1)
    const be = Buffer.from(`key=${token}\n`, 'utf16le').swap16()
    expect(secretsInChange('b.txt', be, undefined, [])).toHaveLength(1)
    expect(secretsInChange(`notes/${token}.txt`, bytes('hello'), undefined, [])).toEqual([
      { path: `notes/${token}.txt`, line: 0, kind: 'a GitHub token' },
    ])
  })

  it('leaves a token the file already had alone, and ordinary text', () => {
    const before = bytes(`fixture = "${token}"\n`)
    expect(secretsInChange('f', bytes(`fixture = "${token}"\nmore\n`), before, [])).toEqual([])
    expect(
      secretsInChange('f', bytes('let sk = "sk-"\n// github_pat_ is a prefix\n'), undefined, []),
    ).toEqual([])
  })

  it('knows the other common shapes', () => {
    const kinds = [
      `${'github_pat_'}${'A1'.repeat(41)}`,
      `key=sk-ant-api03-${'x'.repeat(30)}`,
      'AKIAABCDEFGHIJKLMNOP',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
    ].map((line) => secretsInChange('f', bytes(line), undefined, [])[0]?.kind)
    expect(kinds).toEqual([
      'a GitHub fine-grained token',
      'an Anthropic API key',
      'an AWS access key id',
      'a private key',
    ])
  })
})

describe('textViews', () => {
  it('reads plain UTF-8 once, and UTF-16 as well when every other byte is zero', () => {
    expect(textViews(bytes('plain'))).toHaveLength(1)
    expect(textViews(Buffer.from('some text', 'utf16le'))).toContain('some text')
  })
})

describe('what the repository CI runs as code', () => {
  it('finds local uses in workflows and composite actions, in every YAML spelling', () => {
    const workflow = [
      'jobs:',
      '  build:',
      '    steps:',
      '      - uses: ./.github/actions/setup',
      "      - uses: './tools/lint-action/'",
      '      - { uses: ./tools/flow, with: { a: 1 } }',
      '      - uses: actions/checkout@v5',
      '      - uses: ./../escape',
      '      - uses: ./ci/action.yml',
    ].join('\n')
    expect(localUses(workflow).sort()).toEqual([
      '.github/actions/setup',
      'ci',
      'tools/flow',
      'tools/lint-action',
    ])
  })

  it('takes `uses: ./` as the root action: its metadata and what it runs, not the whole repository', () => {
    expect(localUses('steps:\n  - uses: ./\n  - uses: "./action.yml"')).toEqual(['.'])
    expect(
      actionEntryPoints(
        '.',
        'runs:\n  using: node24\n  main: dist/index.js\n  post: dist/post.js\n',
      ),
    ).toEqual(['dist/index.js', 'dist/post.js'])
    expect(
      actionEntryPoints('tools/act', 'runs:\n  main: ../../dist/x.js\n  image: docker://alpine'),
    ).toEqual(['dist/x.js'])
    const paths = protectedPathsFrom(
      [{ path: '.github/workflows/ci.yml', text: '- uses: ./' }],
      ['dist/index.js'],
    )
    expect(holdBackReason('action.yml', paths, false)).toBe('workflow')
    expect(holdBackReason('dist/index.js', paths, false)).toBe('workflow')
    expect(holdBackReason('src/main.ts', paths, false)).toBeUndefined()
  })

  it('holds back workflows, actions and their local uses unless allowed, and .gitmodules always', () => {
    const paths = protectedPathsFrom([
      { path: '.github/workflows/ci.yml', text: 'uses: ./tools/act' },
    ])
    expect(holdBackReason('.github/workflows/ci.yml', paths, false)).toBe('workflow')
    expect(holdBackReason('.github/actions/x/action.yml', paths, false)).toBe('workflow')
    expect(holdBackReason('tools/act/index.js', paths, false)).toBe('workflow')
    expect(holdBackReason('tools/actor.js', paths, false)).toBeUndefined()
    expect(holdBackReason('src/app.ts', paths, false)).toBeUndefined()
    expect(holdBackReason('tools/act/index.js', paths, true)).toBeUndefined()
    expect(holdBackReason('.gitmodules', paths, true)).toBe('submodules')
  })
})

describe('redactSecrets', () => {
  it('replaces every credential, known or secret-shaped, with what it was', () => {
    const secret = 'test-actions-0123456789abcdef'
    const text = `a ${secret} b ${token} c ${Buffer.from(secret).toString('base64')}`
    const redacted = redactSecrets(text, secretForms([secret]))
    expect(redacted).not.toContain(secret)
    expect(redacted).not.toContain(token)
    expect(redacted).toBe(
      'a [redacted: a credential this run holds] b [redacted: a GitHub token] c [redacted: a credential this run holds]',
    )
  })
})
