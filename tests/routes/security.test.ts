import { describe, expect, it } from 'vitest'
import { createTestApp } from '../support/app'

// Every kind of response, cached or not, must carry the same security headers.
const REQUESTS: [string, number][] = [
  ['/', 200],
  ['/alerts/exempelbolaget-2026-03-01', 200],
  ['/companies', 200],
  ['/companies/exempelbolaget', 200],
  ['/feed.xml', 200],
  ['/feed.atom', 200],
  ['/feed.json', 200],
  ['/companies/exempelbolaget/feed.xml', 200],
  ['/?channel=sms&page=1', 200],
  ['/?channel=fax', 400],
  ['/?page=9', 404],
  ['/guidance', 200],
  ['/about', 200],
  ['/privacy', 200],
  ['/feeds', 200],
  ['/sitemap.xml', 200],
  ['/robots.txt', 200],
  ['/favicon.svg', 200],
  ['/assets/site.css', 200],
  ['/favicon.ico', 200],
  ['/api/alerts', 200],
  ['/api/alerts/exempelbolaget-2026-03-01', 200],
  ['/api/companies/exempelbolaget', 200],
  ['/healthz', 200],
  ['/search', 200],
  ['/search?q=046-28%2052%20900', 200],
  [`/search?q=${'a'.repeat(201)}`, 400],
  ['/api/lookup?q=08-465%20004%2000', 200],
  ['/api/lookup', 400],
  ['/alerts/missing', 404],
  ['/api/alerts/missing', 404],
  ['/nowhere', 404],
]

const form = (body: string, origin = 'http://localhost'): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
  body,
})
const json = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body,
})

const POSTS: [string, RequestInit, number][] = [
  ['/api/check', json('{"text":"Ring 08-465 004 00"}'), 200],
  ['/api/check', json('{"text":""}'), 400],
  ['/api/check', json(JSON.stringify({ text: 'a'.repeat(70_000) })), 413],
  ['/check', form('text=hej'), 200],
  ['/check', form('text='), 400],
  ['/check', form('text=hej', 'https://evil.example'), 403],
  ['/subscribe', form('email=a%40example.se'), 200],
  ['/subscribe', form('email=nope'), 400],
  ['/api/subscriptions', json('{"email":"b@example.se"}'), 202],
  ['/api/subscriptions', json('nope'), 400],
  ['/confirm', form('token=x'), 400],
  [`/unsubscribe?token=${'A'.repeat(43)}`, { method: 'POST' }, 400],
]

describe('security headers', () => {
  it.each(POSTS)(
    'POST %s answers its status with the CSP and no-store',
    async (path, init, status) => {
      const res = await createTestApp().app.request(path, init)
      expect(res.status).toBe(status)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    },
  )

  it.each(REQUESTS)('GET %s (%i) sends an explicit CSP and nosniff', async (path, status) => {
    const res = await createTestApp().app.request(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('keeps the headers on a 304', async () => {
    const { app } = createTestApp()
    const etag = (await app.request('/')).headers.get('etag') ?? ''
    const res = await app.request('/', { headers: { 'If-None-Match': etag } })
    expect(res.status).toBe(304)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('links only to http(s) URLs, site paths, fragments and official numbers on every page', async () => {
    const { app } = createTestApp()
    for (const path of [
      '/',
      '/alerts/provbutiken-2026-04-10',
      '/companies/exempelbolaget',
      '/companies',
      '/guidance',
      '/about',
      '/privacy',
      '/feeds',
      '/nowhere',
    ]) {
      const html = await (await app.request(path)).text()
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
        expect(href).toMatch(/^(https?:\/\/|\/|#[^\s]+$|tel:\+?\d+$)/)
      }
    }
  })
})

describe('405 for a known path asked with another method (finding 10)', () => {
  it.each([
    ['GET', '/api/subscriptions', 'POST'],
    ['PUT', '/api/check', 'POST'],
    ['DELETE', '/alerts/exempelbolaget-2026-03-01', 'GET, HEAD'],
    ['POST', '/feed.xml', 'GET, HEAD'],
    ['PATCH', '/confirm', 'GET, HEAD, POST'],
    ['DELETE', '/unsubscribe', 'GET, HEAD, POST'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await createTestApp().app.request(path, { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('still answers 404 for an unknown path, whatever the method', async () => {
    const { app } = createTestApp()
    expect((await app.request('/nowhere', { method: 'DELETE' })).status).toBe(404)
    expect((await app.request('/nowhere')).status).toBe(404)
  })
})
