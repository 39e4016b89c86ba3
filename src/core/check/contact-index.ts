import { type Phone, type SocialPlatform, smsSenderKey } from '../alert-schema'
import { type Catalog, type Company, officialHostsOf, officialPagesOf } from '../catalog'
import { hostParts } from '../domain'
import { compactNames, nameTokens } from './company-names'
import {
  DeletionLookup,
  DerivedKeyIndex,
  type DerivedKeys,
  deletionHashes,
  type KeyLookup,
  keyHash,
  withCodeUnit,
} from './derived-keys'
import { websiteAccountsOf } from './handles'
import type { OfficialPage } from './hosting'
import { skeleton } from './skeleton'
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
   * A host (pageHostOf: facebook.com, play.google.com, jemfix.com) → the official pages on it,
   * from websites written with a path or a query: only each page and the pages under it are
   * official, never the whole host.
   */
  officialPages: ReadonlyMap<string, OfficialPageOwner[]>
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
  brandDeletions: KeyLookup<string[]>
  phones: ReadonlyMap<string, { slug: string; phone: Phone }>
  /** An official number with two digits masked → official numbers (finds numbers ≤ 2 digits off). */
  phoneMasks: KeyLookup<string[]>
  /** `platform:handle` (lowercase) → company. */
  handles: ReadonlyMap<string, string>
  /** Lowercase handle → every platform and company that has it. */
  handlesAnyPlatform: ReadonlyMap<string, { platform: SocialPlatform; slug: string }[]>
  /** An SMS sender name as compared (smsSenderKey) → company. */
  smsSenders: ReadonlyMap<string, string>
  /** First word of a name or alias → the names starting with it. */
  names: ReadonlyMap<string, { tokens: string[]; slug: string }[]>
}

/**
 * What building the index computes from the records (owner domains through the public
 * suffix list, Unicode skeletons, name words), in the order the index files it. This is
 * what the serialized index keeps (index-snapshot.ts); `indexFromData` only files it into
 * maps, so an index loaded from a snapshot and one built from the records are one thing.
 */
export interface IndexData {
  /** In the catalog's order. */
  companies: CompanyData[]
  /** Every brand word (MIN_BRAND_LENGTH letters or more), in the order first seen. */
  brands: BrandData[]
}

export interface CompanyData extends CheckedCompany {
  /** The name words (nameTokens) of the name and each alias that has any. */
  names: string[][]
  /** Its websites written with a path or a query (officialPagesOf). */
  pages: OfficialPage[]
}

/** One official page on a host: the page and its company. */
export interface OfficialPageOwner extends OfficialPage {
  slug: string
}

export interface BrandData {
  brand: string
  refs: BrandRef[]
  skeleton: string
  /** visualKey of the skeleton. */
  visualKey: string
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
  return indexFromData(collectIndexData(catalog))
}

/** What the checker keeps of a company: its hosts as officialHostsOf gives them. */
export function checkedCompany(
  company: Pick<Company, 'slug' | 'name' | 'official' | 'alerts'>,
  officialHosts: string[],
): CheckedCompany {
  const { slug, name, official, alerts } = company
  const social = official.social.map(({ platform, handle }) => ({ platform, handle }))
  for (const account of websiteAccountsOf(official.websites)) {
    const key = (a: { platform: string; handle: string }) =>
      `${a.platform}:${a.handle.toLowerCase()}`
    if (!social.some((s) => key(s) === key(account))) social.push(account)
  }
  return {
    slug,
    name,
    officialHosts,
    phones: official.phones,
    social,
    smsSenders: official.smsSenders ?? [],
    tips: [...new Set(alerts.flatMap((a) => a.tips))],
    alerts: alerts.map((a) => ({ id: a.id, title: a.title })),
  }
}

/** The costly part of building the index: what each company and brand word yields. */
export function collectIndexData(catalog: Catalog): IndexData {
  const companies: CompanyData[] = []
  const brands = new Map<string, BrandData>()
  const addBrand = (brand: string, ref: Omit<BrandRef, 'brand'>) => {
    if (brand.length < MIN_BRAND_LENGTH) return
    let data = brands.get(brand)
    if (!data) {
      const shape = skeleton(brand)
      data = { brand, refs: [], skeleton: shape, visualKey: visualKey(shape) }
      brands.set(brand, data)
    }
    if (!data.refs.some((r) => r.slug === ref.slug)) data.refs.push({ ...ref, brand })
  }

  for (const company of catalog.companies.values()) {
    const { official, slug } = company
    const officialHostList = officialHostsOf(official)
    for (const host of officialHostList) {
      const word = brandWordOfHost(host)
      if (word) addBrand(word, { slug, source: host })
    }
    // No brand word from a page's host: facebook.com or play.google.com says nothing of the
    // company's name, and a page says nothing of who owns the rest of its host.
    const pages = officialPagesOf(official)
    const names: string[][] = []
    for (const name of [company.name, ...company.aliases]) {
      for (const word of compactNames(name)) addBrand(word, { slug, source: company.name })
      const tokens = nameTokens(name)
      if (tokens[0]) names.push(tokens)
    }
    companies.push({ ...checkedCompany(company, officialHostList), names, pages })
  }
  return { companies, brands: [...brands.values()] }
}

