import type { Phone, SocialPlatform } from '../alert-schema'
import {
  type BrandData,
  type BrandRef,
  type CompanyData,
  collectIndexData,
  type IndexData,
} from './contact-index'
import { INDEX_PROBE } from './index-probe'

/**
 * The serialized index's layout. Bump it with any change to encodeIndexData, so that a
 * snapshot written by older code is refused instead of misread.
 */
export const INDEX_FORMAT = 1

// Compact JSON: arrays instead of objects, company positions instead of slugs, a brand's
// skeleton only when it differs from the word. A company is
// [slug, name, hosts, phones, social, smsSenders, tip numbers, alerts, name words];
// a brand is [word, refs, skeleton or 0, visual key or 0], a ref [company, source] where the
// source is -1 for the company's name or the position of one of its hosts.
type EncodedPhone = [number: string, display: string, label?: string]
type EncodedCompany = [
  slug: string,
  name: string,
  hosts: string[],
  phones: EncodedPhone[],
  social: [SocialPlatform, string][],
  smsSenders: string[],
  tips: number[],
  alerts: [id: string, title: string][],
  names: string[][],
]
type EncodedRef = [company: number, source: number | string]
type EncodedBrand = [brand: string, refs: EncodedRef[], skeleton: string | 0, visualKey: string | 0]
type EncodedIndex = [
  format: number,
  companies: EncodedCompany[],
  brands: EncodedBrand[],
  tips: string[],
]

const NAME_SOURCE = -1

/** IndexData as compact JSON; decodeIndexData gives back an equal IndexData. */
export function encodeIndexData(data: IndexData): string {
  const tips: string[] = []
  const tipNumbers = new Map<string, number>()
  const tipNumber = (tip: string) => {
    let n = tipNumbers.get(tip)
    if (n === undefined) {
      n = tips.push(tip) - 1
      tipNumbers.set(tip, n)
    }
    return n
  }
  const position = new Map(data.companies.map((company, i) => [company.slug, i]))
  const companies = data.companies.map(
    (c): EncodedCompany => [
      c.slug,
      c.name,
      c.officialHosts,
      c.phones.map(({ number, display, label }) =>
        label === undefined ? [number, display] : [number, display, label],
      ),
      c.social.map(({ platform, handle }) => [platform, handle]),
      c.smsSenders,
      c.tips.map(tipNumber),
      c.alerts.map(({ id, title }) => [id, title]),
      c.names,
    ],
  )
  const sourceOf = ({ slug, source }: BrandRef): EncodedRef => {
    const company = position.get(slug)
    if (company === undefined) throw new Error(`a brand refers to ${slug}, which is no company`)
    const { name, officialHosts } = data.companies[company]!
    const host = officialHosts.indexOf(source)
    return [company, source === name ? NAME_SOURCE : host >= 0 ? host : source]
  }
  const brands = data.brands.map(
    ({ brand, refs, skeleton, visualKey }): EncodedBrand => [
      brand,
      refs.map(sourceOf),
      skeleton === brand ? 0 : skeleton,
      visualKey === skeleton ? 0 : visualKey,
    ],
  )
  const encoded: EncodedIndex = [INDEX_FORMAT, companies, brands, tips]
  return JSON.stringify(encoded)
}

/** Reads what encodeIndexData wrote; throws on another format. */
export function decodeIndexData(text: string): IndexData {
  const [format, encodedCompanies, encodedBrands, tips] = JSON.parse(text) as EncodedIndex
  if (format !== INDEX_FORMAT)
    throw new Error(`the index is in format ${format}; this code reads format ${INDEX_FORMAT}`)
  const companies = encodedCompanies.map(
    ([slug, name, officialHosts, phones, social, smsSenders, tipNumbers, alerts, names]) =>
      ({
        slug,
        name,
        officialHosts,
        phones: phones.map(
          ([number, display, label]): Phone =>
            label === undefined ? { number, display } : { number, display, label },
        ),
        social: social.map(([platform, handle]) => ({ platform, handle })),
        smsSenders,
        tips: tipNumbers.map((n) => tips[n]!),
        alerts: alerts.map(([id, title]) => ({ id, title })),
        names,
      }) satisfies CompanyData,
  )
  const brands = encodedBrands.map(([brand, refs, skeleton, visualKey]): BrandData => {
    const shape = skeleton === 0 ? brand : skeleton
    return {
      brand,
      refs: refs.map(([company, source]) => {
        const { slug, name, officialHosts } = companies[company]!
        return {
          slug,
          brand,
          source:
            typeof source === 'string'
              ? source
              : source === NAME_SOURCE
                ? name
                : officialHosts[source]!,
        }
      }),
      skeleton: shape,
      visualKey: visualKey === 0 ? shape : visualKey,
    }
  })
  return { companies, brands }
}

/**
 * What the index-building code makes of a fixed set of fictional records, as a short hash.
 * A snapshot keeps the fingerprint of the code that wrote it; code that fingerprints
 * differently (a changed skeleton, name or host rule, a changed encoding) refuses it,
 * because its own index of the same records would differ.
 */
export function indexFingerprint(): string {
  return hash53(encodeIndexData(collectIndexData(INDEX_PROBE())))
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
