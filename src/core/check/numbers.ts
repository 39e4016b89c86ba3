/** What a number written in a message is, as far as its shape and neighbours tell. */
export type NumberMeaning =
  | 'reference'
  | 'time'
  | 'date'
  | 'amount'
  | 'percent'
  | 'version'
  | 'phone-like'

// "Ordernummer 4471190": a word ending in nummer/nr/number/no names what the number is. These
// stems name something other than a phone; kundtjänstnummer, telefonnummer do not.
const REFERENCE_STEMS = new Set([
  'order',
  'kund',
  'referens',
  'ref',
  'ocr',
  'ocr-',
  'artikel',
  'art',
  'art.',
  'post',
  'faktura',
  'ärende',
  'ärendes',
  'boknings',
  'medlems',
  'person',
  'konto',
  'clearing',
  'bankgiro',
  'plusgiro',
  'org',
  'org.',
  'organisations',
  'moms',
  'paket',
  'kolli',
  'sändnings',
  'spårnings',
  'serie',
  'produkt',
  'transaktions',
  'kvitto',
  'biljett',
  'verifikations',
  'registrerings',
  'reg',
  'reg.',
  'lägenhets',
  'avi',
  'id',
  'order ',
  'customer ',
  'reference ',
  'invoice ',
  'tracking ',
  'account ',
])
const REFERENCE_WORDS = new Set([
  'ocr',
  'ref',
  'ref.',
  'referens',
  'reference',
  'id',
  'kod',
  'koden',
  'pin',
  'order',
  'faktura',
  'kvitto',
  'sku',
  'iban',
  'bg',
  'pg',
  'bankgiro',
  'plusgiro',
  'ordernr',
  'kundnr',
  'artnr',
  'orgnr',
  'postnr',
])
const REFERENCE_SUFFIX = /(?:-?nummer|-?nr\.?|number|no\.?)$/
const TIME_WORDS = new Set(['kl', 'kl.', 'klockan', 'mellan', 'från', 'till'])
const DATE_WORDS = new Set(['datum', 'den', 'date', 'dag'])
// Words that introduce an amount. Not "kr": "249 kr 046-28 52 900" ends one amount and starts a number.
const AMOUNT_WORDS = new Set(['pris', 'priset', 'summa', 'summan', 'belopp', 'beloppet', 'totalt'])
const VERSION_WORDS = new Set(['version', 'v', 'ver', 'ver.', 'v.'])

