import { type SqlDatabase, type Statement, sql } from './sql'

/** A fixed counting window: its name (e.g. the hour) and when it ends. */
export interface RateWindow {
  name: string
  /** ISO instant at which the window's counts stop mattering. */
  endsAt: string
}

export interface RateHit {
  /** Events counted in this window so far, this one included. */
  count: number
  /** False when the table is full and this key is new: the caller refuses the request. */
  counted: boolean
}

/** Counts events per key in fixed windows. */
export interface RateLimiter {
  hit(key: string, window: RateWindow, now: string): Promise<RateHit>
}

/** The hour of `now` as a window, e.g. `2026-11-25T08`. */
export function hourWindow(now: Date): RateWindow {
  const start = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
    now.getUTCHours(),
  )
  return { name: now.toISOString().slice(0, 13), endsAt: new Date(start + 3600_000).toISOString() }
}

/** The UTC day of `now` as a window, e.g. `2026-11-25`. */
export function dayWindow(now: Date): RateWindow {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return {
    name: now.toISOString().slice(0, 10),
    endsAt: new Date(start + 86_400_000).toISOString(),
  }
}

/** Rows the table may hold at most; new keys beyond it are refused rather than stored. */
export const DEFAULT_MAX_RATE_ROWS = 100_000

// Up to this many expired counters are deleted by each hit: enough to keep pace with inserts.
const PRUNE_PER_HIT = 50

/**
 * Deletes a few expired counters. Part of every hit, so the table holds the current windows
 * only, whoever sends the requests.
 */
export function pruneRateLimits(now: string): Statement {
  return sql(
    `DELETE FROM rate_limits WHERE key IN
       (SELECT key FROM rate_limits WHERE expires_at <= ? LIMIT ${PRUNE_PER_HIT})`,
    now,
  )
}

const UPSERT_COUNT = `ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window = excluded.window THEN rate_limits.count + 1 ELSE 1 END,
       window = excluded.window,
       expires_at = excluded.expires_at
     RETURNING count`

/**
 * Counts one event for `key`, atomically. With `maxRows`, a new key is only inserted while the
 * table holds fewer rows than that, so spoofed or spread-out keys cannot grow it without bound.
 */
export function countRateHit(key: string, window: RateWindow, maxRows?: number): Statement {
  if (maxRows === undefined) {
    return sql(
      `INSERT INTO rate_limits (key, window, count, expires_at) VALUES (?, ?, 1, ?) ${UPSERT_COUNT}`,
      key,
      window.name,
      window.endsAt,
    )
  }
  return sql(
    `INSERT INTO rate_limits (key, window, count, expires_at)
       SELECT ?, ?, 1, ?
       WHERE EXISTS (SELECT 1 FROM rate_limits WHERE key = ?)
          OR (SELECT COUNT(*) FROM rate_limits) < ?
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window = excluded.window THEN rate_limits.count + 1 ELSE 1 END,
       window = excluded.window,
       expires_at = excluded.expires_at
     RETURNING count`,
    key,
    window.name,
    window.endsAt,
    key,
    maxRows,
  )
}

/** SQL condition: the key's count in the window is at most `max` (for conditional inserts). */
export function withinRateLimit(key: string, window: RateWindow, max: number): Statement {
  return sql(
    '(SELECT count FROM rate_limits WHERE key = ? AND window = ?) <= ?',
    key,
    window.name,
    max,
  )
}

/** Rate limits over the SQL port (SQLite or D1). */
export class SqlRateLimiter implements RateLimiter {
  constructor(
    private readonly db: SqlDatabase,
    private readonly maxRows: number = DEFAULT_MAX_RATE_ROWS,
  ) {}

  async hit(key: string, window: RateWindow, now: string): Promise<RateHit> {
    const prune = pruneRateLimits(now)
    await this.db.run(prune.sql, ...prune.params)
    const count = countRateHit(key, window, this.maxRows)
    const row = await this.db.first<{ count: number }>(count.sql, ...count.params)
    return row ? { count: row.count, counted: true } : { count: 0, counted: false }
  }
}
