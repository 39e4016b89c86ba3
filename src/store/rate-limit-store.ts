import type { RatePolicy } from '../rate-limit/gcra'
import { type SqlDatabase, type Statement, sql } from './sql'

export interface RateHit {
  allowed: boolean
  /** When refused, how long until a request would pass (ms). */
  retryAfterMs: number
}

/** Token buckets per key, shared by every process and isolate that uses the database. */
export interface RateLimiter {
  hit(key: string, policy: RatePolicy, nowMs: number): Promise<RateHit>
}

/** Rows the table may hold at most; new keys beyond it are refused rather than stored. */
export const DEFAULT_MAX_RATE_ROWS = 100_000

// Up to this many full buckets are deleted by each hit: enough to keep pace with inserts.
const PRUNE_PER_HIT = 50

/**
 * The two tables of token buckets, with the same columns: `rate_limits` for clients (capped:
 * spoofed or spread-out client keys cannot grow it) and `mailbox_limits` for inboxes (never
 * refused: that limit is what protects a person's inbox, and it is bounded by the subscribers
 * table, one row per inbox that was asked for, each deleted once full).
 */
export type BucketTable = 'rate_limits' | 'mailbox_limits'

/**
 * Deletes a few full buckets. Part of every hit, so the table holds live buckets only,
 * whoever sends the requests.
 */
export function pruneRateLimits(nowMs: number, table: BucketTable = 'rate_limits'): Statement {
  return sql(
    `DELETE FROM ${table} WHERE key IN
       (SELECT key FROM ${table} WHERE tat <= ? LIMIT ${PRUNE_PER_HIT})`,
    nowMs,
  )
}

/**
 * One request on `key`'s bucket, atomically: the GCRA of gcra.ts in one statement. The next
 * arrival time is max(tat, now) + interval; the request passes when that is at most one
 * period ahead of now, and only then is the bucket charged. SQLite evaluates every SET
 * expression against the row as it was, so `allowed` and `tat` see the same old `tat`.
 * With `maxRows`, a new key is only inserted while the table holds fewer rows than that, so
 * spoofed or spread-out keys cannot grow it without bound. Returns `allowed` and `tat`.
 */
export function hitTokenBucket(
  key: string,
  policy: RatePolicy,
  nowMs: number,
  options: { maxRows?: number; table?: BucketTable } = {},
): Statement {
  const { maxRows, table = 'rate_limits' } = options
  const interval = policy.periodMs / policy.limit
  const next = `MAX(${table}.tat, ?) + ?`
  const passes = `(${next} - ? <= ?)`
  const nextParams = [nowMs, interval]
  const passesParams = [...nextParams, nowMs, policy.periodMs]
  const room =
    maxRows === undefined
      ? sql('1')
      : sql(
          `EXISTS (SELECT 1 FROM ${table} WHERE key = ?) OR (SELECT COUNT(*) FROM ${table}) < ?`,
          key,
          maxRows,
        )
  return sql(
    `INSERT INTO ${table} (key, tat, allowed)
       SELECT ?, ?, 1 WHERE ${room.sql}
     ON CONFLICT (key) DO UPDATE SET
       allowed = ${passes},
       tat = CASE WHEN ${passes} THEN ${next} ELSE ${table}.tat END
     RETURNING allowed, tat`,
    key,
    nowMs + interval,
    ...room.params,
    ...passesParams,
    ...passesParams,
    ...nextParams,
  )
}

/** SQL condition: the latest request on the key passed (for inserts conditional on a limit). */
export function lastHitAllowed(key: string, table: BucketTable = 'rate_limits'): Statement {
  return sql(`(SELECT allowed FROM ${table} WHERE key = ?) = 1`, key)
}

/** Token buckets over the SQL port (SQLite or D1). */
export class SqlRateLimiter implements RateLimiter {
  constructor(
    private readonly db: SqlDatabase,
    private readonly maxRows: number = DEFAULT_MAX_RATE_ROWS,
  ) {}

  async hit(key: string, policy: RatePolicy, nowMs: number): Promise<RateHit> {
    const prune = pruneRateLimits(nowMs)
    await this.db.run(prune.sql, ...prune.params)
    const hit = hitTokenBucket(key, policy, nowMs, { maxRows: this.maxRows })
    const row = await this.db.first<{ allowed: number; tat: number }>(hit.sql, ...hit.params)
    // No row: the table is full and the key is new. Refused; try again after one interval.
    if (!row) return { allowed: false, retryAfterMs: policy.periodMs / policy.limit }
    if (row.allowed === 1) return { allowed: true, retryAfterMs: 0 }
    const interval = policy.periodMs / policy.limit
    return {
      allowed: false,
      retryAfterMs: Math.max(0, row.tat + interval - policy.periodMs - nowMs),
    }
  }
}
