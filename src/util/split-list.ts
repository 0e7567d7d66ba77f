// Splits a comma- or newline-separated input into its entries. Commas inside
// parentheses belong to the rule (`Bash(npm run test,lint)` stays one entry).

export function splitList(value: string): string[] {
  const entries: string[] = []
  let current = ''
  let depth = 0
  for (const char of value) {
    if (char === '(') depth++
    if (char === ')') depth = Math.max(0, depth - 1)
    if ((char === ',' || char === '\n') && depth === 0) {
      entries.push(current)
      current = ''
    } else {
      current += char
    }
  }
  entries.push(current)
  return entries.map((entry) => entry.trim()).filter((entry) => entry.length > 0)
}
