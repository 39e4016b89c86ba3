import punycode from 'punycode.js'
import { SOCIAL_PLATFORMS, type SocialPlatform } from '../alert-schema'
import { type HostParts, hostParts, isIpLiteral } from '../domain'
import { type BrandMatch, matchBrand, type Resemblance } from './brand-match'
import type { ContactIndex } from './contact-index'
import { phoneMasks } from './contact-index'
import type { ExtractedItem } from './extract'
import { FREE_MAIL_DOMAINS, URL_SHORTENERS } from './lists'
import { hammingDistance } from './typos'
import type { Finding } from './verdict-types'

type Judgement = Pick<Finding, 'status' | 'reason' | 'company' | 'normalized'>

const HOW: Record<Resemblance, string> = {
  'same-name': 'är ett annat konto med samma namn',
  contains: 'innehåller namnet med andra ord runt omkring',
  homoglyph: 'använder tecken som bara liknar de rätta (t.ex. rn för m eller kyrilliska bokstäver)',
  omission: 'saknar en bokstav',
  insertion: 'har en extra bokstav',
  replacement: 'har en utbytt bokstav',
  repetition: 'har en dubblerad bokstav',
  transposition: 'har två bokstäver som bytt plats',
  bitsquatting: 'har en bokstav som skiljer sig med en enda bit (bitsquatting)',
  'vowel-swap': 'har en utbytt vokal',
  hyphenation: 'har ett extra bindestreck',
  addition: 'har en extra bokstav på slutet',
}

function companyName(index: ContactIndex, slug: string): string {
  return index.companies.get(slug)?.name ?? slug
}

/** Swedish genitive: "Exempelbolagets", but "jem & fix" (a name ending in s, x or z takes no s). */
function owner(index: ContactIndex, slug: string): string {
  const name = companyName(index, slug)
  return /[sxz]$/i.test(name) ? name : `${name}s`
}

/** "xn--jmfix-gra.com (jémfix.com)" so readers see what the browser would show. */
function shown(hostname: string): string {
  if (!hostname.split('.').some((l) => l.startsWith('xn--'))) return hostname
  try {
    return `${hostname} (${punycode.toUnicode(hostname)})`
  } catch {
    return hostname
  }
}

function officialHostOf(
  index: ContactIndex,
  hostname: string,
): { host: string; slug: string } | null {
  const labels = hostname.split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.')
    const slug = index.officialHosts.get(candidate)
    if (slug) return { host: candidate, slug }
  }
  return null
}

function lookalikeReason(index: ContactIndex, what: string, match: BrandMatch): string {
  if (match.how === 'same-name') {
    return `${what} har samma namn som ${owner(index, match.ref.slug)} adress ${match.ref.source} men är en helt annan adress; det är inte en av företagets officiella adresser.`
  }
  return `${what} liknar ${companyName(index, match.ref.slug)} (${match.ref.source}) men ${HOW[match.how]}; det är inte en av företagets officiella adresser.`
}

/** Which company, if any, a hostname imitates, looking at every label left of the suffix. */
function imitatedBrand(index: ContactIndex, parts: HostParts): BrandMatch | null {
  let label = parts.label
  try {
    label = punycode.toUnicode(label)
  } catch {
    // keep the punycode form
  }
  const own = matchBrand(index, label)
  if (own) return own
  for (const sub of parts.subdomainLabels) {
    const match = matchBrand(index, sub)
    if (match) return match
  }
  return null
}

/** Judges a hostname met in a link, a bare domain or an e-mail address. */
export function judgeHost(
  index: ContactIndex,
  hostname: string,
  as: 'url' | 'domain' | 'email',
  userinfo: string | null = null,
): Judgement | null {
  const parts = hostParts(hostname)
  if (!parts) {
    if (isIpLiteral(hostname)) {
      return {
        normalized: hostname,
        status: 'not-official',
        company: null,
        reason: `Länken går till en IP-adress (${hostname}) i stället för ett namn; företag skickar inte sådana länkar.`,
      }
    }
    return null
  }
  const normalized = parts.registrable
  if (userinfo) {
    const userinfoParts = hostParts(userinfo)
    const trick =
      matchBrand(index, userinfo.replace(/\..*$/, '')) ??
      (userinfoParts ? imitatedBrand(index, userinfoParts) : null)
    return {
      normalized,
      status: trick ? 'lookalike' : 'not-official',
      company: trick?.ref.slug ?? null,
      reason: `Allt före @ i en länk ignoreras av webbläsaren: länken går till ${shown(parts.registrable)}, inte till ${userinfo}.`,
    }
  }
  const official = officialHostOf(index, hostname)
  if (official) {
    return {
      normalized,
      status: 'official',
      company: official.slug,
      reason:
        as === 'email'
          ? `Adressen slutar på @${official.host}, som är ${owner(index, official.slug)} officiella e-postdomän.`
          : hostname === official.host
            ? `${official.host} är en av ${owner(index, official.slug)} officiella adresser.`
            : `${hostname} hör till ${official.host}, en av ${owner(index, official.slug)} officiella adresser.`,
    }
  }
  if (URL_SHORTENERS.has(parts.registrable)) {
    return {
      normalized,
      status: 'not-official',
      company: null,
      reason: `${parts.registrable} är en länkförkortare som döljer vart länken egentligen leder; företag som varnar för bedrägerier skickar inte sådana länkar.`,
    }
  }
  const stacked = stackedOfficialHost(index, hostname)
  if (stacked) {
    return {
      normalized,
      status: 'lookalike',
      company: stacked.slug,
      reason: `Adressen börjar med ${stacked.host} men tillhör ${shown(parts.registrable)}; bara det som står närmast före toppdomänen avgör vem som äger adressen.`,
    }
  }
  const imitated = imitatedBrand(index, parts)
  if (imitated) {
    return {
      normalized,
      status: 'lookalike',
      company: imitated.ref.slug,
      reason: lookalikeReason(index, shown(hostname), imitated),
    }
  }
  if (as === 'email' && FREE_MAIL_DOMAINS.has(parts.registrable)) {
    return {
      normalized,
      status: 'not-official',
      company: null,
      reason: `${parts.registrable} är en gratis e-posttjänst där vem som helst kan skaffa en adress; inget företag skickar officiell e-post därifrån.`,
    }
  }
  return {
    normalized,
    status: 'unknown',
    company: null,
    reason: `${shown(parts.registrable)} finns inte bland de officiella adresserna i våra varningar.`,
  }
}

