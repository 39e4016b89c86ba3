import {
  FAKE_WORDS,
  NEGATIONS,
  OFFICIAL_WORDS,
  ONLY_THAN,
  ONLY_WORDS,
  PHONE_PURPOSES,
} from './signals'

/** Whose a contact in an article is, as far as its sentence says. */
export type ContactRole = 'official' | 'fake' | 'unclear'

/** A span of a sentence: [start, end). */
export interface Span {
  start: number
  end: number
}

/** Clauses of a sentence: cut at commas, semicolons, spaced dashes and och / men / medan. */
function clausesOf(sentence: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const match of sentence.matchAll(/[,;]|\s[–—]\s|\s(?:och|men|medan|samt)\s/gu)) {
    spans.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  spans.push({ start, end: sentence.length })
  return spans
}

/** The sentence with the contacts themselves blanked out: "bluff-rea.example" is no fake word. */
function blanked(sentence: string, contacts: readonly Span[]): string {
  const parts: string[] = []
  let from = 0
  for (const { start, end } of [...contacts].sort((a, b) => a.start - b.start)) {
    if (start < from) continue
    parts.push(sentence.slice(from, start), ' '.repeat(end - start))
    from = end
  }
  parts.push(sentence.slice(from))
  return parts.join('')
}

/** What a clause's words say: official, fake, both or negated (unclear), or nothing (null). */
function roleOfClause(text: string, ownGenitive: RegExp | null): ContactRole | null {
  const official = OFFICIAL_WORDS.test(text) || (ownGenitive?.test(text) ?? false)
  const fake = FAKE_WORDS.test(text)
  if (official && !fake && !NEGATIONS.test(text)) return 'official'
  if (fake && !official) return 'fake'
  return official || fake ? 'unclear' : null
}

/**
 * Reads whose each contact of one sentence is, from the words of its clause: "alltid",
 * "endast", "heter", "deras", "Provbutikens" make it the company's; "falska", "bedragarna"
 * the scammers'; both, or the company's words denied ("ringer aldrig från"), leave it
 * unclear. A clause without such words takes the role of the clause before it ("På
 * Facebook heter företaget X och på Instagram Y"). The contacts themselves are blanked out
 * and the clauses found once per sentence.
 */
export function sentenceRoles(sentence: string, contacts: readonly Span[]) {
  const text = blanked(sentence, contacts)
  const clauses = clausesOf(text)
  /** `ownGenitive` finds the owner's name in the genitive ("Ödlas webbplats"). */
  return (at: number, ownGenitive: RegExp | null): ContactRole => {
    const index = clauses.findIndex((clause) => at >= clause.start && at < clause.end)
    const own = clauses[index]
    if (!own) return 'unclear'
    if (ONLY_THAN.test(text.slice(own.start, at))) return 'official'
    for (let i = index; i >= 0; i--) {
      const role = roleOfClause(text.slice(clauses[i]!.start, clauses[i]!.end), ownGenitive)
      if (role) return role
    }
    return 'unclear'
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
