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
    expect(toInbox.length, `${toInbox.length} confirmation mails reached one inbox`).toBeLessThanOrEqual(3)
  })

  it('one client address cannot send one inbox 20 confirmation mails in an hour', async () => {
    const t = createTestApp()
    for (let n = 0; n < 20; n++) {
      expect((await subscribe(t, `victim+${n}@example.se`, '203.0.113.9')).status).toBe(202)
    }
    await t.settled()
    // README: "at most 3 confirmation mails per mailbox per day".
    expect(t.mailer.sent.length, `${t.mailer.sent.length} mails from one client`).toBeLessThanOrEqual(3)
  })
})
