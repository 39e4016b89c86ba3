import type { Alert } from './alert-schema'
import type { Catalog, Company } from './catalog'
import { type ContactIndex, collectIndexData, indexFromData } from './check/contact-index'
import {
  decodeIndexData,
  encodeIndexData,
  INDEX_FORMAT,
  indexFingerprint,
} from './check/index-snapshot'

/**
 * A catalog snapshot: the records as the catalog holds them (validated, checked against each
 * other, sorted) and the checker's index, written at build time so that a Worker isolate or
 * a Node server never parses YAML, runs the schema or the rules between records, sorts, or
 * derives the index again. Layout (UTF-8): one line of JSON (the header), then the index and
 * the catalog as JSON, each decoded only when first needed.
 */
export const SNAPSHOT_FORMAT = 1

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
  sections: { index: [number, number]; catalog: [number, number] }
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

// The catalog as JSON: alerts newest first, then each company with its alerts as positions
// in that list, in the catalog's company order.
type EncodedCompany = [
  slug: string,
  name: string,
  aliases: string[],
  official: Company['official'],
  alerts: number[],
]
type EncodedCatalog = [alerts: Alert[], companies: EncodedCompany[]]

function encodeCatalog(catalog: Catalog): string {
  const position = new Map(catalog.alerts.map((alert, i) => [alert.id, i]))
  const companies = [...catalog.companies.values()].map(
    ({ slug, name, aliases, official, alerts }): EncodedCompany => [
      slug,
      name,
      aliases,
      official,
      alerts.map((alert) => position.get(alert.id)!),
    ],
  )
  const encoded: EncodedCatalog = [[...catalog.alerts], companies]
  return JSON.stringify(encoded)
}

function decodeCatalog(text: string): Catalog {
  const [alerts, encodedCompanies] = JSON.parse(text) as EncodedCatalog
  const companies = new Map<string, Company>()
  for (const [slug, name, aliases, official, positions] of encodedCompanies) {
    companies.set(slug, { slug, name, aliases, official, alerts: positions.map((i) => alerts[i]!) })
  }
  return { alerts, alertsById: new Map(alerts.map((alert) => [alert.id, alert])), companies }
}

/** Writes the snapshot of a catalog made from records whose hash is `records`. */
export function writeSnapshot(catalog: Catalog, records: string): Uint8Array {
  const encoder = new TextEncoder()
  const index = encoder.encode(encodeIndexData(collectIndexData(catalog)))
  const body = encoder.encode(encodeCatalog(catalog))
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    index: INDEX_FORMAT,
    fingerprint: indexFingerprint(),
    records,
    alerts: catalog.alerts.length,
    companies: catalog.companies.size,
    sections: {
      index: [0, index.length],
      catalog: [index.length, index.length + body.length],
    },
  }
  const line = encoder.encode(`${JSON.stringify(header)}\n`)
  const bytes = new Uint8Array(line.length + index.length + body.length)
  bytes.set(line, 0)
  bytes.set(index, line.length)
  bytes.set(body, line.length + index.length)
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
  const section = ([from, to]: [number, number]) =>
    new TextDecoder().decode(bytes.subarray(start + from, start + to))
  return {
    header,
    catalog: lazyCatalog(() => decodeCatalog(section(header.sections.catalog))),
    contactIndex: lazyContactIndex(() =>
      indexFromData(decodeIndexData(section(header.sections.index))),
    ),
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
const INDEX_KEYS: Record<keyof ContactIndex, true> = {
  companies: true,
  officialHosts: true,
  maxOfficialLabels: true,
  brands: true,
  brandPrefixes: true,
  skeletons: true,
  visualKeys: true,
  brandDeletions: true,
  phones: true,
  phoneMasks: true,
  handles: true,
  handlesAnyPlatform: true,
  smsSenders: true,
  names: true,
}

/** A Catalog decoded from `load` when first read. */
export function lazyCatalog(load: () => Catalog): Catalog {
  return lazyObject(Object.keys(CATALOG_KEYS) as (keyof Catalog)[], load)
}

/** A ContactIndex built by `load` when first read. */
export function lazyContactIndex(load: () => ContactIndex): ContactIndex {
  return lazyObject(Object.keys(INDEX_KEYS) as (keyof ContactIndex)[], load)
}
