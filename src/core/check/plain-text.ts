import { unhomoglyph } from './confusables'
import { LATIN_LOOKALIKES } from './latin-letters'

/**
 * Text as the reader sees it, for the parts of the checker that read words and numbers.
 * A sender can put characters in a message that the reader never notices (a soft hyphen or
 * zero-width space inside "personnummer", a word joiner inside a phone number), or write
 * letters and digits from other blocks that look the same (Cyrillic е, fullwidth ０７０).
 * Both functions here are one pass over the text.
 */

// Default-ignorable code points (soft hyphen, zero-width space and joiners, word joiner,
// BOM, variation selectors, tag characters): no app draws them.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu
// Letters of the alphabets whose letters pass for Latin ones, outside ASCII and Latin-1 (where
// the Swedish å, ä, ö and é live). A bounded set, so foldedLetters stays small.
const FOREIGN_LETTER =
  /(?![ -\u00ff])[\p{sc=Latin}\p{sc=Cyrillic}\p{sc=Greek}\p{sc=Armenian}\p{sc=Cherokee}]/gu
const ASCII_LETTER = /^[a-z]$/
const foldedLetters = new Map<string, string>()

/**
 * The lowercase ASCII letter a letter outside Latin-1 imitates (Cyrillic е → e), or the
 * letter itself.
 */
function foldLetter(letter: string): string {
  let folded = foldedLetters.get(letter)
  if (folded === undefined) {
    // Capitals fold too: Greek Β is B, while its small β is UTS #39's ß.
    const candidate = (
      LATIN_LOOKALIKES.get(letter.toLowerCase()) ?? unhomoglyph(letter)
    ).toLowerCase()
    // UTS #39 also maps letters to non-Latin ones (ö to Arabic ة): keep only ASCII letters.
    folded = ASCII_LETTER.test(candidate) ? candidate : letter
    foldedLetters.set(letter, folded)
  }
  return folded
}

/**
 * The words of a text as the reader reads them, for matching warning words: NFKC (fullwidth
 * and other compatibility letters to plain ones), invisible characters and accents removed
 * (but not the dots and ring of å, ä, ö), lowercased,
 * and letters from other alphabets that look like a Latin letter read as that letter
 * ("pеrsonnummer" with a Cyrillic е is "personnummer"). Swedish letters stay as they are.
 * Offsets change, so this is only for matching, never for pointing into the text.
 */
export function readableWords(text: string): string {
  const visible = withoutAccents(text.normalize('NFKC').replace(INVISIBLE, ''))
  return visible.replace(FOREIGN_LETTER, foldLetter).toLowerCase()
}

// Combining marks other than the ring and diaeresis that make å, ä and ö.
const ACCENT = /(?![\u0308\u030a])\p{M}/gu

/** "pérsonnummer", "p̴ersonnummer": accents dropped, while å, ä and ö stay Swedish letters. */
function withoutAccents(text: string): string {
  const decomposed = text.normalize('NFD')
  ACCENT.lastIndex = 0
  return ACCENT.test(decomposed) ? decomposed.replace(ACCENT, '').normalize('NFC') : text
}

// What people, word processors and phone keyboards put between or around digits, mapped to
// the ASCII character numbers are read with. Invisible characters become a space, so that
// every offset stays where it was (UTF-16 length is kept).
const DIGIT_LIKE: Record<string, string> = {
  '\uff0b': '+',
  '\uff08': '(',
  '\uff09': ')',
  '\uff0d': '-',
  '\uff0e': '.',
  '\uff0f': '/',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2043': '-',
  '\u2212': '-',
  '\ufe63': '-',
  '\u2014': '–',
  '\u2015': '–',
}
// U+20E3 is the keycap that turns a 0 into the emoji 0\ufe0f\u20e3.
const NUMBER_LOOKALIKE =
  /[\uff10-\uff19\uff0b\uff08\uff09\uff0d\uff0e\uff0f\u2010-\u2012\u2014\u2015\u2043\u2212\ufe63\u1680\u2000-\u200a\u202f\u205f\u3000]|\u20e3|\p{Default_Ignorable_Code_Point}/gu

function asciiNumberChar(c: string): string {
  const code = c.charCodeAt(0)
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(48 + code - 0xff10)
  // Spaces of other widths and invisible characters (two UTF-16 units when astral).
  return DIGIT_LIKE[c] ?? ' '.repeat(c.length)
}

/**
 * The text with fullwidth digits, typographic hyphens, minus signs and spaces of other widths
 * written the ASCII way, and invisible characters as spaces: "070\u2060174 06 10" and
 * "０７０-１７４ ０６ １０" read as 070 174 06 10 and 070-174 06 10. Same length as the text, so
 * every offset still points at the same place in what was written.
 */
export function readableNumbers(text: string): string {
  NUMBER_LOOKALIKE.lastIndex = 0
  return NUMBER_LOOKALIKE.test(text) ? text.replace(NUMBER_LOOKALIKE, asciiNumberChar) : text
}
