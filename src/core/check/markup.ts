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

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }

/** Decodes the character references an href may hold (&amp;, &#47;, &#x2F;). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, ref: string) => {
    const code =
      ref[0] !== '#'
        ? null
        : ref[1] === 'x' || ref[1] === 'X'
          ? parseInt(ref.slice(2), 16)
          : Number(ref.slice(1))
    if (code === null) return ENTITIES[ref.toLowerCase()] ?? whole
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

interface Attribute {
  value: string
  at: number
}

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
    while (i < limit && /\s/.test(text[i]!)) i++
    if (text[i] === '>') return { href, end: i + 1 }
    const nameStart = i
    while (i < limit && !/[\s=>]/.test(text[i]!)) i++
    const name = text.slice(nameStart, i).toLowerCase()
    while (i < limit && /\s/.test(text[i]!)) i++
    if (text[i] !== '=') {
      if (i === nameStart) i++
      continue
    }
    i++
    while (i < limit && /\s/.test(text[i]!)) i++
    const quote = text[i] === '"' || text[i] === "'" ? text[i]! : null
    const valueStart = quote ? i + 1 : i
    const rest = text.slice(valueStart, limit)
    const length = quote ? rest.indexOf(quote) : rest.search(/[\s>]/)
    if (length < 0) return null
    const valueEnd = valueStart + length
    if (name === 'href') href = { value: text.slice(valueStart, valueEnd), at: valueStart }
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
    target: match[2]!,
    targetAt: match.index + match[0].indexOf(match[2]!, match[1]!.length + 2),
    shown: match[1]!.trim(),
    shownAt: match.index + 1,
    start: match.index,
    end: match.index + match[0].length,
  }))
}

/** Every HTML anchor and Markdown link in a text, in order, none overlapping. */
export function markupLinks(text: string): MarkupLink[] {
  const all = [...htmlAnchors(text), ...markdownLinks(text)].sort((a, b) => a.start - b.start)
  const kept: MarkupLink[] = []
  for (const link of all) {
    if (kept.length === 0 || link.start >= kept.at(-1)!.end) kept.push(link)
  }
  return kept
}