/** jemfix.com.se or jemfix.com.order.example: an official host followed by more labels. */
function stackedOfficialHost(
  index: ContactIndex,
  hostname: string,
): { host: string; slug: string } | null {
  const labels = hostname.split('.')
  for (let end = labels.length - 1; end >= 2; end--) {
    for (let start = 0; start < end - 1; start++) {
      const candidate = labels.slice(start, end).join('.')
      const slug = index.officialHosts.get(candidate)
      if (slug) return { host: candidate, slug }
    }
  }
  return null
}

/** Judges a phone number: official only on an exact E.164 match. */
export function judgePhone(index: ContactIndex, e164: string): Judgement {
  const exact = index.phones.get(e164)
  if (exact) {
    const label = exact.phone.label ? ` (${exact.phone.label})` : ''
    return {
      normalized: e164,
      status: 'official',
      company: exact.slug,
      reason: `${exact.phone.display} är ${owner(index, exact.slug)} officiella nummer${label}.`,
    }
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
    return {
      normalized: e164,
      status: 'lookalike',
      company: near.slug,
      reason: `Numret skiljer sig med ${nearest.distance === 1 ? 'en siffra' : 'två siffror'} från ${owner(index, near.slug)} officiella nummer ${near.phone.display}; ring bara det officiella numret.`,
    }
  }
  return {
    normalized: e164,
    status: 'unknown',
    company: null,
    reason: 'Numret finns inte bland de officiella numren i våra varningar.',
  }
}

function platformLabel(platform: SocialPlatform | null): string {
  return platform ? SOCIAL_PLATFORMS[platform].label : 'sociala medier'
}

/** Judges a social account: official only on the same platform with the same handle. */
export function judgeHandle(
  index: ContactIndex,
  platform: SocialPlatform | null,
  handle: string,
): Judgement {
  const lower = handle.toLowerCase()
  const normalized = `${platform ?? 'unknown'}:${lower}`
  if (platform) {
    const slug = index.handles.get(`${platform}:${lower}`)
    if (slug) {
      return {
        normalized,
        status: 'official',
        company: slug,
        reason: `${handle} är ${owner(index, slug)} officiella konto på ${platformLabel(platform)}.`,
      }
    }
  }
  const elsewhere = index.handlesAnyPlatform.get(lower)?.[0]
  if (elsewhere) {
    return {
      normalized,
      status: platform ? 'lookalike' : 'unknown',
      company: elsewhere.slug,
      reason: platform
        ? `${companyName(index, elsewhere.slug)} heter ${handle} på ${platformLabel(elsewhere.platform)}, inte på ${platformLabel(platform)}.`
        : `${handle} är ${owner(index, elsewhere.slug)} konto på ${platformLabel(elsewhere.platform)}; kontrollera att meddelandet verkligen kommer därifrån.`,
    }
  }
  const match = matchBrand(index, lower)
  if (match) {
    return {
      normalized,
      status: 'lookalike',
      company: match.ref.slug,
      reason: `Kontot ${handle} liknar ${companyName(index, match.ref.slug)} men ${HOW[match.how]}; det är inte företagets officiella konto${officialHandleHint(index, match.ref.slug, platform)}.`,
    }
  }
  return {
    normalized,
    status: 'unknown',
    company: null,
    reason: `Kontot ${handle} finns inte bland de officiella kontona i våra varningar.`,
  }
}

function officialHandleHint(
  index: ContactIndex,
  slug: string,
  platform: SocialPlatform | null,
): string {
  const accounts = index.companies.get(slug)?.social ?? []
  const same = accounts.filter((a) => !platform || a.platform === platform)
  if (same.length === 0) return ''
  return ` (det officiella heter ${same.map((a) => `${a.handle} på ${platformLabel(a.platform)}`).join(' och ')})`
}

/** Judges one extracted item. Returns null for something that turns out not to be a contact. */
export function judgeItem(index: ContactIndex, item: ExtractedItem): Finding | null {
  const judged =
    item.kind === 'phone'
      ? judgePhone(index, item.e164)
      : item.kind === 'handle'
        ? judgeHandle(index, item.platform, item.handle)
        : judgeHost(index, item.hostname, item.kind, item.kind === 'url' ? item.userinfo : null)
  if (!judged) return null
  const normalized = item.kind === 'email' ? item.address : judged.normalized
  return { kind: item.kind, value: item.value, ...judged, normalized }
}
