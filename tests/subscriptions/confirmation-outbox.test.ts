import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import { createJsonMailer } from '../../src/mail/json-mailer'
import type { Mailer, MailMessage } from '../../src/mail/mailer'
import { sqlStores } from '../../src/store/sql-stores'
import { drainConfirmationOutbox, singleFlight } from '../../src/subscriptions/confirmation-outbox'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'

const T0 = new Date('2026-11-25T08:00:00.000Z')

async function queued(emails: string[]) {
  const stores = sqlStores(openSqlite(':memory:'))
  for (const [n, email] of emails.entries()) {
    await stores.subscribers.requestSubscription({
      email,
      emailKey: mailboxKey(email),
      newUnsubscribeToken: `u${n}`.padEnd(43, 'x'),
      confirmToken: `c${n}`.padEnd(43, 'x'),
      confirmTokenHash: `h${n}`,
      companies: ['provbutiken'],
      expiresAt: new Date(T0.getTime() + 48 * 3600_000).toISOString(),
      now: T0.toISOString(),
      mailLimit: { limit: 3, periodMs: 86_400_000 },
    })
  }
  return stores
}

/** Fails the first `failures` sends with a dropped connection, then delivers. */
function flakyMailer(failures: number): Mailer & { sent: MailMessage[]; attempts: MailMessage[] } {
  const json = createJsonMailer('Test <noreply@varningar.example.se>')
  const attempts: MailMessage[] = []
  return {
    sent: json.sent,
    attempts,
    async send(message) {
      attempts.push(message)
      if (failures-- > 0)
        throw Object.assign(new Error('connection closed'), { code: 'ECONNRESET' })
      return json.send(message)
    },
    close: json.close,
  }
}

describe('drainConfirmationOutbox (finding 3)', () => {
  const drain = (stores: Awaited<ReturnType<typeof queued>>, mailer: Mailer, now: Date) =>
    drainConfirmationOutbox({
      outbox: stores.outbox,
      mailer,
      catalog: fictionalCatalog(),
      publicUrl: PUBLIC_URL,
      clock: () => now,
    })

  it('sends what is queued, with the chosen companies, once', async () => {
    const stores = await queued(['a@example.se', 'b@example.se'])
    const mailer = flakyMailer(0)
    expect(await drain(stores, mailer, T0)).toEqual({ sent: 2, retried: 0, failed: 0 })
    expect(mailer.sent.map((m) => m.to)).toEqual(['a@example.se', 'b@example.se'])
    expect(mailer.sent[0]!.text).toContain('Provbutiken')
    expect(await drain(stores, mailer, T0)).toEqual({ sent: 0, retried: 0, failed: 0 })
  })

  it('keeps a mail that failed and sends it after its backoff, with the same Message-ID', async () => {
    const stores = await queued(['later@example.se'])
    const mailer = flakyMailer(1)
    expect(await drain(stores, mailer, T0)).toEqual({ sent: 0, retried: 1, failed: 0 })
    expect(await drain(stores, mailer, new Date(T0.getTime() + 29_000))).toMatchObject({ sent: 0 })
    expect(await drain(stores, mailer, new Date(T0.getTime() + 31_000))).toMatchObject({ sent: 1 })
    expect(mailer.attempts).toHaveLength(2)
    expect(mailer.attempts[1]!.messageId).toBe(mailer.attempts[0]!.messageId)
    expect(await stores.outbox.countPending()).toBe(0)
  })

  it('gives up once the link has expired, and forgets its token', async () => {
    const stores = await queued(['gone@example.se'])
    const mailer = flakyMailer(0)
    expect(await drain(stores, mailer, new Date(T0.getTime() + 48 * 3600_000))).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
    })
    expect(mailer.attempts).toHaveLength(0)
  })

  it('lets a second drainer take over mail claimed by one that died, after the claim runs out', async () => {
    const stores = await queued(['claimed@example.se'])
    await stores.outbox.claimDue(
      T0.toISOString(),
      new Date(T0.getTime() + 120_000).toISOString(),
      10,
    )
    const mailer = flakyMailer(0)
    expect(await drain(stores, mailer, new Date(T0.getTime() + 60_000))).toMatchObject({ sent: 0 })
    expect(await drain(stores, mailer, new Date(T0.getTime() + 121_000))).toMatchObject({ sent: 1 })
  })
})

describe('singleFlight', () => {
  it('runs one drain at a time and once more for a kick that came during it', async () => {
    let runs = 0
    let release: () => void = () => {}
    const drain = singleFlight(async () => {
      runs++
      await new Promise<void>((resolve) => {
        release = resolve
      })
    })
    const first = drain()
    void drain()
    void drain()
    release()
    await new Promise((r) => setTimeout(r, 0))
    release()
    await first
    expect(runs).toBe(2)
  })
})
