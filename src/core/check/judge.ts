import type { SocialPlatform } from '../alert-schema'
import { smsSenderKey } from '../alert-schema'
import { matchBrand } from './brand-match'
import type { ContactCandidate, HandleWriting } from './candidate-types'
import { type ContactIndex, phoneMasks } from './contact-index'
import { judgeHost, ownerDomain } from './judge-host'
import { LIMITS } from './limits'
import type { Reason } from './reasons'
import { hammingDistance } from './typos'
import type { FindingKind, FindingStatus } from './verdict-types'

/** Stage 2 of the checker: a candidate judged against the records, before any wording. */
export interface Judgment {
  kind: FindingKind
  /** Registrable domain, lowercased address, E.164 number, platform:handle or sender name. */
  normalized: string
  status: FindingStatus
  company: string | null
  reason: Reason
}

/** Judges a phone number: official only on an exact E.164 match. */
export function judgePhone(index: ContactIndex, e164: string): Judgment {
  const judged = (status: FindingStatus, company: string | null, reason: Reason): Judgment => ({
    kind: 'phone',
    normalized: e164,
    status,
    company,
    reason,
  })
  const exact = index.phones.get(e164)
  if (exact) {
    return judged('official', exact.slug, {
      code: 'official-phone',
      display: exact.phone.display,
      label: exact.phone.label ?? null,
      slug: exact.slug,
    })
  }
  let nearest: { number: string; distance: number } | null = null
  for (const mask of phoneMasks(e164)) {
    for (const number of index.phoneMasks.get(mask) ?? []) {
      const distance = hammingDistance(number, e164)
      if (distance <= 2 && (!nearest || distance < nearest.distance)) nearest = { number, distance }
    }
  }
  const near = nearest && index.phones.get(nearest.number)
  if (nearest && near) {
    return judged('lookalike', near.slug, {
      code: 'phone-near',
      display: near.phone.display,
      digits: nearest.distance,
      slug: near.slug,
    })
  }
  return judged('unknown', null, { code: 'unknown-phone' })
}

/**
 * Judges a social account: official only on the same platform with the same handle. A
 * plain word read as an account (after a platform name, or as the sender) that matches
 * no account and imitates no brand is no finding at all: it was most likely just a word.
 */
export function judgeHandle(
  index: ContactIndex,
  platform: SocialPlatform | null,
  handle: string,
  written: HandleWriting,
): Judgment | null {
  const lower = handle.toLowerCase()
  const judged = (status: FindingStatus, company: string | null, reason: Reason): Judgment => ({
    kind: 'handle',
    normalized: `${platform ?? 'unknown'}:${lower}`,
    status,
    company,
    reason,
  })
  const slug = platform ? index.handles.get(`${platform}:${lower}`) : undefined
  if (platform && slug)
    return judged('official', slug, { code: 'official-handle', handle, platform, slug })
  const elsewhere = index.handlesAnyPlatform.get(lower)?.[0]
  if (elsewhere) {
    return judged(platform ? 'lookalike' : 'unknown', elsewhere.slug, {
      code: 'handle-elsewhere',
      handle,
      platform,
      officialPlatform: elsewhere.platform,
      slug: elsewhere.slug,
    })
  }
  const match = matchBrand(index, lower)
  if (match) {
    const accounts = index.companies.get(match.ref.slug)?.social ?? []
    return judged('lookalike', match.ref.slug, {
      code: 'lookalike-handle',
      handle,
      platform,
      imitation: { slug: match.ref.slug, source: match.ref.source, how: match.how },
      official: accounts.filter((a) => !platform || a.platform === platform),
    })
  }
  return written === 'plain-word'
    ? null
    : judged('unknown', null, { code: 'unknown-handle', handle })
}

/**
 * Judges an SMS sender name. Anyone can send an SMS under any name, so even a listed name
 * only says the name is right, never who sent the message (the wording says so).
 */
