import { describe, expect, it } from '@jest/globals'
import { findSecrets, secretForms } from '../../src/git/guard.js'

const patch = (lines: string[]) =>
  [
    'diff --git a/src/x.ts b/src/x.ts',
    '--- a/src/x.ts',
    '+++ b/src/x.ts',
    '@@ -0,0 +10,3 @@',
    ...lines,
  ].join('\n')

describe('findSecrets', () => {
  it('finds secret-shaped tokens on added lines, with file and line, not the value', () => {
    const token = `ghp_${'a'.repeat(36)}`
    const findings = findSecrets(patch(['+const ok = 1', `+const t = "${token}"`, '+done']), [])
    expect(findings).toEqual([{ path: 'src/x.ts', line: 11, kind: 'a GitHub token' }])
    expect(JSON.stringify(findings)).not.toContain(token)
  })

  it('finds a known secret and its base64 forms', () => {
    const secret = 'test-pat-0123456789abcdef'
    const basic = Buffer.from(`x-access-token:${secret}`).toString('base64')
    expect(findSecrets(patch([`+header: ${basic}`]), secretForms([secret]))).toHaveLength(1)
    expect(
      findSecrets(patch([`+${Buffer.from(secret).toString('base64')}`]), secretForms([secret])),
    ).toHaveLength(1)
  })

  it('ignores removed and context lines, and ordinary text', () => {
    expect(
      findSecrets(
        patch([`-ghp_${'b'.repeat(36)}`, '+let sk = "sk-"', '+// github_pat_ is a prefix']),
        [],
      ),
    ).toEqual([])
  })

  it('knows the other common shapes', () => {
    const lines = [
      `+${'github_pat_'}${'A1'.repeat(41)}`,
      `+key=sk-ant-api03-${'x'.repeat(30)}`,
      '+AKIAABCDEFGHIJKLMNOP',
      '+-----BEGIN OPENSSH PRIVATE KEY-----',
    ]
    expect(findSecrets(patch(lines), []).map((finding) => finding.kind)).toEqual([
      'a GitHub fine-grained token',
      'an Anthropic API key',
      'an AWS access key id',
      'a private key',
    ])
  })
})
