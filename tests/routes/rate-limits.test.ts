import { describe, expect, it } from 'vitest'
import { memoryRequestLimiter } from '../../src/rate-limit/memory-limiter'
import { createTestApp, SITE_ORIGIN } from '../support/app'

type TestApp = ReturnType<typeof createTestApp>

/** A clock the test moves. */
function movableClock(start: string) {
  let now = Date.parse(start)
  return {
    clock: () => new Date(now),
    set: (iso: string) => {
      now = Date.parse(iso)
    },
  }
}

let mailboxes = 0
/** A subscription from one client address, each for a new mailbox. */
function subscribeFrom(t: TestApp, client: string) {
  return t.app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-Client': client },
    body: JSON.stringify({ email: `limit${mailboxes++}@example.se` }),
  })
}

async function statuses(responses: (Response | Promise<Response>)[]): Promise<number[]> {
  const out: number[] = []
  for (const res of responses) out.push((await res).status)
  return out
}

describe('subscription limits a client cannot widen (finding 7)', () => {
  it('lets 20 of 40 requests through when they straddle an hour boundary', async () => {
    const time = movableClock('2026-11-25T10:59:00.000Z')
    const t = createTestApp(undefined, { clock: time.clock })
    let accepted = 0
    for (let i = 0; i < 20; i++)
      if ((await subscribeFrom(t, '203.0.113.9')).status === 202) accepted++
    time.set('2026-11-25T11:00:30.000Z')
    for (let i = 0; i < 20; i++)
      if ((await subscribeFrom(t, '203.0.113.9')).status === 202) accepted++
    expect(accepted).toBe(20)
  })

  it('refills one request every 3 minutes, and says so in Retry-After', async () => {
    const time = movableClock('2026-11-25T10:00:00.000Z')
    const t = createTestApp(undefined, { clock: time.clock })
    for (let i = 0; i < 20; i++) expect((await subscribeFrom(t, '203.0.113.9')).status).toBe(202)
    const refused = await subscribeFrom(t, '203.0.113.9')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('180')
    time.set('2026-11-25T10:03:00.000Z')
    expect((await subscribeFrom(t, '203.0.113.9')).status).toBe(202)
    expect((await subscribeFrom(t, '203.0.113.9')).status).toBe(429)
  })

  it('counts a whole IPv6 /64 as one client', async () => {
    const t = createTestApp()
    const answers = await statuses(
      Array.from({ length: 21 }, (_, i) =>
        subscribeFrom(t, `2001:db8:1:2::${(i + 1).toString(16)}`),
      ),
    )
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(202))
    expect(answers[20]).toBe(429)
    // Another /64 is another client.
    expect((await subscribeFrom(t, '2001:db8:1:3::1')).status).toBe(202)
  })

  it('refuses a request whose client address is unknown rather than share one bucket', async () => {
    const t = createTestApp(undefined, { clientIp: null })
    const res = await t.app.request('/api/subscriptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.se' }),
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: string }).error).toMatch(/client address/)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(0)
  })

  it('keeps the confirmation mails of one mailbox to 3 across midnight', async () => {
    const time = movableClock('2026-11-25T23:59:00.000Z')
    const t = createTestApp(undefined, { clock: time.clock })
    const again = (i: number) =>
      t.app.request('/api/subscriptions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Test-Client': `198.51.100.${i}` },
        body: JSON.stringify({ email: 'midnight@example.se' }),
      })
    for (let i = 0; i < 5; i++) await again(i)
    time.set('2026-11-26T00:01:00.000Z')
    for (let i = 5; i < 10; i++) await again(i)
    await t.settled()
    expect(t.mailer.sent).toHaveLength(3)
  })
})

describe('checker limits, for the API and the form alike (finding 7)', () => {
  const limited = () =>
    createTestApp(undefined, {
      checkLimiter: memoryRequestLimiter({ limit: 3, periodMs: 60_000 }),
    })
  const check = (t: TestApp, client: string) =>
    t.app.request('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Test-Client': client },
      body: JSON.stringify({ text: 'Hemligt inklistrat 4711: ring 08-465 004 00' }),
    })

  it('answers 429 with Retry-After once a client has used its checks, and never echoes the text', async () => {
    const t = limited()
    expect(await statuses([0, 1, 2].map(() => check(t, '203.0.113.1')))).toEqual([200, 200, 200])
    const refused = await check(t, '203.0.113.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('20')
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await refused.text()).not.toContain('4711')
    expect((await check(t, '203.0.113.2')).status).toBe(200)
  })

  it('counts the /check form in the same bucket, and answers it with a page in Swedish', async () => {
    const t = limited()
    const form = (client: string) =>
      t.app.request('/check', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: SITE_ORIGIN,
          'X-Test-Client': client,
        },
        body: 'text=hemligt+4711',
      })
    expect((await form('2001:db8:5:6::1')).status).toBe(200)
    for (let i = 0; i < 2; i++) expect((await check(t, '2001:db8:5:6::2')).status).toBe(200)
    const refused = await form('2001:db8:5:6::3')
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('För många')
    expect(page).not.toContain('4711')
  })

  it('refuses a check whose client address is unknown', async () => {
    const t = createTestApp(undefined, {
      clientIp: null,
      checkLimiter: memoryRequestLimiter({ limit: 3, periodMs: 60_000 }),
    })
    expect((await check(t, '')).status).toBe(403)
  })

  it('stores nothing about checks in the database', async () => {
    const t = limited()
    for (let i = 0; i < 5; i++) await check(t, '203.0.113.1')
    expect((await t.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM rate_limits'))?.n).toBe(0)
  })
})
