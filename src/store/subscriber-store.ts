import type { RatePolicy } from '../rate-limit/gcra'
import { hitTokenBucket, lastHitAllowed, pruneRateLimits } from './rate-limit-store'
import { type SqlDatabase, sql } from './sql'

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced'

/** One valid subscription request, with everything the store writes for it. */
export interface SubscriptionRequest {
  /** The address as typed (domain normalized): where the confirmation mail goes. */
  email: string
  /** The mailbox without case: what makes two requests the same subscriber. */
  emailKey: string
  /** Used only if the mailbox is new; an existing subscriber keeps its token. */
  newUnsubscribeToken: string
  confirmToken: string
  confirmTokenHash: string
  /** Company slugs the link confirms; null means every company. */
  companies: readonly string[] | null
  expiresAt: string
  now: string
  /** Confirmation mails the mailbox may receive; a request beyond it writes no mail. */
  mailLimit: RatePolicy
}

/** The subscriber side of subscriptions: requests, confirmation and unsubscribe. */
export interface SubscriberStore {
  /**
   * Records a request atomically: the subscriber becomes pending (an active one stays active),
   * and while the mailbox is under its daily limit, a confirmation token and its mail in the
   * outbox are written in the same batch, so an accepted request is never lost.
   */
  requestSubscription(request: SubscriptionRequest): Promise<void>
  /** Whether a confirmation token is usable right now (for the GET page; changes nothing). */
  isConfirmationUsable(tokenHash: string, now: string): Promise<boolean>
  /**
   * Uses a confirmation token once and activates its subscriber. Only when the token
   * verifies does it write anything: the token, the subscriber, and the alerts the site
   * serves now, which count as seen by the subscriber.
   */
  confirm(tokenHash: string, now: string, alertIds: readonly string[]): Promise<boolean>
  /** Whether this confirmation token has been used and its subscriber is active now. */
  isConfirmedBy(tokenHash: string): Promise<boolean>
  hasUnsubscribeToken(token: string): Promise<boolean>
  /** Unsubscribes at once; idempotent. False only when the token is unknown. */
  unsubscribe(token: string, now: string): Promise<boolean>
  status(emailKey: string): Promise<SubscriberStatus | null>
}

const companiesJson = (companies: readonly string[] | null): string | null =>
  companies && companies.length > 0 ? JSON.stringify([...companies].sort()) : null

/**
 * Subscribers over plain SQL that SQLite (better-sqlite3) and D1 both run. Every state change
 * is one conditional statement or one batch, so concurrent requests and processes cannot
 * interleave half-way.
 */
export class SqlSubscriberStore implements SubscriberStore {
  constructor(private readonly db: SqlDatabase) {}

  async requestSubscription(r: SubscriptionRequest): Promise<void> {
    const mailboxKey = `mailbox:${r.emailKey}`
    const nowMs = Date.parse(r.now)
    const underLimit = lastHitAllowed(mailboxKey)
    const subscriberId = '(SELECT id FROM subscribers WHERE email_key = ?)'
    await this.db.batch([
      pruneRateLimits(nowMs),
      sql(
        `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at)
         VALUES (?, ?, 'pending', ?, ?, ?)
         ON CONFLICT (email_key) DO UPDATE SET
           status = CASE WHEN subscribers.status IN ('unsubscribed', 'bounced') THEN 'pending' ELSE subscribers.status END,
           updated_at = excluded.updated_at`,
        r.email,
        r.emailKey,
        r.newUnsubscribeToken,
        r.now,
        r.now,
      ),
      // Mailbox counters are never refused for a full table: the limit is what protects an inbox.
      hitTokenBucket(mailboxKey, r.mailLimit, nowMs),
      sql(
        `INSERT INTO confirmation_tokens (token_hash, subscriber_id, companies, expires_at)
         SELECT ?, ${subscriberId}, ?, ? WHERE ${underLimit.sql}`,
        r.confirmTokenHash,
        r.emailKey,
        companiesJson(r.companies),
        r.expiresAt,
        ...underLimit.params,
      ),
      sql(
        `INSERT INTO mail_outbox (kind, subscriber_id, recipient, confirm_token, companies, status, next_attempt_at, created_at)
         SELECT 'confirmation', ${subscriberId}, ?, ?, ?, 'pending', ?, ? WHERE ${underLimit.sql}`,
        r.emailKey,
        r.email,
        r.confirmToken,
        companiesJson(r.companies),
        r.now,
        r.now,
        ...underLimit.params,
      ),
    ])
  }

  async isConfirmationUsable(tokenHash: string, now: string): Promise<boolean> {
    const row = await this.db.first<{ ok: number }>(
      'SELECT 1 AS ok FROM confirmation_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      tokenHash,
      now,
    )
    return row !== null
  }

  async confirm(tokenHash: string, now: string, alertIds: readonly string[]): Promise<boolean> {
    // Each later statement only matches when the first one has just used the token at `now`,
    // so a token that does not verify writes nothing at all.
    const usedNow = 'SELECT 1 FROM confirmation_tokens WHERE token_hash = ? AND used_at = ?'
    const [used] = await this.db.batch([
      sql(
        'UPDATE confirmation_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
        now,
        tokenHash,
        now,
      ),
      ...alertIds.map((id) =>
        sql(
          `INSERT OR IGNORE INTO alerts_seen (alert_id, first_seen_at)
           SELECT ?, ? WHERE EXISTS (${usedNow})`,
          id,
          now,
          tokenHash,
          now,
        ),
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

  async isConfirmedBy(tokenHash: string): Promise<boolean> {
    const row = await this.db.first<{ ok: number }>(
      `SELECT 1 AS ok FROM confirmation_tokens t JOIN subscribers s ON s.id = t.subscriber_id
       WHERE t.token_hash = ? AND t.used_at IS NOT NULL AND s.status = 'active'`,
      tokenHash,
    )
    return row !== null
  }

  async hasUnsubscribeToken(token: string): Promise<boolean> {
    const row = await this.db.first(
      'SELECT 1 AS ok FROM subscribers WHERE unsubscribe_token = ?',
      token,
    )
    return row !== null
  }

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

  async status(emailKey: string): Promise<SubscriberStatus | null> {
    const row = await this.db.first<{ status: SubscriberStatus }>(
      'SELECT status FROM subscribers WHERE email_key = ?',
      emailKey,
    )
    return row?.status ?? null
  }
}
