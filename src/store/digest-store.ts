import { type SqlDatabase, type Statement, sql } from './sql'
import type { SubscriberStatus } from './subscriber-store'

/** A held lease: `fence` grows with every acquisition, so a newer holder always has a larger one. */
export interface Lease {
  name: string
  holder: string
  fence: number
}

export interface ActiveSubscriber {
  id: number
  email: string
  companies: string[] | null
  cursor: string | null
  unsubscribeToken: string
}

/** One delivery: a digest run's message to one subscriber. */
export interface DeliveryKey {
  runId: string
  subscriberId: number
}

/** A message left `sending` by a run that died or lost its lease, to be sent again as it was. */
export interface InFlightDelivery extends DeliveryKey {
  email: string
  unsubscribeToken: string
  subscriberStatus: SubscriberStatus
  alertIds: string[]
  /** The dead run's cut-off, which the subscriber's cursor moves to once this is sent. */
  cutoff: string
  /** When the dead run wrote the row: the re-sent message keeps this Date. */
  firstAttemptAt: string
}

export interface RunCounts {
  sent: number
  unconfirmed: number
  failed: number
  bounced: number
  skipped: number
  resent: number
}

/** How a run ended: every subscriber handled, or stopped early (SIGTERM, the parent died). */
export type RunOutcome = 'done' | 'stopped'

/** Delivery states written under a lease; each write is fenced. */
export type DeliveryEnd = 'failed' | 'bounced' | 'skipped'

/**
 * What a digest run needs from storage, and nothing else: leases, runs, subscribers to send
 * to, and fenced delivery bookkeeping. Every write that records a delivery takes the lease
 * and does nothing (returning false) once a newer holder has taken it, so a run that lost its
 * lease cannot record anything and stops. A queue consumer can use the same writes.
 */
export interface DigestStore {
  /** Takes the lease if it is free or expired; null when another holder has it. */
  acquireLease(name: string, holder: string, now: string, expiresAt: string): Promise<Lease | null>
  /** Extends a lease still held (same fence); false once someone else has taken it. */
  renewLease(lease: Lease, expiresAt: string): Promise<boolean>
  /** Expires the lease at once; the fence is kept so it keeps growing. */
  releaseLease(lease: Lease): Promise<void>
  /** Notes when the site first served each alert; existing rows keep their first date. */
  registerAlerts(alertIds: readonly string[], now: string): Promise<void>
  alertsFirstSeen(): Promise<Map<string, string>>
  startRun(runId: string, cutoff: string, lease: Lease): Promise<void>
  /** Closes the run with its counts, only while the lease is still held. */
  finishRun(
    runId: string,
    counts: RunCounts,
    now: string,
    lease: Lease,
    outcome: RunOutcome,
  ): Promise<boolean>
  /** When the latest run that completed every subscriber started; null if none has. */
  lastCompletedRun(): Promise<string | null>
  /** Deliveries left `sending` by other runs: messages that may or may not have gone out. */
  inFlight(exceptRunId: string): Promise<InFlightDelivery[]>
  /** Marks unfinished runs other than `exceptRunId` abandoned; returns how many. */
  closeAbandonedRuns(exceptRunId: string, now: string, lease: Lease): Promise<number>
  countActive(): Promise<number>
  /** Active subscribers after `afterId`, by id: keyset pages keep memory flat at any count. */
  activePage(afterId: number, limit: number): Promise<ActiveSubscriber[]>
  statusById(id: number): Promise<SubscriberStatus | null>
  /**
   * Written before the SMTP transaction, with the Message-ID, so a crash leaves a trace of the
   * message in flight. False when the lease is lost or expired: the caller must not send.
   */
  markSending(
    lease: Lease,
    delivery: DeliveryKey,
    alertIds: readonly string[],
    messageId: string,
    now: string,
  ): Promise<boolean>
  /**
   * After the server's 250: the delivery and the subscriber's cursor move together. `note`
   * records why it counts as sent without a 250 (it was sent twice and never answered).
   */
  markSent(
    lease: Lease,
    delivery: DeliveryKey,
    cursor: string,
    now: string,
    note?: string,
  ): Promise<boolean>
  /** Ends a delivery without sending it; a bounce also stops mail to the address. */
  markEnded(
    lease: Lease,
    delivery: DeliveryKey,
    end: DeliveryEnd,
    error: string,
    now: string,
  ): Promise<boolean>
  /** Keeps a delivery `sending` after a temporary failure, for the next run to send again. */
  markStillInFlight(
    lease: Lease,
    delivery: DeliveryKey,
    error: string,
    now: string,
  ): Promise<boolean>
}

