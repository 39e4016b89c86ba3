import punycode from 'punycode.js'
import { type HostParts, hostParts } from '../domain'
import { type BrandMatch, containedBrand, matchBrand, sameOrHomoglyph } from './brand-match'
import type { Evidence, Host } from './candidate-types'
import type { ContactIndex, OfficialPageOwner } from './contact-index'
import {
  type HostedSite,
  hostedSite,
  isOnPage,
  type LinkPage,
  linkPageOf,
  lookupKeysOf,
  pageHostOf,
  pageLookupKey,
} from './hosting'
import { FREE_MAIL_DOMAINS, URL_SHORTENERS } from './lists'
import type { Imitation, Reason } from './reasons'
import type { FindingStatus } from './verdict-types'

/** A judged host: its status, the company it belongs to or imitates, and why. */
export interface HostJudgment {
  status: FindingStatus
  company: string | null
  reason: Reason
}

/** What judging a host looks at: the host, how it was met, and the evidence around it. */
export interface HostSubject {
  host: Host
  as: 'url' | 'domain' | 'email'
  userinfo: string | null
  path: string
  /** The link's query as the URL parser gives it (?id=…), or ''. */
  query: string
  evidence: Evidence
}

/** Labels of a host compared with brand words, nearest the registrable domain first. */
const MAX_LABELS = 10
/** Most labels rejoined into one word (j.em.fix.com → jemfix). */
const MAX_REJOINED = 4

function unicodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label
  try {
    return punycode.toUnicode(label)
  } catch {
    return label
  }
}

function imitation(match: BrandMatch | null, how = match?.how): Imitation | null {
  return match && how ? { slug: match.ref.slug, source: match.ref.source, how } : null
}

/**
 * Which brand, if any, the labels left of a public suffix imitate (`labels` ends with the
 * registrable label): that label spelled as a brand or in look-alike letters; labels that
 * rejoin into a brand (jem.fix.com); that label one edit from a brand or containing it;
 * another label doing so; or the brand spread over several labels.
 */
export function imitatedBy(index: ContactIndex, hostLabels: readonly string[]): Imitation | null {
  const labels = hostLabels.slice(-MAX_LABELS).map(unicodeLabel)
  const own = labels.at(-1)
  if (!own) return null
  const exact = sameOrHomoglyph(index, own)
  if (exact) return imitation(exact)
  for (let k = 2; k <= Math.min(labels.length, MAX_REJOINED); k++) {
    const rejoined = sameOrHomoglyph(index, labels.slice(-k).join(''))
    if (rejoined) return imitation(rejoined, 'split')
  }
  for (let i = labels.length - 1; i >= 0; i--) {
    const match = matchBrand(index, labels[i]!)
    if (match) return imitation(match)
  }
  const spread = containedBrand(index, labels.slice(-MAX_REJOINED).join('').replace(/-/g, ''))
  return spread ? { slug: spread.slug, source: spread.source, how: 'contains' } : null
}

/**
 * The official host a hostname is, or is a subdomain of; first, when the link's path is known
 * (a bare host or an address's domain is no page), the official page (a record website
 * written with a path: facebook.com/jemfix, jemfix.com/sv) that the path and query are on,
 * the longest when pages nest.
 */
export function officialHostOf(
  index: ContactIndex,
  hostname: string,
  path: string | null = null,
  query = '',
): { host: string; slug: string } | null {
  if (path !== null) {
    const pageHost = pageHostOf(hostname)
    const pages = index.officialPages.get(pageHost)
    const link = pages ? linkPageOf(path, query) : null
    const page = link && pages ? pageOf(pages, link) : null
    if (page) return { host: `${pageHost}${page.path}${page.query}`, slug: page.slug }
  }
  let candidate = hostname
  for (;;) {
    const slug = index.officialHosts.get(candidate)
    if (slug) return { host: candidate, slug }
    const dot = candidate.indexOf('.')
    if (dot < 0) return null
    candidate = candidate.slice(dot + 1)
  }
}

/** The pages of one host filed by pageLookupKey, built when the host is first asked about. */
const pagesByKey = new WeakMap<readonly OfficialPageOwner[], Map<string, OfficialPageOwner[]>>()

/** The official page a link is on, the longest when pages nest; lookups linear in the link. */
function pageOf(pages: readonly OfficialPageOwner[], link: LinkPage): OfficialPageOwner | null {
  let filed = pagesByKey.get(pages)
  if (!filed) {
    filed = new Map()
    for (const page of pages) {
      const key = pageLookupKey(page)
      const same = filed.get(key)
      if (same) same.push(page)
      else filed.set(key, [page])
    }
    pagesByKey.set(pages, filed)
  }
  let found: OfficialPageOwner | null = null
  for (const key of lookupKeysOf(link)) {
    for (const page of filed.get(key) ?? []) {
      if (isOnPage(link, page) && (!found || page.path.length >= found.path.length)) found = page
    }
  }
  return found
}

