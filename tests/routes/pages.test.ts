import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/core/catalog'
import { createTestApp } from '../support/app'
import {
  catalogWithHostileText,
  fictionalAlert,
  fictionalCatalog,
  secondFictionalAlert,
} from '../support/fixtures'
import { alternates, mainText } from '../support/html'

describe('pages', () => {
  it('lists every alert newest first on the home page, in Swedish', async () => {
    const { app } = createTestApp()
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="sv">/)
    const newer = html.indexOf('Provbutiken varnar för falska mejl')
    const older = html.indexOf('Exempelbolaget varnar för falska sms')
    expect(newer).toBeGreaterThan(0)
    expect(older).toBeGreaterThan(newer)
  })

  it('shows a helpful empty state when there are no alerts', async () => {
    const { app } = createTestApp(loadCatalog([]))
    const html = await (await app.request('/')).text()
    expect(html).toContain('Inga varningar är publicerade ännu')
  })

  it('shows an alert with its company, channels, official contacts, tips and source', async () => {
    const { app } = createTestApp()
    const res = await app.request('/alerts/exempelbolaget-2026-03-01')
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const text of [
      'Exempelbolaget varnar för falska sms',
      'href="/companies/exempelbolaget"',
      '<li>Sms</li>',
      '@exempelbolaget.example.se',
      '08-465 004 00',
      '+46846500400',
      'href="https://www.instagram.com/exempelbolaget"',
      'href="https://www.exempelbolaget.example.se/"',
      'Exempelbolaget skickar aldrig länkar i sms.',
      'Fiktiv källa',
      '1 mars 2026',
    ]) {
      expect(html).toContain(text)
    }
  })

  it('shows reported fake links defanged and never as a link', async () => {
    const { app } = createTestApp()
    const html = await (await app.request('/alerts/provbutiken-2026-04-10')).text()
    expect(html).toContain('hxxps://provbutiken-kampanj[.]example/vinst')
    expect(html).not.toMatch(/href="[^"]*provbutiken-kampanj/)
  })

  it('shows a company page with its contacts and every alert', async () => {
    const second = fictionalAlert({
      id: 'exempelbolaget-2026-05-01',
      published: '2026-05-01',
      title: 'Ny våg av falska mejl',
      official: undefined,
    })
    const { app } = createTestApp(
      fictionalCatalog(fictionalAlert(), second, secondFictionalAlert()),
    )
    const res = await app.request('/companies/exempelbolaget')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Varningar (2)')
    expect(html).toContain('och 2 varningar om bedrägerier')
    expect(html.indexOf('Ny våg av falska mejl')).toBeLessThan(
      html.indexOf('Exempelbolaget varnar för falska sms'),
    )
    expect(html).toContain('08-465 004 00')
  })

  it('lists companies A to Ö with Swedish collation, under their initials, with counts', async () => {
    const company = (slug: string, name: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        fictionalAlert({
          id: `${slug}-${i}`,
          company: { slug, name, aliases: [] },
          official: i === 0 ? { emailDomains: [`${slug}.example.se`] } : undefined,
        }),
      )
    const catalog = fictionalCatalog(
      ...company('odla', 'Ödla', 1),
      ...company('zeta', 'zeta', 2),
      ...company('aker', 'Åker', 1),
      ...company('arlig', 'Ärlig', 1),
      ...company('beta', 'Beta', 1),
      ...company('jem', 'jem & co', 1),
    )
    const html = await (await createTestApp(catalog).app.request('/companies')).text()
    const order = ['Beta', 'jem &amp; co', 'zeta', 'Åker', 'Ärlig', 'Ödla'].map((name) =>
      html.indexOf(`>${name}</a>`),
    )
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(html).toContain('<h2 id="bokstav-J">J</h2>')
    expect(html).toContain('<h2 id="bokstav-Ö">Ö</h2>')
    expect(html).toContain('href="#bokstav-Å"')
    expect(mainText(html)).toContain('zeta (2 varningar)')
    expect(mainText(html)).toContain('Ödla (1 varning)')
    expect(mainText(html)).toContain('6 företag från A till Ö')
  })

  it('shows official phone numbers as tel: links, and no reported fake as a link', async () => {
    const alert = fictionalAlert({
      reportedFakes: [{ value: '08-465 004 99', note: 'Falskt nummer' }],
    })
    const { app } = createTestApp(fictionalCatalog(alert))
    for (const path of ['/alerts/exempelbolaget-2026-03-01', '/companies/exempelbolaget']) {
      const html = await (await app.request(path)).text()
      expect(html).toContain('<a class="official" href="tel:+46846500400">08-465 004 00</a>')
      expect(html.match(/href="tel:/g)).toHaveLength(1)
    }
    const alertHtml = await (await app.request('/alerts/exempelbolaget-2026-03-01')).text()
    expect(alertHtml).toContain('<span class="fake">08-465 004 99</span>')
  })

  it("writes a company's genitive the Swedish way", async () => {
    const alert = fictionalAlert({ company: { slug: 'prov-co', name: 'prov & co', aliases: [] } })
    const { app } = createTestApp(fictionalCatalog(alert, secondFictionalAlert()))
    const html = await (await app.request('/alerts/exempelbolaget-2026-03-01')).text()
    expect(html).toContain('<h2>prov &amp; co:s officiella kontaktvägar</h2>')
    const other = await (await app.request('/alerts/provbutiken-2026-04-10')).text()
    expect(other).toContain('<h2>Provbutikens officiella kontaktvägar</h2>')
  })

  it('shows the 20 newest warnings on a company page and links the older ones', async () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      fictionalAlert({
        id: `exempelbolaget-${String(i).padStart(2, '0')}`,
        title: `Varning nummer ${i}`,
        published: `2026-01-${String(i + 1).padStart(2, '0')}`,
        official: i === 0 ? fictionalAlert().official : undefined,
      }),
    )
    const html = await (
      await createTestApp(fictionalCatalog(...many)).app.request('/companies/exempelbolaget')
    ).text()
    expect(html.match(/<article class="card">/g)).toHaveLength(20)
    expect(html).toContain('Varning nummer 22')
    expect(html).not.toContain('Varning nummer 2<')
    expect(html).toContain('href="/?company=exempelbolaget&amp;page=2"')
    expect(mainText(html)).toContain('(alla 23 varningar)')
  })

  it('offers JSON to developers in the head only, never in the text of a page', async () => {
    const { app } = createTestApp()
    const expected: [string, string][] = [
      ['/', '/api/alerts'],
      ['/companies', '/api/companies'],
      ['/companies/exempelbolaget', '/api/companies/exempelbolaget'],
      ['/alerts/exempelbolaget-2026-03-01', '/api/alerts/exempelbolaget-2026-03-01'],
    ]
    for (const [path, api] of expected) {
      const html = await (await app.request(path)).text()
      expect(alternates(html).filter((a) => a.type === 'application/json')).toEqual([
        expect.objectContaining({ href: api }),
      ])
      expect(html).not.toMatch(/<a [^>]*href="\/api\//)
      expect(mainText(html)).not.toMatch(/JSON/)
      expect((await app.request(api)).status).toBe(200)
    }
  })

  it('names a site icon and serves it', async () => {
    const { app } = createTestApp()
    const html = await (await app.request('/')).text()
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
    const icon = await app.request('/favicon.svg')
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(await icon.text()).toMatch(/^<svg /)
  })

  it('starts every page with a skip link to the main content', async () => {
    const { app } = createTestApp()
    for (const path of ['/', '/companies', '/check', '/guidance', '/nowhere']) {
      const html = await (await app.request(path)).text()
      expect(html, path).toMatch(
        /<body><a class="skip-link" href="#innehall">Hoppa till innehållet<\/a>/,
      )
      expect(html, path).toContain('<main class="wrap" id="innehall" tabindex="-1">')
    }
  })

  it('leads the "RSS" menu link to the page that explains feeds, not to raw XML', async () => {
    const html = await (await createTestApp().app.request('/')).text()
    const nav = html.match(/<nav aria-label="Huvudmeny">([\s\S]*?)<\/nav>/)?.[1] ?? ''
    expect(nav).toContain('<a href="/feeds">RSS</a>')
    expect(nav).not.toContain('feed.xml')
  })

  it.each(['/alerts/no-such-alert', '/companies/no-such-company', '/no/such/page'])(
    'answers %s with a 404 page for people that offers the checker',
    async (path) => {
      const res = await createTestApp().app.request(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      const html = await res.text()
      expect(html).toContain('Sidan finns inte')
      expect(html).toContain('<a class="button" href="/check">Kolla ett meddelande</a>')
      expect(html).toContain('<meta name="robots" content="noindex"/>')
    },
  )

  it('escapes record text and the requested id', async () => {
    const catalog = catalogWithHostileText({
      title: '<script>alert(1)</script> & "quotes"',
      summary: '<img src=x onerror=alert(1)>',
    })
    const { app } = createTestApp(catalog)
    const html = await (await app.request('/alerts/exempelbolaget-2026-03-01')).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
    const notFound = await (await app.request('/alerts/%3Cscript%3Ex')).text()
    expect(notFound).not.toContain('<script>x')
  })

  it('sends a CSP, ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const { app } = createTestApp()
    const first = await app.request('/alerts/exempelbolaget-2026-03-01')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(first.headers.get('content-security-policy')).toContain("form-action 'self'")
    const again = await app.request('/alerts/exempelbolaget-2026-03-01', {
      headers: { 'If-None-Match': `W/"x", ${etag}` },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const stale = await app.request('/alerts/exempelbolaget-2026-03-01', {
      headers: { 'If-None-Match': '"stale"' },
    })
    expect(stale.status).toBe(200)
  })

  it('serves the stylesheet locally with no external resources in pages', async () => {
    const { app } = createTestApp()
    const css = await app.request('/assets/site.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/text\/css/)
    const html = await (await app.request('/')).text()
    expect(html).not.toMatch(
      /(src|href)="(https?:)?\/\/(?!varningar\.example\.se)[^"]*\.(css|js|woff2?)/,
    )
    expect(html).toContain('name="viewport"')
  })

  it('answers /healthz', async () => {
    const res = await createTestApp().app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', alerts: 2 })
  })
})
