import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../src/core/catalog'
import { catalogWarnings } from '../../src/core/catalog-checks'
import type { RecordFile } from '../../src/core/records'
import { fictionalAlert, recordFile, secondFictionalAlert } from '../support/fixtures'

const TODAY = '2026-06-01'

/** FICTION: a made-up company "Lagret" whose contacts are set per test. */
function lagret(official: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return fictionalAlert({
    id: 'lagret-2026-05-01',
    title: 'Lagret varnar för falska sms',
    company: { slug: 'lagret', name: 'Lagret', aliases: [] },
    official: { emailDomains: [], phones: [], social: [], ...official },
    ...overrides,
  })
}

function warningsOf(files: RecordFile[], today = TODAY) {
  const { catalog, issues, records } = buildCatalog(files, { drafts: 'preview' })
  expect(issues).toEqual([])
  if (!catalog) throw new Error('unreachable')
  return catalogWarnings(records, catalog, today)
}

/** The fixtures' two companies, Provbutiken on a number far from Exempelbolaget's. */
const base = () => [
  recordFile('exempelbolaget', fictionalAlert()),
  recordFile(
    'provbutiken',
    secondFictionalAlert({
      official: {
        websites: ['https://provbutiken.example.com/'],
        emailDomains: ['provbutiken.example.com'],
        phones: [{ number: '+46313900650', display: '031-390 06 50' }],
      },
    }),
  ),
]

describe('catalogWarnings', () => {
  it('finds nothing in the fictional catalog or in the records shipped in alerts/', () => {
    expect(warningsOf(base())).toEqual([])
    const shipped = {
      name: 'alerts/jem-fix-2026-02-28.yaml',
      text: readFileSync('alerts/jem-fix-2026-02-28.yaml', 'utf8'),
    }
    expect(warningsOf([shipped], '2026-11-25')).toEqual([])
  })

  it('warns about a website with a path on a host the record does not own or know as shared', () => {
    const websites = [
      'https://lagret.example.se/kontakt',
      'https://butik.lagret.example.se/sv',
      'https://www.facebook.com/lagret.example',
      'https://play.google.com/store/apps/details?id=se.lagret.example',
    ]
    const files = [
      recordFile('lagret', lagret({ websites, emailDomains: ['butik.lagret.example.se'] })),
    ]
    expect(warningsOf(files)).toEqual([
      {
        file: 'alerts/lagret.yaml',
        path: 'official.websites[0]',
        message: expect.stringMatching(
          /page lagret\.example\.se\/kontakt only.*list https:\/\/lagret\.example\.se\/ instead/,
        ),
      },
    ])
  })

  it('warns when an official domain is a lookalike of another company’s, naming file and field', () => {
    const files = [
      ...base(),
      recordFile(
        'lagret',
        lagret({ emailDomains: ['lagret.example.se', 'provbutikken.example.com'] }),
      ),
    ]
    expect(warningsOf(files)).toEqual([
      {
        file: 'alerts/lagret.yaml',
        path: 'official.emailDomains[1]',
        message: expect.stringMatching(
          /"provbutikken\.example\.com" looks like a contact of Provbutiken \(provbutiken\.example\.com\).*typo/,
        ),
      },
    ])
  })

  it('reports a pair once, on the record that came later (the fixtures’ numbers are one digit apart)', () => {
    const files = [recordFile('a', fictionalAlert()), recordFile('b', secondFictionalAlert())]
    expect(warningsOf(files)).toEqual([
      {
        file: 'alerts/b.yaml',
        path: 'official.phones[0]',
        message: expect.stringMatching(
          /"08-465 004 50" is 1 digit from Exempelbolaget's 08-465 004 00/,
        ),
      },
    ])
  })

  it('warns when an official number is one digit off another company’s', () => {
    const phone = { number: '+46846500401', display: '08-465 004 01', label: 'Kundtjänst' }
    const files = [...base(), recordFile('lagret', lagret({ phones: [phone] }))]
    expect(warningsOf(files)).toEqual([
      {
        file: 'alerts/lagret.yaml',
        path: 'official.phones[0]',
        message: expect.stringMatching(
          /08-465 004 01.*1 digit from Exempelbolaget's 08-465 004 00/,
        ),
      },
    ])
  })

  it('warns when an official account imitates another company’s', () => {
    const account = {
      platform: 'instagram',
      handle: 'exempelbolagett',
      url: 'https://www.instagram.com/exempelbolagett',
    }
    const files = [...base(), recordFile('lagret', lagret({ social: [account] }))]
    expect(warningsOf(files)).toEqual([
      expect.objectContaining({ file: 'alerts/lagret.yaml', path: 'official.social[0]' }),
    ])
  })

  it('warns when one company appears under two slugs (same name or alias, spelled another way)', () => {
    const twin = fictionalAlert({
      id: 'exempel-bolaget-2026-05-01',
      company: { slug: 'exempel-bolaget', name: 'Exempel och Bolaget', aliases: [] },
      official: { emailDomains: ['exempel-bolaget.example.se'] },
    })
    const files = [...base(), recordFile('twin', twin)]
    expect(warningsOf(files)).toContainEqual({
      file: 'alerts/twin.yaml',
      path: 'company.slug',
      message: expect.stringMatching(
        /"Exempel och Bolaget" \(exempel-bolaget\) and "Exempelbolaget" \(exempelbolaget, alerts\/exempelbolaget\.yaml\) .*one company/,
      ),
    })
  })

  it('warns about a source date after today, with the clock it was given', () => {
    const files = [
      recordFile(
        'later',
        fictionalAlert({ source: { title: 'T', publisher: 'P', date: '2026-06-02' } }),
      ),
    ]
    expect(warningsOf(files)).toEqual([
      {
        file: 'alerts/later.yaml',
        path: 'source.date',
        message: expect.stringMatching(/2026-06-02 is after today \(2026-06-01\)/),
      },
    ])
    expect(warningsOf(files, '2026-06-02')).toEqual([])
  })

  it('warns about a record without tips', () => {
    const files = [recordFile('bare', fictionalAlert({ tips: [] }))]
    expect(warningsOf(files)).toEqual([
      { file: 'alerts/bare.yaml', path: 'tips', message: expect.stringMatching(/no tips/) },
    ])
  })
})
