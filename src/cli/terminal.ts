// Text that others wrote (the status comment, which carries the agent's words;
// PR titles; branch and workflow names; what a server answers) is printed only
// through here. A terminal obeys control characters in what it prints: ESC and
// CSI (U+009B) sequences clear the screen, move the cursor, set the window
// title or the clipboard (OSC 52) and forge links (OSC 8); BEL rings; a bare CR
// or a backspace overwrites what the line said. So every control character is
// shown as an escape instead (`\x1b`, `\r`), which also tells the reader that
// something was there. The tool's own escapes (watch's redraw) are written
// around this text, never through it. Pure.

// C0, DEL and C1.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// eslint-disable-next-line no-control-regex -- as above, without the two a block of text keeps
const CONTROL_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
// C1 and DEL, which JSON.stringify leaves as they are.
const JSON_UNESCAPED = /[\u007f-\u009f]/g

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function visible(char: string): string {
  return NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`
}

/**
 * Untrusted text made safe to print. `line` (titles, names, one checklist item)
 * shows newlines and tabs too, so one field cannot forge the lines after it;
 * `block` (a report, a message) keeps them, and takes CRLF as a line end.
 */
export function terminalSafe(text: string, layout: 'line' | 'block' = 'line'): string {
  if (layout === 'line') return text.replace(CONTROL, visible)
  return text.replace(/\r\n/g, '\n').replace(CONTROL_IN_BLOCK, visible)
}

/**
 * A value as JSON for standard output: control characters stay in it, escaped,
 * so a program gets the exact text and a terminal that shows the JSON obeys
 * none of them (JSON.stringify escapes C0 but not DEL and C1).
 */
export function jsonSafe(value: unknown, indent: number = 2): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(
    JSON_UNESCAPED,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