export function judgeSenderId(index: ContactIndex, name: string): Judgment {
  const key = smsSenderKey(name)
  const judged = (status: FindingStatus, company: string | null, reason: Reason): Judgment => ({
    kind: 'sender-id',
    normalized: key,
    status,
    company,
    reason,
  })
  const listed = index.smsSenders.get(key)
  if (listed) return judged('official', listed, { code: 'official-sender-id', name, slug: listed })
  const match = matchBrand(index, name.replace(/[^\p{L}\p{N}]/gu, ''))
  const company = match ? index.companies.get(match.ref.slug) : undefined
  if (!company) return judged('unknown', null, { code: 'unknown-sender-id', name })
  if (company.smsSenders.length > 0) {
    return judged('not-official', company.slug, {
      code: 'sender-id-unlisted',
      name,
      slug: company.slug,
      listed: company.smsSenders,
    })
  }
  return judged('unknown', company.slug, { code: 'sender-id-like', name, slug: company.slug })
}

/** A domain after a platform name, spelled like an official account, read as that account. */
function accountReading(
  index: ContactIndex,
  candidate: Extract<ContactCandidate, { kind: 'domain' }>,
): Judgment | null {
  const platform = candidate.evidence.platformNamed
  if (!platform || !index.handlesAnyPlatform.has(candidate.value.toLowerCase())) return null
  return judgeHandle(index, platform, candidate.value, 'after-platform-name')
}

/**
 * Every reading of a candidate, judged. A domain spelled like an official account but
 * written after other words than a platform name ("Instagram … logga in på jemfix.se") is
 * both: the account, and a web address the reader may type into a browser, judged as such.
 */
export function judgeReadings(index: ContactIndex, candidate: ContactCandidate): Judgment[] {
  const judgment = judgeCandidate(index, candidate)
  const account =
    candidate.kind === 'domain' && candidate.evidence.afterPlatformName === false
      ? accountReading(index, candidate)
      : null
  return [account, judgment].filter((j): j is Judgment => j !== null)
}

/**
 * Judges a link that cannot be read as a web address: never official, since the reader
 * would land somewhere the checker cannot see. Reported as a link (kind url).
 */
function judgeUnreadLink(candidate: ContactCandidate & { kind: 'unread-link' }): Judgment {
  const judged = (normalized: string, reason: Reason): Judgment => ({
    kind: 'url',
    normalized,
    status: 'not-official',
    company: null,
    reason,
  })
  switch (candidate.problem) {
    case 'other-scheme':
      return judged(`${candidate.scheme}:`, { code: 'not-a-web-link', scheme: candidate.scheme! })
    case 'unreadable':
      return judged(candidate.value.toLowerCase(), { code: 'unreadable-link' })
    case 'too-long':
      return judged(candidate.value.toLowerCase(), {
        code: 'too-long-link',
        limit: LIMITS.tokenChars,
      })
  }
}

/**
 * Judges one candidate against the records. Returns null for a candidate that turns out not
 * to be a contact point (a plain word that is no account).
 */
export function judgeCandidate(index: ContactIndex, candidate: ContactCandidate): Judgment | null {
  switch (candidate.kind) {
    case 'phone':
      return judgePhone(index, candidate.e164)
    case 'handle':
      return judgeHandle(index, candidate.platform, candidate.handle, candidate.written)
    case 'sender-id':
      return judgeSenderId(index, candidate.name)
    case 'unread-link':
      return judgeUnreadLink(candidate)
    case 'domain': {
      // "Instagram: jemfix.se": an account name that looks like a domain, where one goes.
      const account = accountReading(index, candidate)
      if (account && candidate.evidence.afterPlatformName !== false) return account
      break
    }
  }
  const { host, evidence } = candidate
  const judged = judgeHost(index, {
    host,
    as: candidate.kind,
    userinfo: candidate.kind === 'url' ? candidate.userinfo : null,
    path: candidate.kind === 'url' ? candidate.path : '',
    query: candidate.kind === 'url' ? candidate.query : '',
    evidence,
  })
  const normalized = candidate.kind === 'email' ? candidate.address : ownerDomain(host)
  return { kind: candidate.kind, normalized, ...judged }
}
