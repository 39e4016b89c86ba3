import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../../src/adapters/smtp/smtp-mailer'
import { inboxKey, mailboxKey } from '../../src/core/subscriptions/mailbox'
import { createJsonMailer } from '../../src/mail/json-mailer'
import type { Mailer, MailMessage } from '../../src/mail/mailer'
import { sqlStores } from '../../src/store/sql-stores'
import { drainConfirmationOutbox, singleFlight } from '../../src/subscriptions/confirmation-outbox'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'
import { freePort } from '../support/server'
import { startSmtpSink } from '../support/smtp-sink'

const T0 = new Date('2026-11-25T08:00:00.000Z')

async function queued(emails: string[]) {
  const stores = sqlStores(openSqlite(':memory:'))
  for (const [n, email] of emails.entries()) {
    await stores.subscribers.requestSubscription({
      email,
      emailKey: mailboxKey(email),
      inboxKey: inboxKey(email),
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

describe('the confirmation outbox against a relay in trouble', () => {
  /** The server's poll (every 15 s) over `minutes`, in 5-minute steps. */
  async function pollFor(
    minutes: number,
    stores: Awaited<ReturnType<typeof queued>>,
    mailer: Mailer,
    extra: Partial<Parameters<typeof drainConfirmationOutbox>[0]> = {},
  ) {
    for (let at = 0; at <= minutes; at += 5) {
      const now = new Date(T0.getTime() + at * 60_000)
      await drainConfirmationOutbox({
        outbox: stores.outbox,
        mailer,
        catalog: fictionalCatalog(),
        publicUrl: PUBLIC_URL,
        clock: () => now,
        ...extra,
      })
    }
  }

  it('still holds the mail, not given up, 12 hours after the request while the relay is down', async () => {
    const stores = await queued(['night@example.se'])
    // A real SMTP client against a port nobody listens on: ECONNREFUSED, a temporary failure.
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${await freePort()}`,
      from: 'Test <noreply@varningar.example.se>',
      timeoutMs: 1_000,
    })
    await pollFor(12 * 60, stores, mailer)
    await mailer.close()
    // Given up would mean the reader who got "a confirmation link is on its way" never gets it
    // (README: retried "while the link is still valid", which is 48 hours).
    expect(await stores.outbox.countPending()).toBe(1)
  }, 60_000)

  it('sends one mail at most twice, with one Message-ID, to a relay that answers after the socket timeout', async () => {
    const stores = await queued(['slow@example.se'])
    const sink = await startSmtpSink()
    // The production mailer with short timeouts (the socket timeout is twice timeoutMs: 600 ms);
    // the relay keeps each message, as Postfix does once it has the final ".", and answers
    // only after 1.5 s, when the client has given up waiting.
    const mailer = createSmtpMailer({
      url: sink.url,
      from: 'Test <noreply@varningar.example.se>',
      timeoutMs: 300,
    })
    sink.delayReply(1_500)
    try {
      // Production waits 30 s, 2 min, 8 min … between attempts; the count of attempts is the same.
      await pollFor(60, stores, mailer, { retryAfterMs: () => 0 })
    } finally {
      await mailer.close()
      await sink.close()
    }
    const copies = sink.to('slow@example.se')
    expect(copies.length, `${copies.length} copies of one confirmation mail`).toBeLessThanOrEqual(2)
    expect(new Set(copies.map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1])).size).toBe(1)
    expect(await stores.outbox.countPending()).toBe(0)
  }, 30_000)

  it('keeps retrying a mail the relay refuses by policy (a block list may clear), unlike a bounce', async () => {
    const stores = await queued(['listed@example.se', 'unknown@example.se'])
    let blocked = true
    const json = createJsonMailer('Test <noreply@varningar.example.se>')
    const mailer: Mailer = {
      async send(message) {
        if (message.to === 'unknown@example.se')
          throw Object.assign(new Error('Recipient rejected'), {
            responseCode: 550,
            command: 'RCPT TO',
            response: '550 5.1.1 <unknown@example.se>: User unknown',
          })
        if (blocked)
          throw Object.assign(new Error('Recipient rejected'), {
            responseCode: 554,
            command: 'RCPT TO',
            response: '554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org',
          })
        return json.send(message)
      },
      close: json.close,
    }
    const drain = (now: Date) =>
      drainConfirmationOutbox({
        outbox: stores.outbox,
        mailer,
        catalog: fictionalCatalog(),
        publicUrl: PUBLIC_URL,
        clock: () => now,
      })
    expect(await drain(T0)).toEqual({ sent: 0, retried: 1, failed: 1 })
    blocked = false
    expect(await drain(new Date(T0.getTime() + 31_000))).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(json.sent.map((m) => m.to)).toEqual(['listed@example.se'])
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
