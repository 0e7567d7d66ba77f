// Generates the README's inputs and outputs tables from action.yml, so the two
// never disagree. `node scripts/readme-inputs.mjs` rewrites README.md;
// `--check` fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const START = '<!-- action-docs:start (generated from action.yml by `npm run docs`) -->'
const END = '<!-- action-docs:end -->'

function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

export function renderTables(actionYml) {
  const action = parse(actionYml)
  const lines = [
    '### Inputs',
    '',
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
  ]
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const fallback =
      spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``
    lines.push(
      `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${fallback} | ${cell(spec.description)} |`,
    )
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |')
  for (const [name, spec] of Object.entries(action.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`)
  }
  return lines.join('\n')
}

export function updateReadme(readme, actionYml) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`)
  return `${readme.slice(0, start + START.length)}\n\n${renderTables(actionYml)}\n\n${readme.slice(end)}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8')
  const next = updateReadme(readme, readFileSync('action.yml', 'utf8'))
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md inputs/outputs are stale: run `npm run docs` and commit README.md.')
      process.exit(1)
    }
    console.log('README.md inputs/outputs match action.yml.')
  } else {
    writeFileSync('README.md', next)
  }
}
