import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { benchMessage } from '../../bench/fictional-companies'
import type { Catalog } from '../../src/core/catalog'
import {
  openSnapshot,
  SNAPSHOT_FORMAT,
  SnapshotError,
  snapshotHeader,
  writeSnapshot,
} from '../../src/core/catalog-snapshot'
import {
  buildContactIndex,
  type CheckInput,
  type ContactIndex,
  checkMessage,
} from '../../src/core/check'
import { phoneMasks } from '../../src/core/check/contact-index'
import { INDEX_PROBE } from '../../src/core/check/index-probe'
import { INDEX_FORMAT } from '../../src/core/check/index-snapshot'
import { deletionVariants } from '../../src/core/check/typos'
import { buildLookupIndex, lookup } from '../../src/core/lookup'
import { ADVERSARIAL_MESSAGES } from '../support/adversarial-messages'
import { checkerCatalog } from '../support/checker'
import { dnstwist } from '../support/dnstwist'
import { largeFictionalCatalog } from '../support/large-catalog'
import { randomContact } from '../support/random-contacts'

const LARGE = 10_000

function roundTrip(catalog: Catalog) {
  return openSnapshot(writeSnapshot(catalog, 'records-hash'), { records: 'records-hash' })
}

/** Every entry of every map, in order; the SymSpell and mask lookups for every key they hold. */
function expectSameIndex(loaded: ContactIndex, built: ContactIndex) {
  for (const field of [
    'companies',
    'officialHosts',
    'officialPages',
    'brands',
    'brandPrefixes',
    'skeletons',
    'visualKeys',
    'phones',
    'handles',
    'handlesAnyPlatform',
    'smsSenders',
    'names',
  ] as const) {
    expect([...loaded[field].entries()], field).toEqual([...built[field].entries()])
  }
  expect(loaded.maxOfficialLabels).toBe(built.maxOfficialLabels)
  for (const brand of built.brands.keys()) {
    for (const variant of deletionVariants(brand)) {
      expect(loaded.brandDeletions.get(variant)).toEqual(built.brandDeletions.get(variant))
    }
  }
  for (const number of built.phones.keys()) {
    for (const mask of phoneMasks(number)) {
      expect(loaded.phoneMasks.get(mask)).toEqual(built.phoneMasks.get(mask))
    }
  }
}

describe('a catalog snapshot', () => {
  // The probe's companies have several alerts, Unicode names and every kind of contact.
  const catalogs = () => [checkerCatalog(), INDEX_PROBE(), largeFictionalCatalog(LARGE)]

  it('gives back the catalog it was written from', () => {
    for (const catalog of catalogs()) {
      const { catalog: loaded, header } = roundTrip(catalog)
      expect(loaded.alerts).toEqual(catalog.alerts)
      expect([...loaded.alertsById]).toEqual([...catalog.alertsById])
      expect([...loaded.companies]).toEqual([...catalog.companies])
      expect(header).toMatchObject({
        alerts: catalog.alerts.length,
        companies: catalog.companies.size,
      })
    }
  })

  it('gives back the index built from the records: every entry, in the same order', () => {
    // The probe has a website written with a path, so its page entry is compared too.
    expect(buildContactIndex(INDEX_PROBE()).officialPages.get('play.google.com')).toEqual([
      expect.objectContaining({ query: '?id=example.clarnmo11' }),
    ])
    expect(buildContactIndex(INDEX_PROBE()).handles.get('facebook:clarnmo11')).toBe('clarnmo-11')
    for (const catalog of [checkerCatalog(), INDEX_PROBE()]) {
      expectSameIndex(roundTrip(catalog).contactIndex, buildContactIndex(catalog))
    }
  })

  it('decodes the catalog and the index each on first use', () => {
    const bytes = writeSnapshot(checkerCatalog(), 'h')
    const header = snapshotHeader(bytes)!
    // Break the catalog's section only: the index still loads, the catalog fails when read.
    const start = bytes.indexOf(10) + 1 + header.sections.catalog[0]
    bytes[start] = '}'.charCodeAt(0)
    const snapshot = openSnapshot(bytes)
    expect(snapshot.contactIndex.officialHosts.get('jemfix.com')).toBe('jem-fix')
    expect(() => snapshot.catalog.alerts).toThrow(SyntaxError)
  })
})

