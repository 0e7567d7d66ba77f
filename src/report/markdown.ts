// Someone else's text (the agent's, a writer's, a file name, a commit
// subject) made safe for the one markdown context it lands in. Pure.
//
// What each escaper guards against: a line break that starts a block of its
// own (a heading that poses as the action's, an unclosed `<!--` that hides
// the rest of the report), raw HTML, a code span or table cell broken open,
// async-pr's hidden marker lines, and @mentions. None of them splits a run of
// `[A-Za-z0-9_-]`, so the redaction of secrets at the publishing edge still
// sees every token whole.
//
//   codeSpan(text)      a name shown as code: paths, commands, branches, ids
//   plain(text)         one line shown as written: tool names, instructions
//   inline(text)        one line of someone's markdown: checklist items, subjects
//   tableCell(md)       an inline fragment (from the above) inside a `| … |` cell
//   prose(text)         the action's own messages that embed names (refusal reasons)
//   quote(text)         someone's multi-line markdown (the agent's summary), as a blockquote
//   urlPath(text)       a name inside a link's URL (a branch in /tree/<branch>)
//   linkUrl(url)        a URL from elsewhere (an event payload) as a link's destination
//   stripMarkers(text)  async-pr's hidden lines taken out (quote() does it)

import { noMentions } from '../util/sanitize.js'

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidi
 * overrides, and the characters that render as nothing (zero-width space, word
 * joiner and invisible operators, BOM, Hangul fillers, Unicode tags): text a
 * reader cannot see must not hide in a report (a CI log, say, repeated by the agent).
 * Joiners and variation selectors stay: emoji are made of them.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff\u180e\u115f\u1160\u3164\uffa0]|\udb40[\udc00-\udc7f]/g

function visible(char: string): string {
  const code = char.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(0x2400 + code) // ␀ … ␟ (␊ for LF, ␍ for CR)
  if (code === 0x7f) return '␡'
  if (code === 0x85 || code === 0x2028 || code === 0x2029) return '␤'
  return '�'
}

/** Control characters made visible (Control Pictures), except those in `keep`. */
export function visibleControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (char) => (keep.includes(char) ? char : visible(char)))
}

/** Inline code the text cannot break out of, on one line. */
export function codeSpan(text: string): string {
  const shown = visibleControls(text)
  if (shown === '') return '` `'
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  // A leading or trailing backtick would join the fence; one space each side is stripped again.
  const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : ''
  return `${ticks}${pad}${shown}${pad}${ticks}`
}

/**
 * What starts a block at the beginning of a line (after any indentation): an
 * ATX heading, a quote, a list item, a thematic break or setext underline, a
 * code fence. Raw HTML is noHtml()'s job; a table needs a pipe, which prose()
 * escapes.
 */
const BLOCK_START =
  /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$|`{3}|~{3}|\d{1,9}[.)](?=[ \t]|$))/

/** The line, its leading block marker escaped (an ordered-list marker at its `.` or `)`). */
function noBlockStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '')
  const start = BLOCK_START.exec(text)
  if (!start) return text
  const at = /^\d/.test(start[0]) ? start[0].length - 1 : 0
  return `${text.slice(0, at)}\\${text.slice(at)}`
}

/** Pipes escaped, except those a backslash escapes already (`\\|` would split a cell). */
function escapePipes(text: string): string {
  return text.replace(/(\\*)\|/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? match : `${slashes}\\|`,
  )
}

/**
 * `<` outside code spans becomes `&lt;`, so no raw HTML (no `<!--`, no
 * `<details>`) survives. Code spans are recognised only within the line, and
 * not at all in a line with a pipe (a table splits its cells before code
 * spans are found): where this reads the line differently from GitHub, it
 * escapes more, never less.
 */
function noHtml(line: string): string {
  if (!line.includes('<')) return line
  if (/(^|[^\\])\|/.test(line)) return escapeLt(line)
  let out = ''
  let at = 0
  while (at < line.length) {
    const tick = line.indexOf('`', at)
    if (tick < 0) break
    const run = /^`+/.exec(line.slice(tick))![0]
    const escaped = /(^|[^\\])(\\\\)*\\$/.test(line.slice(0, tick))
    const close = escaped ? -1 : findRun(line, run.length, tick + run.length)
    if (close < 0) {
      out += escapeLt(line.slice(at, tick + run.length))
      at = tick + run.length
      continue
    }
    out += escapeLt(line.slice(at, tick)) + line.slice(tick, close + run.length)
    at = close + run.length
  }
  return out + escapeLt(line.slice(at))
}

/** `<` as `&lt;`, unless a backslash already makes it literal. */
function escapeLt(text: string): string {
  return text.replace(/(\\*)</g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? match : `${slashes}&lt;`,
  )
}

/** Where a run of exactly `length` backticks starts at or after `from`; -1 if none. */
function findRun(line: string, length: number, from: number): number {
  const pattern = /`+/g
  pattern.lastIndex = from
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match[0].length === length) return match.index
  }
  return -1
}

