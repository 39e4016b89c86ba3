import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { DELIVERY_KEEP_DAYS } from '../../src/core/digest/retention'
import { inboxKey, mailboxKey } from '../../src/core/subscriptions/mailbox'
import { type PruneLimits, SqlHousekeepingStore } from '../../src/store/housekeeping-store'
import { type SqlDatabase, sql } from '../../src/store/sql'
import { sqlStores } from '../../src/store/sql-stores'
import { addActiveSubscribers } from '../support/subscribers'

const NOW = new Date('2026-11-25T12:00:00.000Z')
const DAY = 86_400_000

async function requested(stores: ReturnType<typeof sqlStores>, email: string, at: Date) {
  await stores.subscribers.requestSubscription({
    email,
    emailKey: mailboxKey(email),
    inboxKey: inboxKey(email),
    newUnsubscribeToken: `u-${email}`.padEnd(43, 'x'),
    confirmToken: `c-${email}`.padEnd(43, 'x'),
    confirmTokenHash: `h-${email}`,
    companies: null,
    expiresAt: new Date(at.getTime() + 2 * DAY).toISOString(),
    now: at.toISOString(),
    mailLimit: { limit: 3, periodMs: DAY },
  })
}

describe('SqlHousekeepingStore: what the privacy page promises to forget', () => {
  it('deletes addresses never confirmed a week after their last request, with their links and mail', async () => {
    const db = openSqlite(':memory:')
    const stores = sqlStores(db)
    await requested(stores, 'old@example.se', new Date(NOW.getTime() - 8 * DAY))
    await requested(stores, 'recent@example.se', new Date(NOW.getTime() - 6 * DAY))
    await addActiveSubscribers(db, 1, '2026-01-01T00:00:00.000Z')
    await stores.housekeeping.sweep(NOW)
    const emails = await db.all<{ email: string }>('SELECT email FROM subscribers ORDER BY email')
    expect(emails.map((r) => r.email)).toEqual(['recent@example.se', 's0@example.se'])
    expect(await db.all('SELECT 1 FROM mail_outbox WHERE recipient = ?', 'old@example.se')).toEqual(
      [],
    )
    expect(
      await db.all("SELECT 1 FROM confirmation_tokens WHERE token_hash = 'h-old@example.se'"),
    ).toEqual([])
  })

  it('deletes full client and inbox buckets, and keeps those still limiting', async () => {
    const db = openSqlite(':memory:')
    const stores = sqlStores(db)
    await db.batch([
      sql("INSERT INTO rate_limits (key, tat, allowed) VALUES ('ip:spent', ?, 1)", NOW.getTime()),
      sql(
        "INSERT INTO rate_limits (key, tat, allowed) VALUES ('ip:live', ?, 1)",
        NOW.getTime() + 1,
      ),
      sql("INSERT INTO mailbox_limits (key, tat, allowed) VALUES ('spent', ?, 1)", NOW.getTime()),
      sql(
        "INSERT INTO mailbox_limits (key, tat, allowed) VALUES ('live', ?, 1)",
        NOW.getTime() + 1,
      ),
    ])
    await stores.housekeeping.sweep(NOW)
    expect(await db.all('SELECT key FROM rate_limits')).toEqual([{ key: 'ip:live' }])
    expect(await db.all('SELECT key FROM mailbox_limits')).toEqual([{ key: 'live' }])
  })
})

