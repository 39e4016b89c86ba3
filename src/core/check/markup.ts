import { LIMITS } from './limits'
import { decodeEntities } from './references'
import { laidOut } from './rendered-text'

/** A link written as HTML or Markdown: where it goes, and what the reader sees. */
export interface MarkupLink {
  target: string
  /** Offset of the target in the text. */
  targetAt: number
  /** The visible text, tags removed. */
  shown: string
  /** Offset of the visible text in the text. */
  shownAt: number
  /** The whole link's span, which plain-text reading skips. */
  start: number
  end: number
}

interface Attribute {
  value: string
  at: number
}

// HTML splits attributes only at these five (tab, LF, FF, CR, space): a no-break space,
// vertical tab or ideographic space is part of a name or value, as a browser reads it.
const HTML_SPACE = /[\t\n\f\r ]/
const BEFORE_NAME = /[\t\n\f\r /]/
const NAME_END = /[\t\n\f\r /=>]/
const VALUE_END = /[\t\n\f\r >]/

/**
 * Reads the attributes of a tag from `from` (just after its name) to the ">" that closes it
 * outside quotes, looking no further than `limit`. Returns the first value of each `wanted`
 * attribute, the values of its event handlers (onclick…), and where the tag ends, or null for
 * a tag that does not close in time.
 */
function readAttributes(
  text: string,
  from: number,
  limit: number,
  wanted: readonly string[],
): { attributes: Map<string, Attribute>; handlers: Attribute[]; end: number } | null {
  let i = from
  const attributes = new Map<string, Attribute>()
  const handlers: Attribute[] = []
  while (i < limit) {
    // A "/" between attributes separates them too, as in <a/href=…>.
    while (i < limit && BEFORE_NAME.test(text[i]!)) i++
    if (text[i] === '>') return { attributes, handlers, end: i + 1 }
    const nameStart = i
    while (i < limit && !NAME_END.test(text[i]!)) i++
    const name = text.slice(nameStart, i).toLowerCase()
    while (i < limit && HTML_SPACE.test(text[i]!)) i++
    if (text[i] !== '=') {
      if (i === nameStart) i++
      continue
    }
    i++
    while (i < limit && HTML_SPACE.test(text[i]!)) i++
    const quote = text[i] === '"' || text[i] === "'" ? text[i]! : null
    const valueStart = quote ? i + 1 : i
    const rest = text.slice(valueStart, limit)
    const length = quote ? rest.indexOf(quote) : rest.search(VALUE_END)
    if (length < 0) return null
    const valueEnd = valueStart + length
    // HTML keeps the first of two attributes with one name and drops the other.
    if (wanted.includes(name) && !attributes.has(name)) {
      attributes.set(name, { value: text.slice(valueStart, valueEnd), at: valueStart })
    } else if (name.startsWith('on')) {
      handlers.push({ value: text.slice(valueStart, valueEnd), at: valueStart })
    }
    i = quote ? valueEnd + 1 : valueEnd
  }
  return null
}

/**
 * Finds the next occurrence of a needle at or after increasing positions, remembering the
 * last answer, so that many searches over one text cost one pass in total.
 */
function forwardSearch(text: string, needle: string): (from: number) => number {
  let found = -2
  return (from) => {
    if (found === -1) return -1
    if (found < from) found = text.indexOf(needle, from)
    return found
  }
}

/** The attributes that hold where a tag leads, by tag name (SVG's <a> uses xlink:href). */
const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'xlink:href'],
  area: ['href'],
  // <base href> decides where every relative link of the message goes (baseStriker).
  base: ['href'],
  form: ['action'],
  meta: ['http-equiv', 'content'],
}

const TAG_NAME = /[a-z][^\t\n\f\r />]{0,15}(?=[\t\n\f\r />]|$)/y

