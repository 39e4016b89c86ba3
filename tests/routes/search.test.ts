import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { memoryRequestLimiter } from '../../src/rate-limit/memory-limiter'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { checkerCatalog } from '../support/checker'
import { linkHref, mainText, metaContent } from '../support/html'

// The real jem & fix record and the fictional companies of the checker's tests.
const { app, errors } = createTestApp(checkerCatalog())

const lookup = (q: string, init?: RequestInit) =>
  app.request(`/api/lookup?q=${encodeURIComponent(q)}`, init)
const search = (q: string) => app.request(`/search?q=${encodeURIComponent(q)}`)

interface LookupBody {
  query: string
  results: {
    answer: string
    finding: Record<string, unknown>
    company: { slug: string; name: string; url: string } | null
  }[]
  companies: { slug: string; name: string; url: string }[]
}

const JEM_FIX = { slug: 'jem-fix', name: 'jem & fix', url: `${PUBLIC_URL}/companies/jem-fix` }

describe('GET /api/lookup', () => {
  it('answers the contract: the query, a checker finding and the company per contact point', async () => {
    const res = await lookup('0046 46 285 29 00')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(await res.json()).toEqual({
      query: '0046 46 285 29 00',
      results: [
        {
          answer:
            '046-28 52 900 är jem & fix:s officiella nummer (Kundtjänst – det enda numret till kundtjänst).',
          finding: {
            kind: 'phone',
            value: '0046 46 285 29 00',
            normalized: '+46462852900',
            status: 'official',
            reason:
              '046-28 52 900 är jem & fix:s officiella nummer (Kundtjänst – det enda numret till kundtjänst).',
            company: 'jem-fix',
            code: 'official-phone',
            places: [{ source: 'text', value: '0046 46 285 29 00' }],
          },
          company: JEM_FIX,
        },
      ],
      companies: [],
    })
  })

  it.each([
    ['+46462852900', 'phone', 'official'],
    ['046-28 52 900', 'phone', 'official'],
    ['jemofixsverige', 'handle', 'official'],
    ['https://www.facebook.com/jemofixsverige', 'handle', 'official'],
    ['kundtjanst@jemfix.com', 'email', 'official'],
    ['jemfix-support.se', 'domain', 'lookalike'],
    ['https://jemfix-login.example/betala', 'url', 'lookalike'],
    ['046-28 52 901', 'phone', 'lookalike'],
  ])('finds jem & fix for %j: a %s, %s', async (q, kind, status) => {
    const body = (await (await lookup(q)).json()) as LookupBody
    expect(body.results).toHaveLength(1)
    expect(body.results[0]!.finding).toMatchObject({ kind, status, company: 'jem-fix' })
    expect(body.results[0]!.company).toEqual(JEM_FIX)
  })

  it('names the company a query names, and answers each contact point in it', async () => {
    const body = (await (
      await lookup('jem och fix 046-28 52 900 jemfix-support.se')
    ).json()) as LookupBody
    expect(body.companies).toEqual([JEM_FIX])
    expect(body.results.map((r) => r.finding.status)).toEqual(['official', 'lookalike'])
  })

  it('answers a query it knows nothing about with empty lists, not an error', async () => {
    const res = await lookup('nagonheltannan')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ query: 'nagonheltannan', results: [], companies: [] })
  })

  it('gives an unknown contact point no company', async () => {
    const body = (await (await lookup('kundservice.example')).json()) as LookupBody
    expect(body.results).toEqual([
      expect.objectContaining({
        company: null,
        answer: 'Vi har inga uppgifter om kundservice[.]example.',
      }),
    ])
  })

  it.each([
    ['no query', '/api/lookup', 'q: is required'],
    ['an empty query', '/api/lookup?q=', 'q: must not be empty'],
    ['a blank query', '/api/lookup?q=%20%20', 'q: must not be empty'],
    ['two queries', '/api/lookup?q=a&q=b', 'q: must be given once'],
    ['201 characters', `/api/lookup?q=${'a'.repeat(201)}`, 'q: must be at most 200 characters'],
  ])('answers 400 naming the problem for %s, readable by any site', async (_case, path, error) => {
    const res = await app.request(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ error })
  })

  it('accepts exactly 200 characters', async () => {
    expect((await lookup(`${'a '.repeat(99)}ab`)).status).toBe(200)
  })

  it('answers 405 with Allow: GET to other methods', async () => {
    const res = await app.request('/api/lookup?q=x', { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
  })
})

