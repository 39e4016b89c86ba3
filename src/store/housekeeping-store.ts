import { DELIVERY_KEEP_DAYS } from '../core/digest/retention'
import { type SqlDatabase, sql } from './sql'

const DAY_MS = 24 * 3600_000

/** How long never-confirmed addresses, spent tokens and finished outbox mail are kept. */
export const KEEP_MS = 7 * DAY_MS

/**
 * Rows one pruning statement deletes at most. D1 runs one statement at a time for the whole
 * database and limits each one's duration, so a sweep deletes in chunks that each take a
 * fraction of a second (12–30 ms for 10,000 deliveries of a 1-million-row table in SQLite,
 * measured on the development VM), never one statement that holds the database for minutes.
 */
export const PRUNE_CHUNK_ROWS = 10_000

/**
 * Pruning statements one sweep runs at most, over deliveries and digest batches together:
 * a bounded number of D1 queries per cron invocation (1,000 allowed on Paid). Hourly sweeps
 * of 10 × 10,000 rows delete up to 2.4 million rows a day: a day of a million subscribers'
 * deliveries (plus its 10,000 batches) is gone within 11 sweeps, and a backlog shrinks by
 * 1.4 million a day even while a million new rows come in daily.
 */
export const PRUNE_CHUNKS_PER_SWEEP = 10

/**
 * Forgets what the privacy page promises to forget. Run on its own schedule (hourly on both
 * runtimes), not only by digests, so the promise holds whatever DIGEST_HOUR says.
 */
export interface HousekeepingStore {
  sweep(now: Date): Promise<void>
}

export interface PruneLimits {
  /** Days a finished run's deliveries and batches are kept. */
  deliveryKeepDays: number
  chunkRows: number
  chunksPerSweep: number
}

const DEFAULT_PRUNE_LIMITS: PruneLimits = {
  deliveryKeepDays: DELIVERY_KEEP_DAYS,
  chunkRows: PRUNE_CHUNK_ROWS,
  chunksPerSweep: PRUNE_CHUNKS_PER_SWEEP,
}

/** Runs finished before the cut-off (an unfinished run's `finished_at` is NULL: never). */
const OLD_RUNS = 'SELECT id FROM digest_runs WHERE finished_at < ?'

/**
 * One chunk of deliveries of old finished runs. A `sending` row stays whatever its age: a
 * later run adopts it (sends it again with its Message-ID and moves the cursor), reading it
 * with its run's cut-off, so neither the row nor its run may go. The row-value IN and the
 * `run_id IN` both use the primary key (run_id, subscriber_id), on SQLite and D1 alike.
 */
const PRUNE_DELIVERIES = `DELETE FROM deliveries WHERE (run_id, subscriber_id) IN (
  SELECT run_id, subscriber_id FROM deliveries
  WHERE run_id IN (${OLD_RUNS}) AND status != 'sending' LIMIT ?)`

/**
 * One chunk of the queue batches of old finished runs. A message that still named one (none
 * can: queue retention is shorter than the retention here) would find no batch and be
 * acknowledged unsent, as it is when its run is closed.
 */
const PRUNE_BATCHES = `DELETE FROM digest_batches WHERE (run_id, batch_no) IN (
  SELECT run_id, batch_no FROM digest_batches WHERE run_id IN (${OLD_RUNS}) LIMIT ?)`

/**
 * Housekeeping over the SQL port (SQLite or D1): one batch of deletes for what the privacy
 * page promises to forget, then old digest bookkeeping in bounded chunks. `digest_runs` rows
 * stay: one small row a day, read for when the last digest went out and for the cut-off of
 * messages still in flight.
 */
export class SqlHousekeepingStore implements HousekeepingStore {
  private readonly limits: PruneLimits

  constructor(
    private readonly db: SqlDatabase,
    limits: Partial<PruneLimits> = {},
  ) {
    this.limits = { ...DEFAULT_PRUNE_LIMITS, ...limits }
  }

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
    await this.pruneDigests(now)
  }

  /** Deletes old digest bookkeeping, a chunk per statement, until done or out of statements. */
  private async pruneDigests(now: Date): Promise<void> {
    const { deliveryKeepDays, chunkRows, chunksPerSweep } = this.limits
    const cutoff = new Date(now.getTime() - deliveryKeepDays * DAY_MS).toISOString()
    let statements = 0
    for (const prune of [PRUNE_DELIVERIES, PRUNE_BATCHES]) {
      while (statements < chunksPerSweep) {
        statements++
        const { changes } = await this.db.run(prune, cutoff, chunkRows)
        // A short chunk: nothing of this kind is left to prune.
        if (changes < chunkRows) break
      }
    }
  }
}
