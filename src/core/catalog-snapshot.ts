import type { Alert } from './alert-schema'
import type { Catalog, Company } from './catalog'
import { type ContactIndex, collectIndexData } from './check/contact-index'
import { encodeIndex, INDEX_FORMAT, indexFingerprint, loadIndex } from './check/index-snapshot'
import { lazy } from './lazy'

/**
 * A catalog snapshot: the records as the catalog holds them (validated, checked against each
 * other, sorted) and the checker's index, written at build time so that a Worker isolate or
 * a Node server never parses YAML, runs the schema or the rules between records, sorts, or
 * derives the index again. Layout (UTF-8): one line of JSON (the header), then three JSON
 * sections: the checker's index, the company table (each company's byte length in the
 * catalog, and the order of the alerts), and the catalog, one entry per company. Each is
 * decoded only when first needed, and one company's entry can be read alone.
 */
export const SNAPSHOT_FORMAT = 2

type Range = [from: number, to: number]

export interface SnapshotHeader {
  format: number
  /** INDEX_FORMAT of the code that wrote it. */
  index: number
  /** indexFingerprint() of the code that wrote it. */
  fingerprint: string
  /** A hash of the record files it was made from (see the Node adapter's recordsHash). */
  records: string
  alerts: number
  companies: number
  /** Byte ranges after the header line. */
  sections: { index: Range; companies: Range; catalog: Range }
}

/** A snapshot this code must not use: another format, other index code or other records. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly reason: 'format' | 'code' | 'records',
  ) {
    super(message)
    this.name = 'SnapshotError'
  }
}

// A company's entry: [slug, name, aliases, official, alerts newest first], where `official`
// is the position of one of its alerts whose official contacts are the company's (records
// that repeat them must repeat them identically), so they are written once.
type CompanyEntry = [
  slug: string,
  name: string,
  aliases: string[],
  official: number | Company['official'],
  alerts: Alert[],
]
/** Each entry's length in bytes, and the catalog's alert order as steps in company order. */
type CompanyTable = [lengths: number[], order: number[]]

function companyEntry({ slug, name, aliases, official, alerts }: Company): CompanyEntry {
  const same = JSON.stringify(official)
  const from = alerts.findIndex((alert) => JSON.stringify(alert.official) === same)
  return [slug, name, aliases, from >= 0 ? from : official, alerts]
}

function companyOf([slug, name, aliases, official, alerts]: CompanyEntry): Company {
  return {
    slug,
    name,
    aliases,
    official: typeof official === 'number' ? alerts[official]!.official! : official,
    alerts,
  }
}

/** Writes the snapshot of a catalog made from records whose hash is `records`. */
export function writeSnapshot(catalog: Catalog, records: string): Uint8Array {
  const encoder = new TextEncoder()
  const companies = [...catalog.companies.values()]
  const entries = companies.map((company) => encoder.encode(JSON.stringify(companyEntry(company))))
  // Alerts in company order, each company's newest first: the catalog's order is a list of
  // steps through them (all 1 when companies and dates agree), which packs small.
  const position = new Map<string, number>()
  for (const alert of companies.flatMap((c) => c.alerts)) position.set(alert.id, position.size)
  let previous = -1
  const order = catalog.alerts.map((alert) => {
    const at = position.get(alert.id)!
    const step = at - previous
    previous = at
    return step
  })
  const table: CompanyTable = [entries.map((e) => e.length), order]
  const sections = [
    encoder.encode(encodeIndex(collectIndexData(catalog))),
    encoder.encode(JSON.stringify(table)),
    join(encoder, entries),
  ] as const
  const ranges: Range[] = []
  for (const bytes of sections) {
    const from = ranges.at(-1)?.[1] ?? 0
    ranges.push([from, from + bytes.length])
  }
  const [index, companyTable, body] = ranges
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    index: INDEX_FORMAT,
    fingerprint: indexFingerprint(),
    records,
    alerts: catalog.alerts.length,
    companies: catalog.companies.size,
    sections: { index: index!, companies: companyTable!, catalog: body! },
  }
  return concat([encoder.encode(`${JSON.stringify(header)}\n`), ...sections])
}

/** `[e0,e1,…]`: JSON text whose entries can also be cut out one by one. */
function join(encoder: TextEncoder, entries: readonly Uint8Array[]): Uint8Array {
  const comma = encoder.encode(',')
  return concat([
    encoder.encode('['),
    ...entries.flatMap((entry, i) => (i === 0 ? [entry] : [comma, entry])),
    encoder.encode(']'),
  ])
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}

