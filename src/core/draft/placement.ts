import type { Phone, ReviewItem, SocialAccount, SocialPlatform } from '../alert-schema'
import type { ArticleCandidate } from '../check'
import { registrableDomain } from '../domain'
import type { ContactRole } from './contact-roles'
import { phoneLabel } from './contact-roles'
import { EMAIL_CONTEXT } from './signals'

/** A social account's address on its platform, built from the handle the article gives. */
function profileUrl(platform: SocialPlatform, handle: string): string {
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/${handle}`
    case 'instagram':
      return `https://www.instagram.com/${handle}`
    case 'x':
      return `https://x.com/${handle}`
    case 'linkedin':
      return `https://www.linkedin.com/company/${handle}`
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`
    case 'youtube':
      return `https://www.youtube.com/@${handle}`
    case 'threads':
      return `https://www.threads.net/@${handle}`
  }
}

/** An http(s) URL as written, or null: hxxp and [.] are how one writes a link not to follow. */
function webUrl(value: string): URL | null {
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) ? url : null
  } catch {
    return null
  }
}

/** Cut to the schema's length for the field, marked with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Longest value a record, its provenance or a review item holds (alert-schema.ts). */
export const MAX_VALUE = 300
export const MAX_SENTENCE = 1000
export const MAX_REASON = 500

export function quoted(sentence: string): string {
  return `"${cut(sentence, 300)}"`
}

/** What a contact is, in the words a review item uses. */
function noun(candidate: ArticleCandidate): string {
  switch (candidate.kind) {
    case 'phone':
      return 'number'
    case 'email':
    case 'email-domain':
      return 'address'
    case 'handle':
      return 'account'
    default:
      return 'site'
  }
}

/** The record field a contact goes to and the value it takes there. */
export type Placement =
  | { field: 'official.websites'; value: string }
  | { field: 'official.emailDomains'; value: string }
  | { field: 'official.phones'; value: string; phone: Phone }
  | { field: 'official.social'; value: string; account: SocialAccount }
  | { review: ReviewItem }

/** Where an official contact goes in the record, or why an editor must decide. */
export function officialPlacement(
  candidate: ArticleCandidate,
  clause: string,
  sentence: string,
): Placement {
  const registrable = (host: string, field: ReviewItem['field']): Placement | null => {
    const problem = !registrableDomain(host)
      ? 'is not a registrable domain under the public suffix list, so a record cannot list it as official'
      : /(?:^|\.)xn--/.test(host) || ('host' in candidate && candidate.host.unicodeDots)
        ? 'is written with letters or dots outside a–z, where a lookalike of a real domain can hide; check it letter by letter'
        : null
    return problem
      ? { review: { field, value: host, reason: `"${host}" ${problem}: ${quoted(sentence)}` } }
      : null
  }
  switch (candidate.kind) {
    case 'email-domain':
    case 'email': {
      const host = candidate.host.name
      return (
        registrable(host, 'official.emailDomains') ?? {
          field: 'official.emailDomains',
          value: host,
        }
      )
    }
    case 'domain': {
      const host = candidate.host.name
      if (EMAIL_CONTEXT.test(clause)) {
        return (
          registrable(host, 'official.emailDomains') ?? {
            field: 'official.emailDomains',
            value: host,
          }
        )
      }
      return (
        registrable(host, 'official.websites') ?? {
          field: 'official.websites',
          value: `https://${host}/`,
        }
      )
    }
    case 'url': {
      const url = webUrl(candidate.value)
      if (!url) {
        return {
          review: {
            field: 'official.websites',
            value: candidate.value,
            reason: `not written as a web address (http or https): ${quoted(sentence)}`,
          },
        }
      }
      return (
        registrable(url.hostname, 'official.websites') ?? {
          field: 'official.websites',
          value: url.href,
        }
      )
    }
    case 'phone':
      return {
        field: 'official.phones',
        value: candidate.e164,
        phone: {
          number: candidate.e164,
          display: candidate.value,
          ...(phoneLabel(sentence, candidate.evidence.at)
            ? { label: phoneLabel(sentence, candidate.evidence.at)! }
            : {}),
        },
      }
    case 'handle': {
      if (!candidate.platform) {
        return {
          review: {
            field: 'official.social',
            value: candidate.handle,
            reason: `an account named without its platform: ${quoted(sentence)}`,
          },
        }
      }
      const url =
        candidate.written === 'profile-link'
          ? new URL(
              /^https?:\/\//i.test(candidate.value)
                ? candidate.value
                : `https://${candidate.value}`,
            ).href
          : profileUrl(candidate.platform, candidate.handle)
      return {
        field: 'official.social',
        value: `${candidate.platform}:${candidate.handle}`,
        account: { platform: candidate.platform, handle: candidate.handle, url },
      }
    }
    case 'sender-id':
      return {
        review: {
          field: 'official.smsSenders',
          value: candidate.name,
          reason: `an SMS sender name: ${quoted(sentence)}`,
        },
      }
  }
}

/** The value a review item names for a contact: what the record would hold. */
export function recordValue(candidate: ArticleCandidate): string {
  switch (candidate.kind) {
    case 'phone':
      return candidate.e164
    case 'handle':
      return candidate.platform ? `${candidate.platform}:${candidate.handle}` : candidate.handle
    case 'email':
      return candidate.address
    default:
      return candidate.value
  }
}

/** The review item for a contact whose role the article does not settle. */
export function reviewOfRole(
  role: ContactRole,
  candidate: ArticleCandidate,
  sentence: string,
): ReviewItem {
  const field =
    candidate.kind === 'phone'
      ? 'official.phones'
      : candidate.kind === 'handle'
        ? 'official.social'
        : candidate.kind === 'url' || candidate.kind === 'domain'
          ? 'official.websites'
          : 'official.emailDomains'
  return {
    field,
    value: recordValue(candidate),
    reason:
      role === 'unclear'
        ? `the article does not say whose ${noun(candidate)} it is, the company's or the scammers': ${quoted(sentence)}`
        : `the article calls it the scammers' here and the company's elsewhere: ${quoted(sentence)}`,
  }
}
