import { SOCIAL_PLATFORMS, type SocialPlatform, smsSenderKey } from '../alert-schema'
import type { Company } from '../catalog'
import {
  BRAND_DELETIONS,
  type BrandRef,
  type CheckedCompany,
  type ContactIndex,
  checkedCompany,
  collectIndexData,
  type IndexData,
  type OfficialPageOwner,
  PHONE_MASKS,
} from './contact-index'
import { DeletionLookup, DerivedKeyIndex, KeyedView } from './derived-keys'
import { INDEX_PROBE } from './index-probe'

/**
 * The serialized index's layout. Bump it with any change to encodeIndex, so that a snapshot
 * written by older code is refused instead of misread.
 */
export const INDEX_FORMAT = 6

// One JSON array of flat columns, for JSON.parse to read fast and gzip to pack well: strings
// and small numbers, no object per company or key. Per company (in the catalog's order) the
// count of its hosts, numbers, accounts, SMS sender names and names is kept, and the items
// themselves follow one another in one list per kind. What only a judgment needs (a phone's
// display form, tips, alert titles) is not here: it is read from that company's records in
// the catalog when first asked for.
type EncodedIndex = [
  format: number,
  slugs: string[],
  hosts: string[],
  hostsPer: number[],
  maxOfficialLabels: number,
  numbers: string[],
  numbersPer: number[],
  /** Per account: its platform (position in SOCIAL_PLATFORMS), then its lowercase handle or 0 when that is the slug. */
  accounts: (number | string)[],
  accountsPer: number[],
  /** smsSenderKey of each name. */
  senders: string[],
  sendersPer: number[],
  /** The words of each name, joined by a space (no word holds one); 0 when that is the slug. */
  names: (string | 0)[],
  namesPer: number[],
  /** Each brand word, or 0 when it is the slug of its first ref's company. */
  brands: (string | 0)[],
  /** Per brand: how many refs, then company and source of each (-1: the name; n: host n). */
  refs: (number | string)[],
  /** Per brand: its skeleton, or 0 when it is the word itself. */
  skeletons: (string | 0)[],
  /** Per brand: the visual key of its skeleton, or 0 when it is the skeleton. */
  visualKeys: (string | 0)[],
  prefixes: [prefix: string, ...lengths: number[]][],
  /** Per official page: its host, path and query and the company's position. */
  pages: (string | number)[],
]

const NAME_SOURCE = -1
const PLATFORMS = Object.keys(SOCIAL_PLATFORMS) as SocialPlatform[]

/** The checker's index as JSON text, from what collectIndexData found. */
export function encodeIndex(data: IndexData): string {
  const position = new Map(data.companies.map((company, i) => [company.slug, i]))
  const column = <T>(each: (company: IndexData['companies'][number]) => T[]) => {
    const items: T[] = []
    const per: number[] = []
    for (const company of data.companies) {
      const own = each(company)
      items.push(...own)
      per.push(own.length)
    }
    return [items, per] as const
  }
  const [hosts, hostsPer] = column((c) => c.officialHosts)
  const [numbers, numbersPer] = column((c) => c.phones.map((p) => p.number))
  const [accountList, accountsPer] = column((c) =>
    c.social.map(({ platform, handle }) => ({ platform, handle, slug: c.slug })),
  )
  const accounts = accountList.flatMap(({ platform, handle, slug }) => [
    PLATFORMS.indexOf(platform),
    handle.toLowerCase() === slug ? 0 : handle.toLowerCase(),
  ])
  const [senders, sendersPer] = column((c) => c.smsSenders.map(smsSenderKey))
  const [names, namesPer] = column((c) =>
    c.names.map((tokens) => (tokens.join(' ') === c.slug ? 0 : tokens.join(' '))),
  )
  const refs: (number | string)[] = []
  for (const { refs: brandRefs } of data.brands) {
    refs.push(brandRefs.length)
    for (const { slug, source } of brandRefs) {
      const company = position.get(slug)
      if (company === undefined) throw new Error(`a brand refers to ${slug}, which is no company`)
      const { name, officialHosts } = data.companies[company]!
      const host = officialHosts.indexOf(source)
      refs.push(company, source === name ? NAME_SOURCE : host >= 0 ? host : source)
    }
  }
  const prefixes = new Map<string, Set<number>>()
  for (const { brand } of data.brands) {
    const prefix = brand.slice(0, 3)
    prefixes.set(prefix, (prefixes.get(prefix) ?? new Set()).add(brand.length))
  }
  const encoded: EncodedIndex = [
    INDEX_FORMAT,
    data.companies.map((c) => c.slug),
    hosts,
    hostsPer,
    hosts.reduce((most, host) => Math.max(most, host.split('.').length), 0),
    numbers,
    numbersPer,
    accounts,
    accountsPer,
    senders,
    sendersPer,
    names,
    namesPer,
    data.brands.map((b) => (b.brand === b.refs[0]?.slug ? 0 : b.brand)),
    refs,
    data.brands.map((b) => (b.skeleton === b.brand ? 0 : b.skeleton)),
    data.brands.map((b) => (b.visualKey === b.skeleton ? 0 : b.visualKey)),
    [...prefixes].map(([prefix, lengths]) => [prefix, ...[...lengths].sort((a, b) => b - a)]),
    data.companies.flatMap((c, position) =>
      c.pages.flatMap(({ host, path, query }) => [host, path, query, position]),
    ),
  ]
  return JSON.stringify(encoded)
}

