import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { inboxKey, mailboxKey } from '../../src/core/subscriptions/mailbox'
import { DIGEST_LEASE, runDigest } from '../../src/digest/run-digest'
import { createJsonMailer } from '../../src/mail/json-mailer'
import type { SqlDatabase, SqlValue, Statement } from '../../src/store/sql'
import { sqlStores } from '../../src/store/sql-stores'
import { drainConfirmationOutbox } from '../../src/subscriptions/confirmation-outbox'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'
import { addActiveSubscribers } from '../support/subscribers'

const catalog = fictionalCatalog()
const CONFIRMED = '2026-10-01T00:00:00.000Z'

/** The transient D1 errors Cloudflare's documentation says to retry. */
const TRANSIENT = [
  'D1_ERROR: Network connection lost.',
  'D1_ERROR: Internal error while starting up D1 DB storage caused object to be reset.',
  'D1_ERROR: D1 DB reset because its code was updated.',
]

type Failure = false | 'before' | 'after'

/**
 * A real SQLite database that fails some calls with a transient D1 error: `before` the
 * statement runs, or `after` it ran (the answer lost on the way back, so a retry runs it again).
 */
function flaky(db: SqlDatabase, fail: (sql: string, call: number) => Failure) {
  let calls = 0
  let failures = 0
  const wrap =
    <A extends unknown[], R>(sqlOf: (...args: A) => string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const how = fail(sqlOf(...args), ++calls)
      const error = () => new Error(TRANSIENT[failures++ % TRANSIENT.length])
      if (how === 'before') throw error()
      const result = await run(...args)
      if (how === 'after') throw error()
      return result
    }
  const wrapped: SqlDatabase = {
    all: wrap(
      (sql: string) => sql,
      <T>(sql: string, ...p: SqlValue[]) => db.all<T>(sql, ...p),
    ) as SqlDatabase['all'],
    first: wrap(
      (sql: string) => sql,
      <T>(sql: string, ...p: SqlValue[]) => db.first<T>(sql, ...p),
    ) as SqlDatabase['first'],
    run: wrap(
      (sql: string) => sql,
      (sql: string, ...p: SqlValue[]) => db.run(sql, ...p),
    ),
    batch: wrap(
      (statements: Statement[]) => statements.map((s) => s.sql).join(';'),
      (statements: Statement[]) => db.batch(statements),
    ),
  }
  return { db: wrapped, failures: () => failures }
}

async function setUp(subscribers: number, fail: (sql: string, call: number) => Failure) {
  const sqlite = openSqlite(':memory:')
  const emails = await addActiveSubscribers(sqlite, subscribers, CONFIRMED)
  const faults = flaky(sqlite, fail)
  const stores = sqlStores(faults.db)
  const mailer = createJsonMailer('Test <noreply@varningar.example.se>')
  const digest = () =>
    runDigest({
      catalog,
      store: stores.digest,
      mailer,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
      attempts: 2,
      backoffMs: () => 1,
    })
  /** Whether another holder could take the digest lease right now. */
  const leaseFree = async () => {
    const now = new Date().toISOString()
    const lease = await sqlStores(sqlite).digest.acquireLease(DIGEST_LEASE, 'probe', now, now)
    return lease !== null
  }
  return { sqlite, stores, mailer, emails, digest, leaseFree, faults }
}

const perRecipient = (sent: { to: string }[]) => {
  const counts = new Map<string, number>()
  for (const m of sent) counts.set(m.to, (counts.get(m.to) ?? 0) + 1)
  return counts
}

describe('transient database errors in the digest (finding 9)', () => {
  it('a run over a database that drops every 3rd statement sends each subscriber once and frees the lease', async () => {
    const t = await setUp(30, (_sql, call) => (call % 3 === 0 ? 'before' : false))
    const outcome = await t.digest()
    expect(outcome.status).toBe('done')
    expect(outcome.sent).toBe(30)
    expect(t.faults.failures()).toBeGreaterThan(10)
    const counts = perRecipient(t.mailer.sent)
    expect(counts.size).toBe(30)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    expect(await t.leaseFree()).toBe(true)
  })

  it('a statement whose answer was lost after it ran is run again safely', async () => {
    const t = await setUp(30, (_sql, call) => (call % 7 === 0 ? 'after' : false))
    const outcome = await t.digest()
    expect(outcome.status).toBe('done')
    expect(outcome.sent).toBe(30)
    expect([...perRecipient(t.mailer.sent).values()].every((n) => n === 1)).toBe(true)
    expect(await t.leaseFree()).toBe(true)
    const unfinished = await t.sqlite.first<{ n: number }>(
      'SELECT COUNT(*) AS n FROM digest_runs WHERE finished_at IS NULL',
    )
    expect(unfinished?.n).toBe(0)
  })

  it('the lease is released even when the database stays down mid-run and the release fails once', async () => {
    let releases = 0
    const t = await setUp(5, (sql) => {
      if (/FROM subscribers\s+WHERE status = 'active' AND id >/.test(sql)) return 'before'
      if (/UPDATE leases SET expires_at = ''/.test(sql) && releases++ === 0) return 'before'
      return false
    })
    await expect(t.digest()).rejects.toThrow(/Network connection lost|reset/)
    expect(t.mailer.sent).toHaveLength(0)
    expect(await t.leaseFree()).toBe(true)
  })
})

describe('transient database errors in the confirmation outbox (finding 9)', () => {
  it('drains every mail once through a database that drops every 3rd statement', async () => {
    const t = await setUp(0, (_sql, call) => (call % 3 === 0 ? 'before' : false))
    const now = new Date()
    const emails = Array.from({ length: 10 }, (_, i) => `queued${i}@example.se`)
    for (const [i, email] of emails.entries())
      await t.stores.subscribers.requestSubscription({
        email,
        emailKey: mailboxKey(email),
        inboxKey: inboxKey(email),
        newUnsubscribeToken: `u${i}`.padEnd(43, 'x'),
        confirmToken: `c${i}`.padEnd(43, 'x'),
        confirmTokenHash: `h${i}`,
        companies: null,
        expiresAt: new Date(now.getTime() + 48 * 3600_000).toISOString(),
        now: now.toISOString(),
        mailLimit: { limit: 3, periodMs: 86_400_000 },
      })
    const counts = await drainConfirmationOutbox({
      outbox: t.stores.outbox,
      mailer: t.mailer,
      catalog,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
    })
    expect(counts).toEqual({ sent: 10, retried: 0, failed: 0 })
    expect([...perRecipient(t.mailer.sent).values()]).toEqual(Array(10).fill(1))
    expect(await t.stores.outbox.countPending()).toBe(0)
  })
})
