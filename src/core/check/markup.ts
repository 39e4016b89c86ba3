import { LIMITS } from './limits'

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

/**
 * Named character references (case as HTML spells them) that can change where a link goes:
 * the URL's punctuation (https&colon;//), whitespace the URL parser drops (&Tab;) and
 * invisible characters. A target with any other named reference is not read as a link (see
 * hasUnknownReference): a browser may decode it to something else.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  AMP: '&',
  quot: '"',
  QUOT: '"',
  apos: "'",
  lt: '<',
  LT: '<',
  gt: '>',
  GT: '>',
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  comma: ',',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  commat: '@',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  lbrack: '[',
  rsqb: ']',
  rbrack: ']',
  lcub: '{',
  lbrace: '{',
  rcub: '}',
  rbrace: '}',
  percnt: '%',
  equals: '=',
  plus: '+',
  lowbar: '_',
  UnderBar: '_',
  dollar: '$',
  ast: '*',
  midast: '*',
  verbar: '|',
  vert: '|',
  VerticalLine: '|',
  grave: '`',
  DiacriticalGrave: '`',
  Hat: '^',
  Tab: '\t',
  NewLine: '\n',
  nbsp: '\u00a0',
  NonBreakingSpace: '\u00a0',
  shy: '\u00ad',
  ZeroWidthSpace: '\u200b',
  NoBreak: '\u2060',
  zwnj: '\u200c',
  zwj: '\u200d',
}

const REFERENCE = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi

/** Decodes the character references an href may hold (&amp;, &#47;, &#x2F;, &colon;). */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (whole, ref: string) => {
    const code =
      ref[0] !== '#'
        ? null
        : ref[1] === 'x' || ref[1] === 'X'
          ? parseInt(ref.slice(2), 16)
          : Number(ref.slice(1))
    if (code === null) return ENTITIES[ref] ?? whole
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Whether a decoded text still holds a named reference this reader does not know. */
export function hasUnknownReference(text: string): boolean {
  return /&[a-z][a-z0-9]{1,31};/i.test(text)
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
 * outside quotes, looking no further than `limit`. Returns the href and where the tag ends,
 * or null for a tag that does not close in time.
 */
function readHref(
  text: string,
  from: number,
  limit: number,
): { href: Attribute | null; end: number } | null {
  let i = from
  let href: Attribute | null = null
  while (i < limit) {
    // A "/" between attributes separates them too, as in <a/href=…>.
    while (i < limit && BEFORE_NAME.test(text[i]!)) i++
    if (text[i] === '>') return { href, end: i + 1 }
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
    if (name === 'href' && !href) href = { value: text.slice(valueStart, valueEnd), at: valueStart }
    i = quote ? valueEnd + 1 : valueEnd
  }
  return null
}

function withoutTags(text: string): string {
  return text.replace(/<[^<>]{0,500}>/g, ' ')
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

/** `<a href="…">text</a>`, in one pass over the text. */
function htmlAnchors(text: string): MarkupLink[] {
  const links: MarkupLink[] = []
  const lower = text.toLowerCase()
  const nextClose = forwardSearch(lower, '</a')
  const nextOpen = forwardSearch(lower, '<a')
  const nextTagEnd = forwardSearch(lower, '>')
  let from = 0
  for (;;) {
    const open = nextOpen(from)
    if (open < 0) break
    from = open + 2
    if (!/\s/.test(text[open + 2] ?? '')) continue
    // A tag that does not close within bounds is no link (and costs no reading).
    const tagEnd = nextTagEnd(open)
    if (tagEnd < 0) break
    if (tagEnd - open > LIMITS.markupChars) continue
    const tag = readHref(text, open + 2, Math.min(text.length, open + LIMITS.markupChars))
    from = tag ? tag.end : tagEnd + 1
    if (!tag?.href) continue
    const close = nextClose(from)
    const following = nextOpen(from)
    const shownEnd = Math.min(
      close < 0 ? text.length : close,
      following < 0 ? text.length : following,
      from + LIMITS.markupChars,
    )
    const closeEnd = close === shownEnd ? Math.max(nextTagEnd(close) + 1, shownEnd) : shownEnd
    links.push({
      target: decodeEntities(tag.href.value.trim()),
      targetAt: tag.href.at,
      shown: decodeEntities(withoutTags(text.slice(from, shownEnd))).trim(),
      shownAt: from,
      start: open,
      end: closeEnd,
    })
    from = closeEnd
  }
  return links
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

function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
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
  for (const match of text.matchAll(MARKDOWN_DEFINITION)) {
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

/** Every HTML anchor and Markdown link in a text, in order, none overlapping. */
export function markupLinks(text: string): MarkupLink[] {
  const all = [...htmlAnchors(text), ...markdownLinks(text), ...markdownReferences(text)].sort(
    (a, b) => a.start - b.start,
  )
  const kept: MarkupLink[] = []
  for (const link of all) {
    if (kept.length === 0 || link.start >= kept.at(-1)!.end) kept.push(link)
  }
  return kept
}
