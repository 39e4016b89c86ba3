import { stringify } from 'yaml'
import { type Catalog, loadCatalog } from '../../src/core/catalog'
import type { RecordFile } from '../../src/core/records'

/**
 * FICTION. Every company, domain and number here is made up: domains under the reserved
 * example.se / example.com, phone numbers in the Swedish fiction range 08-465 004 00–99.
 */
export function fictionalAlert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'exempelbolaget-2026-03-01',
    title: 'Exempelbolaget varnar för falska sms',
    summary: 'Fiktiv varning för tester: bedragare skickar sms i Exempelbolagets namn.',
    published: '2026-03-01',
    language: 'sv',
    company: { slug: 'exempelbolaget', name: 'Exempelbolaget', aliases: ['exempel bolaget'] },
    channels: ['sms'],
    official: {
      websites: ['https://www.exempelbolaget.example.se/'],
      emailDomains: ['exempelbolaget.example.se'],
      phones: [{ number: '+46846500400', display: '08-465 004 00', label: 'Kundtjänst' }],
      social: [
        {
          platform: 'instagram',
          handle: 'exempelbolaget',
          url: 'https://www.instagram.com/exempelbolaget',
        },
      ],
    },
    tips: ['Exempelbolaget skickar aldrig länkar i sms.'],
    source: { title: 'Fiktiv källa', publisher: 'Testredaktionen', date: '2026-03-01' },
    ...overrides,
  }
}

export function recordFile(name: string, record: unknown): RecordFile {
  return { name: `alerts/${name}.yaml`, text: stringify(record) }
}

/** A second fictional company, so lists and cross-record rules have something to compare. */
export function secondFictionalAlert(overrides: Record<string, unknown> = {}) {
  return fictionalAlert({
    id: 'provbutiken-2026-04-10',
    title: 'Provbutiken varnar för falska mejl',
    published: '2026-04-10',
    company: { slug: 'provbutiken', name: 'Provbutiken', aliases: [] },
    channels: ['email', 'web'],
    official: {
      websites: ['https://provbutiken.example.com/'],
      emailDomains: ['provbutiken.example.com'],
      phones: [{ number: '+46846500450', display: '08-465 004 50' }],
      social: [],
    },
    reportedFakes: [{ value: 'https://provbutiken-kampanj.example/vinst', note: 'Falsk tävling' }],
    ...overrides,
  })
}

/**
 * FICTION: a draft about a made-up company, Ödla, that exists only in drafts: a reserved
 * domain and a number in the fiction range 031-390 06 00–99.
 */
export function fictionalDraft(overrides: Record<string, unknown> = {}) {
  return fictionalAlert({
    id: 'odla-2026-05-02',
    draft: true,
    title: 'Ödla varnar för falska mejl',
    published: '2026-05-02',
    company: { slug: 'odla', name: 'Ödla', aliases: [] },
    official: {
      emailDomains: ['odla.example.se'],
      phones: [{ number: '+46313900600', display: '031-390 06 00', label: 'Kundtjänst' }],
      social: [],
    },
    source: { title: 'Fiktiv källa', publisher: 'Testredaktionen', date: '2026-05-02' },
    ...overrides,
  })
}

export function fictionalCatalog(...records: Record<string, unknown>[]): Catalog {
  const list = records.length > 0 ? records : [fictionalAlert(), secondFictionalAlert()]
  return loadCatalog(list.map((r, i) => recordFile(`r${i}`, r)))
}

/**
 * A catalog whose first record carries text the record schema refuses ("<" in a title or a
 * company name, control characters), put in after validation: the pages and feeds escape
 * record text whatever reaches them, and these tests keep that defence in depth honest.
 */
export function catalogWithHostileText(text: {
  title?: string
  summary?: string
  companyName?: string
  aliases?: string[]
}): Catalog {
  const catalog = fictionalCatalog(fictionalAlert())
  const alert = catalog.alerts[0]!
  const company = catalog.companies.get(alert.company.slug)!
  if (text.title !== undefined) Object.assign(alert, { title: text.title })
  if (text.summary !== undefined) Object.assign(alert, { summary: text.summary })
  const name = text.companyName ?? company.name
  const aliases = text.aliases ?? company.aliases
  Object.assign(alert.company, { name, aliases })
  Object.assign(company, { name, aliases })
  return catalog
}
