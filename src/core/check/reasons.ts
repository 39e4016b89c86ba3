import type { SocialPlatform } from '../alert-schema'
import type { Resemblance } from './brand-match'
import type { FindingKind } from './verdict-types'

/** The brand a lookalike imitates: which company, through which word, and how. */
export interface Imitation {
  slug: string
  /** Where the brand word comes from: an official host (jemfix.com) or the company name. */
  source: string
  how: Resemblance
}

/** A hosting service: its name when known (Netlify), and the suffix it owns (netlify.app). */
export interface Hosting {
  service: string | null
  suffix: string
}

/**
 * Why a contact point got its status, as data: a code and what the sentence needs.
 * describeReason (wording.ts) turns it into Swedish; the API exposes the code.
 */
export type Reason =
  // Links, domains and e-mail addresses
  | { code: 'official-host'; host: string; officialHost: string; slug: string }
  | { code: 'official-email'; officialHost: string; slug: string }
  | { code: 'official-forwards'; officialHost: string; slug: string; target: string }
  | { code: 'unicode-dots'; host: string; slug: string | null }
  | { code: 'userinfo'; shown: string; host: string }
  | { code: 'shown-official'; shownHost: string; host: string; slug: string }
  | { code: 'forwarded'; from: string; host: string; slug: string | null }
  | { code: 'shortener'; host: string }
  | { code: 'stacked'; officialHost: string; host: string; slug: string }
  | { code: 'hosted'; host: string; hosting: Hosting; imitation: Imitation }
  | { code: 'lookalike-host'; host: string; imitation: Imitation }
  | { code: 'free-mail'; host: string }
  | { code: 'ip-address'; host: string }
  | { code: 'no-dot'; host: string; imitation: Imitation | null }
  | { code: 'unlisted-suffix'; host: string; imitation: Imitation | null }
  | { code: 'too-long' }
  | { code: 'unknown-host'; host: string; hosting: Hosting | null }
  | { code: 'other-page'; host: string; pages: string[]; slug: string | null }
  // Links that cannot be read as a web address
  | { code: 'not-a-web-link'; scheme: string }
  | { code: 'unreadable-link' }
  | { code: 'too-long-link'; limit: number }
  // Phone numbers
  | { code: 'official-phone'; display: string; label: string | null; slug: string }
  | { code: 'phone-near'; display: string; digits: number; slug: string }
  | { code: 'unknown-phone' }
  // Social accounts
  | { code: 'official-handle'; handle: string; platform: SocialPlatform; slug: string }
  | {
      code: 'handle-elsewhere'
      handle: string
      platform: SocialPlatform | null
      officialPlatform: SocialPlatform
      slug: string
    }
  | {
      code: 'lookalike-handle'
      handle: string
      platform: SocialPlatform | null
      imitation: Imitation
      /** The company's own accounts on that platform (or on any, when none is named). */
      official: { platform: SocialPlatform; handle: string }[]
    }
  | { code: 'unknown-handle'; handle: string }
  // SMS sender names
  | { code: 'official-sender-id'; name: string; slug: string }
  | { code: 'sender-id-like'; name: string; slug: string }
  | { code: 'sender-id-unlisted'; name: string; slug: string; listed: string[] }
  | { code: 'unknown-sender-id'; name: string }
  // Set by the verdict: not a contact point of the company the message claims to be from
  | { code: 'not-the-company'; slug: string; kind: FindingKind; inner: Reason }

export type ReasonCode = Reason['code']
