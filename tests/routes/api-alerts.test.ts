import { describe, expect, it } from 'vitest'
import { createTestApp, PUBLIC_URL } from '../support/app'

describe('JSON API', () => {
  it('lists alerts newest first with absolute URLs and resolved official contacts', async () => {
    const res = await createTestApp().app.request('/api/alerts')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as {
      alerts: { id: string; url: string; official: { phones: { number: string }[] } }[]
    }
    expect(body.alerts.map((a) => a.id)).toEqual([
      'provbutiken-2026-04-10',
      'exempelbolaget-2026-03-01',
    ])
    expect(body.alerts[1]?.url).toBe(`${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`)
    expect(body.alerts[1]?.official.phones[0]?.number).toBe('+46846500400')
  })

  it('returns one alert by id', async () => {
    const res = await createTestApp().app.request('/api/alerts/exempelbolaget-2026-03-01')
    expect(res.status).toBe(200)
    const alert = (await res.json()) as {
      id: string
      company: { slug: string; url: string }
      channels: string[]
    }
    expect(alert.id).toBe('exempelbolaget-2026-03-01')
    expect(alert.company).toMatchObject({
      slug: 'exempelbolaget',
      url: `${PUBLIC_URL}/companies/exempelbolaget`,
    })
    expect(alert.channels).toEqual(['sms'])
  })

  it('returns a company with its official contacts and alerts', async () => {
    const res = await createTestApp().app.request('/api/companies/provbutiken')
    expect(res.status).toBe(200)
    const company = (await res.json()) as {
      name: string
      official: { emailDomains: string[] }
      alerts: { id: string }[]
    }
    expect(company.name).toBe('Provbutiken')
    expect(company.official.emailDomains).toEqual(['provbutiken.example.com'])
    expect(company.alerts.map((a) => a.id)).toEqual(['provbutiken-2026-04-10'])
  })

  it.each([
    ['/api/alerts/nope', 'no alert with id "nope"'],
    ['/api/companies/nope', 'no company with slug "nope"'],
    ['/api/nothing-here', 'no such endpoint'],
  ])('answers %s with a JSON 404', async (path, error) => {
    const res = await createTestApp().app.request(path)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error })
  })

  it('supports conditional requests', async () => {
    const { app } = createTestApp()
    const first = await app.request('/api/alerts')
    const etag = first.headers.get('etag') ?? ''
    expect((await app.request('/api/alerts', { headers: { 'If-None-Match': etag } })).status).toBe(
      304,
    )
  })

  it('lets any site read its answers (CORS), also a 304 and a 404', async () => {
    const { app } = createTestApp()
    for (const path of [
      '/api/alerts',
      '/api/alerts/exempelbolaget-2026-03-01',
      '/api/companies',
      '/api/companies/provbutiken',
      '/api/alerts/nope',
      '/api/companies/nope',
    ]) {
      const res = await app.request(path, { headers: { Origin: 'https://extension.example' } })
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      const etag = res.headers.get('etag')
      if (etag) {
        const again = await app.request(path, { headers: { 'If-None-Match': etag } })
        expect(again.status).toBe(304)
        expect(again.headers.get('access-control-allow-origin')).toBe('*')
      }
    }
  })

  it('gives pages and forms no CORS header', async () => {
    const { app } = createTestApp()
    for (const path of ['/', '/alerts/exempelbolaget-2026-03-01', '/feed.xml'])
      expect((await app.request(path)).headers.get('access-control-allow-origin')).toBeNull()
  })
})
