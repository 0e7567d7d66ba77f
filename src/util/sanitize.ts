// Untrusted text (PR bodies, agent output) is cleaned here before it reaches
// the agent, the log, or a comment. Each function says which boundary it guards.

/**
 * Zero-width, invisible, bidirectional-control and tag characters. They let a
 * PR body hide instructions from a human reviewer while the model still reads
 * them, or make text display differently from what it is.
 */
// Combining characters are listed on purpose: each one is removed on its own.
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g

/** HTML comments never render on GitHub, so a reader cannot see what they say. */
const HTML_COMMENTS = /<!--[\s\S]*?(?:-->|$)/g

/** What the agent gets of a PR body: what a reader of the PR sees, nothing more. */
export function stripHiddenText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HTML_COMMENTS, '').replace(HIDDEN_CHARACTERS, '')
}

/**
 * Text echoed to the Actions log must not issue workflow commands
 * (`::add-mask::`, `::stop-commands::`, `##[set-output]`...). The runner only
 * parses a command at the start of a line (after trimming), so every line gets
 * a visible prefix.
 */
export function logSafe(text: string, prefix = '│ '): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => prefix + line)
    .join('\n')
}

/**
 * A value on one log line, whatever it holds: line breaks (and every other
 * control character) are shown escaped, so nothing in it starts a line of its
 * own and the runner never parses a workflow command from it.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
    return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/**
 * Text posted in a comment must not notify people or teams: `@name` becomes
 * `@` followed by a zero-width joiner, which renders the same but links no one.
 * Inside code spans and blocks GitHub does not mention anyone, but breaking
 * those too is harmless.
 */
export function noMentions(text: string): string {
  // Only an @ right after a letter or digit (an email address) is left alone:
  // `_@name_` and a stray backtick before @ still notify on GitHub.
  return text.replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@\u200D')
}
