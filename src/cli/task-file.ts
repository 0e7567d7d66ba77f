// `dispatch --tasks FILE`: many tasks in one markdown file, each `## ` section
// one task, its heading the title and what follows the body. Headings inside
// fenced code blocks belong to the section they are in. Pure.

import type { Task } from './task-input.js'
import { BODY_LIMIT } from './task-input.js'

export interface TaskFileProblem {
  /** 1-based line of the section's heading. */
  line: number
  message: string
}

export interface ParsedTaskFile {
  tasks: Task[]
  problems: TaskFileProblem[]
}

const SECTION = /^ {0,3}##[ \t]+(.*?)[ \t]*#*[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * The tasks of a file. Text before the first `## ` heading (a `# ` title, notes
 * for yourself) is not part of any task. A section with a heading but no text
 * is a task whose body is its title.
 */
export function parseTaskFile(text: string): ParsedTaskFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const sections: Array<{ line: number; title: string; body: string[] }> = []
  let fence: string | undefined
  for (const [index, line] of lines.entries()) {
    const opener = FENCE.exec(line)?.[1]
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined
    } else if (opener) {
      fence = opener
    } else {
      const heading = SECTION.exec(line)
      if (heading) {
        sections.push({ line: index + 1, title: (heading[1] as string).trim(), body: [] })
        continue
      }
    }
    sections.at(-1)?.body.push(line)
  }
  const tasks: Task[] = []
  const problems: TaskFileProblem[] = []
  for (const section of sections) {
    const body = section.body.join('\n').trim()
    if (section.title === '') {
      problems.push({ line: section.line, message: 'the heading has no title' })
      continue
    }
    const full = body === '' ? section.title : body
    if (full.length > BODY_LIMIT) {
      problems.push({
        line: section.line,
        message: `the task is ${full.length} characters; GitHub takes at most ${BODY_LIMIT}`,
      })
      continue
    }
    tasks.push({ title: section.title, body: full })
  }
  return { tasks, problems }
}
