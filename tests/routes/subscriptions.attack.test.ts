import { describe, expect, it } from 'vitest'
import { createTestApp } from '../support/app'

// ATTACK (issue 10, finding 4: "one inbox can be flooded"): the same inbox spelled another way.

type TestApp = ReturnType<typeof createTestApp>

function subscribe(t: TestApp, email: string, client: string) {
  return t.app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Test-Client': client },
    body: JSON.stringify({ email }),
  })
}

describe('one inbox through its sub-addresses (RFC 5233 "+tag")', () => {
  it('40 tags of one address get at most 3 confirmation mails a day, like 40 case variants do', async () => {
    const t = createTestApp()
    // Gmail, Outlook.com, iCloud, Fastmail and Proton all deliver victim+anything@ to victim@.
    for (let n = 0; n < 40; n++) {
      const res = await subscribe(t, `victim+${n}@example.se`, `198.51.100.${n}`)
      expect(res.status).toBe(202)
    }
    await t.settled()
    const toInbox = t.mailer.sent.filter((m) => /^victim(\+[^@]*)?@example\.se$/.test(m.to))
    expect(
      toInbox.length,
      `${toInbox.length} confirmation mails reached one inbox`,
    ).toBeLessThanOrEqual(3)
  })

  it('one client address cannot send one inbox 20 confirmation mails in an hour', async () => {
    const t = createTestApp()
    for (let n = 0; n < 20; n++) {
      expect((await subscribe(t, `victim+${n}@example.se`, '203.0.113.9')).status).toBe(202)
    }
    await t.settled()
    // README: "at most 3 confirmation mails per mailbox per day".
    expect(
      t.mailer.sent.length,
      `${t.mailer.sent.length} mails from one client`,
    ).toBeLessThanOrEqual(3)
  })
})

describe('the rate-limit table and its cap', () => {
  it('never holds more counters than its cap (README: "the table is capped at 100,000 rows")', async () => {
    const t = createTestApp(undefined, { maxRateRows: 10 })
    // One client address, within its 20 requests an hour, each for another address.
    for (let n = 0; n < 20; n++) {
      expect((await subscribe(t, `person${n}@example.se`, '203.0.113.77')).status).toBe(202)
    }
    const rows = (await t.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM rate_limits'))?.n
    // Mailbox counters skip the cap and live until the end of the UTC day, so every client
    // address that comes after this one is refused (429) for the rest of the day.
    const next = await subscribe(t, 'someone.else@example.se', '198.51.100.200')
    expect.soft(next.status, 'a new visitor after one client filled the table').toBe(202)
    expect(rows).toBeLessThanOrEqual(10)
  })
})
