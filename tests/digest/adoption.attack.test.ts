import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { createSmtpMailer } from '../../src/adapters/smtp/smtp-mailer'
import { runDigest } from '../../src/digest/run-digest'
import type { Mailer } from '../../src/mail/mailer'
import { sql } from '../../src/store/sql'
import { type Stores, sqlStores } from '../../src/store/sql-stores'
import { fictionalCatalog } from '../support/fixtures'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

// ATTACK (issue 10, finding 2, adoption after a crash): a record withdrawn between the crash
// and the next run, as happens when a warning turns out to be wrong.
const PUBLIC_URL = 'https://varningar.example.se'

let dir: string
let sink: SmtpSink
let mailer: Mailer
let db: ReturnType<typeof openSqlite>
let stores: Stores

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'adopt-'))
  sink = await startSmtpSink()
  mailer = createSmtpMailer({ url: sink.url, from: 'Test <noreply@varningar.example.se>' })
  db = openSqlite(join(dir, 'test.sqlite'))
  stores = sqlStores(db)
})

afterEach(async () => {
  await mailer.close()
  db.close()
  await sink.close()
  await rm(dir, { recursive: true, force: true })
})

describe('adopting a message whose warnings were withdrawn after the crash', () => {
  it('does not mail an empty digest ("0 nya bedrägerivarningar")', async () => {
    // The subscriber has seen every current alert, so only the adopted message could go out.
    const [email] = await addActiveSubscribers(db, 1, '2030-01-01T00:00:00.000Z')
    // What a run killed mid-send leaves: its row unfinished and one delivery `sending`, for
    // an alert that has since been removed from alerts/.
    await db.batch([
      sql(
        "INSERT INTO digest_runs (id, started_at, fence) VALUES ('20261124-070000000-dead00', '2026-11-24T07:00:00.000Z', 1)",
      ),
      sql(
        `INSERT INTO deliveries (run_id, subscriber_id, status, attempts, message_id, alert_ids, first_attempt_at, updated_at)
         VALUES ('20261124-070000000-dead00', 1, 'sending', 1, '<digest.20261124-070000000-dead00.1@varningar.example.se>',
                 '["withdrawn-2026-11-20"]', '2026-11-24T07:00:01.000Z', '2026-11-24T07:00:01.000Z')`,
      ),
    ])
    const outcome = await runDigest({
      catalog: fictionalCatalog(),
      store: stores.digest,
      mailer,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(),
    })
    expect(outcome.status).toBe('done')
    const subjects = sink.to(email!).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1])
    expect(subjects).toEqual([])
  })
})
