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

/** A subscription request from a named client address. */
function subscribeFrom(t: TestApp, email: string, client: string) {
  return t.app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-Client': client },
    body: JSON.stringify({ email }),
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

  // Gmail, Outlook.com, iCloud, Fastmail and Proton all deliver victim+anything@ to victim@.
  it('40 "+tag" sub-addresses of one inbox get at most 3 confirmation mails a day, like 40 case variants do', async () => {
    const t = createTestApp()
    for (let n = 0; n < 40; n++) {
      const res = await subscribeFrom(t, `victim+${n}@example.se`, `198.51.100.${n}`)
      expect(res.status).toBe(202)
    }
    await t.settled()
    const toInbox = t.mailer.sent.filter((m) => /^victim(\+[^@]*)?@example\.se$/.test(m.to))
    expect(
      toInbox.length,
      `${toInbox.length} confirmation mails reached one inbox`,
    ).toBeLessThanOrEqual(3)
  })

  it('one client address cannot send one inbox 20 confirmation mails in an hour through its tags', async () => {
    const t = createTestApp()
    for (let n = 0; n < 20; n++) {
      expect((await subscribeFrom(t, `victim+${n}@example.se`, '203.0.113.9')).status).toBe(202)
    }
    await t.settled()
    // README: at most 3 confirmation mails per inbox a day.
    expect(
      t.mailer.sent.length,
      `${t.mailer.sent.length} mails from one client`,
    ).toBeLessThanOrEqual(3)
  })

  it('counts Gmail addresses that differ only in dots, or googlemail.com, as one inbox', async () => {
    const t = createTestApp()
    for (const email of [
      'victim.name@gmail.com',
      'victimname@gmail.com',
      'v.i.c.t.i.m.n.a.m.e@gmail.com',
      'victim.name+larm@googlemail.com',
      'vic.timname@gmail.com',
    ])
      expect((await subscribe(t, { email })).status).toBe(202)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(3)
  })

  it('keeps "+tag" addresses apart as subscriptions, which their owner may want', async () => {
    const t = createTestApp()
    expect((await subscribe(t, { email: 'anna+larm@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'anna@example.se' })).status).toBe(202)
    expect(await count(t, 'subscribers')).toBe(2)
  })

  it('sends a case variant’s confirmation to the spelling an active subscriber confirmed', async () => {
    const t = createTestApp()
    expect((await subscribe(t, { email: 'Anna@example.se' })).status).toBe(202)
    await t.settled()
    const link = /token=([\w-]+)/.exec(t.mailer.sent[0]!.text)![1]!
    const confirmed = await t.app.request('/confirm', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
      body: new URLSearchParams({ token: link }).toString(),
    })
    expect(confirmed.status).toBe(200)
    // At a server that tells case apart, anna@ may be someone else: whatever the mail
    // carries (Anna's unsubscribe link among it) goes to Anna@, never to anna@.
    expect((await subscribe(t, { email: 'anna@example.se' })).status).toBe(202)
    await t.settled()
    expect(t.mailer.sent.map((m) => m.to)).toEqual(['Anna@example.se', 'Anna@example.se'])
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

  it('refuses new client addresses once the rate-limit table is full of clients', async () => {
    const t = createTestApp(undefined, { maxRateRows: 3 })
    // Each accepted request adds a client's bucket; inboxes are counted in their own table.
    expect((await subscribe(t, { email: 'a@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'b@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'c@example.se' })).status).toBe(202)
    expect((await subscribe(t, { email: 'd@example.se' })).status).toBe(429)
    expect(await count(t, 'rate_limits')).toBe(3)
    expect(await count(t, 'mailbox_limits')).toBe(3)
  })
})

describe('the rate-limit table and its cap (finding 6)', () => {
  it('never holds more client buckets than its cap, and a new visitor still gets in', async () => {
    const t = createTestApp(undefined, { maxRateRows: 10 })
    // One client address, within its 20 requests an hour, each for another address.
    for (let n = 0; n < 20; n++) {
      expect((await subscribeFrom(t, `person${n}@example.se`, '203.0.113.77')).status).toBe(202)
    }
    const rows = await count(t, 'rate_limits')
    // Inbox buckets used to count towards the cap and live a day, so every client address that
    // came after this one was refused (429) for the rest of the day.
    const next = await subscribeFrom(t, 'someone.else@example.se', '198.51.100.200')
    expect.soft(next.status, 'a new visitor after one client filled the table').toBe(202)
    expect(rows).toBeLessThanOrEqual(10)
  })
})
