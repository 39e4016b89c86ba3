import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { BEGIN_AHEAD, runDigest } from '../../src/digest/run-digest'
import { createJsonMailer } from '../../src/mail/json-mailer'
import { SqlDigestStore } from '../../src/store/digest-store'
import type { SqlDatabase } from '../../src/store/sql'
import { PUBLIC_URL } from '../support/app'
import { fictionalCatalog } from '../support/fixtures'
import { addActiveSubscribers } from '../support/subscribers'

/** What reaches the database: every statement, and every call (a batch is one round trip). */
function counting(db: SqlDatabase) {
  const seen = { statements: 0, roundTrips: 0, batches: 0 }
  const one =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      seen.statements++
      seen.roundTrips++
      return call(...args)
    }
  const counted: SqlDatabase = {
    all: one(db.all.bind(db)) as SqlDatabase['all'],
    first: one(db.first.bind(db)) as SqlDatabase['first'],
    run: one(db.run.bind(db)),
    batch: (statements) => {
      seen.statements += statements.length
      seen.roundTrips++
      seen.batches++
      return db.batch(statements)
    },
  }
  return { db: counted, seen }
}

let dir: string
let db: ReturnType<typeof openSqlite>
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'statements-'))
  db = openSqlite(join(dir, 'digest.sqlite'))
})
afterEach(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

describe('database work of a Node digest (issue 13, part 5)', () => {
  it('is at most 4 statements and one write transaction per subscriber, plus one per group begun together', async () => {
    const subscribers = 2_000
    await addActiveSubscribers(db, subscribers, '2026-01-01T00:00:00.000Z')
    const { db: counted, seen } = counting(db)
    const outcome = await runDigest({
      catalog: fictionalCatalog(),
      store: new SqlDigestStore(counted),
      mailer: createJsonMailer('Test <noreply@varningar.example.se>'),
      publicUrl: PUBLIC_URL,
      clock: () => new Date('2026-11-25T07:00:00.000Z'),
      concurrency: 5,
    })
    expect(outcome).toMatchObject({ status: 'done', sent: subscribers })
    // A few statements per run (lease, alerts, run row, pages of 500) on top of the deliveries:
    // `sending` for BEGIN_AHEAD at a time, the subscriber's status read just before the
    // message, then `sent` and the cursor in one batch after it.
    const perRun = 20
    const groups = Math.ceil(subscribers / BEGIN_AHEAD)
    expect(seen.statements).toBeLessThanOrEqual(4 * subscribers + perRun)
    expect(seen.batches).toBeLessThanOrEqual(subscribers + groups + perRun)
    expect(seen.roundTrips).toBeLessThanOrEqual(2 * subscribers + groups + perRun)
  })
})