/** One line of someone else's markdown, kept as markdown (code, emphasis, links), on one line. */
export function inline(text: string): string {
  return noMentions(noHtml(noBlockStart(visibleControls(text))))
}

/**
 * Markdown's punctuation, escaped so the text shows as written (a bare URL
 * still links, as GitHub links it anywhere). An underscore
 * inside a run of `[A-Za-z0-9_-]` is left alone (it cannot start emphasis
 * there, except in a rare `-_x_-`, which only italicises), so tokens stay whole.
 */
export function plain(text: string): string {
  return noMentions(
    visibleControls(text)
      .replace(/^[ \t]+/, '') // four spaces would start a code block
      .replace(/[\\`*[\]<|~&$]/g, '\\$&')
      .replace(/_/g, (underscore, at: number, whole: string) =>
        /[\w-]/.test(whole[at - 1] ?? ' ') && /[\w-]/.test(whole[at + 1] ?? ' ')
          ? underscore
          : '\\_',
      )
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
      .replace(/^[-+=#>]/, '\\$&'),
  )
}

/** An inline fragment (already escaped by one of the above) made safe inside a table cell. */
export function tableCell(markdown: string): string {
  return escapePipes(visibleControls(markdown))
}

/**
 * The action's own words with names in them (refusal reasons, error
 * messages): its line breaks are kept, but no line can start a heading, a
 * quote, a list, a table or HTML, whatever a name in it holds.
 */
export function prose(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => noMentions(escapePipes(noHtml(noBlockStart(visibleControls(line, '\t'))))))
    .join('\n')
}

/** async-pr's hidden lines (`<!-- async-pr:… -->`), which only async-pr may write. */
const MARKER = /<!--\s*async-pr:.*?(?:-->|$)/g

/** Text without async-pr's hidden marker lines (a line that held only markers goes). */
export function stripMarkers(text: string): string {
  const kept: string[] = []
  for (const line of text.split('\n')) {
    const rest = line.replace(MARKER, '')
    if (rest === line || rest.trim() !== '') kept.push(rest)
  }
  return kept.join('\n')
}

/** A fence opener at the top level of the quoted text (see quote()). */
const FENCE = /^(`{3,}|~{3,})(.*)$/

/**
 * Someone else's markdown, several lines of it, as a blockquote: every line
 * starts with `>`, so nothing in it can pose as the action's own heading or
 * hidden line, or close the quote. Line breaks are the ones markdown knows
 * (LF, CR, CRLF) and the Unicode separators; raw HTML is escaped outside
 * code, except inside a fenced block that starts at the left margin (where
 * nothing but its closing fence or the quote's end can end it).
 */
export function quote(text: string): string {
  const lines = stripMarkers(text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')).split('\n')
  let fence: string | undefined
  const out = lines.map((raw) => {
    const line = visibleControls(raw, '\t')
    if (fence) {
      const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`)
      if (closing.test(line)) fence = undefined
    } else {
      const open = FENCE.exec(line)
      if (open && !(open[1]!.startsWith('`') && open[2]!.includes('`'))) fence = open[1]
      else return noMentions(noHtml(line))
    }
    return noMentions(line)
  })
  return out.map((line) => (line ? `> ${line}` : '>')).join('\n')
}

/** A name (a branch, say) as path segments of a URL: nothing in it can end the link early. */
export function urlPath(name: string): string {
  return name
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/')
}

/** A URL as a link's destination: whitespace, parentheses and angle brackets cannot end it. */
export function linkUrl(url: string): string {
  return visibleControls(url).replace(/[\s()<>`]/g, (char) =>
    encodeURIComponent(char).replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/`/g, '%60'),
  )
}

/** ANSI escape sequences (colours, cursor moves) that a program's output may carry. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g

/**
 * Someone's output (a command's, a log's) as a fenced code block it cannot
 * close: a fence longer than any backtick run in it, colours removed, other
 * control characters made visible. Must stand between blank lines.
 */
export function codeBlock(text: string, info = 'text'): string {
  const shown = visibleControls(text.replace(ANSI, '').replace(/\r\n?/g, '\n'), '\n\t')
  const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${info}\n${shown}\n${fence}`
}
