import type { BatchCounts } from '../core/digest/fan-out'
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

export type RunCounts = BatchCounts

/**
 * A run's counts as SQL parameters, in the order of the columns
 * `sent, unconfirmed, failed, bounced, skipped, resent` that both digest stores write.
 */
export function countParams(counts: RunCounts): number[] {
  return [
    counts.sent,
    counts.unconfirmed,
    counts.failed,
    counts.bounced,
    counts.skipped,
    counts.resent,
  ]
}

/** How a run ended: every subscriber handled, or stopped early (SIGTERM, the parent died). */
export type RunOutcome = 'done' | 'stopped'

/** Delivery states written under a lease; each write is fenced. */
export type DeliveryEnd = 'failed' | 'bounced' | 'skipped'

/** A delivery about to be attempted. */
export interface BeginDelivery {
  delivery: DeliveryKey
  alertIds: readonly string[]
  messageId: string
  /** Every warning it carried was withdrawn: recorded `skipped`, never sent. */
  withdrawn: boolean
}

export type BeginResult = 'sending' | 'skipped' | 'refused'

/**
 * What became of one delivery:
 * - `sent`: after the server's 250 (or taken as delivered, `note` says why); the cursor moves;
 * - `ended`: failed for good, bounced, or skipped;
 * - `unconfirmed`: the whole message went out and no answer came; it stays `sending`, marked,
 *   for the next run to send once more with the same Message-ID;
 * - `in-flight`: a message adopted from an earlier run that failed for now; it stays `sending`;
 * - `retry`: a first delivery that failed for now (`failed`, marked `temporary`), which a
 *   queue run sends again while the run is open.
 */
export type DeliveryRecord =
  | { kind: 'sent'; cursor: string; note?: string }
  | { kind: 'ended'; end: DeliveryEnd; error: string }
  | { kind: 'unconfirmed'; error: string }
  | { kind: 'in-flight'; error: string }
  | { kind: 'retry'; error: string }

/**
 * What a digest run needs from storage, and nothing else: leases, runs, subscribers to send
 * to, and fenced delivery bookkeeping. Every write that records a delivery takes the lease
 * and does nothing (returning false) once a newer holder has taken it, so a run that lost its
 * lease cannot record anything and stops. The queue consumer uses the same writes.
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
  /** Whether the subscriber is still active (read just before a send). */
  isActive(subscriberId: number): Promise<boolean>
  /** Active subscribers after `afterId`, by id: keyset pages keep memory flat at any count. */
  activePage(afterId: number, limit: number): Promise<ActiveSubscriber[]>
  /** Whether the lease still has this fence (and, with `now`, has not expired). */
  holdsLease(lease: Lease, now?: string): Promise<boolean>
  /**
   * Written before the SMTP transactions, each with its Message-ID, so a crash leaves a trace
   * of every message in flight. Fenced (the lease must be held and unexpired) and claimed: a
   * delivery is taken only if new, failed for now (`temporary`), or left `sending` by a
   * holder whose claim has run out, and it is ours until `claimUntil`. The subscriber's
   * status is read in the same statement: one no longer active ends `skipped`, as does a
   * delivery whose warnings were all withdrawn. `refused` means the fence or the claim said
   * no (or the delivery is already recorded): the caller must not send.
   */
  beginDeliveries(
    lease: Lease,
    items: readonly BeginDelivery[],
    now: string,
    claimUntil: string,
  ): Promise<BeginResult[]>
  /**
   * Records what became of deliveries, in one batch; each write is fenced. `sent` moves the
   * subscriber's cursor with it. True for each record that was written.
   */
  recordDeliveries(
    lease: Lease,
    records: readonly { delivery: DeliveryKey; record: DeliveryRecord }[],
    now: string,
  ): Promise<boolean[]>
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
      ...countParams(counts),
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

  async isActive(subscriberId: number): Promise<boolean> {
    const row = await this.db.first<{ status: string }>(
      'SELECT status FROM subscribers WHERE id = ?',
      subscriberId,
    )
    return row?.status === 'active'
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

  async holdsLease(lease: Lease, now?: string): Promise<boolean> {
    const fence = holds(lease, now)
    const row = await this.db.first<{ held: number }>(
      `SELECT ${fence.sql} AS held`,
      ...fence.params,
    )
    return row?.held === 1
  }

  async beginDeliveries(
    lease: Lease,
    items: readonly BeginDelivery[],
    now: string,
    claimUntil: string,
  ): Promise<BeginResult[]> {
    if (items.length === 0) return []
    const fence = holds(lease, now)
    const results = await this.db.batch(
      items.map((item) =>
        sql(
          `INSERT INTO deliveries (run_id, subscriber_id, status, attempts, message_id, alert_ids,
             first_attempt_at, updated_at, claimed_until, last_error)
           SELECT ?, s.id, CASE WHEN s.status = 'active' AND ? = 0 THEN 'sending' ELSE 'skipped' END,
             1, ?, ?, ?, ?, ?,
             CASE WHEN s.status = 'active' AND ? = 1 THEN 'every warning it carried was withdrawn' END
           FROM subscribers s WHERE s.id = ? AND ${fence.sql}
           ON CONFLICT (run_id, subscriber_id) DO UPDATE SET
             status = excluded.status, attempts = deliveries.attempts + 1,
             updated_at = excluded.updated_at, claimed_until = excluded.claimed_until,
             last_error = excluded.last_error, unconfirmed = 0, temporary = 0
           WHERE (deliveries.status = 'sending'
               AND (deliveries.claimed_until IS NULL OR deliveries.claimed_until <= ?))
             OR (deliveries.status = 'failed' AND deliveries.temporary = 1)
           RETURNING status`,
          item.delivery.runId,
          item.withdrawn ? 1 : 0,
          item.messageId,
          JSON.stringify(item.alertIds),
          now,
          now,
          claimUntil,
          item.withdrawn ? 1 : 0,
          item.delivery.subscriberId,
          ...fence.params,
          now,
        ),
      ),
    )
    return results.map((r) => {
      const status = r.rows[0]?.status
      return status === 'sending' || status === 'skipped' ? status : 'refused'
    })
  }

  async recordDeliveries(
    lease: Lease,
    records: readonly { delivery: DeliveryKey; record: DeliveryRecord }[],
    now: string,
  ): Promise<boolean[]> {
    if (records.length === 0) return []
    const fence = holds(lease)
    const statements: Statement[] = []
    // Where each record's delivery write sits in the batch: its changes say whether it held.
    const firsts: number[] = []
    for (const { delivery, record } of records) {
      firsts.push(statements.length)
      statements.push(...recordStatements(delivery, record, now, fence))
    }
    const results = await this.db.batch(statements)
    return firsts.map((i) => (results[i]?.changes ?? 0) === 1)
  }
}