/** The target of a tag that leads somewhere, or null. */
function tagTarget(name: string, attributes: Map<string, Attribute>): Attribute | null {
  if (name !== 'meta')
    return (
      attributes.get('href') ?? attributes.get('xlink:href') ?? attributes.get('action') ?? null
    )
  // <meta http-equiv="refresh" content="0;url=…"> navigates after the delay.
  if (attributes.get('http-equiv')?.value.trim().toLowerCase() !== 'refresh') return null
  const content = attributes.get('content')
  const url = content && /^[\s\d.]*[;,]?\s*(?:url\s*=\s*)?(['"]?)/i.exec(content.value)
  if (!content || !url) return null
  const value = content.value.slice(url[0].length)
  const end = url[1] ? value.indexOf(url[1]) : -1
  return { value: end < 0 ? value : value.slice(0, end), at: content.at + url[0].length }
}

/** A tag's links, and whether a tag too long to read was left unread. */
interface HtmlReading {
  links: MarkupLink[]
  limited: boolean
}

/**
 * `<a href="…">text</a>` (also `<a/href=…>`, SVG's xlink:href), `<area href>`,
 * `<base href>`, `<form action>` and a `<meta>` refresh, in one pass over the text.
 */
function htmlLinks(text: string): HtmlReading {
  const links: MarkupLink[] = []
  let limited = false
  const lower = text.toLowerCase()
  const nextClose = forwardSearch(lower, '</a')
  const nextAnchor = forwardSearch(lower, '<a')
  const nextTagEnd = forwardSearch(lower, '>')
  let from = 0
  for (;;) {
    const open = lower.indexOf('<', from)
    if (open < 0) break
    from = open + 1
    TAG_NAME.lastIndex = open + 1
    const name = TAG_NAME.exec(lower)?.[0]
    const wanted = name ? LINK_ATTRIBUTES[name] : undefined
    if (!name || !wanted) continue
    const tagEnd = nextTagEnd(open)
    if (tagEnd < 0) break
    // A tag too long to read could hide where it leads: a limit reached, not a link missed.
    // It is passed on whole as its target, which is too long to read: a finding that says so.
    if (tagEnd - open > LIMITS.markupChars) {
      limited = true
      const whole = { value: text.slice(open, tagEnd + 1), at: open }
      links.push(tagLink(whole, open, tagEnd + 1, '', tagEnd + 1))
      from = tagEnd + 1
      continue
    }
    const limit = Math.min(text.length, open + LIMITS.markupChars)
    const tag = readAttributes(text, open + 1 + name.length, limit, wanted)
    if (!tag && limit < text.length) limited = true
    from = tag ? tag.end : tagEnd + 1
    const target = tag && tagTarget(name, tag.attributes)
    if (!target) continue
    for (const handler of tag.handlers) links.push(...scriptLinks(handler))
    if (name !== 'a') {
      links.push(tagLink(target, open, from, '', from))
      continue
    }
    const close = nextClose(from)
    const following = nextAnchor(from)
    const shownEnd = Math.min(
      close < 0 ? text.length : close,
      following < 0 ? text.length : following,
      from + LIMITS.markupChars,
    )
    const closeEnd = close === shownEnd ? Math.max(nextTagEnd(close) + 1, shownEnd) : shownEnd
    const shown = laidOut(text.slice(from, shownEnd)).trim()
    links.push(tagLink(target, open, closeEnd, shown, from))
    from = closeEnd
  }
  return { links, limited }
}

// A web address in a script: with a scheme, or protocol-relative ('//evil.example/…').
const SCRIPT_URL = /(?:https?|hxxps?):[^\s'"`]+|(?<![:/\w])\/\/[\p{L}\p{N}][^\s'"`]*/giu

/**
 * The addresses an event handler of a link tag navigates to (onclick="location='//…'"): the
 * tap runs the script, which may go elsewhere than the href. Each is a link inside the tag.
 */
function scriptLinks(handler: Attribute): MarkupLink[] {
  const end = handler.at + handler.value.length
  return [...decodeEntities(handler.value).matchAll(SCRIPT_URL)].map((match) => ({
    target: match[0],
    targetAt: handler.at,
    shown: '',
    shownAt: end,
    start: handler.at,
    end,
  }))
}

function tagLink(target: Attribute, start: number, end: number, shown: string, shownAt: number) {
  return {
    target: decodeEntities(target.value.trim()),
    targetAt: target.at,
    shown,
    shownAt,
    start,
    end,
  }
}

// [text](target "title"): bounded parts, so no input makes the expression backtrack far.
const MARKDOWN_LINK =
  /\[([^[\]\n]{1,500})\]\(\s*<?([^\s()<>]{1,2048})>?(?:\s+(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'))?\s*\)/g

function markdownLinks(text: string): MarkupLink[] {
  return [...text.matchAll(MARKDOWN_LINK)].map((match) => ({
    target: decodeEntities(match[2]!),
    targetAt: match.index + match[0].indexOf(match[2]!, match[1]!.length + 2),
    shown: match[1]!.trim(),
    shownAt: match.index + 1,
    start: match.index,
    end: match.index + match[0].length,
  }))
}

// [label]: target, at the start of a line; the target may stand on the next line.
const MARKDOWN_DEFINITION =
  /^ {0,3}\[([^[\]\n]{1,200})\]:[ \t]{0,20}(?:\n[ \t]{0,20})?<?([^\s<>]{1,2048})>?/gm
// [text][label], [label][] or [label]: a link to a definition, when one has that label.
const MARKDOWN_REFERENCE = /\[([^[\]\n]{1,500})\](?:\[([^[\]\n]{0,200})\])?/g

/** A label as CommonMark matches it: spaces collapsed, Unicode case folded (ß is SS). */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase()
}

/**
 * Whether a definition starting at `at` begins a block, as CommonMark requires (it cannot
 * interrupt a paragraph): at the start, after a blank line, a heading, or another definition
 * (one ending right before it, or a line that starts as one, with a title after its target).
 */
function startsABlock(text: string, at: number, previousEnd: number): boolean {
  if (at === 0 || previousEnd === at - 1) return true
  const line = text.slice(text.lastIndexOf('\n', at - 2) + 1, at - 1)
  return line.trim() === '' || /^ {0,3}(?:#{1,6}(?:\s|$)|\[[^[\]\n]{1,200}\]:)/.test(line)
}

interface Definition {
  target: string
  targetAt: number
  start: number
  end: number
  used: boolean
}

/**
 * Markdown reference links: each reference to a definition ([Se din order][1] with
 * [1]: https://…) is a link with the reference's visible text, and each definition used is a
 * link of its own without visible text (so plain-text reading skips it). A definition that
 * nothing refers to is no link, only text.
 */
function markdownReferences(text: string): MarkupLink[] {
  if (!text.includes(']:')) return []
  const definitions = new Map<string, Definition>()
  let previousEnd = -2
  for (const match of text.matchAll(MARKDOWN_DEFINITION)) {
    if (!startsABlock(text, match.index, previousEnd)) continue
    previousEnd = match.index + match[0].length
    const key = labelKey(match[1]!)
    if (definitions.has(key)) continue
    definitions.set(key, {
      target: decodeEntities(match[2]!),
      targetAt: match.index + match[0].lastIndexOf(match[2]!),
      start: match.index,
      end: match.index + match[0].length,
      used: false,
    })
  }
  const links: MarkupLink[] = []
  for (const match of text.matchAll(MARKDOWN_REFERENCE)) {
    const end = match.index + match[0].length
    if (text[end] === ':' || text[end] === '(') continue
    const definition = definitions.get(labelKey(match[2] || match[1]!))
    if (!definition) continue
    definition.used = true
    const { target, targetAt } = definition
    links.push({
      target,
      targetAt,
      shown: match[1]!.trim(),
      shownAt: match.index + 1,
      start: match.index,
      end,
    })
  }
  for (const { target, targetAt, start, end, used } of definitions.values()) {
    if (used) links.push({ target, targetAt, shown: '', shownAt: end, start, end })
  }
  return links
}

/**
 * Every HTML and Markdown link in a text, in order of their start. A link inside another (an
 * HTML anchor in a Markdown link's text) is kept as well: the reader can tap either. Of two
 * that cross, the first is kept. `limited` says a tag too long to read was left unread.
 */
export function readMarkup(text: string): { links: MarkupLink[]; limited: boolean } {
  const html = htmlLinks(text)
  const all = [...html.links, ...markdownLinks(text), ...markdownReferences(text)].sort(
    (a, b) => a.start - b.start,
  )
  const links: MarkupLink[] = []
  let outerEnd = 0
  for (const link of all) {
    if (link.start >= outerEnd) outerEnd = link.end
    else if (link.end > outerEnd) continue
    links.push(link)
  }
  return { links, limited: html.limited }
}

/** The links of readMarkup. */
export function markupLinks(text: string): MarkupLink[] {
  return readMarkup(text).links
}