/** The brand word a deletion variant comes from, confirmed without building the variant. */
function isDeletionOf(variant: string, brand: string): boolean {
  if (variant === brand) return true
  if (variant.length !== brand.length - 1) return false
  let i = 0
  while (i < variant.length && variant.charCodeAt(i) === brand.charCodeAt(i)) i++
  return brand.endsWith(variant.slice(i))
}

/** A brand word's keys in brandDeletions: the word and its one-deletion variants. */
export const BRAND_DELETIONS: DerivedKeys<string> = {
  hashes: deletionHashes,
  has: (brand, variant) => isDeletionOf(variant, brand),
}

const MASK = '?'.charCodeAt(0)

/** Every mask of phoneMasks(e164), hashed like keyHash would hash the mask. */
function maskHashes(e164: string, emit: (hash: number) => void): void {
  const n = e164.length
  const mask = (hash: number, at: number) => withCodeUnit(hash, n, at, e164.charCodeAt(at), MASK)
  const whole = keyHash(e164)
  for (let i = 1; i < n; i++) {
    const once = mask(whole, i)
    for (let j = i + 1; j < n; j++) emit(mask(once, j))
  }
}

/** True when `mask` is one of phoneMasks(e164). */
function isMaskOf(mask: string, e164: string): boolean {
  if (mask.length !== e164.length) return false
  let masked = 0
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === e164[i]) continue
    if (mask[i] !== '?' || i === 0) return false
    masked++
  }
  return masked === 2
}

/** An official number's keys in phoneMasks: phoneMasks(number). */
export const PHONE_MASKS: DerivedKeys<string> = {
  hashes: maskHashes,
  has: (e164, mask) => isMaskOf(mask, e164),
}

/** Files what collectIndexData found into the checker's maps: cheap, no parsing or Unicode work. */
export function indexFromData(data: IndexData): ContactIndex {
  const companies = new Map<string, CheckedCompany>()
  const officialHosts = new Map<string, string>()
  const officialPages = new Map<string, OfficialPageOwner[]>()
  const phones = new Map<string, { slug: string; phone: Phone }>()
  const officialNumbers: string[] = []
  const handles = new Map<string, string>()
  const handlesAnyPlatform = new Map<string, { platform: SocialPlatform; slug: string }[]>()
  const smsSenders = new Map<string, string>()
  const names = new Map<string, { tokens: string[]; slug: string }[]>()

  for (const { names: companyNames, pages, ...company } of data.companies) {
    const { slug } = company
    for (const host of company.officialHosts) officialHosts.set(host, slug)
    for (const page of pages) push(officialPages, page.host, { ...page, slug })
    for (const tokens of companyNames) push(names, tokens[0]!, { tokens, slug })
    for (const phone of company.phones) {
      phones.set(phone.number, { slug, phone })
      officialNumbers.push(phone.number)
    }
    for (const { platform, handle } of company.social) {
      handles.set(`${platform}:${handle.toLowerCase()}`, slug)
      push(handlesAnyPlatform, handle.toLowerCase(), { platform, slug })
    }
    for (const sender of company.smsSenders) smsSenders.set(smsSenderKey(sender), slug)
    companies.set(slug, company)
  }

  const brands = new Map<string, BrandRef[]>()
  const skeletons = new Map<string, string[]>()
  const visualKeys = new Map<string, string[]>()
  const prefixLengths = new Map<string, Set<number>>()
  for (const { brand, refs, skeleton: shape, visualKey: key } of data.brands) {
    brands.set(brand, refs)
    push(skeletons, shape, brand)
    push(visualKeys, key, brand)
    const prefix = brand.slice(0, 3)
    prefixLengths.set(prefix, (prefixLengths.get(prefix) ?? new Set()).add(brand.length))
  }

  return {
    companies,
    officialHosts,
    officialPages,
    maxOfficialLabels: Math.max(0, ...[...officialHosts.keys()].map((h) => h.split('.').length)),
    brands,
    brandPrefixes: new Map(
      [...prefixLengths].map(([prefix, lengths]) => [prefix, [...lengths].sort((a, b) => b - a)]),
    ),
    skeletons,
    visualKeys,
    brandDeletions: new DeletionLookup([...brands.keys()], BRAND_DELETIONS),
    phones,
    phoneMasks: new DerivedKeyIndex(officialNumbers, PHONE_MASKS),
    handles,
    handlesAnyPlatform,
    smsSenders,
    names,
  }
}