describe('GET /search', () => {
  it('explains what can be searched, with examples from the records, and works without JavaScript', async () => {
    const res = await app.request('/search')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<form method="get" action="/search"')
    expect(html).toMatch(/<input[^>]* name="q"/)
    expect(html).not.toContain('<script')
    const text = mainText(html)
    for (const what of ['Telefonnummer', 'e-post', 'Konton', 'Företag'])
      expect(text).toContain(what)
    // Examples are searches the reader can follow, taken from the records.
    expect(html).toContain(
      `href="/search?q=${encodeURIComponent('jem & fix').replace(/&/g, '&amp;')}"`,
    )
    expect(html).toMatch(/href="\/search\?q=[^"]+">jemofixsverige</)
    expect(linkHref(html, 'canonical')).toBe(`${PUBLIC_URL}/search`)
    expect(metaContent(html, 'robots')).toBeUndefined()
  })

  it.each(['+46462852900', '0046 46 285 29 00', '046-28 52 900'])(
    'finds jem & fix for %j and says the number is official, callable',
    async (q) => {
      const res = await search(q)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(mainText(html)).toContain(
        '046-28 52 900 är jem & fix:s officiella nummer (Kundtjänst – det enda numret till kundtjänst).',
      )
      expect(html).toContain('href="tel:+46462852900"')
      expect(html).toContain('href="/companies/jem-fix"')
      expect(html).toContain('href="/?company=jem-fix"')
    },
  )

  it('finds jem & fix for jemofixsverige and says on which platform it is official', async () => {
    const text = mainText(await (await search('jemofixsverige')).text())
    expect(text).toContain('jemofixsverige är jem & fix:s officiella konto på Facebook.')
  })

  it('says a lookalike domain is not the company, defanged, never a link, and what to do', async () => {
    const html = await (await search('jemfix-support.se')).text()
    expect(mainText(html)).toContain(
      'jemfix-support[.]se är inte jem & fix:s; den liknar jemfix.com.',
    )
    // The checker's reason explains why.
    expect(mainText(html)).toContain('innehåller namnet med andra ord runt omkring')
    expect(html).not.toMatch(/href="[^"]*jemfix-support/)
    expect(html).toContain('href="/guidance"')
  })

  it('answers every contact point in one query, and the company it names', async () => {
    const text = mainText(
      await (
        await search('jem och fix: 046-28 52 900 eller info@jemfix-kundtjanst.example')
      ).text(),
    )
    expect(text).toContain('046-28 52 900 är jem & fix:s officiella nummer')
    expect(text).toContain('info[@]jemfix-kundtjanst[.]example är inte jem & fix:s')
    expect(text).toContain('jem & fix:s officiella kontaktvägar')
  })

  it('shows a company found by name with its official contacts', async () => {
    const html = await (await search('JEM O FIX')).text()
    expect(html).toContain('href="/companies/jem-fix"')
    expect(html).toContain('href="tel:+46462852900"')
    expect(mainText(html)).toContain('@jemfix.com')
  })

  it('says plainly that no match proves nothing, and points to the checker and the guidance', async () => {
    const res = await search('nagonheltannan')
    expect(res.status).toBe(200)
    const html = await res.text()
    const text = mainText(html)
    expect(text).toContain('Vi hittade inget om')
    expect(text).toMatch(/betyder inte att/)
    expect(html).toContain('href="/check"')
    expect(html).toContain('href="/guidance"')
  })

  it('keeps results out of shared caches and search engines, and the query in the form', async () => {
    const res = await search('046-28 52 900')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const html = await res.text()
    expect(metaContent(html, 'robots')).toBe('noindex')
    expect(html).toContain('value="046-28 52 900"')
  })

  it('treats a blank query as no query', async () => {
    const res = await search('   ')
    expect(res.status).toBe(200)
    expect(mainText(await res.text())).toContain('Det här kan du söka på')
  })

  it.each([
    ['201 characters', `/search?q=${'a'.repeat(201)}`, 'högst 200 tecken'],
    ['two queries', '/search?q=a&q=b', 'en sak i taget'],
  ])('answers 400 for %s with the form and what to do', async (_case, path, message) => {
    const res = await app.request(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(mainText(html)).toContain(message)
    expect(html).toContain('<form method="get" action="/search"')
    expect(metaContent(html, 'robots')).toBe('noindex')
  })

  it('escapes and defangs a hostile query everywhere it is shown', async () => {
    for (const q of [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      'https://evil.example/"><b>x</b>',
      'evil.example/<svg onload=alert(1)>',
      '@"><script>',
    ]) {
      const res = await search(q)
      expect(res.status, q).toBe(200)
      const html = await res.text()
      expect(html, q).not.toContain('<script>alert')
      expect(html, q).not.toContain('<img src=x')
      expect(html, q).not.toContain('<svg')
      expect(html, q).not.toContain('<b>x')
      expect(html, q).not.toMatch(/href="(javascript:|[^"]*evil)/)
    }
  })
})

