import { describe, expect, it } from 'vitest'
import { createTestApp, PUBLIC_URL, SITE_ORIGIN } from '../support/app'

type TestApp = ReturnType<typeof createTestApp>

let clients = 0

/** Each request from its own client address, so the per-address limit stays out of the way. */
function subscribe(t: TestApp, body: unknown, contentType = 'application/json') {
  return t.app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'X-Test-Client': `198.51.100.${clients++ % 250}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const count = async (t: TestApp, table: string) =>
  (await t.db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n

/** Every spelling of one address that changes only the case of its letters, up to `max`. */
function caseVariants(address: string, max: number): string[] {
  const variants: string[] = []
  for (let mask = 0; variants.length < max; mask++) {
    variants.push(
      [...address].map((ch, i) => ((mask >> i) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join(''),
    )
  }
  return variants
}

describe('one mailbox, spelled many ways (finding 4)', () => {
  it('40 case variants of one address get 3 confirmation mails in a day and one subscriber', async () => {
    const t = createTestApp()
    for (const email of caseVariants('victim@example.se', 40))
      expect((await subscribe(t, { email })).status).toBe(202)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(3)
    expect(await count(t, 'subscribers')).toBe(1)
    expect(await t.status('VICTIM@example.se')).toBe('pending')
  })

  it('an internationalized domain in Unicode and in punycode is one mailbox', async () => {
    const t = createTestApp()
    for (const email of [
      'anna@bücher.example',
      'anna@xn--bcher-kva.example',
      'Anna@BÜCHER.example',
      'anna@bücher。example',
    ])
      expect((await subscribe(t, { email })).status).toBe(202)
    await t.settled()
    expect(await count(t, 'subscribers')).toBe(1)
    expect(t.mailer.sent).toHaveLength(3)
    expect(t.mailer.sent[0]!.to).toBe('anna@xn--bcher-kva.example')
  })
})

describe('JSON endpoints take only application/json (finding 5)', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain with a charset', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a JSON-like type', 'application/x-json'],
  ])('POST /api/subscriptions with %s answers 415 and sends nothing', async (_kind, type) => {
    const t = createTestApp()
    const res = await subscribe(t, { email: 'x@example.se' }, type)
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(0)
    expect(await count(t, 'subscribers')).toBe(0)
  })

  it('POST /api/check with text/plain answers 415', async () => {
    const res = await createTestApp().app.request('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ text: 'Ring 08-465 004 00' }),
    })
    expect(res.status).toBe(415)
  })

  it('accepts application/json with a charset', async () => {
    const t = createTestApp()
    expect(
      (await subscribe(t, { email: 'y@example.se' }, 'application/json; charset=utf-8')).status,
    ).toBe(202)
  })
})

describe('confirming checks the token before any write (finding 7)', () => {
  it('a forged token leaves the database untouched', async () => {
    const t = createTestApp()
    const res = await t.app.request('/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
      body: new URLSearchParams({ token: 'A'.repeat(43) }).toString(),
    })
    expect(res.status).toBe(400)
    expect(await count(t, 'alerts_seen')).toBe(0)
    expect(await count(t, 'confirmation_tokens')).toBe(0)
  })
})

describe('HTTP details (finding 10)', () => {
  it('answers 429 with Retry-After: the seconds until one more request passes', async () => {
    const t = createTestApp(undefined, { clock: () => new Date('2026-11-25T08:59:00.000Z') })
    const fromOneClient = (email: string) =>
      t.app.request('/api/subscriptions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      })
    for (let i = 0; i < 20; i++) await fromOneClient(`p${i}@example.se`)
    const res = await fromOneClient('late@example.se')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('180')
    const form = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
      body: 'email=late%40example.se',
    })
    expect(form.status).toBe(429)
    expect(form.headers.get('retry-after')).toBe('180')
  })

  it('puts no token material in the confirmation Message-ID', async () => {
    const t = createTestApp()
    await subscribe(t, { email: 'ids@example.se' })
    await t.settled()
    const mail = t.mailer.sent[0]!
    const token = mail.text.match(/confirm\?token=([\w-]{43})/)![1]!
    expect(mail.messageId).toMatch(/^<confirm\.\d+\.\w+@varningar\.example\.se>$/)
    for (let i = 0; i + 6 <= token.length; i++)
      expect(mail.messageId).not.toContain(token.slice(i, i + 6))
  })

  it('accepts a form whose Origin is PUBLIC_URL’s when the request arrives as plain http behind a proxy', async () => {
    const t = createTestApp()
    const res = await t.app.request('http://10.0.0.5:8787/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC_URL },
      body: 'email=proxied%40example.se',
    })
    expect(res.status).toBe(200)
    const refused = await t.app.request('http://10.0.0.5:8787/subscribe', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: 'email=proxied%40example.se',
    })
    expect(refused.status).toBe(403)
  })

  it('lets the checker form through behind the proxy too', async () => {
    const res = await createTestApp().app.request('http://10.0.0.5:8787/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC_URL },
      body: 'text=hej',
    })
    expect(res.status).toBe(200)
  })

  it('refuses new client addresses once the rate-limit table is full', async () => {
    const t = createTestApp(undefined, { maxRateRows: 3 })
    // Each accepted request adds a client-address and a mailbox counter.
    expect((await subscribe(t, { email: 'a@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'b@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'c@example.se' })).status).toBe(429)
    expect(await count(t, 'rate_limits')).toBe(4)
  })
})
