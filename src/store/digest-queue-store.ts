import type { BatchCounts, BatchSubscriberState, StoredDelivery } from '../core/digest/fan-out'
import { countParams, type DeliveryKey, type Lease } from './digest-store'
import { type SqlDatabase, type Statement, sql } from './sql'

export type BatchKind = 'subscribers' | 'adopt'

/** `done`: acknowledged; `dead`: dead-lettered; `superseded`: its run was replaced first. */
export type BatchStatus = 'queued' | 'done' | 'dead' | 'superseded'

/** A subscriber of a batch, with what a message to them needs. */
export interface SubscriberBatchState extends BatchSubscriberState {
  email: string
  unsubscribeToken: string
}

/** A message an earlier run left in flight, with what sending it again needs. */
export interface AdoptState extends DeliveryKey, StoredDelivery {
  email: string
  unsubscribeToken: string
  /** The earlier run's cut-off: the subscriber's cursor moves there once it is sent. */
  cutoff: string
  firstAttemptAt: string
}

/** A queue run as it stands, for the line logged when it closes. */
export interface QueueRunSummary {
  total: number | null
  batches: number | null
  open: number
  dead: number
  outcome: string | null
  counts: BatchCounts
}

/**
 * A digest run fanned out through a queue, in D1: its batches (one per queue message), the
 * counters that tell when it is finished, and the reads a consumer needs. The run holds the
 * digest lease from the cron that planned it until its last batch is settled; consumers
 * extend it while they work, and a newer run can take it only once they have stopped.
 */
export interface DigestQueueStore {
  /** Active subscribers' ids after `afterId`, in order: the planner's keyset pages. */
  activeIds(afterId: number, limit: number): Promise<number[]>
  /** Writes batches as `queued`; one written twice counts once. Fenced by the run's lease. */
  addBatches(
    lease: Lease,
    runId: string,
    kind: BatchKind,
    batches: readonly { batchNo: number; size: number }[],
    now: string,
  ): Promise<void>
  /**
   * Planning is over: the run may close from now on, and closes at once if every batch is
   * already settled (or there were none). True when this closed it.
   */
  finishPlanning(
    lease: Lease,
    runId: string,
    batches: number,
    subscribers: number,
    now: string,
  ): Promise<boolean>
  /**
   * A consumer starts on a batch: extends the run's lease to `leaseUntil` (never shortening
   * it) while the run is open under this fence, and reads the batch's status. `runOpen` is
   * false once the run is closed or a newer run holds the lease: the batch must not send.
   */
  openBatch(
    lease: Lease,
    runId: string,
    batchNo: number,
    leaseUntil: string,
    now: string,
  ): Promise<{ batch: BatchStatus | null; runOpen: boolean }>
  /** Settles a batch of a run that was replaced before the batch was consumed. */
  supersedeBatch(runId: string, batchNo: number, now: string): Promise<void>
  /** The subscribers of a batch, in id order (ids no longer present are left out). */
  subscriberStates(runId: string, ids: readonly number[]): Promise<SubscriberBatchState[]>
  /** The deliveries of an adopt batch, as they stand now. */
  adoptStates(deliveries: readonly DeliveryKey[]): Promise<AdoptState[]>
  /**
   * Settles a batch once: adds its counts to the run, and closes the run (freeing the lease)
   * if it was the last one open. A batch already settled changes nothing. True when this
   * closed the run.
   */
  settleBatch(
    lease: Lease,
    runId: string,
    batchNo: number,
    end: 'done' | 'dead',
    counts: BatchCounts,
    now: string,
  ): Promise<boolean>
  runSummary(runId: string): Promise<QueueRunSummary | null>
}

interface SubscriberStateRow {
  id: number
  email: string
  status: string
  companies: string | null
  digest_cursor: string | null
  unsubscribe_token: string
  d_status: StoredDelivery['status'] | null
  unconfirmed: number | null
  temporary: number | null
  claimed_until: string | null
  alert_ids: string | null
  first_attempt_at: string | null
  older_in_flight: number
}

interface AdoptRow {
  run_id: string
  subscriber_id: number
  status: StoredDelivery['status']
  claimed_until: string | null
  alert_ids: string
  first_attempt_at: string
  cutoff: string
  email: string
  unsubscribe_token: string
}