/** jemfix.com.se or jemfix.com.order.example: an official host followed by more labels. */
function stackedOfficialHost(
  index: ContactIndex,
  labels: readonly string[],
): { host: string; slug: string } | null {
  for (let start = 0; start < labels.length - 1; start++) {
    for (let size = 2; size <= index.maxOfficialLabels && start + size < labels.length; size++) {
      const candidate = labels.slice(start, start + size).join('.')
      const slug = index.officialHosts.get(candidate)
      if (slug) return { host: candidate, slug }
    }
  }
  return null
}

function labelsOf(hostname: string): string[] {
  const parts = hostParts(hostname)
  return parts ? [...parts.subdomainLabels, parts.label] : hostname.split('.')
}

/** What the rules ask about one host, each worked out at most once (public suffix lookups cost). */
class HostFacts {
  private icannParts: HostParts | null | undefined
  private site: HostedSite | null | undefined
  private ownerName: string | undefined

  constructor(
    private readonly host: Host,
    private readonly path: string,
  ) {}

  private get parts(): HostParts | null {
    if (this.icannParts === undefined) this.icannParts = hostParts(this.host.name)
    return this.icannParts
  }

  /** Registrable domain under the ICANN section (what shorteners and free mail are listed by). */
  get registrable(): string | null {
    return this.parts?.registrable ?? null
  }

  /** The labels left of the ICANN public suffix. */
  get labels(): string[] {
    const parts = this.parts
    return parts ? [...parts.subdomainLabels, parts.label] : this.host.name.split('.')
  }

  get owner(): string {
    this.ownerName ??= ownerDomain(this.host)
    return this.ownerName
  }

  get hostedSite(): HostedSite | null {
    if (this.site === undefined) this.site = hostedSite(this.host.name, this.path)
    return this.site
  }
}

/** The owner domain of a host, as findings are grouped: eTLD+1 under the whole list. */
export function ownerDomain(host: Host): string {
  if (host.type !== 'name') return host.name
  return hostParts(host.name, true)?.registrable ?? host.name
}

type Rule = (index: ContactIndex, subject: HostSubject, facts: HostFacts) => HostJudgment | null

const notAName: Rule = (index, { host }) => {
  switch (host.type) {
    case 'name':
      return null
    case 'ipv4':
    case 'ipv6':
      return {
        status: 'not-official',
        company: null,
        reason: { code: 'ip-address', host: host.name },
      }
    case 'too-long':
      return { status: 'not-official', company: null, reason: { code: 'too-long' } }
    case 'single-label':
    case 'unlisted-suffix': {
      const imitated = imitatedBy(index, host.name.split('.'))
      return {
        status: imitated ? 'lookalike' : 'not-official',
        company: imitated?.slug ?? null,
        reason:
          host.type === 'single-label'
            ? { code: 'no-dot', host: host.name, imitation: imitated }
            : { code: 'unlisted-suffix', host: host.name, imitation: imitated },
      }
    }
  }
}

const userinfoTrick: Rule = (index, { userinfo }, facts) => {
  if (!userinfo) return null
  const shownHost = userinfo.split(':', 1)[0]!.toLowerCase()
  const trick =
    officialHostOf(index, shownHost)?.slug ??
    imitatedBy(index, shownHost.split('.').slice(0, 1))?.slug ??
    imitatedBy(index, labelsOf(shownHost))?.slug ??
    null
  return {
    status: trick ? 'lookalike' : 'not-official',
    company: trick,
    reason: { code: 'userinfo', shown: userinfo, host: facts.owner },
  }
}

const official: Rule = (index, { host, as, path, query, evidence }) => {
  const found = officialHostOf(index, host.name, as === 'url' ? path : null, query)
  if (!found) return null
  if (host.unicodeDots) {
    return {
      status: 'lookalike',
      company: found.slug,
      reason: { code: 'unicode-dots', host: host.name, slug: found.slug },
    }
  }
  const elsewhere = evidence.forwardsTo?.find((target) => !officialHostOf(index, target))
  const reason: Reason = elsewhere
    ? { code: 'official-forwards', officialHost: found.host, slug: found.slug, target: elsewhere }
    : as === 'email'
      ? { code: 'official-email', officialHost: found.host, slug: found.slug }
      : { code: 'official-host', host: host.name, officialHost: found.host, slug: found.slug }
  return { status: 'official', company: found.slug, reason }
}

