/** A sentence of a paragraph and where it starts in it. */
export interface Sentence {
  text: string
  start: number
}

// Words that end in a full stop without ending the sentence (Swedish news prose).
const ABBREVIATIONS = new Set([
  't.ex',
  'bl.a',
  'm.m',
  'm.fl',
  'o.s.v',
  'osv',
  'dvs',
  'd.v.s',
  'ca',
  'kl',
  'nr',
  's.k',
  'resp',
  'jfr',
  'inkl',
  'exkl',
  'tel',
  'st',
  'etc',
  'p.g.a',
  'pga',
  'f.d',
  'fr.o.m',
  't.o.m',
])

/** A sentence end: . ! ? or …, closing quotes, then space and what may start a sentence. */
const END = /[.!?…]+["”’»)]*(?=\s+["“”„«(–—-]?\s*[\p{Lu}\p{N}–—"“”„«-])/gu

function endsInAbbreviation(text: string, period: number): boolean {
  if (text[period] !== '.') return false
  const word = /(?:^|\s)(\S+)$/u.exec(text.slice(0, period))?.[1]?.replace(/^[("“”„«]+/u, '')
  if (!word) return false
  // A single letter before a full stop is an initial: "A. Ismaylov".
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{L}$/u.test(word)
}

/**
 * Splits a paragraph into sentences at . ! ? … followed by a space and a capital letter, a
 * digit, a dash or a quote; not after abbreviations (t.ex., bl.a., kl.) or initials, and
 * never inside a domain or address, which has no space after its dots.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const sentences: Sentence[] = []
  let from = 0
  for (const match of paragraph.matchAll(END)) {
    if (endsInAbbreviation(paragraph, match.index)) continue
    const end = match.index + match[0].length
    const text = paragraph.slice(from, end).trim()
    if (text) sentences.push({ text, start: paragraph.indexOf(text, from) })
    from = end
  }
  const rest = paragraph.slice(from).trim()
  if (rest) sentences.push({ text: rest, start: paragraph.indexOf(rest, from) })
  return sentences
}
