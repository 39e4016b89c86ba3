import { nameTokens } from '../check/company-names'
import {
  IMPERSONATION_FRAMES,
  INDEFINITE,
  LEADING_FILLERS,
  LOWERCASE_NAME,
  MODIFIERS,
  NAME_STOPS,
  NAME_USED_FRAMES,
  SELF_REFERENCES,
  WARNER_FRAMES,
} from './signals'

/** A company an article says is impersonated. */
export interface CompanyFound {
  /** The name as compared: "jem & fix", "Jem och Fix" and "jemfix" share one key. */
  key: string
  /** As the article spells it mid-sentence (or as it says the company writes it). */
  name: string
  /** The sentence that says it is impersonated (or that it warns, when that says so). */
  evidence: string
  /** Finds the company in a text, also in the genitive ("Provbutikens", "jem & fix:s"). */
  mention: RegExp
  /** The article says the company itself warns ("jem & fix varnar"). */
  warns: boolean
}

/** What a phrase after "utger sig för att vara" names. */
type Named = { kind: 'name'; text: string } | { kind: 'self' }

/** A company name as compared across spellings. */
export function companyKey(name: string): string {
  return nameTokens(name)
    .filter((token) => token !== '&')
    .join('')
}

const CONJUNCTIONS = new Set(['och', 'eller', 'samt'])

