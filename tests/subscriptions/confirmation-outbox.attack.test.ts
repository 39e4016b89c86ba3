import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../../src/adapters/smtp/smtp-mailer'
import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import { dayWindow } from '../../src/store/rate-limit-store'
import { sqlStores } from '../../src/store/sql-stores'
import { drainConfirmationOutbox } from '../../src/subscriptions/confirmation-outbox'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'
import { freePort } from '../support/server'

// ATTACK (issue 10, finding 3; README: "A failed send is retried after 30 s, 2 min, 8 min,
// 32 min, then every 2 hours, while the link is still valid" — the link is valid 48 hours).
describe('the confirmation outbox while the relay is down for a night', () => {
  it('still holds the mail, not given up, 12 hours after the request', async () => {
    const T0 = new Date('2026-11-25T20:00:00.000Z')
    const db = openSqlite(':memory:')
    const stores = sqlStores(db)
    await stores.subscribers.requestSubscription({
      email: 'night@example.se',
      emailKey: mailboxKey('night@example.se'),
      newUnsubscribeToken: 'u'.padEnd(43, 'x'),
      confirmToken: 'c'.padEnd(43, 'x'),
      confirmTokenHash: 'h',
      companies: null,
      expiresAt: new Date(T0.getTime() + 48 * 3600_000).toISOString(),
      now: T0.toISOString(),
      mailLimit: { window: dayWindow(T0), max: 3 },
    })
    // A real SMTP client against a port nobody listens on: ECONNREFUSED, a temporary failure.
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${await freePort()}`,
      from: 'Test <noreply@varningar.example.se>',
      timeoutMs: 1_000,
    })
    let now = T0
    // The server's poll (every 15 s) over 12 hours, in 5-minute steps.
    for (let minutes = 0; minutes <= 12 * 60; minutes += 5) {
      now = new Date(T0.getTime() + minutes * 60_000)
      await drainConfirmationOutbox({
        outbox: stores.outbox,
        mailer,
        catalog: fictionalCatalog(),
        publicUrl: PUBLIC_URL,
        clock: () => now,
      })
    }
    await mailer.close()
    // Given up would mean the reader who got "a confirmation link is on its way" never gets it.
    const row = await db.first<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM mail_outbox',
    )
    expect(row?.status, `after ${row?.attempts} attempts: ${row?.last_error}`).toBe('pending')
  }, 60_000)
})
