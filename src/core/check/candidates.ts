import type { SocialPlatform } from '../alert-schema'
import { hasUnicodeFullStop, withAsciiDots } from '../domain'
import type {
  CandidateSource,
  ContactCandidate,
  Evidence,
  Extraction,
  HandleWriting,
  LinkProblem,
} from './candidate-types'
import {
  HANDLE,
  handleAfterPlatform,
  listedPlatform,
  type PlatformMentions,
  platformBefore,
  platformMentions,
  platformOfWord,
  platformRightBefore,
  profileOf,
  soleNamedPlatform,
} from './handles'
import { LIMITS } from './limits'
import { browserHref, isWebScheme, type LinkReading, readLink, readTarget, schemeOf } from './links'
import { readMarkup } from './markup'
import { linksInQuery, linksInside } from './nested-links'
import { isNumberAbbreviation } from './numbers'
import { findPhones, PhoneBudget } from './phones'
import { hasUnknownReference } from './references'
import { renderedText } from './rendered-text'
import { gluedParts, type Token, tokenize } from './tokens'

/** An address whose local part is quoted: "anything"@domain (tokenize drops the first quote). */
const QUOTED_LOCAL_PART = /"@[^\s"@]/
const EMAIL = /^([^\s@<>()[\]{},;:"]{1,64})@([^\s@<>()[\]{},;:"/?#]+\.[^\s@<>()[\]{},;:"/?#]+)$/
const PHONE_SCHEMES = new Set(['tel', 'sms', 'callto'])
const RECIPIENT_FIELDS = new Set(['to', 'cc', 'bcc'])
/** A sender name as an SMS shows it: 1–11 letters, digits, spaces or . & _ -. */
const SENDER_ID = /^[\p{L}\p{N}][\p{L}\p{N} .&_-]{0,10}$/u
/** Characters of a link that could not be read which a finding shows. */
const UNREAD_SHOWN = 120

/** Where a piece was found. */
interface Place {
  source: CandidateSource
  at: number
  wordBefore: string | null
}

/** Extra evidence a piece carries from its surroundings (the link it sits in, the text shown). */
type Context = Pick<Evidence, 'shownHost' | 'insideHost' | 'afterPlatformName'>

/**
 * Collects candidates once each, up to LIMITS.candidates, and remembers when that limit
 * cut the list short.
 */
class Collector {
  readonly candidates: ContactCandidate[] = []
  private readonly seen = new Set<string>()
  truncated = false

  add(candidate: ContactCandidate): boolean {
    const { evidence } = candidate
    const key = `${candidate.kind}\u0000${candidate.value}\u0000${evidence.source}\u0000${evidence.shownHost}\u0000${evidence.insideHost}`
    if (this.seen.has(key)) return true
    if (this.candidates.length >= LIMITS.candidates) {
      this.truncated = true
      return false
    }
    this.seen.add(key)
    this.candidates.push(candidate)
    return true
  }
}

function decodedOrAsWritten(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Pieces without a dot, @ or colon (nor a Unicode full stop) are never a link or address,
 * and neither are abbreviations such as "Org.nr".
 */
function mayBeContact(piece: string): boolean {
  if (isNumberAbbreviation(piece)) return false
  return /[.@:\u3002\uFF0E\uFF61]/.test(piece)
}

// GSM call forwarding around a number: *21*0701740610# forwards every call to it.
const FORWARDING_CODE = /^\*\*?\d{2,3}\*([^*#]*)#?$/

/**
 * The numbers a tel: or sms: link dials or messages: every recipient of "sms:a;b" or
 * "sms:a,b" (phones accept both), without tel: parameters (;ext=…) and with a call-forwarding
 * code around a number (tel:*21*…%23) read as that number.
 */
function phoneRecipients(target: string): string[] {
  return target
    .split(/[;,]/)
    .filter((part) => part.trim() !== '' && !part.includes('='))
    .map((part) => FORWARDING_CODE.exec(part.trim())?.[1] ?? part)
}

/** The text with the given spans replaced by spaces, offsets unchanged. */
function blanked(text: string, spans: readonly [number, number][]): string {
  if (spans.length === 0) return text
  const parts: string[] = []
  let from = 0
  for (const [start, end] of spans) {
    // A link inside another (sorted by start) is blank already.
    if (end <= from) continue
    parts.push(text.slice(from, start), ' '.repeat(end - Math.max(start, from)))
    from = end
  }
  parts.push(text.slice(from))
  return parts.join('')
}

/** A laid-out view of a text (renderedText), and the spans of it already read as written. */
interface TextView {
  writtenAt(at: number): number
  read: readonly (readonly [number, number])[]
}

/** Sorted spans with those that overlap or touch joined. */
function mergedSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = []
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/**
 * Whether a span overlaps one of `spans` (sorted, apart), for spans asked in order of their
 * start: one pass over both.
 */
function spanTest(spans: readonly (readonly [number, number])[]) {
  let k = 0
  return (start: number, end: number): boolean => {
    while (k < spans.length && spans[k]![1] <= start) k++
    return k < spans.length && spans[k]![0] < end
  }
}

/** Reads the contact points of one message (its text, its links, its sender line). */
class Reader {
  readonly out = new Collector()
  readonly budget = new PhoneBudget()
  /** A limit on links inside links, or a link too long to read, left something unread. */
  limited = false
  private readonly onLimit = () => {
    this.limited = true
  }
  private soleNamed: ReturnType<typeof soleNamedPlatform> | undefined
  private readonly readings = new Map<string, LinkReading | null>()
  private readonly mentions: PlatformMentions

  constructor(private readonly message: string) {
    this.mentions = platformMentions(message)
  }

  /** readLink, once per distinct piece: a message may repeat one link many times. */
  private readLink(value: string): LinkReading | null {
    let reading = this.readings.get(value)
    if (reading === undefined) {
      reading = readLink(value)
      this.readings.set(value, reading)
    }
    return reading
  }

  /** The only platform the message names, if it names exactly one (computed once). */
  private soleNamedPlatform() {
    if (this.soleNamed === undefined) this.soleNamed = soleNamedPlatform(this.message)
    return this.soleNamed
  }

  private evidence(place: Place, scheme: string | null, context: Context = {}): Evidence {
    const platformNamed =
      place.source === 'sender'
        ? this.soleNamedPlatform()
        : listedPlatform(platformBefore(this.mentions, place.at))
    return {
      source: place.source,
      at: place.at,
      scheme,
      wordBefore: place.wordBefore?.toLowerCase() ?? null,
      platformNamed,
      ...context,
    }
  }

  /**
   * Reads the target of an HTML or Markdown link the way a browser follows it. A target that
   * goes somewhere but cannot be read as a web link, e-mail address or number (javascript:,
   * data:, file:, a reference this reader does not decode, a relative path) is a finding too,
   * never official: the reader would still land there.
   */
  target(written: string, place: Place, context: Context): void {
    const href = browserHref(written)
    const problem = this.targetProblem(href, place, context)
    if (problem) this.unread(href, place, context, problem)
  }

  /** Reads a target as a contact point; what keeps it from being read, if anything. */
  private targetProblem(href: string, place: Place, context: Context): LinkProblem | null {
    if (href === '' || href.startsWith('#')) return null
    if (href.length > LIMITS.tokenChars) return 'too-long'
    if (hasUnknownReference(href)) return 'unreadable'
    const scheme = /^[/\\]{2}/.test(href) ? 'https' : schemeOf(href)
    const isPort = scheme !== null && /^[^:]+:\d/.test(href)
    if (!scheme || isPort || isWebScheme(scheme)) {
      const reading = scheme && !isPort ? readTarget(href) : null
      const read = reading
        ? this.link(href, reading, place, context, 0)
        : this.piece(href, place, context)
      return read ? null : 'unreadable'
    }
    if (scheme === 'mailto' || PHONE_SCHEMES.has(scheme)) {
      // mailto:?subject=… (a share link) and sms:?body=… name no recipient: nothing to judge.
      const recipient = href
        .slice(scheme.length + 1)
        .split('?', 1)[0]!
        .trim()
      return this.piece(href, place, context) || recipient === '' ? null : 'unreadable'
    }
    return 'other-scheme'
  }

  /** A link that leads somewhere this reader cannot follow: a finding that says so. */
  unread(value: string, place: Place, context: Context, problem: LinkProblem): void {
    if (problem === 'too-long') this.limited = true
    const scheme = problem === 'too-long' ? null : schemeOf(value)
    this.out.add({
      kind: 'unread-link',
      value: value.length > UNREAD_SHOWN ? `${value.slice(0, UNREAD_SHOWN)}…` : value,
      scheme,
      problem,
      evidence: this.evidence(place, scheme, context),
    })
  }

  /** Reads one piece as a contact point. Returns true when it was one. */
  piece(value: string, place: Place, context: Context = {}, depth = 0): boolean {
    const scheme = /^([a-z]+):/i.exec(value)?.[1]?.toLowerCase() ?? null
    if (value.length > LIMITS.tokenChars && this.mayBeLink(value, scheme)) {
      this.unread(value, place, context, 'too-long')
      return true
    }
    if (scheme === 'mailto') return this.mailto(value, place, context)
    if (scheme && PHONE_SCHEMES.has(scheme)) {
      return this.phoneLink(value, scheme, place, context, depth)
    }
    if (value.startsWith('@')) return this.atHandle(value, place)
    if (value.includes('@') && !/^[a-z]+:\/\//i.test(value)) {
      if (this.email(value, place, null, context)) return true
      // A quoted local part ("kundtjanst@jemfix.com"@evil.example) is a valid address this
      // reader does not read: a reply still goes there, so it is a finding, never official.
      if (!QUOTED_LOCAL_PART.test(value)) return false
      this.unread(value, place, context, 'unreadable')
      return true
    }
    // A protocol-relative //evil.example/login (a script's location, a Markdown destination
    // the link reader missed) opens on https, when what follows reads as a host.
    const protocolRelative = value.startsWith('//') && this.readLink(value.slice(2)) !== null
    const link = protocolRelative ? readTarget(value) : this.readLink(value)
    return link ? this.link(value, link, place, context, depth) : false
  }

  /** Whether a piece too long to read whole would be read as a link or address. */
  private mayBeLink(value: string, scheme: string | null): boolean {
    if (scheme && (isWebScheme(scheme) || scheme === 'mailto' || PHONE_SCHEMES.has(scheme))) {
      return true
    }
    return (value.includes('@') && !value.startsWith('@')) || this.readLink(value) !== null
  }

  private email(
    value: string,
    place: Place,
    scheme: string | null,
    context: Context,
    address = value,
  ) {
    const match = EMAIL.exec(withAsciiDots(address))
    const domain = match ? this.readLink(match[2]!) : null
    if (!match || domain?.kind !== 'domain' || domain.host.type !== 'name') return false
    return this.out.add({
      kind: 'email',
      value,
      address: `${match[1]!.toLowerCase()}@${domain.host.name}`,
      host: { ...domain.host, unicodeDots: hasUnicodeFullStop(address) },
      evidence: this.evidence(place, scheme, context),
    })
  }

  private mailto(value: string, place: Place, context: Context) {
    const [to = '', query = ''] = value.slice('mailto:'.length).split('?', 2)
    // Header names in a mailto: URL are case-insensitive (RFC 6068): CC= and Bcc= are copies.
    const copies = [...new URLSearchParams(query)]
      .filter(([field]) => RECIPIENT_FIELDS.has(field.toLowerCase()))
      .map(([, list]) => list)
    const all = [decodedOrAsWritten(to), ...copies]
      .flatMap((list) => list.split(','))
      .filter((a) => a.trim() !== '')
    // An address left unread could be the scammers': more than are read is a limit reached.
    if (all.length > LIMITS.mailtoRecipients) this.limited = true
    const addresses = all.slice(0, LIMITS.mailtoRecipients)
    let found = false
    for (const written of addresses) {
      // Mail clients take the address out of "Name <address>".
      const address = /<([^<>]*)>\s*$/.exec(written)?.[1]?.trim() ?? written.trim()
      const shown = addresses.length === 1 ? value : `mailto:${address}`
      found = this.email(shown, place, 'mailto', context, address) || found
    }
    return found
  }

  private phoneLink(value: string, scheme: string, place: Place, context: Context, depth: number) {
    const [target = '', query = ''] = value.slice(scheme.length + 1).split('?', 2)
    const recipients = phoneRecipients(decodedOrAsWritten(target.replace(/^\/\//, '')))
    let found = false
    for (const recipient of recipients) {
      if (this.budget.exhausted) break
      const e164 = this.budget.validate(recipient)
      if (e164 === null) continue
      const shown = recipients.length === 1 ? value : `${scheme}:${recipient}`
      const evidence = this.evidence(place, scheme, context)
      found = this.out.add({ kind: 'phone', value: shown, e164, evidence }) || found
    }
    // sms:…?body=… may carry a link for the reader to open.
    if (query && depth < LIMITS.nestedDepth) {
      for (const inner of linksInQuery(query, this.onLimit)) {
        const link = readTarget(inner)
        if (!link) continue
        this.link(inner, { ...link, kind: 'url' }, { ...place, source: 'query' }, {}, depth + 1)
      }
    }
    return found
  }

  /**
   * An @account: on the platform named nearest before it, else the only one the message
   * names. One on an unlisted app (Telegram…) or on no named platform is still a finding, with
   * the platform unknown, so it is never official: the reader is sent to write to it.
   */
  private atHandle(value: string, place: Place) {
    const handle = HANDLE.exec(value)?.[1]
    if (!handle) return false
    // A sender line's offsets are not the message's: only the message as a whole can name one.
    const near = place.source === 'sender' ? null : platformBefore(this.mentions, place.at)
    const platform = near === 'unlisted' ? null : (near ?? this.soleNamedPlatform())
    return this.out.add({
      kind: 'handle',
      value,
      platform,
      handle,
      written: 'at-sign',
      evidence: this.evidence(place, null),
    })
  }

  /** The links written inside a link, to LIMITS.nestedDepth (a deeper one is noticed only). */
  private linksInside(link: LinkReading, depth: number): { href: string; reading: LinkReading }[] {
    if (depth >= LIMITS.nestedDepth) {
      if (linksInside(link.url).length > 0) this.limited = true
      return []
    }
    return linksInside(link.url, this.onLimit).flatMap((href) => {
      const reading = readTarget(href)
      return reading ? [{ href, reading }] : []
    })
  }

  private link(value: string, link: LinkReading, place: Place, context: Context, depth: number) {
    const inner = this.linksInside(link, depth)
    const profile = link.host.type === 'name' && !link.userinfo ? profileOf(link.url) : null
    const forwardsTo = [...new Set(inner.map(({ reading }) => reading.host.name))]
    const evidence = this.evidence(place, link.scheme, {
      ...context,
      ...(forwardsTo.length > 0 && !profile ? { forwardsTo } : {}),
    })
    const added = this.out.add(
      profile
        ? { kind: 'handle', value, ...profile, written: 'profile-link', evidence }
        : link.kind === 'url'
          ? {
              kind: 'url',
              value,
              host: link.host,
              userinfo: link.userinfo,
              path: link.url.pathname,
              query: link.url.search,
              evidence,
            }
          : { kind: 'domain', value, host: link.host, evidence },
    )
    // A profile link too may carry one (facebook.com/jemfix?next=https://evil.example).
    const innerPlace: Place = { ...place, source: 'query', wordBefore: null }
    for (const { href, reading } of inner) {
      this.link(
        href,
        { ...reading, kind: 'url' },
        innerPlace,
        { insideHost: link.host.name },
        depth + 1,
      )
    }
    return added
  }

  /**
   * Every piece of a text, then the phone numbers outside the pieces that were contacts.
   * Returns the spans of the text that were contact points, in order. With a `view` (the
   * laid-out text of HTML), offsets are mapped back to what was written, and the spans already
   * read in what was written are skipped: a view adds only what the written text hid.
   */
  text(
    text: string,
    source: CandidateSource,
    offset: number,
    view?: TextView,
  ): (readonly [number, number])[] {
    const tokens = tokenize(text)
    // Only a message that names a platform can hold "Instagram: jemfix_sverige".
    const platforms =
      this.mentions.ends.length > 0 ? tokens.map((t) => platformOfWord(t.text)) : null
    const covered: [number, number][] = []
    const isRead = view ? spanTest(view.read) : () => false
    const at = (i: number) => offset + (view ? view.writtenAt(i) : i)
    for (let i = 0; i < tokens.length && !this.out.truncated; i++) {
      const token = tokens[i]!
      if (isRead(token.start, token.end)) continue
      const place = { source, at: at(token.start), wordBefore: token.wordBefore }
      // A sender line is an account name as a whole; the message's platform names are elsewhere.
      const context =
        platforms && source !== 'sender'
          ? { afterPlatformName: platformRightBefore(platforms, tokens, i) !== null }
          : {}
      if (mayBeContact(token.text) && this.piece(token.text, place, context)) {
        covered.push([token.start, token.end])
      } else if (this.gluedPiece(token, source, at, context, covered)) {
        // Read as the addresses glued together in it.
      } else if (platforms) {
        this.wordAfterPlatform(tokens, platforms, i, place)
      }
    }
    if (this.out.truncated) return covered
    // Digits inside a link or address are not a number the reader is asked to call.
    const skip = mergedSpans([...covered, ...(view?.read ?? [])])
    for (const phone of findPhones(text, this.budget, skip)) {
      const place = { source, at: at(phone.start), wordBefore: phone.wordBefore }
      this.out.add({
        kind: 'phone',
        value: phone.value,
        e164: phone.e164,
        evidence: this.evidence(place, null),
      })
      covered.push([phone.start, phone.start + phone.value.length])
    }
    return mergedSpans(covered)
  }

  /**
   * A piece that is no contact point as a whole, read as the parts punctuation glues together
   * (gluedParts): a phone's link detection still finds each. Adds each part read to `covered`.
   */
  private gluedPiece(
    token: Token,
    source: CandidateSource,
    at: (i: number) => number,
    context: Context,
    covered: [number, number][],
  ): boolean {
    if (!mayBeContact(token.text)) return false
    let found = false
    for (const part of gluedParts(token)) {
      const place = { source, at: at(part.start), wordBefore: part.wordBefore }
      if (mayBeContact(part.text) && this.piece(part.text, place, context)) {
        covered.push([part.start, part.end])
        found = true
      }
    }
    return found
  }

  /** "Instagram: jemfix_sverige", "Instagram heter vi jemfixsverige": a word after a platform name. */
  private wordAfterPlatform(
    tokens: Token[],
    platforms: (SocialPlatform | null)[],
    i: number,
    place: Place,
  ) {
    const platform = platformRightBefore(platforms, tokens, i)
    const text = tokens[i]!.text
    const written = platform ? handleAfterPlatform(text) : null
    if (!platform || !written) return
    this.out.add({
      kind: 'handle',
      value: text,
      platform,
      handle: HANDLE.exec(text)![1]!,
      written,
      evidence: this.evidence(place, null),
    })
  }

  /** A sender line that is no address, link or @handle: a number, an SMS sender name, an account. */
  senderName(address: string): void {
    const place: Place = { source: 'sender', at: 0, wordBefore: null }
    const e164 = /^[+(\d]/.test(address) ? this.budget.validate(address) : null
    if (e164) {
      this.out.add({ kind: 'phone', value: address, e164, evidence: this.evidence(place, null) })
    } else if (SENDER_ID.test(address)) {
      this.out.add({
        kind: 'sender-id',
        value: address,
        name: address,
        evidence: this.evidence(place, null),
      })
    } else if (HANDLE.test(address)) {
      const handle = HANDLE.exec(address)![1]!
      const written: HandleWriting = /[._\d]/.test(handle) ? 'sender' : 'plain-word'
      this.out.add({
        kind: 'handle',
        value: address,
        platform: this.evidence(place, null).platformNamed,
        handle,
        written,
        evidence: this.evidence(place, null),
      })
    }
  }
}

/** The host of the first address (a link, a domain, an e-mail address) in a link's visible text. */
function hostShownIn(shown: string): string | null {
  for (const token of tokenize(shown.slice(0, LIMITS.markupChars))) {
    const address = token.text.replace(/^(?:mailto:)?[^@/]+@/i, '')
    const link = mayBeContact(token.text) ? readLink(address) : null
    if (link?.host.type === 'name') return link.host.name
  }
  return null
}

/**
 * Stage 1 of the checker: every contact point a text holds, typed and with its evidence
 * (scheme, the word before it, where it came from), in the order written. Reads links
 * with or without a scheme, hosts without an ASCII dot, HTML and Markdown link targets and
 * their visible text, links inside links, mailto:, tel: and sms: links, e-mail addresses,
 * phone numbers (not times, dates, prices or references) and social handles. Needs no
 * records, and its work is bounded by LIMITS.
 */
export function extractContacts(text: string): Extraction {
  const input = text.slice(0, LIMITS.textChars)
  const reader = new Reader(input)
  const markup = readMarkup(input)
  if (markup.limited) reader.limited = true
  const links = markup.links
  const read = new Set<string>()
  for (const link of links) {
    if (reader.out.truncated) break
    // The same link written again adds nothing; more links than any message holds is a limit.
    const key = `${link.target}\u0000${link.shown}`
    if (read.has(key)) continue
    if (read.size >= LIMITS.markupLinks) {
      reader.limited = true
      break
    }
    read.add(key)
    const shownHost = hostShownIn(link.shown)
    // The target is where the link starts, so it comes before its visible text.
    const place: Place = { source: 'link-target', at: link.start, wordBefore: null }
    reader.target(link.target, place, shownHost ? { shownHost } : {})
    reader.text(link.shown, 'link-text', link.shownAt)
  }
  const plain = blanked(
    input,
    links.map((l) => [l.start, l.end]),
  )
  const readSpans = reader.text(plain, 'text', 0)
  // Pasted HTML: also what its text shows, where the text as written held no contact point.
  const rendered = reader.out.truncated ? null : renderedText(plain)
  if (rendered) {
    const inRendered = readSpans.map(
      ([start, end]) => [rendered.mappedAt(start), rendered.mappedAt(end)] as const,
    )
    reader.text(rendered.text, 'text', 0, { writtenAt: rendered.writtenAt, read: inRendered })
  }
  const candidates = [...reader.out.candidates].sort((a, b) => a.evidence.at - b.evidence.at)
  return {
    candidates,
    truncated:
      reader.out.truncated ||
      reader.limited ||
      reader.budget.exhausted ||
      text.length > LIMITS.textChars,
  }
}

/** `Name <address>` or `"Name, with <anything>" <address>`: one address, and the name shown. */
const NAME_AND_ADDRESS = /^(?:"((?:[^"\\]|\\.)*)"\s*|([^<>"]*))<([^<>]+)>$/

/** The line with the given candidates' text blanked: what is left is names. */
function withoutCandidates(line: string, candidates: readonly ContactCandidate[]): string {
  const spans: [number, number][] = []
  for (const { value, evidence } of [...candidates].sort((a, b) => a.evidence.at - b.evidence.at)) {
    const from = spans.at(-1)?.[1] ?? 0
    if (evidence.at >= from && line.startsWith(value, evidence.at)) {
      spans.push([evidence.at, evidence.at + value.length])
    }
  }
  return blanked(line, spans)
}

/**
 * A sender line that is one contact point (its candidate, if the reader found it already):
 * an address, a link, a number, an @handle, an SMS sender name or an account name.
 */
function oneSender(reader: Reader, address: string, message: string): void {
  if (!address) return
  const place: Place = { source: 'sender', at: 0, wordBefore: null }
  const read = reader.out.candidates.length > 0 || reader.piece(address, place)
  // An SMS may come from a sender name that looks like a domain; a social message may not.
  const smsName =
    reader.out.candidates[0]?.kind === 'domain' &&
    SENDER_ID.test(address) &&
    !soleNamedPlatform(message)
  if (!read || smsName) reader.senderName(address)
}

/**
 * A sender address holding more addresses than were read (a quoted local part, a domain
 * literal [192.0.2.7], a source route <@a:b@c>, a list without spaces a@x,b@y): the whole
 * line is a finding that cannot be read, never official, since a reply may go anywhere in it.
 */
function unreadAddresses(reader: Reader, address: string): void {
  const atSigns = address.slice(1).split('@').length - 1
  if (atSigns === 0 || atSigns <= reader.out.candidates.length) return
  if (reader.out.candidates.some((c) => c.kind === 'unread-link')) return
  reader.unread(address, { source: 'sender', at: 0, wordBefore: null }, {}, 'unreadable')
}

/**
 * The contact points of a sender line as a mail client or phone shows it: `Name <address>`
 * (a quoted name may hold anything, even an address: the one in angle brackets is the real
 * one), an address, a link, a number, an @handle, an SMS sender name (JEMFIX) or an account
 * name; a sender name that looks like a domain (jemfix.se) is read both ways. A line that
 * holds more (several addresses, a comma list, an address in parentheses, a Reply-To line)
 * gives every contact point in it, since any of them may be where a reply goes. Also returns
 * the names in it (display name or sender name), by which a company may be recognized.
 */
export function extractSender(
  sender: string,
  message: string,
): { candidates: ContactCandidate[]; names: string } {
  const trimmed = sender.slice(0, LIMITS.senderChars).trim()
  const angle = NAME_AND_ADDRESS.exec(trimmed)
  const reader = new Reader(message)
  if (!angle) {
    reader.text(trimmed, 'sender', 0)
    const found = reader.out.candidates
    if (found.length > 1 || (found.length === 1 && found[0]!.value !== trimmed)) {
      unreadAddresses(reader, trimmed)
      return { candidates: found, names: withoutCandidates(trimmed, found) }
    }
  }
  const displayName = angle ? (angle[1]?.replace(/\\(.)/g, '$1') ?? angle[2]!).trim() : ''
  const address = (angle ? angle[3]! : trimmed).trim()
  oneSender(reader, address, message)
  unreadAddresses(reader, address)
  const candidates = reader.out.candidates
  const isName = candidates.some((c) => c.kind === 'sender-id' || c.kind === 'handle')
  return {
    candidates,
    names: [displayName, isName || candidates.length === 0 ? address : ''].join('\n'),
  }
}