describe('a snapshot of 10,000 fictional companies', () => {
  let built: ContactIndex
  let loaded: ContactIndex
  beforeAll(() => {
    const catalog = largeFictionalCatalog(LARGE)
    built = buildContactIndex(catalog)
    loaded = roundTrip(catalog).contactIndex
  }, 300_000)

  const sameAnswer = (input: CheckInput) => {
    expect(checkMessage(loaded, input)).toEqual(checkMessage(built, input))
  }

  it('holds the same index as the one built from the records', () => {
    expectSameIndex(loaded, built)
  }, 120_000)

  it('answers every check exactly like the index built at run time', () => {
    const companies = [...built.companies.values()]
    for (const company of companies.filter((_, i) => i % 401 === 0)) {
      const host = company.officialHosts[0]!
      sameAnswer({
        text: benchMessage(company.name, company.slug),
        sender: `${company.name} <info@gmail.com>`,
      })
      for (const { domain } of dnstwist(host))
        sameAnswer({ text: `Logga in på https://${domain}/` })
      const phone = company.phones[0]?.number
      if (phone) {
        sameAnswer({ text: `Ring ${phone.slice(0, -2)}${phone.slice(-1)}${phone.at(-2)}` })
      }
      sameAnswer({ text: `Följ ${company.slug}_sverige på Instagram`, sender: company.slug })
    }
    for (const text of Object.values(ADVERSARIAL_MESSAGES)) sameAnswer({ text })
  }, 300_000)

  it('answers random messages of real and made-up contact points alike', () => {
    const companies = [...built.companies.values()]
    const official = fc
      .integer({ min: 0, max: companies.length - 1 })
      .chain((i) =>
        fc.constantFrom(
          companies[i]!.officialHosts[0]!,
          `${companies[i]!.slug}-kundtjanst.example`,
          `@${companies[i]!.social[0]?.handle ?? companies[i]!.slug}`,
          companies[i]!.name,
        ),
      )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(official, randomContact, fc.string({ maxLength: 20 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.option(official, { nil: undefined }),
        (parts, sender) => {
          sameAnswer({ text: parts.join(' '), sender })
        },
      ),
      { numRuns: 300 },
    )
  }, 120_000)

  it('looks up searches exactly like the index built at run time', () => {
    const [fromBuilt, fromLoaded] = [buildLookupIndex(built), buildLookupIndex(loaded)]
    for (const query of ['kalo', 'Kalobolaget', 'lomibolaget.example.com', '08-465 004 07', 'x']) {
      expect(lookup(fromLoaded, query)).toEqual(lookup(fromBuilt, query))
    }
  })
})

describe('a snapshot this code must not use', () => {
  const catalog = checkerCatalog()

  /** The snapshot with its header rewritten. */
  function withHeader(change: (header: Record<string, unknown>) => void): Uint8Array {
    const bytes = writeSnapshot(catalog, 'h')
    const end = bytes.indexOf(10)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)))
    change(header)
    const line = new TextEncoder().encode(JSON.stringify(header))
    const changed = new Uint8Array(line.length + bytes.length - end)
    changed.set(line)
    changed.set(bytes.subarray(end), line.length)
    return changed
  }

  function refusal(bytes: Uint8Array, records?: string): SnapshotError {
    try {
      openSnapshot(bytes, records === undefined ? {} : { records })
    } catch (error) {
      if (error instanceof SnapshotError) return error
      throw error
    }
    throw new Error('the snapshot was accepted')
  }

  it('is refused in another format, naming both formats', () => {
    const error = refusal(withHeader((h) => (h.format = SNAPSHOT_FORMAT + 1)))
    expect(error.reason).toBe('format')
    expect(error.message).toContain(
      `format ${SNAPSHOT_FORMAT + 1}/${INDEX_FORMAT}; this code reads ${SNAPSHOT_FORMAT}/${INDEX_FORMAT}`,
    )
    expect(refusal(withHeader((h) => (h.index = 0))).reason).toBe('format')
  })

  it('is refused when its index was built by other code', () => {
    const error = refusal(withHeader((h) => (h.fingerprint = '00000000000000')))
    expect(error.reason).toBe('code')
    expect(error.message).toMatch(
      /built by other code \(fingerprint 00000000000000; this code's is [0-9a-f]{14}\)/,
    )
  })

  it('is refused when it was made from other records', () => {
    const error = refusal(writeSnapshot(catalog, 'old-records'), 'new-records')
    expect(error.reason).toBe('records')
    expect(error.message).toMatch(/made from other records \(old-records; these are new-records\)/)
  })

  it('is refused when it is no snapshot at all', () => {
    expect(refusal(new TextEncoder().encode('export const RECORDS = []\n')).reason).toBe('format')
    expect(refusal(new Uint8Array()).reason).toBe('format')
  })
})
