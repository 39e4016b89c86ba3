import { LIMITS } from './limits'
import { type MappedText, MappedTextBuilder } from './mapped-text'
import { decodeReference } from './references'

// Pasted HTML as a mail client lays it out, for reading the contact points of its text: a
// number split by tags (<b>070</b>-174 06 10), written with &nbsp; or &#8209;, or an address
// written with &#64; is what the reader sees and calls or writes to.

// Elements a browser lays out on lines of their own (or as a box: an image, a cell), so that
// the text on either side is never one word. Every other tag (b, span, font, a comment) joins.
const BLOCK = new Set(
  `address article aside blockquote body br button canvas caption center col colgroup dd details
  dialog dir div dl dt embed fieldset figcaption figure footer form frame h1 h2 h3 h4 h5 h6 head
  header hr html iframe img input legend li main menu nav noscript object ol option p pre script
  section select style summary table tbody td textarea tfoot th thead title tr ul video audio`.split(
    /\s+/,
  ),
)
const SPECIAL = /[<&]/g
// A tag as the HTML tokenizer starts one: < and a letter, /, ! or ?.
const TAG_START = /[a-z/!?]/i
const TAG_NAME = /\/?([a-z][a-z0-9]{0,15})/iy
// A character reference; a numeric one, and the few names a browser also reads without the
// semicolon in text (&nbsp06 is a no-break space and 06), may leave it off.
const REFERENCE = /&(?:(#x[0-9a-f]{1,6}|#\d{1,7});?|([a-z][a-z0-9]{1,31});|(nbsp|amp|lt|gt|quot))/iy
// Spaces and hyphens a number is written with in HTML, read as the characters they show.
const TEXT_REFERENCES: Record<string, string> = {
  nbsp: ' ',
  NonBreakingSpace: ' ',
  ensp: ' ',
  emsp: ' ',
  emsp13: ' ',
  emsp14: ' ',
  numsp: ' ',
  puncsp: ' ',
  thinsp: ' ',
  ThinSpace: ' ',
  hairsp: ' ',
  VeryThinSpace: ' ',
  MediumSpace: ' ',
  hyphen: '-',
  dash: '-',
  ndash: '–',
  mdash: '—',
  minus: '-',
}

/** What a reference at `at` lays out as, and where it ends, or null when it is none. */
function reference(html: string, at: number): { shown: string; end: number } | null {
  REFERENCE.lastIndex = at
  const match = REFERENCE.exec(html)
  if (!match) return null
  const ref = match[1] ?? match[2] ?? match[3]!
  const shown = TEXT_REFERENCES[ref] ?? decodeReference(ref)
  // A no-break space is a space to the reader, and to every reader of words and numbers here.
  return shown === null ? null : { shown: shown.replace(/\u00a0/g, ' '), end: REFERENCE.lastIndex }
}

/**
 * The laid-out text of a message that holds HTML tags or character references (tags removed,
 * an inline tag joining what is around it and a block tag breaking the line; references
 * decoded), or null when it holds none (the text is its own layout). One pass: a tag whose ">"
 * is further than LIMITS.markupChars away is read as text, as is a "<" that starts no tag.
 */
export function renderedText(html: string): MappedText | null {
  if (!/<[a-z/!?]|&[#a-z]/i.test(html)) return null
  const out = new MappedTextBuilder(html)
  let nextGt = -2
  let i = 0
  while (i < html.length) {
    SPECIAL.lastIndex = i
    const special = SPECIAL.exec(html)?.index ?? html.length
    if (special > i) {
      out.keep(i, special)
      i = special
      continue
    }
    if (html[i] === '<' && TAG_START.test(html[i + 1] ?? '')) {
      if (nextGt !== -1 && nextGt <= i) nextGt = html.indexOf('>', i + 1)
      if (nextGt !== -1 && nextGt - i <= LIMITS.markupChars) {
        TAG_NAME.lastIndex = i + 1
        const name = TAG_NAME.exec(html)?.[1]?.toLowerCase()
        out.replace(i, nextGt + 1, name && BLOCK.has(name) ? '\n' : '')
        i = nextGt + 1
        continue
      }
    }
    const decoded = html[i] === '&' ? reference(html, i) : null
    if (decoded) {
      out.replace(i, decoded.end, decoded.shown)
      i = decoded.end
      continue
    }
    out.keep(i, i + 1)
    i++
  }
  const rendered = out.build()
  return rendered.text === html ? null : rendered
}

/** The laid-out text of some HTML (a link's visible text), or the text itself. */
export function laidOut(html: string): string {
  return renderedText(html)?.text ?? html
}
