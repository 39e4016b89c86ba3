import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../../src/adapters/smtp/smtp-mailer'
import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import { runDigest } from '../../src/digest/run-digest'
import type { Mailer } from '../../src/mail/mailer'
import { dayWindow } from '../../src/store/rate-limit-store'
import { type Stores, sqlStores } from '../../src/store/sql-stores'
import { drainConfirmationOutbox } from '../../src/subscriptions/confirmation-outbox'
import { fictionalCatalog } from '../support/fixtures'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

// ATTACK (issue 10, "exactly once"): a slow relay that has taken the message but answers
// after the client's socket timeout. Real parts: SQLite file, the SMTP sink, nodemailer's pool.
const PUBLIC_URL = 'https://varningar.example.se'
const FROM = 'Bedrägerivarningar <noreply@varningar.example.se>'

let dir: string
let sink: SmtpSink
let mailer: Mailer
let db: ReturnType<typeof openSqlite>
let stores: Stores

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-timeout-'))
  sink = await startSmtpSink()
  // The production mailer with short timeouts (socketTimeout is twice timeoutMs: 600 ms),
  // so the test does not wait the production 60 s; the relay below answers after 1.5 s.
  mailer = createSmtpMailer({ url: sink.url, from: FROM, timeoutMs: 300 })
  db = openSqlite(join(dir, 'test.sqlite'))
  stores = sqlStores(db)
})

afterEach(async () => {
  await mailer.close()
  db.close()
  await sink.close()
  await rm(dir, { recursive: true, force: true })
})

const digest = () =>
  runDigest({
    catalog: fictionalCatalog(),
    store: stores.digest,
    mailer,
    publicUrl: PUBLIC_URL,
    clock: () => new Date(),
    backoffMs: () => 10,
    logError: () => {},
  })

describe('a relay that answers 250 after the socket timeout', () => {
  it('gives the subscriber one digest with one Message-ID, across retries and the next run', async () => {
    const [email] = await addActiveSubscribers(db, 1, '2026-01-01T00:00:00.000Z')
    // The relay keeps every message it receives (as Postfix does once it has the final ".")
    // but replies only after the client has given up waiting.
    sink.delayReply(1_500)
    const first = await digest()
    expect(first.status).toBe('done')
    sink.delayReply(0)
    const second = await digest()
    expect(second.status).toBe('done')

    const copies = await Promise.all(sink.to(email!).map((m) => simpleParser(m.raw)))
    const ids = copies.map((c) => c.messageId)
    // README: "exactly once per delivery … the one known duplicate: a message whose 250
    // arrived just before the process died … both copies with one Message-ID".
    expect(new Set(ids).size, `Message-IDs received: ${ids.join(', ')}`).toBe(1)
    expect(ids.length, `${ids.length} copies of the digest`).toBeLessThanOrEqual(2)
  }, 30_000)
})

describe('the confirmation outbox against the same relay', () => {
  it('sends one confirmation mail per request, not one per timed-out attempt', async () => {
    const now = new Date()
    await stores.subscribers.requestSubscription({
      email: 'slow@example.se',
      emailKey: mailboxKey('slow@example.se'),
      newUnsubscribeToken: 'u'.padEnd(43, 'x'),
      confirmToken: 'c'.padEnd(43, 'x'),
      confirmTokenHash: 'h',
      companies: null,
      expiresAt: new Date(now.getTime() + 48 * 3600_000).toISOString(),
      now: now.toISOString(),
      mailLimit: { window: dayWindow(now), max: 3 },
    })
    sink.delayReply(1_500)
    // Production waits 30 s, 2 min, 8 min … between attempts; the count of attempts is the same.
    await drainConfirmationOutbox({
      outbox: stores.outbox,
      mailer,
      catalog: fictionalCatalog(),
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
      retryAfterMs: () => 0,
    })
    const copies = sink.to('slow@example.se')
    expect(copies.length, `${copies.length} copies of one confirmation mail`).toBeLessThanOrEqual(2)
  }, 30_000)
})