interface SubscriberRow {
  id: number
  email: string
  companies: string | null
  digest_cursor: string | null
  unsubscribe_token: string
}

interface InFlightRow {
  run_id: string
  subscriber_id: number
  email: string
  unsubscribe_token: string
  status: SubscriberStatus
  alert_ids: string
  started_at: string
  first_attempt_at: string
}

const parseCompanies = (json: string | null): string[] | null =>
  json ? (JSON.parse(json) as string[]) : null

/** SQL condition: the lease still has this fence (and, if `now` is given, has not expired). */
function holds(lease: Lease, now?: string): Statement {
  return now === undefined
    ? sql('EXISTS (SELECT 1 FROM leases WHERE name = ? AND fence = ?)', lease.name, lease.fence)
    : sql(
        'EXISTS (SELECT 1 FROM leases WHERE name = ? AND fence = ? AND expires_at > ?)',
        lease.name,
        lease.fence,
        now,
      )
}

/** Digest bookkeeping over the SQL port (SQLite or D1); every delivery write is fenced. */
export class SqlDigestStore implements DigestStore {
  constructor(private readonly db: SqlDatabase) {}

  async acquireLease(name: string, holder: string, now: string, expiresAt: string) {
    // The holder may take its own lease again: a retried statement whose first answer was
    // lost finds the lease already its own, and gets the next fence.
    const row = await this.db.first<{ fence: number }>(
      `INSERT INTO leases (name, holder, fence, expires_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (name) DO UPDATE SET
         holder = excluded.holder, fence = leases.fence + 1, expires_at = excluded.expires_at
       WHERE leases.expires_at <= ? OR leases.holder = excluded.holder
       RETURNING fence`,
      name,
      holder,
      expiresAt,
      now,
    )
    return row ? { name, holder, fence: row.fence } : null
  }

