import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, openSqlite } from '../../src/adapters/node/sqlite-database'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A database at the schema of `upTo`'s migrations, with the rows `seed` writes, then migrated to the latest. */
function migratedFrom(upTo: string[], seed: string) {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-'))
  dirs.push(dir)
  const first = join(dir, 'first')
  mkdirSync(first)
  for (const name of upTo) cpSync(join(MIGRATIONS_DIR, name), join(first, name))
  openSqlite(join(dir, 'db.sqlite'), first).close()
  const raw = new Database(join(dir, 'db.sqlite'))
  raw.exec(seed)
  raw.close()
  return openSqlite(join(dir, 'db.sqlite'))
}

const migratedFrom0001 = (seed: string) => migratedFrom(['0001_subscriptions.sql'], seed)

const row = (
  id: number,
  email: string,
  status: string,
  confirmed: string | null,
  updated: string,
) =>
  `INSERT INTO subscribers (id, email, status, unsubscribe_token, created_at, confirmed_at, updated_at)
   VALUES (${id}, '${email}', '${status}', 'tok${id}', '2026-01-01', ${confirmed ? `'${confirmed}'` : 'NULL'}, '${updated}');`

describe('migration 0002: one row per mailbox', () => {
  it('merges case variants into the row with its owner’s latest decision, keeping history and links', async () => {
    const db = migratedFrom0001(`
      ${row(1, 'victim@example.se', 'active', '2026-02-01', '2026-03-01')}
      ${row(2, 'Victim@example.se', 'pending', null, '2026-04-01')}
      ${row(3, 'VICTIM@example.se', 'pending', null, '2026-04-02')}
      ${row(4, 'other@example.se', 'active', '2026-02-01', '2026-02-01')}
      ${row(5, 'Gone@example.se', 'active', '2026-01-05', '2026-01-05')}
      ${row(6, 'gone@example.se', 'unsubscribed', '2026-01-01', '2026-02-10')}
      ${row(7, 'Only@example.se', 'pending', null, '2026-01-01')}
      ${row(8, 'only@example.se', 'pending', null, '2026-01-02')}
      INSERT INTO confirmation_tokens (token_hash, subscriber_id, expires_at) VALUES ('h2', 2, '2099-01-01');
      INSERT INTO digest_runs (id, started_at) VALUES ('r1', '2026-02-02');
      INSERT INTO deliveries (run_id, subscriber_id, status, alert_ids, updated_at) VALUES ('r1', 1, 'sent', '[]', '2026-02-02');
      INSERT INTO deliveries (run_id, subscriber_id, status, alert_ids, updated_at) VALUES ('r1', 5, 'sent', '[]', '2026-02-02');
    `)
    const rows = await db.all<{ id: number; email_key: string; status: string }>(
      'SELECT id, email_key, status FROM subscribers ORDER BY id',
    )
    expect(rows).toEqual([
      { id: 1, email_key: 'victim@example.se', status: 'active' },
      { id: 4, email_key: 'other@example.se', status: 'active' },
      { id: 6, email_key: 'gone@example.se', status: 'unsubscribed' },
      { id: 7, email_key: 'only@example.se', status: 'pending' },
    ])
    expect(await db.first('SELECT subscriber_id FROM confirmation_tokens')).toEqual({
      subscriber_id: 1,
    })
    expect(await db.all('SELECT subscriber_id FROM deliveries ORDER BY subscriber_id')).toEqual([
      { subscriber_id: 1 },
      { subscriber_id: 6 },
    ])
    await expect(
      db.run(
        "INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at) VALUES ('x', 'victim@example.se', 'pending', 't', '', '')",
      ),
    ).rejects.toThrow(/UNIQUE/)
    db.close()
  })
})

describe('migration 0004: inbox buckets apart from client buckets', () => {
  it('moves the mailbox buckets out of the capped client table, keeping their state', async () => {
    const db = migratedFrom(
      ['0001_subscriptions.sql', '0002_hardening.sql', '0003_token_buckets.sql'],
      `INSERT INTO rate_limits (key, tat, allowed) VALUES
         ('ip:203.0.113.7', 1000, 1), ('mailbox:victim@example.se', 2000, 0);`,
    )
    expect(await db.all('SELECT key, tat, allowed FROM rate_limits')).toEqual([
      { key: 'ip:203.0.113.7', tat: 1000, allowed: 1 },
    ])
    expect(await db.all('SELECT key, tat, allowed FROM mailbox_limits')).toEqual([
      { key: 'victim@example.se', tat: 2000, allowed: 0 },
    ])
    db.close()
  })
})
