import { describe, expect, it } from 'vitest'
import { buildCatalog, type Catalog, loadCatalog } from '../../src/core/catalog'
import { runDigest } from '../../src/digest/run-digest'
import { createTestApp } from '../support/app'
import {
  fictionalAlert,
  fictionalDraft,
  recordFile,
  secondFictionalAlert,
} from '../support/fixtures'
import { addActiveSubscribers } from '../support/subscribers'

/**
 * FICTION: two drafts next to the fixtures' published records. One about a company that
 * exists only in the draft (Ödla, a reserved domain and a fiction number), one a new
 * warning about a published company. Each has words no published record uses.
 */
const ODLA_DRAFT = fictionalDraft({
  title: 'Ödla varnar för falska ödlemejl',
  summary: 'Fiktivt utkast om ödlemejl.',
})
const EXEMPEL_DRAFT = fictionalAlert({
  id: 'exempelbolaget-2026-05-03',
  draft: true,
  title: 'Exempelbolaget varnar för utkastsamtal',
  summary: 'Fiktivt utkast om utkastsamtal.',
  published: '2026-05-03',
  official: undefined,
})

const files = () => [
  recordFile('exempelbolaget', fictionalAlert()),
  recordFile('provbutiken', secondFictionalAlert()),
  recordFile('odla', ODLA_DRAFT),
  recordFile('exempel-draft', EXEMPEL_DRAFT),
]

const DRAFT_WORDS =
  /ödlemejl|utkastsamtal|odla-2026-05-02|exempelbolaget-2026-05-03|Ödla|odla\.example\.se/

/** The site as `npm start` serves it, and (the control) as `npm run preview` does. */
const published = () => createTestApp(loadCatalog(files())).app
function preview() {
  const { catalog } = buildCatalog(files(), { drafts: 'preview' })
  return createTestApp(catalog as Catalog).app
}

const READ_PATHS = [
  '/',
  '/companies',
  '/companies/exempelbolaget',
  '/feed.xml',
  '/feed.atom',
  '/feed.json',
  '/companies/exempelbolaget/feed.xml',
  '/api/alerts',
  '/api/companies',
  '/api/companies/exempelbolaget',
  '/sitemap.xml',
]

async function bodies(app: ReturnType<typeof published>) {
  return Promise.all(
    READ_PATHS.map(async (path) => {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      return [path, await res.text()] as const
    }),
  )
}

async function check(app: ReturnType<typeof published>, text: string) {
  const res = await app.request('/api/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  return (await res.json()) as {
    findings: { value: string; status: string; company: string | null }[]
  }
}

describe('drafts on the published site', () => {
  it('appear in no page, feed, API answer or sitemap (and do in the preview, the control)', async () => {
    for (const [path, body] of await bodies(published()))
      expect(body, path).not.toMatch(DRAFT_WORDS)
    const shown = (await bodies(preview())).filter(([, body]) => DRAFT_WORDS.test(body))
    expect(shown.map(([path]) => path)).toEqual(READ_PATHS)
  })

  it('have no page of their own, nor their company', async () => {
    const app = published()
    for (const path of [
      '/alerts/odla-2026-05-02',
      '/alerts/exempelbolaget-2026-05-03',
      '/companies/odla',
      '/api/alerts/odla-2026-05-02',
      '/api/companies/odla',
      '/companies/odla/feed.xml',
      '/?company=odla',
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(path.startsWith('/?') ? 400 : 404)
    }
  })

  it('are unknown to the checker: a draft’s number and domain are never called official', async () => {
    const text = 'Ödla: ring 031-390 06 00 eller mejla kundtjanst@odla.example.se'
    const findings = (await check(published(), text)).findings
    expect(findings.map((f) => [f.value, f.status])).toEqual([
      ['031-390 06 00', 'unknown'],
      ['kundtjanst@odla.example.se', 'unknown'],
    ])
    const control = (await check(preview(), text)).findings
    expect(control.map((f) => f.status)).toEqual(['official', 'official'])
  })

  it('are unknown to search: a draft’s number and its company are found nowhere', async () => {
    const lookup = async (app: ReturnType<typeof published>, q: string) => {
      const res = await app.request(`/api/lookup?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      return (await res.json()) as {
        results: { finding: { status: string; company: string | null } }[]
      }
    }
    const number = await lookup(published(), '031-390 06 00')
    expect(number.results.map((r) => r.finding.status)).toEqual(['unknown'])
    const name = await lookup(published(), 'Ödla')
    expect(JSON.stringify(name.results)).not.toContain('odla')
    const control = await lookup(preview(), '031-390 06 00')
    expect(control.results.map((r) => [r.finding.status, r.finding.company])).toEqual([
      ['official', 'odla'],
    ])
    const page = await (await published().request('/search?q=%C3%96dla')).text()
    expect(page).not.toContain('/companies/odla')
  })

  it('never go out in a digest', async () => {
    const { stores, db, mailer } = createTestApp()
    await addActiveSubscribers(db, 1, '2026-01-01T00:00:00.000Z')
    const result = await runDigest({
      catalog: loadCatalog(files()),
      store: stores.digest,
      mailer,
      publicUrl: 'https://varningar.example.se',
      clock: () => new Date('2026-06-01T07:00:00Z'),
      backoffMs: () => 1,
    })
    expect(result).toMatchObject({ status: 'done', sent: 1 })
    expect(mailer.sent).toHaveLength(1)
    const mail = mailer.sent[0]!
    expect(mail.text).toContain('Provbutiken varnar för falska mejl')
    expect(mail.text).not.toMatch(DRAFT_WORDS)
    expect(mail.html).not.toMatch(DRAFT_WORDS)
  })

  it('keeps the editors’ fields (provenance, an empty review list) out of the API', async () => {
    const record = fictionalAlert({
      provenance: [
        {
          field: 'official.phones',
          value: '+46846500400',
          sentence: 'Kundtjänsten nås bara på 08-465 004 00 (fiktivt).',
        },
      ],
      review: [],
    })
    const { app } = createTestApp(loadCatalog([recordFile('r', record)]))
    const body = await (await app.request('/api/alerts/exempelbolaget-2026-03-01')).json()
    expect(body).toMatchObject({ id: 'exempelbolaget-2026-03-01' })
    expect(Object.keys(body)).not.toContain('provenance')
    expect(Object.keys(body)).not.toContain('review')
    expect(JSON.stringify(await (await app.request('/api/alerts')).json())).not.toContain(
      'Kundtjänsten nås',
    )
  })
})