/** For each item of a column, the company it belongs to. */
function owners(per: readonly number[]): Int32Array {
  const owner = new Int32Array(per.reduce((sum, n) => sum + n, 0))
  let at = 0
  per.forEach((n, company) => {
    owner.fill(company, at, at + n)
    at += n
  })
  return owner
}

/** Where each company's items start in a column. */
function starts(per: readonly number[]): Int32Array {
  const start = new Int32Array(per.length)
  for (let i = 1; i < per.length; i++) start[i] = start[i - 1]! + per[i - 1]!
  return start
}

/**
 * An object whose properties are made by their builders on first read, each on its own,
 * then kept as plain values.
 */
function lazyFields<T extends object>(builders: { [K in keyof T]: () => T[K] }): T {
  const target = {} as T
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = builders[key]()
        Object.defineProperty(target, key, { value, enumerable: true })
        return value
      },
    })
  }
  return target
}

type Builders<T> = { [K in keyof T]: () => T[K] }

/**
 * The checker's index over what encodeIndex wrote (`text`, read when first needed): the same
 * lookups with the same answers as the index built from the records. Each lookup is built
 * when first used, from hashed columns, and a company's details are read from the catalog
 * (`company`, by position) when first asked for.
 */
export function loadIndex(
  text: () => string,
  company: (position: number) => Company,
): ContactIndex {
  let builders: Builders<ContactIndex> | undefined
  const build = <K extends keyof ContactIndex>(key: K) => {
    builders ??= indexBuilders(text(), company)
    return builders[key]()
  }
  return lazyFields<ContactIndex>({
    companies: () => build('companies'),
    officialHosts: () => build('officialHosts'),
    officialPages: () => build('officialPages'),
    maxOfficialLabels: () => build('maxOfficialLabels'),
    brands: () => build('brands'),
    brandPrefixes: () => build('brandPrefixes'),
    skeletons: () => build('skeletons'),
    visualKeys: () => build('visualKeys'),
    brandDeletions: () => build('brandDeletions'),
    phones: () => build('phones'),
    phoneMasks: () => build('phoneMasks'),
    handles: () => build('handles'),
    handlesAnyPlatform: () => build('handlesAnyPlatform'),
    smsSenders: () => build('smsSenders'),
    names: () => build('names'),
  })
}