describe('SqlHousekeepingStore: old digest bookkeeping', () => {
  let dir: string
  let db: ReturnType<typeof openSqlite>

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prune-'))
    db = openSqlite(join(dir, 'test.sqlite'))
    await addActiveSubscribers(db, 12, '2026-01-01T00:00:00.000Z')
  })

  afterEach(async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
  })

  const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()

  /** A run finished `finishedDaysAgo` (null: still open), with its deliveries and batches. */
  async function run(
    id: string,
    finishedDaysAgo: number | null,
    deliveries: { subscriberId: number; status: string }[],
    batches = 0,
  ) {
    const finishedAt = finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo)
    await db.batch([
      sql(
        'INSERT INTO digest_runs (id, started_at, finished_at, outcome) VALUES (?, ?, ?, ?)',
        id,
        daysAgo((finishedDaysAgo ?? 0) + 0.1),
        finishedAt,
        finishedAt ? 'done' : null,
      ),
      ...deliveries.map((d) =>
        sql(
          `INSERT INTO deliveries (run_id, subscriber_id, status, attempts, message_id, alert_ids, updated_at)
           VALUES (?, ?, ?, 1, ?, '["exempelbolaget-2026-03-01"]', ?)`,
          id,
          d.subscriberId,
          d.status,
          `<digest.${id}.${d.subscriberId}@varningar.example.se>`,
          finishedAt ?? NOW.toISOString(),
        ),
      ),
      ...Array.from({ length: batches }, (_, n) =>
        sql(
          `INSERT INTO digest_batches (run_id, batch_no, kind, size, status, updated_at)
           VALUES (?, ?, 'subscribers', 100, 'done', ?)`,
          id,
          n,
          finishedAt ?? NOW.toISOString(),
        ),
      ),
    ])
  }

  const sent = (...ids: number[]) => ids.map((subscriberId) => ({ subscriberId, status: 'sent' }))
  const left = (table: 'deliveries' | 'digest_batches') =>
    db.all<{ run_id: string; n: number }>(
      `SELECT run_id, COUNT(*) AS n FROM ${table} GROUP BY run_id ORDER BY run_id`,
    )

  /** The database, counting the pruning statements a sweep runs. */
  function counting(inner: SqlDatabase) {
    const counted = { prunes: 0 }
    const db: SqlDatabase = {
      all: (text, ...params) => inner.all(text, ...params),
      first: (text, ...params) => inner.first(text, ...params),
      batch: (statements) => inner.batch(statements),
      run: (text, ...params) => {
        counted.prunes++
        return inner.run(text, ...params)
      },
    }
    return { db, counted }
  }

  it(`deletes the deliveries and batches of runs finished over ${DELIVERY_KEEP_DAYS} days ago, and keeps the rest`, async () => {
    await run(
      'a-old',
      DELIVERY_KEEP_DAYS + 1,
      [
        ...sent(1, 2, 3),
        { subscriberId: 4, status: 'failed' },
        { subscriberId: 5, status: 'bounced' },
        { subscriberId: 6, status: 'skipped' },
        // Unconfirmed, or left by a run that died: the next run adopts it, however old.
        { subscriberId: 7, status: 'sending' },
      ],
      3,
    )
    await run('b-recent', DELIVERY_KEEP_DAYS - 1, sent(1, 2), 1)
    // Started long ago and never finished: nothing of it goes until it is closed.
    await run('c-open', null, sent(8, 9), 2)
    await db.run("UPDATE digest_runs SET started_at = ? WHERE id = 'c-open'", daysAgo(90))

    await sqlStores(db).housekeeping.sweep(NOW)

    expect(await left('deliveries')).toEqual([
      { run_id: 'a-old', n: 1 },
      { run_id: 'b-recent', n: 2 },
      { run_id: 'c-open', n: 2 },
    ])
    expect(
      await db.all("SELECT subscriber_id, status FROM deliveries WHERE run_id = 'a-old'"),
    ).toEqual([{ subscriber_id: 7, status: 'sending' }])
    expect(await left('digest_batches')).toEqual([
      { run_id: 'b-recent', n: 1 },
      { run_id: 'c-open', n: 2 },
    ])
    // The runs stay: when the last digest went out, and the cut-off of the message in flight.
    expect(await db.all('SELECT id FROM digest_runs ORDER BY id')).toEqual([
      { id: 'a-old' },
      { id: 'b-recent' },
      { id: 'c-open' },
    ])
    // Subscribers and their cursors are untouched.
    expect((await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM subscribers'))?.n).toBe(12)
  })

  it('forgets an address that unsubscribed, asked again and never confirmed, once its old deliveries are gone', async () => {
    await run('a-old', DELIVERY_KEEP_DAYS + 1, sent(1, 2))
    // Subscriber 1 unsubscribed long ago and asked again 8 days ago without confirming.
    await db.run(
      "UPDATE subscribers SET status = 'pending', updated_at = ? WHERE id = 1",
      daysAgo(8),
    )
    const store = sqlStores(db).housekeeping
    const ids = async () =>
      (await db.all<{ id: number }>('SELECT id FROM subscribers')).map((r) => r.id)
    // Kept while a delivery row names it (the rows reference it); this sweep prunes them.
    await store.sweep(NOW)
    expect(await ids()).toContain(1)
    expect(await left('deliveries')).toEqual([])
    // Then it is an address not confirmed a week after its request, like any other.
    await store.sweep(NOW)
    expect(await ids()).not.toContain(1)
    expect(await ids()).toHaveLength(11)
  })

  it('deletes in bounded chunks: a small budget takes several sweeps, each within its statements', async () => {
    await run(
      'a-old',
      DELIVERY_KEEP_DAYS + 5,
      sent(...Array.from({ length: 10 }, (_, n) => n + 1)),
      4,
    )
    const limits: Partial<PruneLimits> = { chunkRows: 3, chunksPerSweep: 2 }
    const { db: countingDb, counted } = counting(db)
    const store = new SqlHousekeepingStore(countingDb, limits)
    const sweep = async () => {
      counted.prunes = 0
      await store.sweep(NOW)
      return {
        prunes: counted.prunes,
        deliveries: (await left('deliveries'))[0]?.n ?? 0,
        batches: (await left('digest_batches'))[0]?.n ?? 0,
      }
    }

    // Two full chunks of 3 deliveries: the budget is spent before the batches.
    expect(await sweep()).toEqual({ prunes: 2, deliveries: 4, batches: 4 })
    // 3 deliveries, then a short chunk of 1 (none left): the budget is spent again.
    expect(await sweep()).toEqual({ prunes: 2, deliveries: 0, batches: 4 })
    // No deliveries left (a short chunk of 0), then one chunk of 3 batches.
    expect(await sweep()).toEqual({ prunes: 2, deliveries: 0, batches: 1 })
    expect(await sweep()).toEqual({ prunes: 2, deliveries: 0, batches: 0 })
    // Nothing left: one statement per kind finds nothing.
    expect(await sweep()).toEqual({ prunes: 2, deliveries: 0, batches: 0 })
  })
})