/** The lease still has this fence. */
const fenced = (lease: Lease): Statement =>
  sql('EXISTS (SELECT 1 FROM leases WHERE name = ? AND fence = ?)', lease.name, lease.fence)

/** Closes the run if planning is over and no batch is open, then frees its lease. */
function closeIfComplete(lease: Lease, runId: string, now: string): Statement[] {
  return [
    sql(
      `UPDATE digest_runs SET finished_at = ?, outcome = 'done'
       WHERE id = ? AND finished_at IS NULL AND batches IS NOT NULL AND batches_open = 0`,
      now,
      runId,
    ),
    sql(
      `UPDATE leases SET expires_at = '' WHERE name = ? AND fence = ?
       AND EXISTS (SELECT 1 FROM digest_runs WHERE id = ? AND finished_at IS NOT NULL)`,
      lease.name,
      lease.fence,
      runId,
    ),
  ]
}

/** Digest queue runs over the SQL port (D1 on the Worker; SQLite in tests). */
export class SqlDigestQueueStore implements DigestQueueStore {
  constructor(private readonly db: SqlDatabase) {}

  async activeIds(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      "SELECT id FROM subscribers WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?",
      afterId,
      limit,
    )
    return rows.map((r) => r.id)
  }

  async addBatches(
    lease: Lease,
    runId: string,
    kind: BatchKind,
    batches: readonly { batchNo: number; size: number }[],
    now: string,
  ): Promise<void> {
    if (batches.length === 0) return
    const fence = fenced(lease)
    // One bound parameter for any number of batches (D1 allows 100 per statement).
    await this.db.run(
      `INSERT OR IGNORE INTO digest_batches (run_id, batch_no, kind, size, status, updated_at)
       SELECT ?, json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), 'queued', ?
       FROM json_each(?) WHERE ${fence.sql}`,
      runId,
      kind,
      now,
      JSON.stringify(batches.map((b) => [b.batchNo, b.size])),
      ...fence.params,
    )
  }

  async finishPlanning(
    lease: Lease,
    runId: string,
    batches: number,
    subscribers: number,
    now: string,
  ): Promise<boolean> {
    const fence = fenced(lease)
    const [, closed] = await this.db.batch([
      sql(
        `UPDATE digest_runs SET batches = ?, total = ? WHERE id = ? AND ${fence.sql}`,
        batches,
        subscribers,
        runId,
        ...fence.params,
      ),
      ...closeIfComplete(lease, runId, now),
    ])
    return (closed?.changes ?? 0) === 1
  }

  async openBatch(
    lease: Lease,
    runId: string,
    batchNo: number,
    leaseUntil: string,
    _now: string,
  ): Promise<{ batch: BatchStatus | null; runOpen: boolean }> {
    const [extended, batch] = await this.db.batch([
      sql(
        `UPDATE leases SET expires_at = MAX(expires_at, ?)
         WHERE name = ? AND fence = ? AND holder = ?
         AND EXISTS (SELECT 1 FROM digest_runs WHERE id = ? AND finished_at IS NULL)`,
        leaseUntil,
        lease.name,
        lease.fence,
        runId,
        runId,
      ),
      sql('SELECT status FROM digest_batches WHERE run_id = ? AND batch_no = ?', runId, batchNo),
    ])
    return {
      batch: (batch?.rows[0]?.status as BatchStatus | undefined) ?? null,
      runOpen: (extended?.changes ?? 0) === 1,
    }
  }

  async supersedeBatch(runId: string, batchNo: number, now: string): Promise<void> {
    await this.db.run(
      `UPDATE digest_batches SET status = 'superseded', updated_at = ?
       WHERE run_id = ? AND batch_no = ? AND status = 'queued'`,
      now,
      runId,
      batchNo,
    )
  }

  async subscriberStates(runId: string, ids: readonly number[]): Promise<SubscriberBatchState[]> {
    if (ids.length === 0) return []
    const rows = await this.db.all<SubscriberStateRow>(
      `SELECT s.id, s.email, s.status, s.companies, s.digest_cursor, s.unsubscribe_token,
         d.status AS d_status, d.unconfirmed, d.temporary, d.claimed_until, d.alert_ids,
         COALESCE(d.first_attempt_at, d.updated_at) AS first_attempt_at,
         EXISTS (SELECT 1 FROM deliveries o
                 WHERE o.subscriber_id = s.id AND o.status = 'sending' AND o.run_id != ?)
           AS older_in_flight
       FROM json_each(?) j
       JOIN subscribers s ON s.id = j.value
       LEFT JOIN deliveries d ON d.run_id = ? AND d.subscriber_id = s.id
       ORDER BY s.id`,
      runId,
      JSON.stringify(ids),
      runId,
    )
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      unsubscribeToken: r.unsubscribe_token,
      status: r.status,
      companies: r.companies ? (JSON.parse(r.companies) as string[]) : null,
      cursor: r.digest_cursor,
      delivery:
        r.d_status === null
          ? null
          : {
              status: r.d_status,
              unconfirmed: r.unconfirmed === 1,
              temporary: r.temporary === 1,
              claimedUntil: r.claimed_until,
              alertIds: JSON.parse(r.alert_ids ?? '[]') as string[],
              firstAttemptAt: r.first_attempt_at ?? '',
            },
      olderInFlight: r.older_in_flight === 1,
    }))
  }

  async adoptStates(deliveries: readonly DeliveryKey[]): Promise<AdoptState[]> {
    if (deliveries.length === 0) return []
    const rows = await this.db.all<AdoptRow>(
      `SELECT d.run_id, d.subscriber_id, d.status, d.claimed_until, d.alert_ids,
         COALESCE(d.first_attempt_at, d.updated_at) AS first_attempt_at,
         r.started_at AS cutoff, s.email, s.unsubscribe_token
       FROM json_each(?) j
       JOIN deliveries d ON d.run_id = json_extract(j.value, '$[0]')
         AND d.subscriber_id = json_extract(j.value, '$[1]')
       JOIN digest_runs r ON r.id = d.run_id
       JOIN subscribers s ON s.id = d.subscriber_id
       ORDER BY d.subscriber_id`,
      JSON.stringify(deliveries.map((d) => [d.runId, d.subscriberId])),
    )
    return rows.map((r) => ({
      runId: r.run_id,
      subscriberId: r.subscriber_id,
      status: r.status,
      claimedUntil: r.claimed_until,
      alertIds: JSON.parse(r.alert_ids) as string[],
      firstAttemptAt: r.first_attempt_at,
      cutoff: r.cutoff,
      email: r.email,
      unsubscribeToken: r.unsubscribe_token,
    }))
  }

  async settleBatch(
    lease: Lease,
    runId: string,
    batchNo: number,
    end: 'done' | 'dead',
    counts: BatchCounts,
    now: string,
  ): Promise<boolean> {
    const queued =
      'EXISTS (SELECT 1 FROM digest_batches WHERE run_id = ? AND batch_no = ? AND status = ?)'
    const results = await this.db.batch([
      // Before the batch leaves 'queued', so a batch settled twice adds its counts once.
      sql(
        `UPDATE digest_runs SET sent = sent + ?, unconfirmed = unconfirmed + ?, failed = failed + ?,
           bounced = bounced + ?, skipped = skipped + ?, resent = resent + ?
         WHERE id = ? AND ${queued}`,
        ...countParams(counts),
        runId,
        runId,
        batchNo,
        'queued',
      ),
      sql(
        `UPDATE digest_batches SET status = ?, updated_at = ?
         WHERE run_id = ? AND batch_no = ? AND status = 'queued'`,
        end,
        now,
        runId,
        batchNo,
      ),
      ...closeIfComplete(lease, runId, now),
    ])
    return (results[2]?.changes ?? 0) === 1
  }

  async runSummary(runId: string): Promise<QueueRunSummary | null> {
    const row = await this.db.first<
      BatchCounts & {
        total: number | null
        batches: number | null
        batches_open: number
        dead_batches: number
        outcome: string | null
      }
    >('SELECT * FROM digest_runs WHERE id = ?', runId)
    if (!row) return null
    const { sent, unconfirmed, failed, bounced, skipped, resent } = row
    return {
      total: row.total,
      batches: row.batches,
      open: row.batches_open,
      dead: row.dead_batches,
      outcome: row.outcome,
      counts: { sent, unconfirmed, failed, bounced, skipped, resent },
    }
  }
}