export interface Snapshot {
  header: SnapshotHeader
  /** Decoded on first use. */
  catalog: Catalog
  /** Decoded on first use. */
  contactIndex: ContactIndex
}

const NEWLINE = 10

/** The header alone, or null when the bytes are no snapshot at all. */
export function snapshotHeader(bytes: Uint8Array): SnapshotHeader | null {
  const end = bytes.indexOf(NEWLINE)
  if (end < 0) return null
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)))
    return typeof header === 'object' && header !== null && 'format' in header ? header : null
  } catch {
    return null
  }
}

/**
 * Opens a snapshot after checking that this code can use it: the same formats, the same
 * index-building code (its fingerprint), and, when `records` is given, the same records.
 * Throws SnapshotError otherwise. The catalog and the index are decoded on first use.
 */
export function openSnapshot(bytes: Uint8Array, expected: { records?: string } = {}): Snapshot {
  const header = snapshotHeader(bytes)
  if (!header) throw new SnapshotError('not a catalog snapshot', 'format')
  if (header.format !== SNAPSHOT_FORMAT || header.index !== INDEX_FORMAT) {
    throw new SnapshotError(
      `the snapshot is in format ${header.format}/${header.index}; this code reads ${SNAPSHOT_FORMAT}/${INDEX_FORMAT}`,
      'format',
    )
  }
  const fingerprint = indexFingerprint()
  if (header.fingerprint !== fingerprint) {
    throw new SnapshotError(
      `the snapshot's index was built by other code (fingerprint ${header.fingerprint}; this code's is ${fingerprint})`,
      'code',
    )
  }
  if (expected.records !== undefined && header.records !== expected.records) {
    throw new SnapshotError(
      `the snapshot was made from other records (${header.records}; these are ${expected.records})`,
      'records',
    )
  }
  const start = bytes.indexOf(NEWLINE) + 1
  const text = ([from, to]: Range) =>
    new TextDecoder().decode(bytes.subarray(start + from, start + to))
  const table = lazy(() => JSON.parse(text(header.sections.companies)) as CompanyTable)
  const entryStarts = lazy(() => {
    const [lengths] = table()
    const at = new Int32Array(lengths.length)
    // One byte for "[" and one for each comma.
    for (let i = 0, offset = header.sections.catalog[0] + 1; i < lengths.length; i++) {
      at[i] = offset
      offset += lengths[i]! + 1
    }
    return at
  })
  const companies = new Map<number, Company>()
  const companyAt = (position: number) => {
    let company = companies.get(position)
    if (!company) {
      const from = entryStarts()[position]!
      const [lengths] = table()
      company = companyOf(JSON.parse(text([from, from + lengths[position]!])) as CompanyEntry)
      companies.set(position, company)
    }
    return company
  }
  return {
    header,
    catalog: lazyCatalog(() => {
      const entries = JSON.parse(text(header.sections.catalog)) as CompanyEntry[]
      return catalogOf(entries.map(companyOf), table()[1])
    }),
    contactIndex: loadIndex(() => text(header.sections.index), companyAt),
  }
}

/** The Catalog of the companies, with the alerts in the order the steps give. */
function catalogOf(companies: readonly Company[], order: readonly number[]): Catalog {
  const inCompanyOrder = companies.flatMap((company) => company.alerts)
  const alerts: Alert[] = []
  let at = -1
  for (const step of order) {
    at += step
    alerts.push(inCompanyOrder[at]!)
  }
  return {
    alerts,
    alertsById: new Map(alerts.map((alert) => [alert.id, alert])),
    companies: new Map(companies.map((company) => [company.slug, company])),
  }
}

/**
 * An object whose properties `keys` come from `load()`, called on the first read of any of
 * them; the properties then become plain values.
 */
function lazyObject<T extends object>(keys: readonly (keyof T)[], load: () => T): T {
  const target = {} as T
  const materialize = () => {
    const value = load()
    for (const key of keys) {
      Object.defineProperty(target, key, { value: value[key], enumerable: true })
    }
    return value
  }
  for (const key of keys) {
    Object.defineProperty(target, key, {
      get: () => materialize()[key],
      enumerable: true,
      configurable: true,
    })
  }
  return target
}

const CATALOG_KEYS: Record<keyof Catalog, true> = {
  alerts: true,
  alertsById: true,
  companies: true,
}

/** A Catalog decoded from `load` when first read. */
export function lazyCatalog(load: () => Catalog): Catalog {
  return lazyObject(Object.keys(CATALOG_KEYS) as (keyof Catalog)[], load)
}
