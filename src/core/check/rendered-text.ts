import { LIMITS } from './limits'
import { decodeReference } from './references'

/**
 * Pasted HTML as a mail client lays it out, for reading the contact points of its text: a
 * number split by tags (<b>070</b>-174 06 10), written with &nbsp; or &#8209;, or an address
 * written with &#64; is what the reader sees and calls or writes to. Tags are removed (an
 * inline tag joins what is around it, a block tag breaks the line) and character references
 * are decoded. Offsets map both ways, so that what is found here points into what was written.
 */
export interface RenderedText {
  text: string
  /** The offset in what was written of an offset in `text`. */
  writtenAt(at: number): number
  /**
   * The offset in `text` where what was written at `at` is laid out (for an offset inside a
   * tag or reference, where that tag or reference is).
   */
  renderedAt(at: number): number
}

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
 * The laid-out text of a message that holds HTML tags or character references, or null when
 * it holds none (the text is its own layout). One pass: a tag whose ">" is further than
 * LIMITS.markupChars away is read as text, as is a "<" that starts no tag.
 */
export function renderedText(html: string): RenderedText | null {
  if (!/<[a-z/!?]|&[#a-z]/i.test(html)) return null
  const parts: string[] = []
  const toWritten = new Int32Array(html.length + 1)
  const toRendered = new Int32Array(html.length + 1)
  let length = 0
  let nextGt = -2
  const emit = (shown: string, from: number, to: number) => {
    toRendered.fill(length, from, to)
    for (let k = 0; k < shown.length; k++) toWritten[length + k] = from
    parts.push(shown)
    length += shown.length
  }
  // Text between tags and references, laid out as written.
  const emitText = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      toRendered[j] = length + j - from
      toWritten[length + j - from] = j
    }
    parts.push(html.slice(from, to))
    length += to - from
  }
  let i = 0
  while (i < html.length) {
    SPECIAL.lastIndex = i
    const special = SPECIAL.exec(html)?.index ?? html.length
    if (special > i) {
      emitText(i, special)
      i = special
      continue
    }
    const c = html[i]!
    if (c === '<' && TAG_START.test(html[i + 1] ?? '')) {
      if (nextGt !== -1 && nextGt <= i) nextGt = html.indexOf('>', i + 1)
      if (nextGt !== -1 && nextGt - i <= LIMITS.markupChars) {
        TAG_NAME.lastIndex = i + 1
        const name = TAG_NAME.exec(html)?.[1]?.toLowerCase()
        emit(name && BLOCK.has(name) ? '\n' : '', i, nextGt + 1)
        i = nextGt + 1
        continue
      }
    }
    const decoded = c === '&' ? reference(html, i) : null
    if (decoded) {
      emit(decoded.shown, i, decoded.end)
      i = decoded.end
      continue
    }
    emitText(i, i + 1)
    i++
  }
  toRendered[html.length] = length
  toWritten[length] = html.length
  const text = parts.join('')
  if (text === html) return null
  return {
    text,
    writtenAt: (at) => toWritten[at]!,
    renderedAt: (at) => toRendered[at]!,
  }
}

/** The laid-out text of some HTML (a link's visible text), or the text itself. */
export function laidOut(html: string): string {
  return renderedText(html)?.text ?? html
}
