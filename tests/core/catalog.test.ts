import { describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog } from '../../src/core/catalog'
import { InvalidRecordsError } from '../../src/core/record-issues'
import { fictionalAlert, recordFile, secondFictionalAlert } from '../support/fixtures'

describe('buildCatalog', () => {
  it('orders alerts newest first and groups them by company', () => {
    const older = fictionalAlert()
    const newer = fictionalAlert({
      id: 'exempelbolaget-2026-05-01',
      published: '2026-05-01',
      official: undefined,
    })
    const catalog = loadCatalog([
      recordFile('a', older),
      recordFile('b', secondFictionalAlert()),
      recordFile('c', newer),
    ])
    expect(catalog.alerts.map((a) => a.id)).toEqual([
      'exempelbolaget-2026-05-01',
      'provbutiken-2026-04-10',
      'exempelbolaget-2026-03-01',
    ])
    const company = catalog.companies.get('exempelbolaget')
    expect(company?.alerts.map((a) => a.id)).toEqual([
      'exempelbolaget-2026-05-01',
      'exempelbolaget-2026-03-01',
    ])
    expect(company?.official.emailDomains).toEqual(['exempelbolaget.example.se'])
  })

  it('rejects a duplicate id, naming both files', () => {
    const { issues } = buildCatalog([
      recordFile('a', fictionalAlert()),
      recordFile('b', fictionalAlert()),
    ])
    expect(issues).toEqual([
      {
        file: 'alerts/b.yaml',
        path: 'id',
        message: '"exempelbolaget-2026-03-01" is already used by alerts/a.yaml',
      },
    ])
  })

  it('rejects official contacts that differ between records of one company', () => {
    const second = fictionalAlert({ id: 'exempelbolaget-2026-06-01' })
    ;(second.official as { emailDomains: string[] }).emailDomains = ['example.com']
    const { issues } = buildCatalog([recordFile('a', fictionalAlert()), recordFile('b', second)])
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'alerts/b.yaml', path: 'official' }),
    )
  })

  it('rejects a company whose name differs between records', () => {
    const second = fictionalAlert({
      id: 'exempelbolaget-2026-06-01',
      company: { slug: 'exempelbolaget', name: 'Exempelbolaget AB' },
    })
    const { issues } = buildCatalog([recordFile('a', fictionalAlert()), recordFile('b', second)])
    expect(issues).toContainEqual(expect.objectContaining({ path: 'company.name' }))
  })

  it('rejects a company without official contacts in any record', () => {
    const { issues } = buildCatalog([recordFile('a', fictionalAlert({ official: undefined }))])
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'official',
        message: expect.stringMatching(/no record defines/),
      }),
    )
  })

  it('rejects one phone number claimed by two companies', () => {
    const second = secondFictionalAlert()
    ;(second.official as { phones: unknown[] }).phones = [
      { number: '+46846500400', display: '08-465 004 00' },
    ]
    const { issues } = buildCatalog([recordFile('a', fictionalAlert()), recordFile('b', second)])
    expect(issues).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/\+46846500400 is also/) }),
    )
  })

  it('rejects one SMS sender name claimed by two companies, however it is spelled', () => {
    const [first, second] = [fictionalAlert(), secondFictionalAlert()]
    ;(first.official as { smsSenders: unknown }).smsSenders = ['EXEMPEL']
    ;(second.official as { smsSenders: unknown }).smsSenders = ['Exempel']
    const { issues } = buildCatalog([recordFile('a', first), recordFile('b', second)])
    expect(issues).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/SMS sender exempel is also/) }),
    )
  })

  it.each(['https://www.facebook.com/', 'https://play.google.com//', 'https://www.tumblr.com/'])(
    'refuses %s as a website: the whole of a host where anyone publishes',
    (website) => {
      const alert = fictionalAlert()
      ;(alert.official as { websites: string[] }).websites = [website]
      expect(buildCatalog([recordFile('a', alert)]).issues).toEqual([
        {
          file: 'alerts/a.yaml',
          path: 'official.websites[0]',
          message: expect.stringMatching(/is the whole of .*every page there would be official/),
        },
      ])
    },
  )

  it('lets two companies each have a page on a shared host, never the same page', () => {
    const withSite = (alert: ReturnType<typeof fictionalAlert>, site: string) => {
      ;(alert.official as { websites: string[] }).websites = [site]
      return alert
    }
    const issuesOf = (first: string, second: string) =>
      buildCatalog([
        recordFile('a', withSite(fictionalAlert(), first)),
        recordFile('b', withSite(secondFictionalAlert(), second)),
      ]).issues
    expect(
      issuesOf('https://sites.google.com/view/exempel', 'https://sites.google.com/view/prov'),
    ).toEqual([])
    expect(
      issuesOf('https://sites.google.com/view/exempel', 'https://sites.google.com/view/Exempel/'),
    ).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/sites\.google\.com\/view\/exempel is also/),
      }),
    )
  })

  it('collects problems from every file at once', () => {
    const { issues } = buildCatalog([
      recordFile('a', fictionalAlert({ published: 'yesterday' })),
      recordFile('b', secondFictionalAlert({ channels: ['fax'] })),
    ])
    expect(new Set(issues.map((i) => i.file))).toEqual(new Set(['alerts/a.yaml', 'alerts/b.yaml']))
  })

  it('throws InvalidRecordsError from loadCatalog so nothing is served half-valid', () => {
    expect(() => loadCatalog([recordFile('a', fictionalAlert({ title: '' }))])).toThrow(
      InvalidRecordsError,
    )
  })

  it('accepts an empty folder', () => {
    expect(loadCatalog([]).alerts).toEqual([])
  })
})
