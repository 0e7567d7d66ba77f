// What a reader of a comment sees, by a real GFM parser (micromark, which
// follows CommonMark and GFM as cmark-gfm does) with raw HTML passed through
// as GitHub passes it to its sanitizer, then read the way a browser reads
// HTML comments: an unclosed `<!--` hides everything after it.

import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

export function renderGfm(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  })
}

/** The rendered HTML without what HTML comments hide. */
export function shownHtml(markdown: string): string {
  return renderGfm(markdown).replace(/<!--[\s\S]*?(?:-->|$)/g, '')
}

export interface RenderedView {
  html: string
  /** Headings outside blockquotes, in order: what reads as the comment's own structure. */
  headings: string[]
  /** Text of every heading, quoted or not. */
  allHeadings: string[]
  /** Raw HTML tags other than those markdown itself produces (details/summary/sub are ours). */
  rawTags: string[]
  /** HTML comments in the rendered output, as the browser sees them (closed or not). */
  comments: string[]
}

const MARKDOWN_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'em',
  'strong',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
  'del',
  'hr',
  'br',
  'img',
  'sup',
  'section',
])

function withoutQuotes(html: string): string {
  let out = html
  for (let before = ''; before !== out;) {
    before = out
    out = out.replace(/<blockquote>(?:(?!<blockquote>)[\s\S])*?<\/blockquote>/g, '')
  }
  return out
}

function headingsIn(html: string): string[] {
  return [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => m[1]!.trim())
}

export function view(markdown: string): RenderedView {
  const raw = renderGfm(markdown)
  const html = raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  return {
    html,
    headings: headingsIn(withoutQuotes(html)),
    allHeadings: headingsIn(html),
    rawTags: [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)]
      .map((m) => m[1]!.toLowerCase())
      .filter((tag) => !MARKDOWN_TAGS.has(tag)),
    comments: [...raw.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((m) => m[0]),
  }
}