const TIME = /^\d{1,2}[.:]\d{2}(?:\s?[-–]\s?\d{1,2}(?:[.:]\d{2})?)?$/
const DATES = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$/,
  /^\d{1,2}\/\d{1,2}$/,
]
const COMPACT_DATE = /^(?:19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/
const DECIMAL_AMOUNT = /^\d+(?:[ .\u00a0]\d{3})*[.,]\d{1,2}$/
const VERSION = /^\d{1,2}\.\d{1,3}\.\d{1,3}$/
const UNIT_AFTER =
  /^\s?(?:%|procent|kr\b|kronor|sek\b|:-|€|eur\b|usd\b|\$|st\b|stycken|min\b|minuter|timmar|dagar|mm\b|cm\b|kg\b|gb\b|mb\b)/

// "Org.nr", "Tel.nr", "Art.nr:": Swedish abbreviations of "…nummer" that the public suffix
// list would read as domains under .nr (Nauru). Only these words: jemfix.nr is a domain.
const NUMBER_ABBREVIATION =
  /^(?:org|tel|telefon|mobil|mob|fax|art|artikel|kund|order|best|fakt|faktura|reg|pers|person|konto|clearing|bg|pg|ref|avi|ocr|lgh|medl|ärende|serie|prod|kvitto|paket|kolli|post|id)\.nr\.?$/i

/** True for a word such as "Org.nr" or "Tel.nr", which is an abbreviation and not a domain. */
export function isNumberAbbreviation(piece: string): boolean {
  return NUMBER_ABBREVIATION.test(piece)
}

// A number grouped the way Swedish phone numbers are written: an area code with its trunk 0
// and a hyphen (070-174 06 10, 046-28 52 900), or a country code (+46 70-174 06 10), then
// groups of two or three digits. References are not written so (OCR 0123 4567 89).
const PHONE_GROUPING =
  /^(?:0\d{1,3}[-–]|\+\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{1,3}[ -])\d{2,3}(?:[ -]\d{2,3}){1,3}$/

function isReferenceWord(word: string): boolean {
  if (REFERENCE_WORDS.has(word)) return true
  const stem = word.replace(REFERENCE_SUFFIX, '')
  return stem !== word && REFERENCE_STEMS.has(stem)
}

/**
 * What a number is, from how it is written, the word before it and what follows it: a
 * reference (ordernummer 4471190), a time (14.30, 8.00-17.00), a date (2026-03-04,
 * 04.03.2026, 20260301), an amount (249.90, 1 500 kr), a percentage, a version (1.2.3), or
 * something that may be a phone number.
 */
export function numberMeaning(
  written: string,
  wordBefore: string | null,
  after: string,
): NumberMeaning {
  const word = wordBefore ?? ''
  const following = after.toLowerCase()
  // "Faktura: 070-174 06 10" in a list of departments is a number to call.
  if (isReferenceWord(word) && !PHONE_GROUPING.test(written)) return 'reference'
  if (/^\s?(?:%|procent)/.test(following)) return 'percent'
  if (UNIT_AFTER.test(following)) return 'amount'
  if (VERSION_WORDS.has(word)) return 'version'
  if (TIME_WORDS.has(word) && digitsIn(written) <= 4) return 'time'
  if (DATE_WORDS.has(word)) return 'date'
  if (AMOUNT_WORDS.has(word)) return 'amount'
  if (TIME.test(written)) return 'time'
  if (DATES.some((d) => d.test(written)) || COMPACT_DATE.test(written)) return 'date'
  if (VERSION.test(written)) return 'version'
  if (DECIMAL_AMOUNT.test(written)) return 'amount'
  return 'phone-like'
}

function digitsIn(text: string): number {
  return text.replace(/\D/g, '').length
}

/** A stretch of digits and the separators people write numbers with. */
export interface NumberRun {
  text: string
  start: number
  /** Offsets in `text` where a digit group starts (after a separator). */
  groupStarts: number[]
}

const WORD_CHAR = /[\p{L}\p{N}_@]/u
// "046 - 28 52 900": up to three separators in a row.
const MAX_SEPARATORS = 3
const NEXT_DIGIT = /[+(]?\d/g

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Space, no-break space, . - – / ( ): what people put between the digits of a number. */
function isSeparatorCode(code: number): boolean {
  return (
    code === 32 ||
    code === 0xa0 ||
    code === 46 ||
    code === 45 ||
    code === 0x2013 ||
    code === 47 ||
    code === 40 ||
    code === 41
  )
}

/** True after "04:" or "1,": position i continues a number written with : or , inside it. */
function continuesANumber(text: string, i: number): boolean {
  return i >= 2 && /[.,:/\-–]/.test(text[i - 1]!) && isDigitCode(text.charCodeAt(i - 2))
}

/**
 * Every run of digits and separators that does not start or end inside a word, in one
 * pass. A run ends at anything else, at four separators in a row, or where a span in
 * `skip` (the links and addresses already read) begins.
 */
export function numberRuns(
  text: string,
  skip: readonly (readonly [number, number])[] = [],
): NumberRun[] {
  const runs: NumberRun[] = []
  let skipped = 0
  let nextSkip = skip[0]?.[0] ?? Number.POSITIVE_INFINITY
  let i = 0
  while (i < text.length) {
    if (i >= nextSkip) {
      i = Math.max(i, skip[skipped]![1])
      skipped++
      nextSkip = skip[skipped]?.[0] ?? Number.POSITIVE_INFINITY
      continue
    }
    // Jump to the next digit, or + or ( before one, with the regex engine.
    NEXT_DIGIT.lastIndex = i
    const found = NEXT_DIGIT.exec(text)
    if (!found) break
    if (found.index !== i) {
      i = found.index
      continue
    }
    const code = text.charCodeAt(i)
    if ((i > 0 && WORD_CHAR.test(text[i - 1]!)) || continuesANumber(text, i)) {
      i++
      continue
    }
    const groupStarts = [0]
    let end = i + 1
    let lastDigit = isDigitCode(code) ? i + 1 : i
    let separators = 0
    for (let j = i + 1; j < text.length && j < nextSkip; j++) {
      const d = text.charCodeAt(j)
      if (isDigitCode(d)) {
        if (separators > 0) groupStarts.push(j - i)
        separators = 0
        lastDigit = j + 1
      } else if (isSeparatorCode(d) && separators < MAX_SEPARATORS) {
        separators++
      } else {
        break
      }
      end = j + 1
    }
    if (lastDigit > i && !WORD_CHAR.test(text[lastDigit] ?? '')) {
      runs.push({
        text: text.slice(i, lastDigit),
        start: i,
        groupStarts: groupStarts.filter((g) => g < lastDigit - i),
      })
    }
    i = Math.max(end, i + 1)
  }
  return runs
}

/** The word before a position (skipping spaces and : # . - ( ), lowercased, or null. */
export function wordBefore(text: string, position: number): string | null {
  let i = position
  const floor = Math.max(0, position - 40)
  while (i > floor && /[\s:#(\-–]/.test(text[i - 1]!)) i--
  const end = i
  while (i > floor && /[\p{L}.-]/u.test(text[i - 1]!)) i--
  const word = text
    .slice(i, end)
    .toLowerCase()
    .replace(/^[.-]+/, '')
  return word === '' ? null : word
}
