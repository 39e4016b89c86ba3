import { describe, expect, it } from 'vitest'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { checkerCatalog } from '../support/checker'

const { app } = createTestApp(checkerCatalog())

function postJson(body: unknown, init: RequestInit = {}) {
  return app.request('/api/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  })
}

function postForm(fields: Record<string, string>, origin = 'http://localhost') {
  return app.request('/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams(fields).toString(),
  })
}

describe('POST /api/check', () => {
  it('answers the contract: verdict, company, findings, redFlags, alerts with URLs', async () => {
    const res = await postJson({
      text: 'jem & fix: logga in på https://jemfix-login.example/x',
      sender: '+46 46 285 29 00',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual([
      'alerts',
      'company',
      'findings',
      'redFlags',
      'verdict',
    ])
    expect(body.verdict).toBe('suspicious')
    expect(body.company).toEqual({ slug: 'jem-fix', name: 'jem & fix' })
    expect(body.findings).toEqual([
      {
        kind: 'phone',
        value: '+46 46 285 29 00',
        normalized: '+46462852900',
        status: 'official',
        reason: expect.any(String),
        company: 'jem-fix',
        code: 'official-phone',
        places: [{ source: 'sender', value: '+46 46 285 29 00' }],
      },
      {
        kind: 'url',
        value: 'https://jemfix-login.example/x',
        normalized: 'jemfix-login.example',
        status: 'lookalike',
        reason: expect.stringMatching(/jem & fix/),
        company: 'jem-fix',
        code: 'lookalike-host',
        places: [{ source: 'text', value: 'https://jemfix-login.example/x' }],
      },
    ])
    expect(body.alerts).toEqual([
      {
        id: 'jem-fix-2026-02-28',
        title: expect.any(String),
        url: `${PUBLIC_URL}/alerts/jem-fix-2026-02-28`,
      },
    ])
  })

  it.each([
    ['not JSON', 'text=hello', /must be JSON/],
    ['a JSON array', '[1,2]', /JSON object/],
    ['a JSON string', '"hello"', /JSON object/],
    ['no text', { sender: 'x' }, /^text: is required$/],
    ['empty text', { text: '' }, /^text: must not be empty$/],
    ['blank text', { text: '   \n ' }, /^text: must not be empty$/],
    ['text of the wrong type', { text: 42 }, /^text: must be a string$/],
    ['sender of the wrong type', { text: 'hej', sender: ['a'] }, /^sender: must be a string$/],
    [
      'text over 10,000 characters',
      { text: 'a'.repeat(10_001) },
      /^text: must be at most 10000 characters$/,
    ],
    [
      'sender over 320 characters',
      { text: 'hej', sender: 'a'.repeat(321) },
      /^sender: must be at most 320 characters$/,
    ],
  ])('answers 400 naming the problem for %s', async (_case, body, error) => {
    const res = await postJson(body)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(error)
  })

  it('accepts exactly 10,000 characters', async () => {
    expect((await postJson({ text: 'å'.repeat(10_000) })).status).toBe(200)
  })

  it('answers 413 for a body over the limit', async () => {
    const res = await postJson({ text: 'a'.repeat(70_000) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ error: expect.stringMatching(/larger than/) })
  })

  it('never answers 500 to hostile input', async () => {
    const inputs = [
      'https://[::1',
      'http://%%%',
      '@'.repeat(500),
      'xn--zz.com xn--.com',
      '\u0000\uFFFF\uD800',
      'a@b@c@d.com',
      'https://a@',
      '+'.repeat(300),
    ]
    for (const text of inputs) {
      const res = await postJson({ text, sender: text.slice(0, 320) })
      expect(res.status).toBe(200)
    }
  })
})

describe('/check page', () => {
  it('shows the form without JavaScript', async () => {
    const res = await app.request('/check')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<form method="post" action="/check"')
    expect(html).toContain('name="text"')
    expect(html).not.toContain('<script')
  })

  it('shows the verdict, each finding with its reason, and the official contacts', async () => {
    const res = await postForm({
      text: 'jem & fix: betala på https://jemfix-present.example/abc eller ring 046-28 52 900',
      sender: '',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('Misstänkt meddelande')
    expect(html).toContain('hxxps://jemfix-present[.]example/abc')
    expect(html).not.toMatch(/href="[^"]*jemfix-present/)
    expect(html).toContain('Förväxlingsbar kopia')
    expect(html).toContain('046-28 52 900')
    expect(html).toContain('jem &amp; fix:s officiella kontaktvägar')
    expect(html).toContain('046-28 52 900 är jem &amp; fix:s officiella nummer')
  })

  /** The text of the verdict box of a result page. */
  async function verdictBox(text: string, sender = '') {
    const html = await (await postForm({ text, sender })).text()
    const box = /<div class="verdict[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? ''
    return { html, box: box.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') }
  }

  it('names the concrete reasons in the verdict box: the lookalike and the number', async () => {
    const { box } = await verdictBox(
      'jem & fix: betala på https://jemfix-present.example/abc eller ring 046-28 52 901',
    )
    expect(box).toContain('Misstänkt meddelande')
    expect(box).toContain('hxxps://jemfix-present[.]example/abc')
    expect(box).toContain('046-28 52 901')
    expect(box).toMatch(/betalar, loggar in eller bekräftar/)
  })

  it('never contradicts the company line in an unknown verdict', async () => {
    const { box } = await verdictBox('Hej från jem & fix, tack för ditt köp!')
    expect(box).toContain('Vi kan inte avgöra meddelandet')
    expect(box).toContain('jem &amp; fix')
    expect(box).not.toMatch(/känner inte igen något företag/)
  })

  it('gives a scam without a company generic advice, naming what fired', async () => {
    const { box } = await verdictBox(
      'Hej mamma, jag har tappat mobilen och har nytt nummer. Kan du swisha 1500 kr?',
    )
    expect(box).toContain('Misstänkt meddelande')
    expect(box).not.toMatch(/företag/)
    expect(box).toMatch(/nytt nummer/)
    expect(box).toMatch(/swisha/)
  })

  it('lists the company’s own tips under “Råd från …”, apart from the warning signs', async () => {
    const html = await (await postForm({ text: 'jem & fix: ring 046-28 52 900' })).text()
    expect(html).toContain('<h2>Råd från jem &amp; fix</h2>')
    expect(html).not.toContain('Varningstecken')
    const advice = html.slice(html.indexOf('Råd från jem'))
    expect(advice).toContain('@jemfix.com')
  })

  it('shows the warning signs that fired under their own heading', async () => {
    const html = await (await postForm({ text: 'Ange ditt personnummer här.' })).text()
    expect(html).toContain('<h2>Varningstecken</h2>')
    expect(html).not.toContain('Råd från')
  })

  it('tells where a contact point appeared when it is not just the text', async () => {
    const html = await (
      await postForm({ text: '<a href="https://konto.example/x">jemfix.com</a>', sender: '' })
    ).text()
    expect(html).toContain('länkens mål')
  })

  it('never reflects the pasted text unescaped', async () => {
    const html = await (
      await postForm({
        text: '<script>alert(1)</script><a href="javascript:x">jem & fix</a>',
        sender: '"><img src=x>',
      })
    ).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x>')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('rejects a cross-site form post (CSRF)', async () => {
    const res = await postForm({ text: 'hej' }, 'https://evil.example')
    expect(res.status).toBe(403)
  })

  it('answers an empty message with 400 and a Swedish explanation', async () => {
    const res = await postForm({ text: '  ' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Klistra in meddelandet du vill kolla.')
  })
})