describe('search boxes', () => {
  it.each(['/', '/companies', '/alerts/jem-fix-2026-02-28', '/check', '/guidance'])(
    '%s has the header search, a GET form to /search',
    async (path) => {
      const html = await (await app.request(path)).text()
      const header = html.match(/<header[\s\S]*<\/header>/)?.[0] ?? ''
      expect(header).toMatch(
        /<form class="site-search" role="search" method="get" action="\/search"/,
      )
      expect(header).toMatch(/<input[^>]* name="q"/)
    },
  )

  it('offers a search box on the home page, in the content', async () => {
    const html = await (await app.request('/')).text()
    expect(html.match(/<main[\s\S]*<\/main>/)?.[0]).toMatch(/<form[^>]* action="\/search"/)
  })

  it('offers search and the checker on the 404 page', async () => {
    const res = await app.request('/no/such/page')
    expect(res.status).toBe(404)
    const main = (await res.text()).match(/<main[\s\S]*<\/main>/)?.[0] ?? ''
    expect(main).toMatch(/<form[^>]* action="\/search"/)
    expect(main).toContain('href="/check"')
  })
})

describe('search with a per-client limit', () => {
  const limited = () =>
    createTestApp(checkerCatalog(), {
      checkLimiter: memoryRequestLimiter({ limit: 2, periodMs: 60_000 }),
    })
  const from = (t: ReturnType<typeof limited>, path: string, client: string) =>
    t.app.request(path, { headers: { 'X-Test-Client': client } })

  it('limits /api/lookup per client, with CORS on the 429 and without echoing the query', async () => {
    const t = limited()
    for (let i = 0; i < 2; i++)
      expect((await from(t, '/api/lookup?q=070-174%2006%2077', '203.0.113.5')).status).toBe(200)
    const refused = await from(t, '/api/lookup?q=070-174%2006%2077', '203.0.113.5')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    expect(await refused.text()).not.toContain('06 77')
    expect((await from(t, '/api/lookup?q=x', '203.0.113.6')).status).toBe(200)
  })

  it('counts /search and checks in the same bucket, and answers the page in Swedish', async () => {
    const t = limited()
    expect((await from(t, '/search?q=jem', '203.0.113.7')).status).toBe(200)
    const check = await t.app.request('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Test-Client': '203.0.113.7' },
      body: JSON.stringify({ text: 'hej' }),
    })
    expect(check.status).toBe(200)
    const refused = await from(t, '/search?q=070-174%2006%2077', '203.0.113.7')
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('För många sökningar')
    expect(page).not.toContain('06 77')
  })
})

describe('hostile input', () => {
  /** Any bytes, percent-encoded: invalid UTF-8, control characters, lone surrogates. */
  const rawQuery = fc
    .uint8Array({ maxLength: 120 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))
  const textQuery = fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 220 }),
      fc.string({ unit: 'binary', maxLength: 220 }),
    )
    .map((q) => encodeURIComponent(q))

  it('never answers 5xx to /search or /api/lookup, whatever the query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawQuery, textQuery), async (q) => {
        for (const path of [`/search?q=${q}`, `/api/lookup?q=${q}`]) {
          const res = await app.request(path)
          expect(res.status, path).toBeLessThan(500)
          await res.arrayBuffer()
        }
      }),
      { numRuns: 300 },
    )
    expect(errors).toEqual([])
  })
})
