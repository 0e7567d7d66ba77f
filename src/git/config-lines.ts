// A git config file without some of its keys, edited as text: one line dropped
// for each entry, everything else kept byte for byte. The caller checks the
// result with git itself (`git config --list` must show exactly the entries
// before, less the removed ones) and falls back to `git config --unset-all`,
// a process per key, when it differs or when this declines. It declines
// whatever it does not fully understand: a key on its header's line, a value
// continued on the next line, a section header it cannot read.

const HEADER = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]\s*(?:[#;].*)?$/
const ENTRY = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/
const COMMENT_OR_BLANK = /^\s*(?:[#;].*)?$/

/** The name git lists for a key of a section (`section.sub.name`: section and name in lower case). */
function fullName(section: string, subsection: string | undefined, name: string): string {
  // A legacy `[section.sub]` header names its subsection in lower case too.
  const head =
    subsection === undefined ? section.toLowerCase() : `${section.toLowerCase()}.${subsection}`
  return `${head}.${name.toLowerCase()}`
}

/**
 * The text without every entry whose full name is in `keys` (as `git config --list` names
 * them), or undefined when the text is beyond this reader (the caller then asks git).
 */
export function withoutKeys(text: string, keys: ReadonlySet<string>): string | undefined {
  const kept: string[] = []
  let section:
    { name: string; sub?: string; header: number; removed: boolean; used: boolean } | undefined
  // As git does, a section left with nothing in it goes too.
  const closeSection = () => {
    if (section?.removed && !section.used) kept.splice(section.header)
  }
  for (const line of text.split('\n')) {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line
    if (COMMENT_OR_BLANK.test(body)) {
      if (section && body.trim() !== '') section.used = true
      kept.push(line)
      continue
    }
    if (/^\s*\[/.test(body)) {
      const header = HEADER.exec(body)
      if (!header) return undefined
      closeSection()
      const sub = header[2]?.replace(/\\(.)/g, '$1')
      section = { name: header[1] as string, sub, header: kept.length, removed: false, used: false }
      kept.push(line)
      continue
    }
    const entry = ENTRY.exec(body)
    if (!entry || !section) return undefined
    const name = fullName(section.name, section.sub, entry[1] as string)
    if (!keys.has(name)) {
      section.used = true
      kept.push(line)
      continue
    }
    // A value that goes on below (a trailing backslash) is beyond this reader.
    if (/\\$/.test(entry[2] ?? '')) return undefined
    section.removed = true
  }
  closeSection()
  return kept.join('\n')
}