/** How each lookup is built from the parsed columns. Throws on another format. */
function indexBuilders(
  text: string,
  company: (position: number) => Company,
): Builders<ContactIndex> {
  const encoded = JSON.parse(text) as EncodedIndex
  const [format, slugs, hosts, hostsPer, maxOfficialLabels, numbers, numbersPer] = encoded
  if (format !== INDEX_FORMAT)
    throw new Error(`the index is in format ${format}; this code reads format ${INDEX_FORMAT}`)
  const [accounts, accountsPer, senders, sendersPer, encodedNames, namesPer] = encoded.slice(
    7,
    13,
  ) as [(number | string)[], number[], string[], number[], (string | 0)[], number[]]
  const [encodedBrands, refs, skeletons, visualKeys, prefixes, pages] = encoded.slice(13) as [
    (string | 0)[],
    (number | string)[],
    (string | 0)[],
    (string | 0)[],
    [string, ...number[]][],
    (string | number)[],
  ]
  const last =
    <T>(of: (position: number) => T) =>
    (positions: readonly number[]) =>
      of(positions.at(-1)!)
  const all =
    <T>(of: (position: number) => T) =>
    (positions: readonly number[]) =>
      positions.map(of)

  const hostStart = starts(hostsPer)
  const checked = new Map<number, CheckedCompany>()
  const checkedAt = (position: number) => {
    let found = checked.get(position)
    if (!found) {
      const own = hosts.slice(hostStart[position]!, hostStart[position]! + hostsPer[position]!)
      found = checkedCompany(company(position), own)
      checked.set(position, found)
    }
    return found
  }
  const numberOwner = owners(numbersPer)
  const numberStart = starts(numbersPer)
  const accountOwner = owners(accountsPer)
  const handles = Array.from(accountOwner, (owner, i) => {
    const handle = accounts[2 * i + 1]!
    return handle === 0 ? slugs[owner]! : (handle as string)
  })
  const platformAt = (i: number) => PLATFORMS[accounts[2 * i] as number]!
  const nameOwner = owners(namesPer)
  const names = encodedNames.map((name, i) => (name === 0 ? slugs[nameOwner[i]!]! : name))
  const slugOf = (owner: Int32Array) => (i: number) => slugs[owner[i]!]!

  // Each brand's refs start at refStart[brand] in `refs`: a count, then pairs.
  const refStart = new Int32Array(encodedBrands.length)
  for (let brand = 0, at = 0; brand < encodedBrands.length; brand++) {
    refStart[brand] = at
    at += 1 + 2 * (refs[at] as number)
  }
  const brands = encodedBrands.map((brand, i) =>
    brand === 0 ? slugs[refs[refStart[i]! + 1] as number]! : brand,
  )
  const refsOf = (brand: number): BrandRef[] => {
    const at = refStart[brand]!
    return Array.from({ length: refs[at] as number }, (_, i) => {
      const position = refs[at + 1 + 2 * i] as number
      const source = refs[at + 2 + 2 * i]!
      return {
        slug: slugs[position]!,
        brand: brands[brand]!,
        source:
          typeof source === 'string'
            ? source
            : source === NAME_SOURCE
              ? company(position).name
              : hosts[hostStart[position]! + source]!,
      }
    })
  }
  const skeletonOf = (brand: number) => {
    const shape = skeletons[brand]
    return shape === 0 || shape === undefined ? brands[brand]! : shape
  }

  return {
    companies: () => new KeyedView(slugs, last(checkedAt)),
    officialHosts: () => new KeyedView(hosts, last(slugOf(owners(hostsPer)))),
    officialPages: () => {
      const byHost = new Map<string, OfficialPageOwner[]>()
      for (let i = 0; i + 3 < pages.length; i += 4) {
        const host = pages[i] as string
        const page = {
          host,
          path: pages[i + 1] as string,
          query: pages[i + 2] as string,
          slug: slugs[pages[i + 3] as number]!,
        }
        const onHost = byHost.get(host)
        if (onHost) onHost.push(page)
        else byHost.set(host, [page])
      }
      return byHost
    },
    maxOfficialLabels: () => maxOfficialLabels,
    brands: () => new KeyedView(brands, last(refsOf)),
    brandPrefixes: () => new Map(prefixes.map(([prefix, ...lengths]) => [prefix, lengths])),
    skeletons: () =>
      new KeyedView(
        brands.map((_, i) => skeletonOf(i)),
        all((i) => brands[i]!),
      ),
    visualKeys: () =>
      new KeyedView(
        brands.map((_, i) => {
          const key = visualKeys[i]
          return key === 0 || key === undefined ? skeletonOf(i) : key
        }),
        all((i) => brands[i]!),
      ),
    brandDeletions: () => new DeletionLookup(brands, BRAND_DELETIONS),
    phones: () =>
      new KeyedView(
        numbers,
        last((i) => {
          const owner = numberOwner[i]!
          const phone = company(owner).official.phones[i - numberStart[owner]!]!
          return { slug: slugs[owner]!, phone }
        }),
      ),
    phoneMasks: () => new DerivedKeyIndex(numbers, PHONE_MASKS),
    handles: () =>
      new KeyedView(
        handles.map((handle, i) => `${platformAt(i)}:${handle}`),
        last(slugOf(accountOwner)),
      ),
    handlesAnyPlatform: () =>
      new KeyedView(
        handles,
        all((i) => ({
          platform: platformAt(i),
          slug: slugs[accountOwner[i]!]!,
        })),
      ),
    smsSenders: () => new KeyedView(senders, last(slugOf(owners(sendersPer)))),
    names: () =>
      new KeyedView(
        names.map((name) => name.slice(0, name.indexOf(' ') >>> 0)),
        all((i) => ({ tokens: names[i]!.split(' '), slug: slugs[nameOwner[i]!]! })),
      ),
  }
}

/**
 * What the index-building code makes of a fixed set of fictional records, as a short hash.
 * A snapshot keeps the fingerprint of the code that wrote it; code that fingerprints
 * differently (a changed skeleton, name or host rule, a changed encoding) refuses it,
 * because its own index of the same records would differ.
 */
export function indexFingerprint(): string {
  return hash53(encodeIndex(collectIndexData(INDEX_PROBE())))
}

/** cyrb53 (public domain): a fast 53-bit string hash, as 14 hex digits. Not for secrets. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
