import type { SocialPlatform } from '../alert-schema'

/** Where a contact point was written. */
export type CandidateSource =
  /** The message text. */
  | 'text'
  /** The sender line. */
  | 'sender'
  /** The target of an HTML or Markdown link: where a click really goes. */
  | 'link-target'
  /** The visible text of an HTML or Markdown link. */
  | 'link-text'
  /** Inside another link: its query, fragment or path, plain or percent-encoded. */
  | 'query'

/** How a link's host is written, which decides how it can be judged. */
export type HostType =
  /** A name under a suffix of the public suffix list or a reserved test TLD. */
  | 'name'
  | 'ipv4'
  | 'ipv6'
  /** No dot at all: localhost, an intranet name. */
  | 'single-label'
  /** Dotted, but ending in no listed public suffix (jemfix.kundservice). */
  | 'unlisted-suffix'
  /** Beyond DNS limits (253 characters, 63 per label, 127 labels): no real host. */
  | 'too-long'

export interface Host {
  /** As the WHATWG URL parser writes it: lowercase, punycode, IPv4 in dotted decimal. */
  name: string
  type: HostType
  /** Written with U+3002, U+FF0E or U+FF61, which browsers read as dots. */
  unicodeDots: boolean
}

/** What the text says about a candidate, besides the candidate itself. */
export interface Evidence {
  source: CandidateSource
  /** Offset where it was written, in the text (or in the sender line). */
  at: number
  /** The URI scheme it was written with (https, mailto, tel, sms), or null. */
  scheme: string | null
  /** The word just before it, lowercased (ordernummer, ring, instagram…), or null. */
  wordBefore: string | null
  /** The social platform named closest before it, within a few words, or null. */
  platformNamed: SocialPlatform | null
  /**
   * For a piece of text after a platform name: true when only linking words stand between
   * ("Instagram: jemfix.se", "Instagram heter vi jemfix.se"), where an account name goes;
   * false when other words do ("Instagram … logga in på jemfix.se"), so it may as well be a
   * web address. Unset where not read from running text (a sender line, a search query).
   */
  afterPlatformName?: boolean
  /** For a link target: the host of an address shown as the link's visible text. */
  shownHost?: string
  /** For a link found inside another: the host of that outer link. */
  insideHost?: string
  /** For a link: the hosts of links found inside it (its query, fragment or path). */
  forwardsTo?: string[]
}

/** How a social handle was written. */
export type HandleWriting =
  /** @handle */
  | 'at-sign'
  /** facebook.com/handle */
  | 'profile-link'
  /** "Instagram: jemfix_sverige", a name with a dot, underscore or digit after a platform name. */
  | 'after-platform-name'
  /** A plain word after a platform name or as the sender: an account only if it is or resembles one. */
  | 'plain-word'
  /** The sender line, written like an account name (with a dot, underscore or digit). */
  | 'sender'

/** Why a link could not be read as a web address (judged as a link that is never official). */
export type LinkProblem =
  /** A target with a scheme that opens no web page: javascript:, data:, file:, intent:… */
  | 'other-scheme'
  /** A target a browser follows that this reader cannot read reliably. */
  | 'unreadable'
  /** Longer than LIMITS.tokenChars: where it leads may lie past what is read. */
  | 'too-long'

interface Written {
  /** As written in the message. */
  value: string
  evidence: Evidence
}

/**
 * One contact point found in a message or its sender, typed and carrying its evidence,
 * before it is judged. Nothing in a candidate depends on the records.
 */
export type ContactCandidate =
  | (Written & { kind: 'url'; host: Host; userinfo: string | null; path: string; query: string })
  | (Written & { kind: 'domain'; host: Host })
  | (Written & { kind: 'email'; address: string; host: Host })
  | (Written & { kind: 'phone'; e164: string })
  | (Written & {
      kind: 'handle'
      platform: SocialPlatform | null
      handle: string
      written: HandleWriting
    })
  | (Written & { kind: 'sender-id'; name: string })
  | (Written & { kind: 'unread-link'; scheme: string | null; problem: LinkProblem })

export type CandidateKind = ContactCandidate['kind']

/** The candidates of a text, and whether a limit stopped the search before the end. */
export interface Extraction {
  candidates: ContactCandidate[]
  /** True when the text held more than the checker examines (see LIMITS). */
  truncated: boolean
}
