// Splits `claude_args` into words the way a POSIX shell would (quotes and
// backslashes), without ever running one: user text is never evaluated.

export function splitArgs(value: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string
    if (quote === "'") {
      if (char === "'") quote = undefined
      else word += char
    } else if (quote === '"') {
      if (char === '"') quote = undefined
      else if (char === '\\' && i + 1 < value.length && '"\\$`'.includes(value[i + 1] as string))
        word += value[++i]
      else word += char
    } else if (char === "'" || char === '"') {
      quote = char
      inWord = true
    } else if (char === '\\' && i + 1 < value.length) {
      word += value[++i]
      inWord = true
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += char
      inWord = true
    }
  }
  if (quote) throw new Error(`Input claude_args has an unclosed ${quote} quote.`)
  if (inWord) words.push(word)
  return words
}
