import { describe, expect, it } from 'vitest'
import type { Channel } from '../../src/core/alert-schema'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { fictionalAlert, fictionalCatalog } from '../support/fixtures'
import { linkHref, mainText } from '../support/html'

const COMPANIES = [
  { slug: 'exempelbolaget', name: 'Exempelbolaget' },
  { slug: 'provbutiken', name: 'Provbutiken' },
  { slug: 'testbanken', name: 'Testbanken' },
]
const CHANNEL_CYCLE: Channel[][] = [['sms'], ['email'], ['phone', 'sms'], ['social']]

/** FICTION: 45 alerts over three companies and four kinds of channels, one per day. */
function bigCatalog() {
  const records = Array.from({ length: 45 }, (_, i) => {
    const company = COMPANIES[i % 3]!
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)
    return fictionalAlert({
      id: `${company.slug}-${String(i).padStart(2, '0')}`,
      title: `Varning ${String(i).padStart(2, '0')}`,
      published: day,
      company: { ...company, aliases: [] },
      channels: CHANNEL_CYCLE[i % 4],
      official: i < 3 ? { emailDomains: [`${company.slug}.example.se`] } : undefined,
    })
  })
  return fictionalCatalog(...records)
}

const titles = (html: string) => [...html.matchAll(/>Varning (\d\d)<\/a><\/h2>/g)].map((m) => m[1])

describe('browsing warnings', () => {
  const { app } = createTestApp(bigCatalog())

  it('shows 20 per page, newest first, with links to older and newer pages', async () => {
    const first = await (await app.request('/')).text()
    expect(titles(first)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(44 - i).padStart(2, '0')),
    )
    expect(mainText(first)).toContain('Visar 1–20 av 45 varningar')
    expect(first).toContain('<a href="/?page=2" rel="next">')
    expect(first).not.toContain('rel="prev"')

    const last = await (await app.request('/?page=3')).text()
    expect(titles(last)).toEqual(['04', '03', '02', '01', '00'])
    expect(mainText(last)).toContain('Visar 41–45 av 45 varningar')
    expect(last).toContain('<a href="/?page=2" rel="prev">')
    expect(last).not.toContain('rel="next"')
    expect(mainText(last)).toContain('Sida 3 av 3')
  })

  it('filters by channel, by company and by both, keeping the filter in page links', async () => {
    const sms = await (await app.request('/?channel=sms')).text()
    // Channels cycle sms, email, phone+sms, social: i % 4 is 0 or 2.
    expect(titles(sms).every((t) => Number(t) % 2 === 0)).toBe(true)
    expect(mainText(sms)).toContain('Visar 1–20 av 23 varningar')
    expect(sms).toContain('<a href="/?channel=sms&amp;page=2" rel="next">')

    const company = await (await app.request('/?company=provbutiken')).text()
    expect(titles(company).every((t) => Number(t) % 3 === 1)).toBe(true)
    expect(mainText(company)).toContain('15 varningar')

    const both = await (await app.request('/?channel=email&company=provbutiken')).text()
    expect(titles(both)).toEqual(['37', '25', '13', '01'])
    expect(both).toContain('<option value="email" selected="">E-post</option>')
    expect(both).toContain('<option value="provbutiken" selected="">Provbutiken</option>')
    expect(both).toContain('<h1>Varningar: E-post · Provbutiken</h1>')
  })

  it('serves every spelling of the same list as one page with one canonical URL', async () => {
    const spellings = [
      '/?channel=sms&company=provbutiken',
      '/?company=provbutiken&channel=sms',
      '/?company=provbutiken&channel=sms&page=1&utm_source=nyhetsbrev',
    ]
    const answers = await Promise.all(spellings.map((path) => app.request(path)))
    const etags = new Set(answers.map((res) => res.headers.get('etag')))
    expect(etags.size).toBe(1)
    const html = await answers[0]!.text()
    expect(linkHref(html, 'canonical')).toBe(`${PUBLIC_URL}/?channel=sms&amp;company=provbutiken`)
    // The GET form's empty "all" values mean no filter: the same page as the home page.
    const formAll = await app.request('/?channel=&company=')
    expect(formAll.headers.get('etag')).toBe((await app.request('/')).headers.get('etag'))
  })

  it('shows an empty state for a filter with no warnings, with a way back', async () => {
    const html = await (await app.request('/?channel=letter')).text()
    expect(mainText(html)).toContain('Det finns inga varningar för Brev.')
    expect(html).toContain('<a href="/">Visa alla varningar</a>')
  })

  it('answers a page past the last with 404, naming how many there are', async () => {
    const res = await app.request('/?page=4')
    expect(res.status).toBe(404)
    expect(mainText(await res.text())).toContain('Sidan 4 finns inte: listan har 3 sidor.')
  })

  it.each([
    ['/?channel=fax', 'Kanalen "fax" finns inte. Välj en av dessa: sms, e-post'],
    ['/?channel=sms&channel=email', 'Adressen anger mer än en kanal.'],
    ['/?company=nobody', 'Det finns inget företag med id "nobody" här.'],
    ['/?company=%3Cscript%3E', 'Det finns inget företag med id "<script>" här.'],
    ['/?page=0', 'Sidnumret "0" går inte att läsa.'],
    ['/?page=abc', 'Sidnumret "abc" går inte att läsa.'],
    ['/?page=1e3', 'Sidnumret "1e3" går inte att läsa.'],
    ['/?page=99999999999', 'Sidnumret "99999999999" går inte att läsa.'],
    ['/?page=1&page=2', 'Adressen anger mer än ett sidnummer.'],
    ['/?channel=%E0%A4%A', 'Kanalen "%E0%A4%A" finns inte.'],
    [`/?company=${'x'.repeat(5000)}`, `Det finns inget företag med id "${'x'.repeat(40)}…" här.`],
  ])('answers %s with a 400 page that says what is wrong', async (path, message) => {
    const t = createTestApp(bigCatalog())
    const res = await t.app.request(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    expect(mainText(html)).toContain(message)
    expect(html).not.toContain('<script>')
    expect(html).toContain('<form method="get" action="/"')
    expect(t.errors).toEqual([])
  })

  it('caches a list page like every other page: ETag and 304', async () => {
    const first = await app.request('/?channel=sms&page=2')
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
    const again = await app.request('/?channel=sms&page=2', {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
  })
})
