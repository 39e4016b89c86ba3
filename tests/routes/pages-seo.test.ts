import { describe, expect, it } from 'vitest'
import { createTestApp, PUBLIC_URL } from '../support/app'
import {
  catalogWithHostileText,
  fictionalAlert,
  fictionalCatalog,
  secondFictionalAlert,
} from '../support/fixtures'
import { alternates, jsonLdBlocks, linkHref, metaContent } from '../support/html'

/** Every indexable page of the fictional catalog (the checker page is the checker's). */
const PAGES = [
  '/',
  '/companies',
  '/companies/exempelbolaget',
  '/alerts/exempelbolaget-2026-03-01',
  '/search',
  '/guidance',
  '/about',
  '/privacy',
  '/feeds',
]

describe('what search engines and link previews see', () => {
  it.each(PAGES)(
    '%s has a canonical URL, a description and OpenGraph tags from PUBLIC_URL',
    async (path) => {
      const html = await (await createTestApp().app.request(path)).text()
      expect(linkHref(html, 'canonical')).toBe(`${PUBLIC_URL}${path}`)
      expect(metaContent(html, 'og:url')).toBe(`${PUBLIC_URL}${path}`)
      expect(metaContent(html, 'description')?.length).toBeGreaterThan(30)
      expect(metaContent(html, 'og:description')).toBe(metaContent(html, 'description'))
      expect(metaContent(html, 'og:title')).toBeTruthy()
      expect(metaContent(html, 'og:site_name')).toBe('Bedrägerivarningar')
      expect(metaContent(html, 'og:locale')).toBe('sv_SE')
      expect(metaContent(html, 'robots')).toBeUndefined()
    },
  )

  it('previews a shared warning with its title and summary, as an article', async () => {
    const html = await (
      await createTestApp().app.request('/alerts/exempelbolaget-2026-03-01')
    ).text()
    expect(metaContent(html, 'og:type')).toBe('article')
    expect(metaContent(html, 'og:title')).toBe('Exempelbolaget varnar för falska sms')
    expect(metaContent(html, 'og:description')).toBe(
      'Fiktiv varning för tester: bedragare skickar sms i Exempelbolagets namn.',
    )
  })

  it('takes the canonical host from PUBLIC_URL, not from the request', async () => {
    const html = await (
      await createTestApp().app.request('http://evil.example/companies', {
        headers: { Host: 'evil.example' },
      })
    ).text()
    expect(linkHref(html, 'canonical')).toBe(`${PUBLIC_URL}/companies`)
    expect(html).not.toContain('evil.example')
  })

  it('announces the site feeds on every page, and a company feed where it belongs', async () => {
    const { app } = createTestApp()
    const site = [
      { type: 'application/rss+xml', href: '/feed.xml' },
      { type: 'application/atom+xml', href: '/feed.atom' },
      { type: 'application/feed+json', href: '/feed.json' },
    ]
    for (const path of [...PAGES, '/check', '/nowhere']) {
      const found = alternates(await (await app.request(path)).text())
      for (const feed of site) expect(found, path).toContainEqual(expect.objectContaining(feed))
    }
    const company = { type: 'application/rss+xml', href: '/companies/exempelbolaget/feed.xml' }
    for (const path of [
      '/companies/exempelbolaget',
      '/alerts/exempelbolaget-2026-03-01',
      '/?company=exempelbolaget',
    ]) {
      const found = alternates(await (await app.request(path)).text())
      expect(found, path).toContainEqual(expect.objectContaining(company))
    }
    expect(alternates(await (await app.request('/')).text())).not.toContainEqual(
      expect.objectContaining(company),
    )
    for (const { href } of [...site, company]) expect((await app.request(href)).status).toBe(200)
  })

  it('describes a company as a schema.org Organization with its phones and accounts', async () => {
    const html = await (await createTestApp().app.request('/companies/exempelbolaget')).text()
    expect(jsonLdBlocks(html)).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        '@id': `${PUBLIC_URL}/companies/exempelbolaget#organisation`,
        name: 'Exempelbolaget',
        alternateName: ['exempel bolaget'],
        url: 'https://www.exempelbolaget.example.se/',
        sameAs: [
          'https://www.exempelbolaget.example.se/',
          'https://www.instagram.com/exempelbolaget',
        ],
        contactPoint: [
          { '@type': 'ContactPoint', telephone: '+46846500400', contactType: 'Kundtjänst' },
        ],
      },
    ])
  })

  it('describes a warning as a schema.org NewsArticle about the company', async () => {
    const updated = fictionalAlert({ updated: '2026-03-05' })
    const { app } = createTestApp(fictionalCatalog(updated, secondFictionalAlert()))
    const html = await (await app.request('/alerts/exempelbolaget-2026-03-01')).text()
    const [article] = jsonLdBlocks(html) as Record<string, unknown>[]
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Exempelbolaget varnar för falska sms',
      url: `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
      datePublished: '2026-03-01',
      dateModified: '2026-03-05',
      inLanguage: 'sv',
      about: {
        '@id': `${PUBLIC_URL}/companies/exempelbolaget#organisation`,
        name: 'Exempelbolaget',
      },
      publisher: { name: 'Bedrägerivarningar' },
      isBasedOn: { name: 'Fiktiv källa', publisher: { name: 'Testredaktionen' } },
    })
  })

  it('keeps record text inside the JSON-LD block: no </script> breakout', async () => {
    const catalog = catalogWithHostileText({
      title: '</script><script>alert(1)</script><!--',
      companyName: 'Ond </SCRIPT> & co',
      aliases: ['<b>'],
    })
    const { app } = createTestApp(catalog)
    for (const path of ['/alerts/exempelbolaget-2026-03-01', '/companies/exempelbolaget']) {
      const html = await (await app.request(path)).text()
      expect(html.match(/<script/gi), path).toHaveLength(1)
      expect(html.match(/<\/script/gi), path).toHaveLength(1)
      expect(html).not.toContain('<!--')
      const [data] = jsonLdBlocks(html) as { headline?: string; name?: string }[]
      expect(data?.headline ?? data?.name).toMatch(/<\/script>|<\/SCRIPT>/)
    }
  })
})