  async renewLease(lease: Lease, expiresAt: string): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ? AND fence = ?',
      expiresAt,
      lease.name,
      lease.holder,
      lease.fence,
    )
    return changes === 1
  }

  async releaseLease(lease: Lease): Promise<void> {
    // '' sorts before every ISO instant: expired for everyone, fence kept.
    await this.db.run(
      "UPDATE leases SET expires_at = '' WHERE name = ? AND fence = ?",
      lease.name,
      lease.fence,
    )
  }

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

  async startRun(runId: string, cutoff: string, lease: Lease): Promise<void> {
    // OR IGNORE: run again after a lost answer, the insert finds its own row.
    await this.db.run(
      'INSERT OR IGNORE INTO digest_runs (id, started_at, fence) VALUES (?, ?, ?)',
      runId,
      cutoff,
      lease.fence,
    )
  }

  async finishRun(
    runId: string,
    counts: RunCounts,
    now: string,
    lease: Lease,
    outcome: RunOutcome,
  ) {
    const fence = holds(lease)
    const { changes } = await this.db.run(
      `UPDATE digest_runs SET finished_at = ?, outcome = ?, sent = ?, unconfirmed = ?, failed = ?,
         bounced = ?, skipped = ?, resent = ?
       WHERE id = ? AND ${fence.sql}`,
      now,
      outcome,
      counts.sent,
      counts.unconfirmed,
      counts.failed,
      counts.bounced,
      counts.skipped,
      counts.resent,
      runId,
      ...fence.params,
    )
    return changes === 1
  }

  async lastCompletedRun(): Promise<string | null> {
    const row = await this.db.first<{ started_at: string | null }>(
      "SELECT MAX(started_at) AS started_at FROM digest_runs WHERE outcome = 'done'",
    )
    return row?.started_at ?? null
  }

  async inFlight(exceptRunId: string): Promise<InFlightDelivery[]> {
    const rows = await this.db.all<InFlightRow>(
      `SELECT d.run_id, d.subscriber_id, d.alert_ids, COALESCE(d.first_attempt_at, d.updated_at) AS first_attempt_at,
              r.started_at,
              s.email, s.unsubscribe_token, s.status
       FROM deliveries d
       JOIN digest_runs r ON r.id = d.run_id
       JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.status = 'sending' AND d.run_id != ?
       ORDER BY d.subscriber_id`,
      exceptRunId,
    )
    return rows.map((r) => ({
      runId: r.run_id,
      subscriberId: r.subscriber_id,
      email: r.email,
      unsubscribeToken: r.unsubscribe_token,
      subscriberStatus: r.status,
      alertIds: JSON.parse(r.alert_ids) as string[],
      cutoff: r.started_at,
      firstAttemptAt: r.first_attempt_at,
    }))
  }

  async closeAbandonedRuns(exceptRunId: string, now: string, lease: Lease): Promise<number> {
    const fence = holds(lease)
    const { changes } = await this.db.run(
      `UPDATE digest_runs SET finished_at = ?, outcome = 'abandoned'
       WHERE finished_at IS NULL AND id != ? AND ${fence.sql}`,
      now,
      exceptRunId,
      ...fence.params,
    )
    return changes
  }

  async countActive(): Promise<number> {
    const row = await this.db.first<{ n: number }>(
      "SELECT COUNT(*) AS n FROM subscribers WHERE status = 'active'",
    )
    return row?.n ?? 0
  }

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

  async statusById(id: number): Promise<SubscriberStatus | null> {
    const row = await this.db.first<{ status: SubscriberStatus }>(
      'SELECT status FROM subscribers WHERE id = ?',
      id,
    )
    return row?.status ?? null
  }

  async markSending(
    lease: Lease,
    delivery: DeliveryKey,
    alertIds: readonly string[],
    messageId: string,
    now: string,
  ) {
    const fence = holds(lease, now)
    const { changes } = await this.db.run(
      `INSERT INTO deliveries (run_id, subscriber_id, status, attempts, message_id, alert_ids, first_attempt_at, updated_at)
       SELECT ?, ?, 'sending', 1, ?, ?, ?, ? WHERE ${fence.sql}
       ON CONFLICT (run_id, subscriber_id) DO UPDATE SET
         status = 'sending', attempts = deliveries.attempts + 1, updated_at = excluded.updated_at`,
      delivery.runId,
      delivery.subscriberId,
      messageId,
      JSON.stringify(alertIds),
      now,
      now,
      ...fence.params,
    )
    return changes === 1
  }

  async markSent(lease: Lease, delivery: DeliveryKey, cursor: string, now: string, note?: string) {
    const fence = holds(lease)
    const [updated] = await this.db.batch([
      sql(
        `UPDATE deliveries SET status = 'sent', last_error = ?, updated_at = ?
         WHERE run_id = ? AND subscriber_id = ? AND ${fence.sql}`,
        note ? note.slice(0, 500) : null,
        now,
        delivery.runId,
        delivery.subscriberId,
        ...fence.params,
      ),
      // The cursor only moves forward: an adopted message from an older run never rewinds it.
      sql(
        `UPDATE subscribers SET digest_cursor = ?, updated_at = ?
         WHERE id = ? AND (digest_cursor IS NULL OR digest_cursor < ?) AND ${fence.sql}`,
        cursor,
        now,
        delivery.subscriberId,
        cursor,
        ...fence.params,
      ),
    ])
    return (updated?.changes ?? 0) === 1
  }

  async markEnded(
    lease: Lease,
    delivery: DeliveryKey,
    end: DeliveryEnd,
    error: string,
    now: string,
  ) {
    const fence = holds(lease)
    const statements = [
      sql(
        `UPDATE deliveries SET status = ?, last_error = ?, updated_at = ?
         WHERE run_id = ? AND subscriber_id = ? AND ${fence.sql}`,
        end,
        error ? error.slice(0, 500) : null,
        now,
        delivery.runId,
        delivery.subscriberId,
        ...fence.params,
      ),
    ]
    if (end === 'bounced') {
      // A permanent 5xx for the address: no more mail to it until it subscribes again.
      statements.push(
        sql(
          `UPDATE subscribers SET status = 'bounced', updated_at = ? WHERE id = ? AND ${fence.sql}`,
          now,
          delivery.subscriberId,
          ...fence.params,
        ),
      )
    }
    const [updated] = await this.db.batch(statements)
    return (updated?.changes ?? 0) === 1
  }

  async markStillInFlight(lease: Lease, delivery: DeliveryKey, error: string, now: string) {
    const fence = holds(lease)
    const { changes } = await this.db.run(
      `UPDATE deliveries SET last_error = ?, updated_at = ?
       WHERE run_id = ? AND subscriber_id = ? AND ${fence.sql}`,
      error.slice(0, 500),
      now,
      delivery.runId,
      delivery.subscriberId,
      ...fence.params,
    )
    return changes === 1
  }
}
