import type { SocialPlatform } from '../alert-schema'
import type { ContactCandidate, Evidence, Host } from './candidate-types'
import { extractContacts } from './candidates'
import { HANDLE, handleAfterPlatform, platformOfWord } from './handles'
import { LIMITS } from './limits'
import { readLink } from './links'
import { type Token, tokenize } from './tokens'

/** "Våra e-postadresser slutar på @jemfix.com": a domain stated as the end of every address. */
export interface EmailDomainCandidate {
  kind: 'email-domain'
  /** As written, with its @. */
  value: string
  host: Host
  evidence: Evidence
}

/** A contact point of an article: the checker's candidates, and e-mail domains. */
export type ArticleCandidate = ContactCandidate | EmailDomainCandidate

/**
 * Words that may stand between a platform and the account an article names: "På Facebook
 * heter företaget jemofixsverige", "Instagram-kontot heter vi …". Wider than the checker's
 * list, because an article names the company by a noun where a message says "vi".
 */
const NAMING_WORDS = new Set([
  'heter',
  'som',
  'är',
  'vi',
  'de',
  'dom',
  'oss',
  'företaget',
  'bolaget',
  'kedjan',
  'banken',
  'butiken',
  'kontot',
  'konto',
  'namnet',
  'användarnamnet',
  'sidan',
  'profilen',
])
/** Of those, the ones that say a name follows; a plain word needs one of them (or a colon). */
const NAMING_VERBS = new Set(['heter', 'namnet', 'användarnamnet', 'kontot', 'konto'])
const MAX_NAMING_WORDS = 3
const EMAIL_WORDS = /e-?post|epost|mejl|e-?mail|mail/giu

/** The platform an account after token i is named on: "På Instagram heter vi X", "Facebook: X". */
function platformNaming(
  text: string,
  tokens: readonly Token[],
  i: number,
): { platform: SocialPlatform; named: boolean } | null {
  let named = false
  for (let back = i - 1; back >= 0 && i - back <= MAX_NAMING_WORDS + 1; back--) {
    const token = tokens[back]!
    const platform = platformOfWord(token.text)
    if (platform) return { platform, named: named || text[token.end] === ':' }
    const word = token.text.toLowerCase()
    if (!NAMING_WORDS.has(word)) return null
    named ||= NAMING_VERBS.has(word)
  }
  return null
}

/** The last of some ascending positions that is before `at`, or -1. */
function lastBefore(positions: readonly number[], at: number): number {
  let [low, high] = [0, positions.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (positions[middle]! < at) low = middle + 1
    else high = middle
  }
  return low > 0 ? positions[low - 1]! : -1
}

/**
 * Which was written nearer before a position, a word about e-mail or a platform: found once
 * per sentence, so a sentence of many addresses costs no more than one pass.
 */
function emailOrPlatform(text: string, tokens: readonly Token[]) {
  const emails = [...text.matchAll(EMAIL_WORDS)].map((match) => match.index)
  const platforms = tokens.filter((token) => platformOfWord(token.text)).map((t) => t.start)
  return (at: number) => lastBefore(emails, at) > lastBefore(platforms, at)
}

function evidenceAt(token: Token, platformNamed: SocialPlatform | null): Evidence {
  return {
    source: 'text',
    at: token.start,
    scheme: null,
    wordBefore: token.wordBefore?.toLowerCase() ?? null,
    platformNamed,
  }
}

/** An "@jemfix.com" token read as an e-mail domain, or null. */
function emailDomainOf(token: Token): EmailDomainCandidate | null {
  if (!token.text.startsWith('@')) return null
  const link = readLink(token.text.slice(1))
  if (link?.kind !== 'domain' || link.host.type !== 'name') return null
  return {
    kind: 'email-domain',
    value: token.text,
    host: link.host,
    evidence: evidenceAt(token, null),
  }
}

/** A handle needs a letter: "FB 28" (a photo credit and a date) names no account. */
const hasLetter = (handle: string) => /\p{L}/u.test(handle)

/**
 * The contact points of one sentence of an article: the checker's extraction (stage 1 of
 * the pipeline, unchanged), read the way an article states contacts rather than the way a
 * message carries them. An article writes an e-mail domain as "@jemfix.com" (read as an
 * e-mail domain when the nearer word before it is about e-mail rather than a platform),
 * names accounts with a noun ("På Facebook heter företaget jemofixsverige"), and writes
 * accounts that look like domains ("på Instagram jemfix.se": an account, not a site). A
 * plain word after a platform counts only when a naming word says so ("heter", a colon),
 * and a handle must hold a letter. Bounded like the checker: the first LIMITS.textChars
 * characters, LIMITS.candidates contact points.
 */
export function extractArticleContacts(text: string): ArticleCandidate[] {
  // The checker's bounds: the text it reads, and the contact points it returns.
  const sentence = text.slice(0, LIMITS.textChars)
  const tokens = tokenize(sentence)
  const tokenAt = new Map(tokens.map((token, i) => [token.start, i]))
  const nearerIsEmail = emailOrPlatform(sentence, tokens)
  const byPlace = new Map<number, ArticleCandidate>()
  for (const candidate of extractContacts(sentence).candidates) {
    const i = tokenAt.get(candidate.evidence.at)
    const token = i === undefined ? undefined : tokens[i]
    const naming = i === undefined ? null : platformNaming(sentence, tokens, i)
    if (token?.text.startsWith('@') && nearerIsEmail(token.start)) {
      const domain = emailDomainOf(token)
      if (domain) {
        byPlace.set(token.start, domain)
        continue
      }
    }
    if (candidate.kind === 'domain' && naming && HANDLE.test(candidate.value)) {
      byPlace.set(candidate.evidence.at, {
        kind: 'handle',
        value: candidate.value,
        platform: naming.platform,
        handle: candidate.value,
        written: 'after-platform-name',
        evidence: { ...candidate.evidence, platformNamed: naming.platform },
      })
      continue
    }
    if (candidate.kind === 'handle') {
      if (!hasLetter(candidate.handle)) continue
      if (candidate.written === 'plain-word' && !naming?.named) continue
    }
    byPlace.set(candidate.evidence.at, candidate)
  }
  tokens.forEach((token, i) => {
    if (byPlace.has(token.start) || byPlace.size >= LIMITS.candidates) return
    const domain = emailDomainOf(token)
    if (domain) {
      byPlace.set(token.start, domain)
      return
    }
    const naming = platformNaming(sentence, tokens, i)
    const written = naming?.named ? handleAfterPlatform(token.text) : null
    if (!naming || !written || !hasLetter(token.text)) return
    byPlace.set(token.start, {
      kind: 'handle',
      value: token.text,
      platform: naming.platform,
      handle: HANDLE.exec(token.text)![1]!,
      written,
      evidence: evidenceAt(token, naming.platform),
    })
  })
  return [...byPlace.values()].sort((a, b) => a.evidence.at - b.evidence.at)
}
