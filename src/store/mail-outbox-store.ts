import type { SqlDatabase } from './sql'

/** A confirmation mail waiting in the outbox, with what rendering it needs. */
export interface OutboxMail {
  id: number
  recipient: string
  confirmToken: string
  /** Company slugs the link confirms; null means every company. */
  companies: string[] | null
  unsubscribeToken: string
  /** Attempts so far, this claim included. */
  attempts: number
  /** Earlier attempts that sent the whole mail and got no answer: it may have arrived. */
  unconfirmedAttempts: number
  createdAt: string
}

/** The durable outbox of confirmation mail: claimed, sent, retried, given up. */
export interface MailOutboxStore {
  /**
   * Claims up to `limit` due mails until `claimUntil`: another drainer skips them until then,
   * and takes them over after it (a drainer that died mid-send).
   */
  claimDue(now: string, claimUntil: string, limit: number): Promise<OutboxMail[]>
  /** After the server's 250 (or, with `note`, counted as sent without one); forgets the token. */
  markSent(id: number, now: string, note?: string): Promise<void>
  /**
   * A failure to try again at `nextAttemptAt`; `unconfirmed` when the mail went out in full
   * and its answer never came.
   */
  markRetry(id: number, error: string, nextAttemptAt: string, unconfirmed?: boolean): Promise<void>
  /** Given up (permanent failure or too many attempts); forgets the token. */
  markFailed(id: number, error: string): Promise<void>
  /**
   * Frees every claim at once: for a process that knows it is the only drainer and starts
   * after a crash, so mail the dead process had claimed goes out now, not after its claim.
   */
  releaseClaims(): Promise<void>
  /** Mails not yet sent or given up. */
  countPending(): Promise<number>
}

interface OutboxRow {
  id: number
  recipient: string
  confirm_token: string
  companies: string | null
  unsubscribe_token: string
  attempts: number
  unconfirmed_attempts: number
  created_at: string
}

/** The outbox over the SQL port (SQLite or D1). */
export class SqlMailOutboxStore implements MailOutboxStore {
  constructor(private readonly db: SqlDatabase) {}

  async claimDue(now: string, claimUntil: string, limit: number): Promise<OutboxMail[]> {
    // One statement claims and returns the rows, so two drainers never hold the same mail.
    const claimed = await this.db.all<{ id: number }>(
      `UPDATE mail_outbox SET claimed_until = ?, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_outbox
         WHERE status = 'pending' AND next_attempt_at <= ?
           AND (claimed_until IS NULL OR claimed_until <= ?)
         ORDER BY next_attempt_at, id LIMIT ?)
       RETURNING id`,
      claimUntil,
      now,
      now,
      limit,
    )
    if (claimed.length === 0) return []
    const rows = await this.db.all<OutboxRow>(
      `SELECT o.id, o.recipient, o.confirm_token, o.companies, o.attempts, o.unconfirmed_attempts,
              o.created_at, s.unsubscribe_token
       FROM mail_outbox o JOIN subscribers s ON s.id = o.subscriber_id
       WHERE o.id IN (${claimed.map(() => '?').join(', ')}) ORDER BY o.id`,
      ...claimed.map((r) => r.id),
    )
    return rows.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      confirmToken: r.confirm_token,
      companies: r.companies ? (JSON.parse(r.companies) as string[]) : null,
      unsubscribeToken: r.unsubscribe_token,
      attempts: r.attempts,
      unconfirmedAttempts: r.unconfirmed_attempts,
      createdAt: r.created_at,
    }))
  }

  async markSent(id: number, now: string, note?: string): Promise<void> {
    await this.db.run(
      `UPDATE mail_outbox SET status = 'sent', sent_at = ?, confirm_token = NULL,
         claimed_until = NULL, last_error = ? WHERE id = ?`,
      now,
      note ? note.slice(0, 500) : null,
      id,
    )
  }

  async markRetry(id: number, error: string, nextAttemptAt: string, unconfirmed = false) {
    await this.db.run(
      `UPDATE mail_outbox SET next_attempt_at = ?, claimed_until = NULL, last_error = ?,
         unconfirmed_attempts = unconfirmed_attempts + ?
       WHERE id = ?`,
      nextAttemptAt,
      error.slice(0, 500),
      unconfirmed ? 1 : 0,
      id,
    )
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db.run(
      `UPDATE mail_outbox SET status = 'failed', confirm_token = NULL, claimed_until = NULL,
         last_error = ? WHERE id = ?`,
      error.slice(0, 500),
      id,
    )
  }

  async releaseClaims(): Promise<void> {
    await this.db.run(
      "UPDATE mail_outbox SET claimed_until = NULL WHERE status = 'pending' AND claimed_until IS NOT NULL",
    )
  }

  async countPending(): Promise<number> {
    const row = await this.db.first<{ n: number }>(
      "SELECT COUNT(*) AS n FROM mail_outbox WHERE status = 'pending'",
    )
    return row?.n ?? 0
  }
}
