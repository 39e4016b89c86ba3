import { describe, expect, it } from 'vitest'
import { buildCatalog, loadCatalog } from '../../src/core/catalog'
import {
  fictionalAlert,
  fictionalDraft,
  recordFile,
  secondFictionalAlert,
} from '../support/fixtures'

const ODLA_DRAFT = fictionalDraft()

const files = () => [
  recordFile('exempelbolaget', fictionalAlert()),
  recordFile('provbutiken', secondFictionalAlert()),
  recordFile('odla', ODLA_DRAFT),
]

describe('drafts in the catalog', () => {
  it('leaves drafts out of the published catalog and lists them apart', () => {
    const { catalog, drafts } = buildCatalog(files())
    expect(catalog?.alerts.map((a) => a.id)).toEqual([
      'provbutiken-2026-04-10',
      'exempelbolaget-2026-03-01',
    ])
    expect(catalog?.companies.has('odla')).toBe(false)
    expect(catalog?.alertsById.has('odla-2026-05-02')).toBe(false)
    expect(drafts.map((d) => d.file)).toEqual(['alerts/odla.yaml'])
  })

  it('never lets loadCatalog (npm start, the Worker bundle) serve a draft', () => {
    expect(loadCatalog(files()).alertsById.has('odla-2026-05-02')).toBe(false)
  })

  it('shows drafts in the preview catalog, the company box marked as coming from a draft', () => {
    const { catalog } = buildCatalog(files(), { drafts: 'preview' })
    expect(catalog?.alerts.map((a) => a.id)).toEqual([
      'odla-2026-05-02',
      'provbutiken-2026-04-10',
      'exempelbolaget-2026-03-01',
    ])
    expect(catalog?.companies.get('odla')?.officialFromDraft).toBe(true)
    expect(catalog?.companies.get('provbutiken')?.officialFromDraft).toBeUndefined()
  })

  it('lets a draft stand in for the published record with its id in the preview', () => {
    const update = fictionalAlert({ draft: true, title: 'Exempelbolaget varnar igen (utkast)' })
    const { catalog, issues } = buildCatalog(
      [recordFile('published', fictionalAlert()), recordFile('drafts/update', update)],
      { drafts: 'preview' },
    )
    expect(issues).toEqual([])
    expect(catalog?.alerts.map((a) => a.title)).toEqual(['Exempelbolaget varnar igen (utkast)'])
    expect(catalog?.companies.get('exempelbolaget')?.officialFromDraft).toBe(true)
  })

  it('reports a draft that breaks a rule between records, naming the draft', () => {
    const clash = fictionalAlert({
      id: 'odla-2026-05-03',
      draft: true,
      company: { slug: 'odla', name: 'Ödla', aliases: [] },
      // the same e-mail domain as Exempelbolaget's published record
    })
    const published = buildCatalog([recordFile('a', fictionalAlert()), recordFile('b', clash)])
    expect(published.issues).toEqual([])
    const preview = buildCatalog([recordFile('a', fictionalAlert()), recordFile('b', clash)], {
      drafts: 'preview',
    })
    expect(preview.catalog).toBeNull()
    expect(preview.issues).toContainEqual(
      expect.objectContaining({
        path: 'official',
        message: expect.stringMatching(/also an official contact/),
      }),
    )
  })
})