/** The part of a phrase that may be names: up to punctuation or a word no name holds. */
function namePart(phrase: string): string[] {
  const cut = phrase.split(/[,;:()–—"”“«»]|\.\s/u)[0] ?? ''
  const tokens: string[] = []
  for (const raw of cut.trim().split(/\s+/)) {
    const token = raw.replace(/[.!?]+$/u, '')
    const lower = token.toLowerCase()
    if (!token || (NAME_STOPS.has(lower) && !CONJUNCTIONS.has(lower))) break
    tokens.push(token)
  }
  return tokens
}

/** One name of a phrase: "lågprisbyggmarknaden jem & fix" → jem & fix; "företaget" → self. */
function nameOf(words: string[], atSentenceStart: boolean): Named | null {
  const tokens = [...words]
  while (tokens.length > 0 && LEADING_FILLERS.has(tokens[0]!.toLowerCase())) tokens.shift()
  if (tokens.length === 0 || INDEFINITE.has(tokens[0]!.toLowerCase())) return null
  while (tokens.length > 1 && MODIFIERS.has(tokens[0]!.toLowerCase())) tokens.shift()
  // A noun in the definite form before the name describes it: "nätbutiken Provbutiken".
  const first = tokens[0]!
  const describes = /^\p{L}{5,}(?:en|et|na|an)$/iu.test(first)
  if (tokens.length > 1 && describes && (/^\p{Ll}/u.test(first) || atSentenceStart)) tokens.shift()
  if (tokens.length === 1 && SELF_REFERENCES.test(tokens[0]!)) return { kind: 'self' }
  const text = tokens.join(' ')
  const nameShaped = /(?:^|\s)[\p{Lu}\p{N}]/u.test(text) || tokens.includes('&')
  return tokens.length <= 4 && nameShaped ? { kind: 'name', text } : null
}

/** The names a phrase holds: "Både Exempelbolaget och Lagerlådan" → both. */
function namesIn(phrase: string, atSentenceStart: boolean): Named[] {
  const parts: string[][] = [[]]
  for (const token of namePart(phrase)) {
    if (CONJUNCTIONS.has(token.toLowerCase())) parts.push([])
    else parts.at(-1)!.push(token)
  }
  return parts.flatMap((part) => {
    const named = part.length > 0 ? nameOf(part, atSentenceStart) : null
    return named ? [named] : []
  })
}

/** Drops a leading dash or quote of a quoted sentence: "– Vi ber dig …". */
export function withoutQuoteMark(text: string): string {
  return text.replace(/^[–—\-"”“„«»\s]+/u, '')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A regular expression that finds a name however its "&" is written, also in the genitive;
 * group 1 is the name as written.
 */
export function mentionOf(name: string): RegExp {
  const body = name
    .trim()
    .split(/\s*&\s*/)
    .map((side) => side.split(/\s+/).map(escapeRegExp).join(String.raw`\s+`))
    .join(String.raw`\s*(?:&|och|o)\s*`)
  // Not inside an address or domain: "provbutiken" in @provbutiken.example.com is no mention.
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}@./_-])(${body})(?::s|s)?(?![\p{L}\p{N}@_-]|\.[\p{L}\p{N}])`,
    'giu',
  )
}

/** Finds the name in the genitive only ("Ödlas webbplats"); not global, so test() is safe. */
export function genitiveMention(name: string): RegExp {
  const { source } = mentionOf(name)
  return new RegExp(source.replace('(?::s|s)?', '(?::s|s)'), 'iu')
}

/**
 * The spelling to use: the most common one written mid-sentence (a sentence's first word is
 * capitalized whatever the company writes), lowercased when the article says the company
 * writes its name in small letters.
 */
function spellingOf(name: string, units: readonly string[]): string {
  const counts = new Map<string, number>()
  let lowercase = false
  for (const unit of units) {
    const text = withoutQuoteMark(unit)
    for (const match of text.matchAll(mentionOf(name))) {
      const spelling = match[1]!
      if (LOWERCASE_NAME.test(text) && match.index > 0) lowercase = true
      if (match.index > 0) counts.set(spelling, (counts.get(spelling) ?? 0) + 1)
    }
  }
  let best = name
  let most = 0
  for (const [spelling, count] of counts) {
    if (count > most) [best, most] = [spelling, count]
  }
  return lowercase ? best.toLocaleLowerCase('sv') : best
}

/**
 * The companies an article says are impersonated: named after "utger sig för att vara",
 * "påstår sig vara", "låtsas vara" or "i …s namn", or, when those point back ("utger sig för
 * att vara företaget", "dem"), the companies it says warn ("X varnar", "Det är X som
 * varnar"). `units` are the title and the sentences, in order. Also says whether the
 * article speaks of impersonation at all.
 */
export function findCompanies(units: readonly string[]): {
  companies: CompanyFound[]
  impersonation: boolean
} {
  const named: { text: string; evidence: string }[] = []
  const warners: { text: string; evidence: string }[] = []
  let pointsBack = false
  let impersonation = false
  const take = (found: Named[], evidence: string) => {
    for (const item of found) {
      if (item.kind === 'self') pointsBack = true
      else named.push({ text: item.text, evidence })
    }
  }
  for (const unit of units) {
    const text = withoutQuoteMark(unit)
    for (const frame of IMPERSONATION_FRAMES) {
      for (const match of text.matchAll(frame)) {
        impersonation = true
        take(namesIn(text.slice(match.index + match[0].length), false), unit)
      }
    }
    for (const frame of NAME_USED_FRAMES) {
      for (const match of text.matchAll(frame)) {
        impersonation = true
        take(namesIn(match[1]!, false), unit)
      }
    }
    for (const frame of WARNER_FRAMES) {
      const match = frame.exec(text)
      if (!match) continue
      for (const item of namesIn(match[1]!, match.index === 0)) {
        if (item.kind === 'name') warners.push({ text: item.text, evidence: unit })
      }
    }
  }
  const chosen = [...named, ...(pointsBack ? warners : [])]
  const warning = new Set(warners.map((warner) => companyKey(warner.text)))
  const companies = new Map<string, CompanyFound>()
  for (const { text, evidence } of chosen) {
    const key = companyKey(text)
    if (key.length < 2 || companies.has(key)) continue
    const name = spellingOf(text, units)
    companies.set(key, { key, name, evidence, mention: mentionOf(name), warns: warning.has(key) })
  }
  return { companies: [...companies.values()], impersonation }
}
