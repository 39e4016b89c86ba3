/** A piece of text that may be a contact point, with where it is and what precedes it. */
export interface Token {
  text: string
  start: number
  end: number
  /** The previous piece as written, without surrounding punctuation, or null. */
  wordBefore: string | null
}

// Whitespace and angle brackets end a piece in HTML, Markdown and plain text alike. U+FEFF
// counts as whitespace to JavaScript, but it is a zero-width character no one sees.
const RUN = /(?:[^\s<>]|\ufeff)+/g
// Quotes end a piece too, unless an @ follows in the same run: https://jemfix.com'@evil.example
// goes to evil.example (the quote is part of the user-info), and o'brien@example.com is one address.
const QUOTE = /["'`]/g
// What may start or end a contact point; any other punctuation, symbol or invisible format
// character glued to one (…, →, •, –, ™, a zero-width space) is trimmed off.
const KEEP_LEADING = /^[\p{L}\p{N}\p{M}@#+/\\_~]$/u
const KEEP_TRAILING = /^[\p{L}\p{N}\p{M}/=#&%+_~$-]$/u
// A scheme written inside a piece (href=https://…, [text](https://…) starts a new piece there,
// as does a protocol-relative target (](//evil.example, location='//evil.example'), but not
// the "//" of a scheme or a path.
const EMBEDDED_SCHEME = /(?:https?|hxxps?|mailto|tel|sms):|(?<![:/])\/\/(?=[\p{L}\p{N}])/iu

/** The code point at i (whole, when i is the first half of a surrogate pair). */
function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!)
}

/** The code point ending at e (whole, when it is a surrogate pair). */
function charBefore(text: string, e: number): string {
  const low = text.charCodeAt(e - 1)
  if (low >= 0xdc00 && low <= 0xdfff && e >= 2) {
    const high = text.charCodeAt(e - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(e - 2, e)
  }
  return text[e - 1]!
}

/**
 * Splits text into pieces that may be contact points: runs without whitespace or angle
 * brackets, cut at quotes (unless an @ follows) and where a scheme starts inside one, and
 * trimmed of the punctuation and symbols around them. One pass over the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let wordBefore: string | null = null
  const push = (start: number, end: number) => {
    let [s, e] = [start, end]
    while (s < e && !KEEP_LEADING.test(charAt(text, s))) s += charAt(text, s).length
    while (e > s && !KEEP_TRAILING.test(charBefore(text, e))) e -= charBefore(text, e).length
    if (e <= s) return
    const piece = text.slice(s, e)
    tokens.push({ text: piece, start: s, end: e, wordBefore })
    wordBefore = piece
  }
  const pushSegment = (start: number, end: number) => {
    const segment = text.slice(start, end)
    const scheme =
      segment.includes(':') || segment.includes('//') ? EMBEDDED_SCHEME.exec(segment) : null
    if (scheme && scheme.index > 0 && /[^\p{L}\p{N}]$/u.test(segment.slice(0, scheme.index))) {
      push(start, start + scheme.index)
      push(start + scheme.index, end)
    } else {
      push(start, end)
    }
  }
  RUN.lastIndex = 0
  for (let match = RUN.exec(text); match; match = RUN.exec(text)) {
    const run = match[0]
    const lastAt = run.lastIndexOf('@')
    let from = 0
    QUOTE.lastIndex = 0
    for (let quote = QUOTE.exec(run); quote; quote = QUOTE.exec(run)) {
      if (quote.index < lastAt) continue
      pushSegment(match.index + from, match.index + quote.index)
      from = quote.index + 1
    }
    pushSegment(match.index + from, match.index + run.length)
  }
  return tokens
}

// Punctuation an SMS glues a link or address to without a space (jemfix.com,evil.example,
// a@x;b@y, Läs mer:evil.example, url=evil.example); a colon only where it starts no "//"
// and no port (and only after a word: glueAt), and a semicolon only where it ends no HTML character reference (support&commat;
// evil.example is one address, which the laid-out view of HTML reads).
const GLUE = /[,|=*]|:(?!\/\/|\d)|(?<!&(?:#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31}));/gi

/** Where a piece's path, query or fragment starts (a scheme's "//" is not one), or its end. */
function pathStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === ':' && text.startsWith('//', i + 1)) i += 2
    else if (c === '/' || c === '?' || c === '#') return i
  }
  return text.length
}

/**
 * Where glue cuts the head of a piece. A colon cuts only after a word ("Läs mer:evil.example"):
 * after a dotted name it is a CSS selector's (a.link:hover), or no address a phone would link.
 * One pass.
 */
function glueAt(head: string): number[] {
  const cuts: number[] = []
  let from = 0
  let scanned = 0
  let lastDot = -1
  for (const match of head.matchAll(GLUE)) {
    for (; scanned < match.index; scanned++) if (head[scanned] === '.') lastDot = scanned
    if (match[0] === ':' && lastDot >= from) continue
    cuts.push(match.index)
    from = match.index + 1
  }
  return cuts
}

/**
 * The parts of a piece that punctuation glues together before its path ("jemfix.com,evil.example/login"
 * is jemfix.com and evil.example/login), each trimmed as a piece is, with offsets in the text;
 * none when nothing glues. A path or query keeps its punctuation: it is part of the link.
 */
export function gluedParts(token: Token): Token[] {
  const cuts = glueAt(token.text.slice(0, pathStart(token.text)))
  if (cuts.length === 0) return []
  const parts: Token[] = []
  let wordBefore = token.wordBefore
  let from = 0
  for (const cut of [...cuts, token.text.length]) {
    for (const part of tokenize(token.text.slice(from, cut))) {
      parts.push({
        text: part.text,
        start: token.start + from + part.start,
        end: token.start + from + part.end,
        wordBefore,
      })
      wordBefore = part.text
    }
    from = cut + 1
  }
  return parts
}
