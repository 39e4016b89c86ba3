import { toE164 } from '../phone'
import { LIMITS } from './limits'
import type { MappedText } from './mapped-text'
import {
  type NumberMeaning,
  type NumberRun,
  numberMeaning,
  numberRuns,
  wordBefore,
} from './numbers'
import { numberText } from './plain-text'

export interface PhoneFound {
  value: string
  e164: string
  start: number
  wordBefore: string | null
}

/**
 * The phone-number work of one message: counts the places tried and the libphonenumber
 * validations, remembers answers, and says when LIMITS stopped the search.
 */
export class PhoneBudget {
  private readonly answers = new Map<string, string | null>()
  private readonly meanings = new Map<string, NumberMeaning>()
  private used = 0
  private starts = 0
  exhausted = false

  /** Counts one place where a number might start; false once the limit is reached. */
  start(): boolean {
    if (++this.starts > LIMITS.phoneStarts) this.exhausted = true
    return !this.exhausted
  }

  meaning(written: string, before: string | null, after: string): NumberMeaning {
    const key = `${written}\u0000${before}\u0000${after}`
    let meaning = this.meanings.get(key)
    if (meaning === undefined) {
      meaning = spanMeaning(written, before, after)
      this.meanings.set(key, meaning)
    }
    return meaning
  }

  validate(written: string): string | null {
    const known = this.answers.get(written)
    if (known !== undefined) return known
    if (this.used >= LIMITS.phoneParses) {
      this.exhausted = true
      return null
    }
    this.used++
    const e164 = toE164(written)
    this.answers.set(written, e164)
    return e164
  }
}

// Written with a trunk 0, a number has 8–11 digits (08-123 45 to 0771-123 45 67); with + or
// 00 and a country code, at most 15 digits plus the 00.
const NATIONAL_DIGITS = [8, 11] as const
const INTERNATIONAL_DIGITS = [8, 17] as const

/**
 * People write a phone number with its trunk 0 (046-28 52 900), or with + or 00 and a country
 * code. A number without either (4471190) is not a phone number in Swedish writing, even
 * when libphonenumber could read it as one.
 */
function digitBounds(text: string, at: number): readonly [number, number] | null {
  const first = text[at] === '(' ? text[at + 1] : text[at]
  if (text[at] === '+' || text.startsWith('00', at)) return INTERNATIONAL_DIGITS
  return first === '0' ? NATIONAL_DIGITS : null
}

/**
 * True when a number may end at `end` of the text: at a space or the end, or at punctuation
 * that ends a sentence or clause, but not inside a word such as 52.900, 28-52 or 0,00.
 */
function endsAWord(text: string, end: number): boolean {
  const next = text[end]
  if (next === undefined || /\s/.test(next)) return true
  // Also an ellipsis or a dash glued on ("070-174 06 10– dygnet runt"), the # that ends a
  // call-forwarding code (*21*0701740610#), and the * of emphasis (**070-174 06 10**).
  if (!/[).,;:!?"'»”\]…–—#*-]/.test(next)) return false
  const after = text[end + 1] ?? ''
  // A letter after , ; ! ? ends the number too ("…06 10,ring"), as an SMS typed without a
  // space after punctuation; after . - : it may be inside a word or name.
  return /[,;!?]/.test(next) ? !/\p{N}/u.test(after) : !/[\p{L}\p{N}]/u.test(after)
}

/**
 * What a would-be number is: what numberMeaning says of the whole, unless one of its words
 * is a time, date or amount of its own (the 11.00-19.00 in "kl 0 11.00-19.00"): two ordinary
 * numbers side by side make no phone number.
 */
function spanMeaning(written: string, before: string | null, after: string): NumberMeaning {
  const whole = numberMeaning(written, before, after)
  if (whole !== 'phone-like') return whole
  const words = written.split(/\s+/)
  for (let i = 0; i < words.length; i++) {
    const bare = words[i]!.replace(/^[+(]+/, '')
    // Words with separators inside (11.00-19.00), or eight digits that make a date (19900101).
    if (!/\D/.test(bare) && bare.length !== 8) continue
    const meaning = numberMeaning(bare, i === 0 ? before : null, '')
    // Whether the word before names a reference was settled for the whole number above.
    if (meaning !== 'phone-like' && meaning !== 'reference') return meaning
  }
  return 'phone-like'
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

/** End (after its last digit) and digit count of each digit group of a run, in one pass. */
function groupsOf(run: NumberRun): { start: number; end: number; digits: number }[] {
  return run.groupStarts.map((start, k) => {
    const limit = run.groupStarts[k + 1] ?? run.text.length
    let end = start
    let digits = 0
    for (let i = start; i < limit; i++) {
      if (isDigit(run.text[i])) {
        digits++
        end = i + 1
      }
    }
    return { start, end, digits }
  })
}

/**
 * The phone numbers of one run. `view` is the readable text (numberText) the run was found
 * in; `written` is the text as written, from which values are cut.
 */
function phonesInRun(
  view: MappedText,
  written: string,
  run: NumberRun,
  budget: PhoneBudget,
  found: PhoneFound[],
) {
  const text = view.text
  const groups = groupsOf(run)
  let resumeAt = 0
  for (let g = 0; g < groups.length && !budget.exhausted; g++) {
    const start = groups[g]!.start
    if (start < resumeAt) continue
    const opener = start > 0 && run.text[start - 1] === '(' ? start - 1 : start
    // A number starts a word: "12.03 046…" holds no number starting at 03.
    if (opener > 0 && !/\s/.test(run.text[opener - 1]!)) continue
    const bounds = digitBounds(run.text, opener)
    if (!bounds || !budget.start()) continue
    const before = wordBefore(text, run.start + opener)
    const ends: number[] = []
    let digits = 0
    for (let k = g; k < groups.length; k++) {
      digits += groups[k]!.digits
      if (digits > bounds[1]) break
      const end = groups[k]!.end
      if (digits >= bounds[0] && endsAWord(text, run.start + end)) ends.push(end)
    }
    for (const end of ends.reverse()) {
      const number = run.text.slice(opener, end)
      const after = text.slice(run.start + end, run.start + end + 12)
      if (budget.meaning(number, before, after) !== 'phone-like') continue
      const e164 = budget.validate(number)
      if (!e164) continue
      const start = view.writtenAt(run.start + opener)
      const value = written.slice(start, view.writtenAt(run.start + end))
      found.push({ value, e164, start, wordBefore: before })
      resumeAt = end
      break
    }
  }
}

/**
 * Phone numbers in a text: numbers written like phone numbers, that are not a reference,
 * time, date, amount, percentage or version, and that libphonenumber-js validates
 * (Swedish region by default). Read as the reader sees them: fullwidth, circled and
 * mathematical digits, an O among digits, typographic hyphens and spaces, and invisible
 * characters between the digits do not hide a number (numberText); each value is as written. Digits inside the `skip` spans (links and
 * addresses already read, in order) are not read.
 */
export function findPhones(
  text: string,
  budget: PhoneBudget,
  skip: readonly (readonly [number, number])[] = [],
): PhoneFound[] {
  const found: PhoneFound[] = []
  const view = numberText(text)
  const spans = skip.map(([s, e]) => [view.mappedAt(s), view.mappedAt(e)] as const)
  for (const run of numberRuns(view.text, spans)) {
    if (budget.exhausted) break
    phonesInRun(view, text, run, budget, found)
  }
  return found
}
