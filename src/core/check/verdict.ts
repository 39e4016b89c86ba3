import type { ContactCandidate } from './candidate-types'
import { nameTokens } from './company-names'
import type { ContactIndex } from './contact-index'
import type { Judgment } from './judge'
import type { Reason } from './reasons'
import { redFlagsOf, TOO_MUCH_TO_CHECK } from './red-flags'
import type { FindingKind, FindingPlace, FindingStatus, RedFlag, Verdict } from './verdict-types'

/** A contact point with its judgment and every place it was written. */
export interface JudgedFinding extends Judgment {
  /** As written where the judgment was made. */
  value: string
  places: FindingPlace[]
}

/** Stage 3 of the checker: the findings, the company and the verdict, before any wording. */
export interface Decision {
  verdict: Verdict
  company: string | null
  findings: JudgedFinding[]
  redFlags: RedFlag[]
}

const SEVERITY: Record<FindingStatus, number> = {
  official: 0,
  unknown: 1,
  'not-official': 2,
  lookalike: 3,
}

function withPlaces(judgment: Judgment, value: string, places: FindingPlace[]): JudgedFinding {
  const { kind, normalized, status, company, reason } = judgment
  return { kind, normalized, status, company, reason, value, places }
}

/**
 * One finding per contact point (kind and normalized value), in the order first written,
 * listing every place it appeared; where its places were judged differently, the most
 * serious judgment stands.
 */
export function mergeFindings(
  judged: readonly { candidate: ContactCandidate; judgment: Judgment }[],
): JudgedFinding[] {
  const byKey = new Map<string, JudgedFinding>()
  for (const { candidate, judgment } of judged) {
    const place = { source: candidate.evidence.source, value: candidate.value }
    const key = `${judgment.kind}\u0000${judgment.normalized}`
    const known = byKey.get(key)
    if (!known) {
      byKey.set(key, withPlaces(judgment, candidate.value, [place]))
      continue
    }
    if (!known.places.some((p) => p.source === place.source && p.value === place.value)) {
      known.places.push(place)
    }
    if (SEVERITY[judgment.status] > SEVERITY[known.status]) {
      byKey.set(key, withPlaces(judgment, candidate.value, known.places))
    }
  }
  return [...byKey.values()]
}

