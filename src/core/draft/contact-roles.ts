import { isWithin, type Span } from './quotes'
import {
  ATTRIBUTION_OPENING,
  CONTRAST,
  FAKE_WORDS,
  NEGATIONS,
  OFFICIAL_WORDS,
  ONLY_THAN,
  ONLY_WORDS,
  PHONE_PURPOSES,
  SCAM_CONTEXT,
} from './signals'

export type { Span } from './quotes'

/**
 * Whose a contact in an article is, as far as its sentence says: the company's, the
 * scammers', or not settled: `unclear` (no words, both, or denied), `quoted` (inside a
 * quotation, which may be the scam's own words), `in-scam` (called the company's in a
 * sentence about the scam: "I sms:en uppmanas kunderna att ringa kundtjänst på …").
 */
export type ContactRole = 'official' | 'fake' | 'unclear' | 'quoted' | 'in-scam'

/** A clause and whether it opens with a contrast ("…, men …"), which ends what came before. */
interface Clause extends Span {
  contrast: boolean
}

/** Clauses of a sentence: cut at commas, semicolons, spaced dashes and och / men / medan. */
function clausesOf(sentence: string): Clause[] {
  const clauses: Clause[] = []
  let start = 0
  let contrast = false
  for (const match of sentence.matchAll(/[,;]|\s[–—]\s|\s(och|men|medan|samt)\s/gu)) {
    clauses.push({ start, end: match.index, contrast })
    start = match.index + match[0].length
    contrast = CONTRAST.test(match[1] ?? '') || CONTRAST.test(sentence.slice(start, start + 8))
  }
  clauses.push({ start, end: sentence.length, contrast })
  return clauses
}

/** The sentence with some spans blanked out: "bluff-rea.example" is no fake word. */
function blanked(sentence: string, spans: readonly Span[]): string {
  const parts: string[] = []
  let from = 0
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < from) continue
    parts.push(sentence.slice(from, start), ' '.repeat(end - start))
    from = end
  }
  parts.push(sentence.slice(from))
  return parts.join('')
}

/**
 * What a clause's words say: official, fake, both or negated (unclear), or nothing (null).
 * `own` is the clause without its quotes: a quote's "vår kundtjänst" is no statement of the
 * article's; `all` keeps them, so that a quote's "falska" still counts.
 */
function roleOfClause(own: string, all: string, ownGenitive: RegExp | null): ContactRole | null {
  const official = OFFICIAL_WORDS.test(own) || (ownGenitive?.test(own) ?? false)
  const fake = FAKE_WORDS.test(all)
  if (official && !fake && !NEGATIONS.test(all)) return 'official'
  if (fake && !official) return 'fake'
  return official || fake ? 'unclear' : null
}

/**
 * Reads whose each contact of one sentence is, from the words of its clause: "alltid",
 * "endast", "heter", "deras", "Provbutikens" make it the company's; "falska", "bedragarna"
 * the scammers'; both, or the company's words denied ("ringer aldrig från"), leave it
 * unclear. A clause without such words takes the role of the clause before it ("På
 * Facebook heter företaget X och på Instagram Y"). A contact is the company's only when the
 * stretch of the sentence it stands in (between "men"s) says nothing of the scam
 * (SCAM_CONTEXT: "i sms:en", "har blivit lurade", "ser ut att komma från") and it stands
 * outside any quotation. The contacts themselves are blanked out and the clauses found once
 * per sentence; `quoted` are the sentence's quoted spans.
 */
export function sentenceRoles(
  sentence: string,
  contacts: readonly Span[],
  quoted: readonly Span[],
) {
  const all = blanked(sentence, contacts)
  const own = blanked(all, quoted)
  const clauses = clausesOf(all)
  const inScam = scamBySegment(all, clauses)
  /** `ownGenitive` finds the owner's name in the genitive ("Ödlas webbplats"). */
  return (at: number, ownGenitive: RegExp | null): ContactRole => {
    if (isWithin(quoted, at)) return 'quoted'
    const index = clauses.findIndex((clause) => at >= clause.start && at < clause.end)
    const clause = clauses[index]
    if (!clause) return 'unclear'
    let from = index
    while (from > 0 && !clauses[from]!.contrast) from--
    const scam = inScam(from)
    const role = ONLY_THAN.test(own.slice(clause.start, at))
      ? 'official'
      : roleBack(index, from, ownGenitive)
    if (role === 'official' && scam) return 'in-scam'
    return role ?? (scam ? 'in-scam' : 'unclear')
  }

  /** The role of the nearest clause with words, back to the last contrast ("…, men …"). */
  function roleBack(index: number, from: number, ownGenitive: RegExp | null) {
    for (let i = index; i >= from; i--) {
      const { start, end } = clauses[i]!
      const role = roleOfClause(own.slice(start, end), all.slice(start, end), ownGenitive)
      if (role) return role
    }
    return null
  }
}

/**
 * Whether the stretch of a sentence between two contrasts ("…, men …"), given by its first
 * clause, is about the scam: SCAM_CONTEXT anywhere in it, or a clause that gives the words to
 * the scammers ("…, skriver bedragarna"). Read once per stretch, whatever the number of
 * contacts in it.
 */
function scamBySegment(text: string, clauses: readonly Clause[]) {
  const known = new Map<number, boolean>()
  return (first: number): boolean => {
    const cached = known.get(first)
    if (cached !== undefined) return cached
    let last = first
    while (last + 1 < clauses.length && !clauses[last + 1]!.contrast) last++
    let scam = SCAM_CONTEXT.test(text.slice(clauses[first]!.start, clauses[last]!.end))
    for (let i = first; i <= last && !scam; i++) {
      const clause = text.slice(clauses[i]!.start, clauses[i]!.end)
      scam = ATTRIBUTION_OPENING.test(clause) && FAKE_WORDS.test(clause)
    }
    known.set(first, scam)
    return scam
  }
}

/** The clause of a sentence that holds a position. */
export function clauseAt(sentence: string, at: number): string {
  const clause = clausesOf(sentence).find((c) => at >= c.start && at < c.end)
  return clause ? sentence.slice(clause.start, clause.end) : sentence
}

/**
 * The label of an official number, from what its clause says it is for: "ringa företagets
 * kundtjänst" → Kundtjänst; with "bara" or "endast", "Kundtjänst – det enda numret till
 * kundtjänst", which is what a reader must know.
 */
export function phoneLabel(sentence: string, at: number): string | undefined {
  const text = clauseAt(sentence, at)
  const purpose = PHONE_PURPOSES.find(([words]) => words.test(text))?.[1]
  if (!purpose) return undefined
  return ONLY_WORDS.test(text)
    ? `${purpose} – det enda numret till ${purpose.toLocaleLowerCase('sv')}`
    : purpose
}
