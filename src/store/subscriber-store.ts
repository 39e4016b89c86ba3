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
  /**
   * The inbox the address delivers to (also without a "+tag" and, at Gmail, without dots):
   * what the confirmation-mail limit counts, so no spelling of one inbox gets more mail.
   */
  inboxKey: string
  /** Used only if the mailbox is new; an existing subscriber keeps its token. */
  newUnsubscribeToken: string
  confirmToken: string
  confirmTokenHash: string
  /** Company slugs the link confirms; null means every company. */
  companies: readonly string[] | null
  expiresAt: string
  now: string
  /** Confirmation mails the inbox may receive; a request beyond it writes no mail. */
  mailLimit: RatePolicy
}

/** The subscriber side of subscriptions: requests, confirmation and unsubscribe. */
export interface SubscriberStore {
  /**
   * Records a request atomically: the subscriber becomes pending (an active one stays active),
   * and while the inbox is under its limit, a confirmation token and its mail in the outbox
   * are written in the same batch, so an accepted request is never lost. A subscriber who is
   * not active takes the address as typed now; an active one keeps the spelling it confirmed,
   * and the confirmation mail goes there: at a server that tells `Anna@` from `anna@`, a
   * request for a case variant never hands anyone else Anna's unsubscribe link.
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
    const nowMs = Date.parse(r.now)
    const underLimit = lastHitAllowed(r.inboxKey, 'mailbox_limits')
    const subscriberId = '(SELECT id FROM subscribers WHERE email_key = ?)'
    const recipient = '(SELECT email FROM subscribers WHERE email_key = ?)'
    await this.db.batch([
      pruneRateLimits(nowMs, 'mailbox_limits'),
      sql(
        `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at)
         VALUES (?, ?, 'pending', ?, ?, ?)
         ON CONFLICT (email_key) DO UPDATE SET
           email = CASE WHEN subscribers.status = 'active' THEN subscribers.email ELSE excluded.email END,
           status = CASE WHEN subscribers.status IN ('unsubscribed', 'bounced') THEN 'pending' ELSE subscribers.status END,
           updated_at = excluded.updated_at`,
        r.email,
        r.emailKey,
        r.newUnsubscribeToken,
        r.now,
        r.now,
      ),
      // Never refused for a full table: the limit is what protects an inbox (rate-limit-store.ts).
      hitTokenBucket(r.inboxKey, r.mailLimit, nowMs, { table: 'mailbox_limits' }),
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
         SELECT 'confirmation', ${subscriberId}, ${recipient}, ?, ?, 'pending', ?, ? WHERE ${underLimit.sql}`,
        r.emailKey,
        r.emailKey,
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