const clip = (text: string | undefined) => (text ? text.slice(0, 500) : null)

/** The fenced writes of one record: the delivery first, then what moves with it. */
function recordStatements(
  delivery: DeliveryKey,
  record: DeliveryRecord,
  now: string,
  fence: Statement,
): Statement[] {
  const where = `WHERE run_id = ? AND subscriber_id = ? AND ${fence.sql}`
  const key = [delivery.runId, delivery.subscriberId, ...fence.params]
  switch (record.kind) {
    case 'sent':
      return [
        sql(
          `UPDATE deliveries SET status = 'sent', last_error = ?, updated_at = ?, unconfirmed = 0,
             temporary = 0, claimed_until = NULL ${where}`,
          clip(record.note),
          now,
          ...key,
        ),
        // The cursor only moves forward: an adopted message from an older run never rewinds it.
        sql(
          `UPDATE subscribers SET digest_cursor = ?, updated_at = ?
           WHERE id = ? AND (digest_cursor IS NULL OR digest_cursor < ?) AND ${fence.sql}`,
          record.cursor,
          now,
          delivery.subscriberId,
          record.cursor,
          ...fence.params,
        ),
      ]
    case 'ended': {
      const ended = sql(
        `UPDATE deliveries SET status = ?, last_error = ?, updated_at = ?, temporary = 0,
           claimed_until = NULL ${where}`,
        record.end,
        clip(record.error),
        now,
        ...key,
      )
      if (record.end !== 'bounced') return [ended]
      // A permanent 5xx for the address: no more mail to it until it subscribes again.
      return [
        ended,
        sql(
          `UPDATE subscribers SET status = 'bounced', updated_at = ? WHERE id = ? AND ${fence.sql}`,
          now,
          delivery.subscriberId,
          ...fence.params,
        ),
      ]
    }
    case 'unconfirmed':
      return [
        sql(
          `UPDATE deliveries SET last_error = ?, updated_at = ?, claimed_until = NULL,
             unconfirmed = 1 ${where}`,
          clip(record.error),
          now,
          ...key,
        ),
      ]
    case 'in-flight':
      return [
        sql(
          `UPDATE deliveries SET last_error = ?, updated_at = ?, claimed_until = NULL ${where}`,
          clip(record.error),
          now,
          ...key,
        ),
      ]
    case 'retry':
      return [
        sql(
          `UPDATE deliveries SET status = 'failed', temporary = 1, last_error = ?, updated_at = ?,
             claimed_until = NULL ${where}`,
          clip(record.error),
          now,
          ...key,
        ),
      ]
  }
}
