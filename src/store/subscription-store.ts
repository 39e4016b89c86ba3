import { type SqlDatabase, sql } from './sql'

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced'

export interface ActiveSubscriber {
  id: number
  email: string
  companies: string[] | null
  cursor: string | null
  unsubscribeToken: string
}

interface SubscriberRow {
  id: number
  email: string
  companies: string | null
  digest_cursor: string | null
  unsubscribe_token: string
}

const parseCompanies = (json: string | null): string[] | null =>
  json ? (JSON.parse(json) as string[]) : null
const companiesJson = (companies: readonly string[] | null): string | null =>
  companies && companies.length > 0 ? JSON.stringify([...companies].sort()) : null

/**
 * Subscribers, tokens, digest progress and rate limits, over plain SQL that SQLite
 * (better-sqlite3) and D1 both run. Every state change is one conditional statement or one
 * batch, so concurrent requests and processes cannot interleave half-way.
 */
export class SubscriptionStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Records a subscription request and returns the subscriber's unsubscribe token.
   * Unknown, unsubscribed and bounced addresses become pending; active ones stay active
   * (a changed company choice applies only once the new confirmation link is used).
   */
  async upsertPending(
    email: string,
    newUnsubscribeToken: string,
    now: string,
  ): Promise<{ id: number; unsubscribeToken: string }> {
    const row = await this.db.first<{ id: number; unsubscribe_token: string }>(
      `INSERT INTO subscribers (email, status, unsubscribe_token, created_at, updated_at)
       VALUES (?, 'pending', ?, ?, ?)
       ON CONFLICT (email) DO UPDATE SET
         status = CASE WHEN subscribers.status IN ('unsubscribed', 'bounced') THEN 'pending' ELSE subscribers.status END,
         updated_at = excluded.updated_at
       RETURNING id, unsubscribe_token`,
      email,
      newUnsubscribeToken,
      now,
      now,
    )
    if (!row) throw new Error('upsert returned no row')
    return { id: row.id, unsubscribeToken: row.unsubscribe_token }
  }

  async addConfirmationToken(
    subscriberId: number,
    tokenHash: string,
    companies: readonly string[] | null,
    expiresAt: string,
  ) {
    await this.db.run(
      'INSERT INTO confirmation_tokens (token_hash, subscriber_id, companies, expires_at) VALUES (?, ?, ?, ?)',
      tokenHash,
      subscriberId,
      companiesJson(companies),
      expiresAt,
    )
  }

  /** Whether a confirmation token is usable right now (for the GET page; changes nothing). */
  async isConfirmationUsable(tokenHash: string, now: string): Promise<boolean> {
    const row = await this.db.first<{ ok: number }>(
      'SELECT 1 AS ok FROM confirmation_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      tokenHash,
      now,
    )
    return row !== null
  }

  /**
   * Uses a confirmation token once and activates its subscriber, atomically: the second
   * statement only matches when the first one just marked the token used at `now`.
   * A newly active subscriber's cursor starts now, so the first digest holds only new alerts.
   */
  async confirm(tokenHash: string, now: string): Promise<boolean> {
    const [used] = await this.db.batch([
      sql(
        'UPDATE confirmation_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
        now,
        tokenHash,
        now,
      ),
      sql(
        `UPDATE subscribers SET
           companies = (SELECT companies FROM confirmation_tokens WHERE token_hash = ?),
           digest_cursor = CASE WHEN status = 'active' THEN digest_cursor ELSE ? END,
           confirmed_at = COALESCE(confirmed_at, ?),
           status = 'active',
           updated_at = ?
         WHERE id = (SELECT subscriber_id FROM confirmation_tokens WHERE token_hash = ? AND used_at = ?)`,
        tokenHash,
        now,
        now,
        now,
        tokenHash,
        now,
      ),
    ])
    return (used?.changes ?? 0) === 1
  }

  /** Whether this confirmation token has been used and its subscriber is active now. */
  async isConfirmedBy(tokenHash: string): Promise<boolean> {
    const row = await this.db.first<{ ok: number }>(
      `SELECT 1 AS ok FROM confirmation_tokens t JOIN subscribers s ON s.id = t.subscriber_id
       WHERE t.token_hash = ? AND t.used_at IS NOT NULL AND s.status = 'active'`,
      tokenHash,
    )
    return row !== null
  }

  async hasUnsubscribeToken(token: string): Promise<boolean> {
    return (
      (await this.db.first(
        'SELECT 1 AS ok FROM subscribers WHERE unsubscribe_token = ?',
        token,
      )) !== null
    )
  }

  /** Unsubscribes at once; idempotent. False only when the token is unknown. */
  async unsubscribe(token: string, now: string): Promise<boolean> {
    const row = await this.db.first<{ id: number }>(
      `UPDATE subscribers SET
         status = CASE WHEN status = 'bounced' THEN 'bounced' ELSE 'unsubscribed' END,
         updated_at = ?
       WHERE unsubscribe_token = ?
       RETURNING id`,
      now,
      token,
    )
    return row !== null
  }

  /** Counts one event in a fixed window and returns the count so far, atomically. */
  async hit(key: string, window: string): Promise<number> {
    const row = await this.db.first<{ count: number }>(
      `INSERT INTO rate_limits (key, window, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window = excluded.window THEN rate_limits.count + 1 ELSE 1 END,
         window = excluded.window
       RETURNING count`,
      key,
      window,
    )
    return row?.count ?? 1
  }

  async status(email: string): Promise<SubscriberStatus | null> {
    const row = await this.db.first<{ status: SubscriberStatus }>(
      'SELECT status FROM subscribers WHERE email = ?',
      email,
    )
    return row?.status ?? null
  }

  async statusById(id: number): Promise<SubscriberStatus | null> {
    const row = await this.db.first<{ status: SubscriberStatus }>(
      'SELECT status FROM subscribers WHERE id = ?',
      id,
    )
    return row?.status ?? null
  }

  /**
   * Forgets what is no longer needed: confirmation tokens a week past expiry, addresses that
   * never confirmed within a week (so an unconfirmed address is not kept), and rate-limit
   * counters from before `today`.
   */
  async housekeeping(now: Date): Promise<void> {
    const weekAgo = new Date(now.getTime() - 7 * 24 * 3600_000).toISOString()
    await this.db.batch([
      sql('DELETE FROM confirmation_tokens WHERE expires_at < ?', weekAgo),
      sql(
        `DELETE FROM confirmation_tokens WHERE subscriber_id IN
           (SELECT id FROM subscribers WHERE status = 'pending' AND updated_at < ?)`,
        weekAgo,
      ),
      sql(
        `DELETE FROM subscribers WHERE status = 'pending' AND updated_at < ?
           AND id NOT IN (SELECT subscriber_id FROM deliveries)`,
        weekAgo,
      ),
      sql('DELETE FROM rate_limits WHERE window < ?', now.toISOString().slice(0, 10)),
    ])
  }

  // ---- digests ----

  /** Notes when the site first served each alert; existing rows keep their first date. */
  async registerAlerts(alertIds: readonly string[], now: string): Promise<void> {
    if (alertIds.length === 0) return
    await this.db.batch(
      alertIds.map((id) =>
        sql('INSERT OR IGNORE INTO alerts_seen (alert_id, first_seen_at) VALUES (?, ?)', id, now),
      ),
    )
  }

  async alertsFirstSeen(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ alert_id: string; first_seen_at: string }>(
      'SELECT alert_id, first_seen_at FROM alerts_seen',
    )
    return new Map(rows.map((r) => [r.alert_id, r.first_seen_at]))
  }

  /** Takes a named lease if it is free or expired; false when another holder has it. */
  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const { changes } = await this.db.run(
      `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.expires_at <= ? OR leases.holder = excluded.holder`,
      name,
      holder,
      until,
      now,
    )
    return changes === 1
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.run('DELETE FROM leases WHERE name = ? AND holder = ?', name, holder)
  }

  async countActive(): Promise<number> {
    const row = await this.db.first<{ n: number }>(
      "SELECT COUNT(*) AS n FROM subscribers WHERE status = 'active'",
    )
    return row?.n ?? 0
  }

  /** Active subscribers after `afterId`, by id: keyset pages keep memory flat at any count. */
  async activePage(afterId: number, limit: number): Promise<ActiveSubscriber[]> {
    const rows = await this.db.all<SubscriberRow>(
      `SELECT id, email, companies, digest_cursor, unsubscribe_token FROM subscribers
       WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?`,
      afterId,
      limit,
    )
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      companies: parseCompanies(r.companies),
      cursor: r.digest_cursor,
      unsubscribeToken: r.unsubscribe_token,
    }))
  }

  async startRun(runId: string, now: string): Promise<void> {
    await this.db.run('INSERT INTO digest_runs (id, started_at) VALUES (?, ?)', runId, now)
  }

  async finishRun(
    runId: string,
    counts: { sent: number; failed: number; bounced: number; skipped: number },
    now: string,
  ) {
    await this.db.run(
      'UPDATE digest_runs SET finished_at = ?, sent = ?, failed = ?, bounced = ?, skipped = ? WHERE id = ?',
      now,
      counts.sent,
      counts.failed,
      counts.bounced,
      counts.skipped,
      runId,
    )
  }

  /** Written before the SMTP transaction, so a crash leaves a trace of the message in flight. */
  async markSending(runId: string, subscriberId: number, alertIds: readonly string[], now: string) {
    await this.db.run(
      `INSERT INTO deliveries (run_id, subscriber_id, status, attempts, alert_ids, updated_at)
       VALUES (?, ?, 'sending', 1, ?, ?)
       ON CONFLICT (run_id, subscriber_id) DO UPDATE SET status = 'sending', attempts = deliveries.attempts + 1, updated_at = excluded.updated_at`,
      runId,
      subscriberId,
      JSON.stringify(alertIds),
      now,
    )
  }

  /** After the server's 250: the delivery and the subscriber's cursor move together. */
  async markSent(
    runId: string,
    subscriberId: number,
    messageId: string,
    cursor: string,
    now: string,
  ) {
    await this.db.batch([
      sql(
        "UPDATE deliveries SET status = 'sent', message_id = ?, last_error = NULL, updated_at = ? WHERE run_id = ? AND subscriber_id = ?",
        messageId,
        now,
        runId,
        subscriberId,
      ),
      sql(
        'UPDATE subscribers SET digest_cursor = ?, updated_at = ? WHERE id = ?',
        cursor,
        now,
        subscriberId,
      ),
    ])
  }

  async markFailed(runId: string, subscriberId: number, error: string, now: string) {
    await this.db.run(
      "UPDATE deliveries SET status = 'failed', last_error = ?, updated_at = ? WHERE run_id = ? AND subscriber_id = ?",
      error.slice(0, 500),
      now,
      runId,
      subscriberId,
    )
  }

  /** A permanent 5xx for the address: no more mail to it until it subscribes again. */
  async markBounced(runId: string, subscriberId: number, error: string, now: string) {
    await this.db.batch([
      sql(
        "UPDATE deliveries SET status = 'bounced', last_error = ?, updated_at = ? WHERE run_id = ? AND subscriber_id = ?",
        error.slice(0, 500),
        now,
        runId,
        subscriberId,
      ),
      sql(
        "UPDATE subscribers SET status = 'bounced', updated_at = ? WHERE id = ?",
        now,
        subscriberId,
      ),
    ])
  }

  async markSkipped(runId: string, subscriberId: number, now: string) {
    await this.db.run(
      "UPDATE deliveries SET status = 'skipped', updated_at = ? WHERE run_id = ? AND subscriber_id = ?",
      now,
      runId,
      subscriberId,
    )
  }
}
