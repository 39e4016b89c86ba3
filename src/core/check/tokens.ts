/** A piece of text that may be a contact point, with where it is and what precedes it. */
export interface Token {
  text: string
  start: number
  end: number
  /** The previous piece as written, without surrounding punctuation, or null. */
  wordBefore: string | null
}

// Quotes and angle brackets end a link in HTML, Markdown and plain text alike.
const PIECE = /[^\s"'<>`]+/g
const LEADING = new Set('([{*«»„“”‘’|')
const TRAILING = new Set(')]}*.,;:!?«»„“”‘’|')
// A scheme written inside a piece (href=https://…, [text](https://…) starts a new piece there.
const EMBEDDED_SCHEME = /(?:https?|hxxps?|mailto|tel|sms):/i

/**
 * Splits text into pieces that may be contact points: runs without whitespace, quotes or
 * angle brackets, trimmed of surrounding punctuation, and cut where a scheme starts inside
 * one. One pass over the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let wordBefore: string | null = null
  const push = (start: number, end: number) => {
    let [s, e] = [start, end]
    while (s < e && LEADING.has(text[s]!)) s++
    while (e > s && TRAILING.has(text[e - 1]!)) e--
    if (e <= s) return
    const piece = text.slice(s, e)
    tokens.push({ text: piece, start: s, end: e, wordBefore })
    wordBefore = piece
  }
  PIECE.lastIndex = 0
  for (let match = PIECE.exec(text); match; match = PIECE.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    const scheme = match[0].includes(':') ? EMBEDDED_SCHEME.exec(match[0]) : null
    if (scheme && scheme.index > 0 && /[^\p{L}\p{N}]$/u.test(match[0].slice(0, scheme.index))) {
      push(start, start + scheme.index)
      push(start + scheme.index, end)
    } else {
      push(start, end)
    }
  }
  return tokens
}