/** Companies named in the text, by name or alias, most mentioned first. */
export function companiesNamedIn(index: ContactIndex, text: string): string[] {
  const tokens = nameTokens(text)
  const counts = new Map<string, number>()
  for (let i = 0; i < tokens.length; i++) {
    for (const name of index.names.get(tokens[i]!) ?? []) {
      if (name.tokens.every((t, k) => tokens[i + k] === t)) {
        counts.set(name.slug, (counts.get(name.slug) ?? 0) + 1)
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([slug]) => slug)
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

/**
 * The company a message claims to be from: the one it names most (in the text or the
 * sender's name), else the one its official or imitated contact points belong to.
 */
export function claimedCompany(
  index: ContactIndex,
  findings: readonly JudgedFinding[],
  text: string,
): string | null {
  const named = companiesNamedIn(index, text)
  if (named[0]) return named[0]
  const byContacts = findings
    .filter((f) => f.company && (f.status === 'official' || f.status === 'lookalike'))
    .map((f) => f.company!)
  return mostCommon(byContacts)
}

/**
 * In a message that claims to be from a company, a contact point that is not the company's
 * is not official: an unknown one, and also one that is official for another company the
 * message does not name ("Hej från Exempelbolaget! Ring 046-28 52 900", jem & fix's number).
 * An SMS sender name stays unknown unless the company names its own: any company may send
 * under a name the records do not list.
 */
export function underClaim(
  index: ContactIndex,
  finding: JudgedFinding,
  slug: string,
  named: ReadonlySet<string> = new Set([slug]),
): JudgedFinding {
  const company = index.companies.get(slug)
  if (finding.status === 'not-official' && !finding.company) return { ...finding, company: slug }
  const othersOfficial =
    finding.status === 'official' && finding.company !== null && !named.has(finding.company)
  if (finding.status !== 'unknown' && !othersOfficial) return finding
  if (finding.kind === 'sender-id' && !othersOfficial) {
    if (!company || company.smsSenders.length === 0) return finding
    const name = finding.value
    const reason: Reason = { code: 'sender-id-unlisted', name, slug, listed: company.smsSenders }
    return { ...finding, status: 'not-official', company: slug, reason }
  }
  const reason: Reason = {
    code: 'not-the-company',
    slug,
    kind: finding.kind,
    inner: finding.reason,
  }
  return { ...finding, status: 'not-official', company: slug, reason }
}

/**
 * Kinds that, written as the sender, are a name anyone can set: an SMS sender name, one read as
 * a web address, or one read as a social account (a Messenger display name can be set to
 * "jemofixsverige" by anyone).
 */
const NAME_ONLY_AS_SENDER = new Set<FindingKind>(['sender-id', 'domain', 'url', 'handle'])

/**
 * The contact points that can vouch for a message: not an SMS sender name, nor a web address or
 * account name given only as the sender (a sender "jemfix.com" is an SMS sender name read as a
 * domain, or an account's display name), since anyone can send under any name.
 */
function vouchingContacts(findings: readonly JudgedFinding[]): JudgedFinding[] {
  return findings.filter(
    (f) =>
      f.kind !== 'sender-id' &&
      !(NAME_ONLY_AS_SENDER.has(f.kind) && f.places.every((p) => p.source === 'sender')),
  )
}

/**
 * The verdict: suspicious when any contact point is a lookalike or not official, or a
 * warning sign fires; official-contacts only when a company is recognized, the message
 * holds at least one contact point besides an SMS sender name or a web address given as the
 * sender (which anyone can fake), and every one is official; unknown otherwise.
 */
export function verdictOf(
  findings: readonly JudgedFinding[],
  redFlags: readonly RedFlag[],
  company: string | null,
): Verdict {
  if (redFlags.length > 0) return 'suspicious'
  if (findings.some((f) => f.status === 'lookalike' || f.status === 'not-official')) {
    return 'suspicious'
  }
  const contacts = vouchingContacts(findings)
  return company && contacts.length > 0 && contacts.every((f) => f.status === 'official')
    ? 'official-contacts'
    : 'unknown'
}

/**
 * The text with its links and addresses blanked out: a warning sign is something the
 * message says ("logga in"), not a word inside a link (jemfix.com/login).
 */
function withoutContacts(text: string, judged: readonly { candidate: ContactCandidate }[]): string {
  const parts: string[] = []
  let from = 0
  for (const { candidate } of judged) {
    const { source, at } = candidate.evidence
    const blank = source === 'text' && candidate.kind !== 'phone' && candidate.kind !== 'handle'
    if (!blank || at < from || !text.startsWith(candidate.value, at)) continue
    parts.push(text.slice(from, at), ' '.repeat(candidate.value.length))
    from = at + candidate.value.length
  }
  parts.push(text.slice(from))
  return parts.join('')
}

/**
 * The companies whose official contacts a message may give besides the claimed one's: those
 * it names in its words (not inside an address), such as a shop giving the maker's support
 * number. A message that names no company claims one only through its contacts, so each
 * company whose contacts it holds may lend them.
 */
function lenders(
  index: ContactIndex,
  findings: readonly JudgedFinding[],
  company: string,
  words: string,
): Set<string> {
  const named = companiesNamedIn(index, words)
  const owners = named.length > 0 ? named : findings.flatMap((f) => (f.company ? [f.company] : []))
  return new Set([company, ...owners])
}

/** Merges the judged candidates, recognizes the company, fires the warning signs, decides. */
export function decide(
  index: ContactIndex,
  judged: readonly { candidate: ContactCandidate; judgment: Judgment }[],
  message: { text: string; senderNames: string; truncated: boolean },
): Decision {
  const merged = mergeFindings(judged)
  const everything = `${message.senderNames}\n${message.text}`
  const company = claimedCompany(index, merged, everything)
  const words = `${message.senderNames}\n${withoutContacts(message.text, judged)}`
  const lent = company ? lenders(index, merged, company, words) : null
  const findings = company && lent ? merged.map((f) => underClaim(index, f, company, lent)) : merged
  // "Betala här" over the company's own link is a genuine receipt or invoice; over any other
  // link (or one an official link forwards to) it is how phishing reads.
  const hasLink = findings.some(
    (f) => (f.kind === 'url' || f.kind === 'domain') && f.status !== 'official',
  )
  const redFlags = [
    ...redFlagsOf(words, hasLink),
    ...(message.truncated ? [TOO_MUCH_TO_CHECK] : []),
  ]
  return { verdict: verdictOf(findings, redFlags, company), company, findings, redFlags }
}