const shownOfficial: Rule = (index, { evidence }, facts) => {
  const shown = evidence.shownHost ? officialHostOf(index, evidence.shownHost) : null
  if (!shown || !evidence.shownHost) return null
  return {
    status: 'lookalike',
    company: shown.slug,
    reason: {
      code: 'shown-official',
      shownHost: evidence.shownHost,
      host: facts.owner,
      slug: shown.slug,
    },
  }
}

const forwardedFromOfficial: Rule = (index, { evidence }, facts) => {
  const outer = evidence.insideHost ? officialHostOf(index, evidence.insideHost) : null
  if (!outer || !evidence.insideHost) return null
  const imitated = imitatedBy(index, facts.labels)
  return {
    status: imitated ? 'lookalike' : 'not-official',
    company: outer.slug,
    reason: {
      code: 'forwarded',
      from: evidence.insideHost,
      host: facts.owner,
      slug: outer.slug,
    },
  }
}

const shortener: Rule = (_index, _subject, facts) => {
  const registrable = facts.registrable
  if (!registrable || !URL_SHORTENERS.has(registrable)) return null
  return { status: 'not-official', company: null, reason: { code: 'shortener', host: registrable } }
}

/**
 * Another page on a host where a record lists pages only (play.google.com, jemfix.com/sv):
 * the record says nothing of it, so it is unknown, and never a lookalike of the company the
 * host's name may spell.
 */
const otherPage: Rule = (index, { host }) => {
  const pageHost = pageHostOf(host.name)
  const pages = index.officialPages.get(pageHost)
  if (!pages) return null
  const owners = new Set(pages.map((p) => p.slug))
  const slug = owners.size === 1 ? pages[0]!.slug : null
  return {
    status: 'unknown',
    company: slug,
    reason: {
      code: 'other-page',
      host: pageHost,
      // One company's pages are worth naming; a platform where many have one is not.
      pages: slug ? pages.slice(0, 3).map((p) => `${pageHost}${p.path}${p.query}`) : [],
      slug,
    },
  }
}

const stacked: Rule = (index, { host }, facts) => {
  const found = stackedOfficialHost(index, host.name.split('.'))
  if (!found) return null
  return {
    status: 'lookalike',
    company: found.slug,
    reason: {
      code: 'stacked',
      officialHost: found.host,
      host: facts.owner,
      slug: found.slug,
    },
  }
}

const hosted: Rule = (index, { host }, facts) => {
  const site = facts.hostedSite
  const imitated = site ? imitatedBy(index, site.chosen) : null
  if (!site || !imitated) return null
  return {
    status: 'lookalike',
    company: imitated.slug,
    reason: {
      code: 'hosted',
      host: host.name,
      hosting: { service: site.service, suffix: site.suffix },
      imitation: imitated,
    },
  }
}

const lookalike: Rule = (index, { host }, facts) => {
  const imitated = imitatedBy(index, facts.labels)
  if (!imitated) return null
  return {
    status: 'lookalike',
    company: imitated.slug,
    reason: { code: 'lookalike-host', host: host.name, imitation: imitated },
  }
}

const freeMail: Rule = (_index, { as }, facts) => {
  const registrable = facts.registrable
  if (as !== 'email' || !registrable || !FREE_MAIL_DOMAINS.has(registrable)) return null
  return { status: 'not-official', company: null, reason: { code: 'free-mail', host: registrable } }
}

const unknown: Rule = (_index, _subject, facts) => {
  const site = facts.hostedSite
  return {
    status: 'unknown',
    company: null,
    reason: {
      code: 'unknown-host',
      host: facts.owner,
      hosting: site ? { service: site.service, suffix: site.suffix } : null,
    },
  }
}

/**
 * The rules for a host, in order; the first that applies decides. Official comes after the
 * checks that no official host can pass (IP literals, dotless hosts, the userinfo trick),
 * and before everything that judges a stranger.
 */
const RULES: readonly Rule[] = [
  notAName,
  userinfoTrick,
  official,
  shownOfficial,
  forwardedFromOfficial,
  shortener,
  otherPage,
  stacked,
  hosted,
  lookalike,
  freeMail,
  unknown,
]

/** Judges a host met in a link, a bare domain or an e-mail address. */
export function judgeHost(index: ContactIndex, subject: HostSubject): HostJudgment {
  const facts = new HostFacts(subject.host, subject.path)
  for (const rule of RULES) {
    const judgment = rule(index, subject, facts)
    if (judgment) return judgment
  }
  throw new Error('the last host rule always applies')
}
