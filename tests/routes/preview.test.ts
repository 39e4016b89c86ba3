import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { buildCatalog, type Catalog } from '../../src/core/catalog'
import type { Mailer } from '../../src/mail/mailer'
import { createPreviewApp } from '../../src/preview/preview-app'
import { sqlStores } from '../../src/store/sql-stores'
import { createTestApp, PUBLIC_URL, SITE_ORIGIN } from '../support/app'
import {
  fictionalAlert,
  fictionalDraft,
  recordFile,
  secondFictionalAlert,
} from '../support/fixtures'
import { mainText } from '../support/html'

const ODLA_DRAFT = fictionalDraft()

function previewCatalog(): Catalog {
  const { catalog, issues } = buildCatalog(
    [
      recordFile('exempelbolaget', fictionalAlert()),
      recordFile('provbutiken', secondFictionalAlert()),
      recordFile('drafts/odla', ODLA_DRAFT),
    ],
    { drafts: 'preview' },
  )
  if (!catalog) throw new Error(JSON.stringify(issues))
  return catalog
}

/** The preview over an in-memory database, with a mailer that counts what it is asked to send. */
function preview() {
  const asked: string[] = []
  const mailer: Mailer = {
    async send(message) {
      asked.push(message.to)
      throw new Error('the preview must never send mail')
    },
    async close() {},
  }
  const db = openSqlite(':memory:')
  const app = createPreviewApp({
    catalog: previewCatalog(),
    publicUrl: PUBLIC_URL,
    stores: sqlStores(db),
    mailer,
    clientIp: () => '192.0.2.1',
  })
  return { app, asked, db }
}

const html = async (res: Response) => ({
  status: res.status,
  headers: res.headers,
  body: await res.text(),
})

describe('npm run preview (the app)', () => {
  it('marks every page as a preview that search engines must not index', async () => {
    const { app } = preview()
    for (const path of [
      '/',
      '/companies',
      '/alerts/exempelbolaget-2026-03-01',
      '/check',
      '/no/such/page',
    ]) {
      const page = await html(await app.request(path))
      expect(page.body, path).toMatch(
        /<body><aside class="preview-banner" aria-label="Förhandsvisning">/,
      )
      expect(page.body, path).toContain('inte den publicerade webbplatsen')
      expect(page.body, path).toMatch(/<title>Förhandsvisning: /)
      expect(page.body.match(/<meta name="robots" content="noindex"\/>/g), path).toHaveLength(1)
      expect(page.headers.get('X-Robots-Tag'), path).toBe('noindex, nofollow')
      expect(page.headers.get('Cache-Control'), path).toBe('no-store')
      expect(page.headers.get('ETag'), path).toBeNull()
    }
  })

  it('shows the draft on its page marked "Utkast", with the company box marked too', async () => {
    const { app } = preview()
    const alert = await html(await app.request('/alerts/odla-2026-05-02'))
    expect(alert.status).toBe(200)
    expect(alert.body).toMatch(/<span class="draft-badge">Utkast<\/span>/)
    expect(mainText(alert.body)).toMatch(/Utkast Inte publicerad: varningen är ett utkast/)
    expect(mainText(alert.body)).toContain('031-390 06 00')
    const company = await html(await app.request('/companies/odla'))
    expect(company.status).toBe(200)
    expect(company.body).toMatch(/<span class="draft-badge">Utkast<\/span>/)
    expect(mainText(company.body)).toMatch(/Utkast Kontaktvägarna kommer från ett utkast/)
  })

  it('marks the draft in the lists and leaves published warnings unmarked', async () => {
    const { app } = preview()
    const home = await html(await app.request('/'))
    const cards = home.body.split('<article class="card">').slice(1)
    expect(cards).toHaveLength(3)
    const marked = cards.filter((card) => card.includes('draft-badge'))
    expect(marked).toHaveLength(1)
    expect(marked[0]).toContain('Ödla varnar för falska mejl')
    const companies = await html(await app.request('/companies'))
    expect(companies.body).toMatch(/Ödla<\/a> <span class="draft-badge">Utkast<\/span>/)
    expect(companies.body).not.toMatch(/Provbutiken<\/a> <span class="draft-badge">/)
  })

  it('answers the checker with the draft’s contacts', async () => {
    const { app } = preview()
    const res = await app.request('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Ödla: ring 031-390 06 00' }),
    })
    const body = (await res.json()) as { findings: { status: string; company: string }[] }
    expect(body.findings).toEqual([
      expect.objectContaining({ status: 'official', company: 'odla' }),
    ])
  })

  it('takes no subscription and never sends mail', async () => {
    const { app, asked, db } = preview()
    const form = await app.request('/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
      body: 'email=anna%40example.se',
    })
    expect(form.status).toBe(403)
    expect(await form.text()).toMatch(/Förhandsvisningen tar inte emot prenumerationer/)
    const json = await app.request('/api/subscriptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'anna@example.se' }),
    })
    expect(json.status).toBe(403)
    expect(await json.json()).toEqual({ error: expect.stringMatching(/preview/) })
    for (const path of ['/confirm?token=x', '/unsubscribe?token=x']) {
      expect((await app.request(path)).status, path).toBe(403)
    }
    expect(asked).toEqual([])
    expect(await db.all('SELECT * FROM subscribers')).toEqual([])
  })

  it('keeps crawlers out entirely and still answers /healthz', async () => {
    const { app } = preview()
    const robots = await app.request('/robots.txt')
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n')
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('is the only place with the banner: the published site has none (the control)', async () => {
    const { app } = createTestApp()
    const body = await (await app.request('/')).text()
    expect(body).not.toContain('preview-banner')
    expect(body).not.toContain('Förhandsvisning')
  })
})
