import { type SqlDatabase, sql } from './sql'

/** How long never-confirmed addresses, spent tokens and finished outbox mail are kept. */
export const KEEP_MS = 7 * 24 * 3600_000

/**
 * Forgets what the privacy page promises to forget. Run on its own schedule (hourly on both
 * runtimes), not only by digests, so the promise holds whatever DIGEST_HOUR says.
 */
export interface HousekeepingStore {
  sweep(now: Date): Promise<void>
}

/** Housekeeping over the SQL port (SQLite or D1): one batch of deletes. */
export class SqlHousekeepingStore implements HousekeepingStore {
  constructor(private readonly db: SqlDatabase) {}

  async sweep(now: Date): Promise<void> {
    const weekAgo = new Date(now.getTime() - KEEP_MS).toISOString()
    const stalePending = `SELECT id FROM subscribers WHERE status = 'pending' AND updated_at < ?
      AND id NOT IN (SELECT subscriber_id FROM deliveries)`
    await this.db.batch([
      sql('DELETE FROM confirmation_tokens WHERE expires_at < ?', weekAgo),
      sql("DELETE FROM mail_outbox WHERE status IN ('sent', 'failed') AND created_at < ?", weekAgo),
      sql(`DELETE FROM mail_outbox WHERE subscriber_id IN (${stalePending})`, weekAgo),
      sql(`DELETE FROM confirmation_tokens WHERE subscriber_id IN (${stalePending})`, weekAgo),
      sql(`DELETE FROM subscribers WHERE id IN (${stalePending})`, weekAgo),
      // Full buckets: a client or an inbox no longer limited by anything.
      sql('DELETE FROM rate_limits WHERE tat <= ?', now.getTime()),
      sql('DELETE FROM mailbox_limits WHERE tat <= ?', now.getTime()),
    ])
  }
}
