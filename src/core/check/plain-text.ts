import { unhomoglyph } from './confusables'
import { LATIN_LOOKALIKES } from './latin-letters'
import { type MappedText, MappedTextBuilder } from './mapped-text'

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
// Circled digits that read as one digit, each the first of a run of 1–9 (or the 0 itself):
// ① …, ❶ …, ➀ …, ➊ …, and ⓪, ⓿.
const CIRCLED_ONES = [0x2460, 0x2776, 0x2780, 0x278a]
const CIRCLED_ZEROS = [0x24ea, 0x24ff]
// U+20E3 is the keycap that turns a 0 into the emoji 0\ufe0f\u20e3.
const NUMBER_LOOKALIKE =
  /[\uff10-\uff19\uff0b\uff08\uff09\uff0d\uff0e\uff0f\u2010-\u2012\u2014\u2015\u2043\u2212\ufe63\u1680\u2000-\u200a\u202f\u205f\u3000\u2460-\u2468\u24ea\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]|\u20e3|\p{Default_Ignorable_Code_Point}/gu

function asciiNumberChar(c: string): string {
  const code = c.charCodeAt(0)
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(48 + code - 0xff10)
  if (CIRCLED_ZEROS.includes(code)) return '0'
  const one = CIRCLED_ONES.find((first) => code >= first && code < first + 9)
  if (one !== undefined) return String.fromCharCode(49 + code - one)
  // Spaces of other widths and invisible characters (two UTF-16 units when astral).
  return DIGIT_LIKE[c] ?? ' '.repeat(c.length)
}

// A run of digits and capital O (Latin, Cyrillic or Greek), where an O may stand for a zero.
const DIGITS_AND_OS = /[0-9O\u041e\u039f]+/g
const LETTER = /\p{L}/u

/**
 * "O70-174 06 10", "07O-174…": a capital O inside a run of digits, with no letter on either
 * side of the run, read as the zero it imitates. An O that touches a letter ("CO2", "OK",
 * "PO123") or has no digit beside it stays a letter. Same length as the text.
 */
function zerosForOs(text: string): string {
  DIGITS_AND_OS.lastIndex = 0
  return text.replace(DIGITS_AND_OS, (run, at: number) => {
    if (!/\d/.test(run) || /^\d+$/.test(run)) return run
    const before = text[at - 1] ?? ''
    const after = text[at + run.length] ?? ''
    return LETTER.test(before) || LETTER.test(after) ? run : run.replace(/\D/g, '0')
  })
}

/**
 * The text with fullwidth and circled digits, typographic hyphens, minus signs and spaces of
 * other widths written the ASCII way, invisible characters as spaces, and an O among digits as
 * a zero: "070\u2060174 06 10", "０７０-１７４ ０６ １０", "⓪⑦⓪-①⑦④ ⓪⑥ ①⓪" and "O70-174 06 10"
 * read as 070 174 06 10 or 070-174 06 10. Same length as the text, so every offset still
 * points at the same place in what was written.
 */
export function readableNumbers(text: string): string {
  NUMBER_LOOKALIKE.lastIndex = 0
  const mapped = NUMBER_LOOKALIKE.test(text)
    ? text.replace(NUMBER_LOOKALIKE, asciiNumberChar)
    : text
  return zerosForOs(mapped)
}

// Mathematical digits (bold, double-struck, sans-serif, sans-serif bold, monospace: 𝟎 … 𝟿),
// five runs of 0–9. Two UTF-16 units each, so reading them as ASCII changes offsets.
const MATH_DIGIT = /[\u{1d7ce}-\u{1d7ff}]/u

/**
 * readableNumbers, after mathematical digits (𝟎𝟕𝟎, 𝟶𝟽𝟶) are read as ASCII digits; offsets are
 * mapped both ways, since each of those is one character in place of two. One pass.
 */
export function numberText(text: string): MappedText {
  if (!MATH_DIGIT.test(text)) {
    const same = (at: number) => at
    return { text: readableNumbers(text), writtenAt: same, mappedAt: same }
  }
  const out = new MappedTextBuilder(text)
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (code >= 0x1d7ce && code <= 0x1d7ff) {
      out.replace(i, i + 2, String.fromCharCode(48 + ((code - 0x1d7ce) % 10)))
      i++
    } else {
      out.keep(i, i + 1)
    }
  }
  const digits = out.build()
  return { ...digits, text: readableNumbers(digits.text) }
}
