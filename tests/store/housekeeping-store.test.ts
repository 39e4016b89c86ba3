import { describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { inboxKey, mailboxKey } from '../../src/core/subscriptions/mailbox'
import { sql } from '../../src/store/sql'
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
