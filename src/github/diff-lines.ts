// Which lines of a file a pull request review may comment on: GitHub accepts an
// inline comment only on a line of the PR's diff. For the new side (RIGHT)
// those are the added and context lines of each hunk of the file's patch (as
// `GET /pulls/{n}/files` returns it). Pure.

export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>()
  if (!patch) return lines
  let next = 0
  let inHunk = false
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (hunk) {
      next = Number(hunk[1])
      inHunk = true
      continue
    }
    if (!inHunk) continue
    if (line.startsWith('+') || line.startsWith(' ')) {
      lines.add(next)
      next++
    } else if (line === '') {
      // A blank context line whose leading space was trimmed away.
      lines.add(next)
      next++
    }
    // '-' lines are on the old side; '\ No newline at end of file' is no line.
  }
  return lines
}
