import {
  type ContactCandidate,
  type ContactIndex,
  companiesNamedIn,
  extractContacts,
  type JudgedFinding,
  judgeCandidate,
  mergeFindings,
} from '../check'
import { platformMentions } from '../check/handles'
import {
  buildNameKeys,
  companiesStartingWith,
  MAX_COMPANIES,
  type NameKeys,
} from './company-prefixes'
import { accountCandidates } from './query-candidates'

/** Characters of a query that are read; the routes refuse longer ones. */
export const QUERY_MAX = 200

/** The checker's index and the sorted company names, built once when the records load. */
export interface LookupIndex {
  contacts: ContactIndex
  names: NameKeys
}

export function buildLookupIndex(contacts: ContactIndex): LookupIndex {
  return { contacts, names: buildNameKeys(contacts) }
}

/** What a query holds, judged; no words yet (see lookupAnswer and presentFinding). */
export interface Lookup {
  /** The query as read: trimmed, at most QUERY_MAX characters. */
  query: string
  /** One per contact point, judged exactly as the checker judges it, in the order written. */
  findings: JudgedFinding[]
  /** Companies the query names, or whose name it begins (slugs, the whole name first). */
  companies: string[]
}

/** A word written like an account or an address (jemfix_sverige, a.b, @x, x/y): no name. */
const ACCOUNT_LIKE = /^@|[_/@:]|\.[\p{L}\p{N}]/u

/**
 * The words of the query that may name a company, the rest blanked out, offsets unchanged:
 * a link, an address or an account that spells a company's name does not name the company.
 */
function nameWords(query: string, candidates: readonly ContactCandidate[]): string {
  let text = query.replace(/\S+/g, (word) =>
    ACCOUNT_LIKE.test(word) ? ' '.repeat(word.length) : word,
  )
  for (const { value, evidence } of candidates) {
    if (query.startsWith(value, evidence.at)) {
      text = `${text.slice(0, evidence.at)}${' '.repeat(value.length)}${text.slice(evidence.at + value.length)}`
    }
  }
  return text
}

/**
 * Looks up a search query (a number in any format, a domain, link or e-mail address, a
 * handle, a company name or alias, or several of them) with the checker's own stages:
 * extractContacts, judgeCandidate, mergeFindings. Unlike a message, a query claims no
 * company, so nothing is "not the company's" for being unknown, and no warning signs are
 * read.
 */
export function lookup(index: LookupIndex, query: string): Lookup {
  const text = query.slice(0, QUERY_MAX).trim()
  // A query that names an app no record lists (Telegram, WhatsApp…) asks about an account
  // there: looking its name up on every platform would answer "official" for another one.
  const onUnlistedApp = platformMentions(text).platforms.includes('unlisted')
  // Otherwise the checker's reading of an @account with no listed platform (an unknown
  // platform) gives way to looking it up on every platform (accountCandidates).
  const extracted = extractContacts(text).candidates.filter(
    (c) =>
      onUnlistedApp || !(c.kind === 'handle' && c.platform === null && c.written === 'at-sign'),
  )
  const words = nameWords(text, extracted)
  const startingWith = companiesStartingWith(index.names, words)
  const accounts = onUnlistedApp
    ? []
    : accountCandidates(index.contacts, text, extracted, startingWith.length > 0)
  // In the order written; a word read both ways (jemfix.se) keeps the checker's reading first.
  const candidates = [...extracted, ...accounts].sort((a, b) => a.evidence.at - b.evidence.at)
  const judged = candidates.flatMap((candidate) => {
    const judgment = judgeCandidate(index.contacts, candidate)
    return judgment ? [{ candidate, judgment }] : []
  })
  const named = companiesNamedIn(index.contacts, nameWords(words, accounts))
  return {
    query: text,
    findings: mergeFindings(judged),
    companies: [...new Set([...startingWith, ...named])].slice(0, MAX_COMPANIES),
  }
}
