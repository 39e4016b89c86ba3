import { type Phone, type SocialPlatform, smsSenderKey } from '../alert-schema'
import { type Catalog, officialHostsOf, officialSharedSitesOf } from '../catalog'
import { hostParts } from '../domain'
import { compactNames, nameTokens } from './company-names'
import { skeleton } from './skeleton'
import { deletionVariants } from './typos'
import { visualKey } from './visual'

/** What the checker needs to know about one company. */
export interface CheckedCompany {
  slug: string
  name: string
  officialHosts: string[]
  phones: Phone[]
  social: { platform: SocialPlatform; handle: string }[]
  /** SMS sender names the company states it uses; empty when no source names any. */
  smsSenders: string[]
  tips: string[]
  alerts: { id: string; title: string }[]
}

/** A brand word (jemfix) and where it comes from (the official host jemfix.com, or the name). */
export interface BrandRef {
  slug: string
  brand: string
  source: string
}

/** Shortest brand word used for fuzzy matching; shorter ones match too much by chance. */
export const MIN_BRAND_LENGTH = 4

/**
 * Every lookup the checker makes, built once when the records load, so that checking a
 * message costs a few map lookups per item whatever the number of companies.
 */
export interface ContactIndex {
  companies: ReadonlyMap<string, CheckedCompany>
  /** Official hostname (no www.) → company. Subdomains of an official host are official. */
  officialHosts: ReadonlyMap<string, string>
  /**
   * A shared host (sharedHostOf: facebook.com, sites.google.com) → the official sites on it,
   * each a path: only that path and the pages under it are official, never the whole host.
   */
  officialSharedSites: ReadonlyMap<string, { path: string; slug: string }[]>
  /** Most labels in an official hostname (jemfix.com: 2), bounding the stacked-host search. */
  maxOfficialLabels: number
  brands: ReadonlyMap<string, BrandRef[]>
  /** First three letters of a brand word → the lengths of brand words starting with them. */
  brandPrefixes: ReadonlyMap<string, readonly number[]>
  /** Skeleton of a brand word → brand words. */
  skeletons: ReadonlyMap<string, string[]>
  /** Visual key of a brand word's skeleton → brand words (ASCII glyph substitutions). */
  visualKeys: ReadonlyMap<string, string[]>
  /** Each brand word and its one-deletion variants → brand words (SymSpell). */
  brandDeletions: ReadonlyMap<string, string[]>
  phones: ReadonlyMap<string, { slug: string; phone: Phone }>
  /** An official number with two digits masked → official numbers (finds numbers ≤ 2 digits off). */
  phoneMasks: ReadonlyMap<string, string[]>
  /** `platform:handle` (lowercase) → company. */
  handles: ReadonlyMap<string, string>
  /** Lowercase handle → every platform and company that has it. */
  handlesAnyPlatform: ReadonlyMap<string, { platform: SocialPlatform; slug: string }[]>
  /** An SMS sender name as compared (smsSenderKey) → company. */
  smsSenders: ReadonlyMap<string, string>
  /** First word of a name or alias → the names starting with it. */
  names: ReadonlyMap<string, { tokens: string[]; slug: string }[]>
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Two-digit masks of an E.164 number's digits, the keys of ContactIndex.phoneMasks. */
export function phoneMasks(e164: string): string[] {
  const masks: string[] = []
  for (let i = 1; i < e164.length; i++) {
    for (let j = i + 1; j < e164.length; j++) {
      masks.push(`${e164.slice(0, i)}?${e164.slice(i + 1, j)}?${e164.slice(j + 1)}`)
    }
  }
  return masks
}

function brandWordOfHost(host: string): string | null {
  const parts = hostParts(host)
  if (!parts) return null
  // jemfix.com → jemfix; shop.example.com (not the owner of example.com) → shop
  return parts.subdomainLabels[0] ?? parts.label
}

/** Builds the checker's index from the catalog. */
export function buildContactIndex(catalog: Catalog): ContactIndex {
  const companies = new Map<string, CheckedCompany>()
  const officialHosts = new Map<string, string>()
  const officialSharedSites = new Map<string, { path: string; slug: string }[]>()
  const brands = new Map<string, BrandRef[]>()
  const phones = new Map<string, { slug: string; phone: Phone }>()
  const phoneMaskIndex = new Map<string, string[]>()
  const handles = new Map<string, string>()
  const handlesAnyPlatform = new Map<string, { platform: SocialPlatform; slug: string }[]>()
  const smsSenders = new Map<string, string>()
  const names = new Map<string, { tokens: string[]; slug: string }[]>()

  const addBrand = (brand: string, ref: Omit<BrandRef, 'brand'>) => {
    if (brand.length < MIN_BRAND_LENGTH) return
    const refs = brands.get(brand) ?? []
    if (!refs.some((r) => r.slug === ref.slug)) refs.push({ ...ref, brand })
    brands.set(brand, refs)
  }

  for (const company of catalog.companies.values()) {
    const { official, slug } = company
    const officialHostList = officialHostsOf(official)
    for (const host of officialHostList) {
      officialHosts.set(host, slug)
      const word = brandWordOfHost(host)
      if (word) addBrand(word, { slug, source: host })
    }
    // No brand word from a shared host: facebook.com says nothing of the company's name.
    for (const { host, path } of officialSharedSitesOf(official)) {
      push(officialSharedSites, host, { path, slug })
    }
    for (const name of [company.name, ...company.aliases]) {
      for (const word of compactNames(name)) addBrand(word, { slug, source: company.name })
      const tokens = nameTokens(name)
      if (tokens[0]) push(names, tokens[0], { tokens, slug })
    }
    for (const phone of official.phones) {
      phones.set(phone.number, { slug, phone })
      for (const mask of phoneMasks(phone.number)) push(phoneMaskIndex, mask, phone.number)
    }
    for (const { platform, handle } of official.social) {
      handles.set(`${platform}:${handle.toLowerCase()}`, slug)
      push(handlesAnyPlatform, handle.toLowerCase(), { platform, slug })
    }
    for (const sender of official.smsSenders ?? []) smsSenders.set(smsSenderKey(sender), slug)
    companies.set(slug, {
      slug,
      name: company.name,
      officialHosts: officialHostList,
      phones: official.phones,
      social: official.social.map(({ platform, handle }) => ({ platform, handle })),
      smsSenders: official.smsSenders ?? [],
      tips: [...new Set(company.alerts.flatMap((a) => a.tips))],
      alerts: company.alerts.map((a) => ({ id: a.id, title: a.title })),
    })
  }

  const skeletons = new Map<string, string[]>()
  const visualKeys = new Map<string, string[]>()
  const brandDeletions = new Map<string, string[]>()
  const prefixLengths = new Map<string, Set<number>>()
  for (const brand of brands.keys()) {
    const shape = skeleton(brand)
    push(skeletons, shape, brand)
    push(visualKeys, visualKey(shape), brand)
    for (const variant of new Set(deletionVariants(brand))) push(brandDeletions, variant, brand)
    const prefix = brand.slice(0, 3)
    prefixLengths.set(prefix, (prefixLengths.get(prefix) ?? new Set()).add(brand.length))
  }

  return {
    companies,
    officialHosts,
    officialSharedSites,
    maxOfficialLabels: Math.max(0, ...[...officialHosts.keys()].map((h) => h.split('.').length)),
    brands,
    brandPrefixes: new Map(
      [...prefixLengths].map(([prefix, lengths]) => [prefix, [...lengths].sort((a, b) => b - a)]),
    ),
    skeletons,
    visualKeys,
    brandDeletions,
    phones,
    phoneMasks: phoneMaskIndex,
    handles,
    handlesAnyPlatform,
    smsSenders,
    names,
  }
}
