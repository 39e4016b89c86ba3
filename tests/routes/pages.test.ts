import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/core/catalog'
import { createTestApp } from '../support/app'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'

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
    expect(html.indexOf('Ny våg av falska mejl')).toBeLessThan(
      html.indexOf('Exempelbolaget varnar för falska sms'),
    )
    expect(html).toContain('08-465 004 00')
  })

  it('lists companies alphabetically', async () => {
    const html = await (await createTestApp().app.request('/companies')).text()
    expect(html.indexOf('Exempelbolaget')).toBeLessThan(html.indexOf('Provbutiken'))
  })

  it.each(['/alerts/no-such-alert', '/companies/no-such-company', '/no/such/page'])(
    'answers %s with a 404 page for people',
    async (path) => {
      const res = await createTestApp().app.request(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(await res.text()).toContain('Sidan finns inte')
    },
  )

  it('escapes record text and the requested id', async () => {
    const hostile = fictionalAlert({
      title: '<script>alert(1)</script> & "quotes"',
      summary: '<img src=x onerror=alert(1)>',
    })
    const { app } = createTestApp(fictionalCatalog(hostile))
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
    expect(await res.json()).toEqual({ status: 'ok', alerts: 2 })
  })
})
