import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/core/catalog'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'

interface SitemapUrl {
  loc: string
  lastmod?: string
}

async function sitemap(catalog = fictionalCatalog()) {
  const { app } = createTestApp(catalog)
  const res = await app.request('/sitemap.xml')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/xml; charset=UTF-8')
  const xml = await res.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'url',
  }).parse(xml)
  expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  return { app, urls: parsed.urlset.url as SitemapUrl[] }
}

describe('GET /sitemap.xml', () => {
  it('lists every page with the date its content last changed', async () => {
    const updated = fictionalAlert({ updated: '2026-05-02' })
    const { urls } = await sitemap(fictionalCatalog(updated, secondFictionalAlert()))
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]))
    expect(byLoc.get(`${PUBLIC_URL}/`)).toBe('2026-05-02')
    expect(byLoc.get(`${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`)).toBe('2026-05-02')
    expect(byLoc.get(`${PUBLIC_URL}/alerts/provbutiken-2026-04-10`)).toBe('2026-04-10')
    expect(byLoc.get(`${PUBLIC_URL}/companies/provbutiken`)).toBe('2026-04-10')
    for (const path of [
      '/companies',
      '/check',
      '/search',
      '/guidance',
      '/about',
      '/privacy',
      '/feeds',
    ])
      expect(byLoc.has(`${PUBLIC_URL}${path}`), path).toBe(true)
  })

  it('lists only addresses that answer 200, once each', async () => {
    const { app, urls } = await sitemap()
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length)
    for (const { loc } of urls) {
      const res = await app.request(loc.slice(PUBLIC_URL.length))
      expect(res.status, loc).toBe(200)
    }
  })

  it('is valid with no alerts at all', async () => {
    const { urls } = await sitemap(loadCatalog([]))
    expect(urls.find((u) => u.loc === `${PUBLIC_URL}/`)?.lastmod).toBeUndefined()
  })
})

describe('GET /robots.txt', () => {
  it('points to the sitemap and keeps crawlers off personal links and the API', async () => {
    const res = await createTestApp().app.request('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8')
    const lines = (await res.text()).split('\n')
    expect(lines).toContain('User-agent: *')
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`)
    for (const path of ['/api/', '/confirm', '/unsubscribe'])
      expect(lines).toContain(`Disallow: ${path}`)
    expect(lines).not.toContain('Disallow: /')
  })
})
