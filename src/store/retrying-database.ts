import type { SqlDatabase } from './sql'

/**
 * Errors worth another attempt: D1's transient failures as Cloudflare's documentation lists
 * them for retries (a lost connection, a storage object reset, a restarted database), and
 * SQLite's busy database once its busy timeout has run out.
 */
const TRANSIENT = [
  'Network connection lost',
  'storage caused object to be reset',
  'reset because its code was updated',
  'database is locked',
  'SQLITE_BUSY',
]

/** Whether a thrown database error is transient, so the same statement may succeed if tried again. */
export function isTransientDatabaseError(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${(error as { code?: unknown }).code ?? ''}`
      : String(error)
  return TRANSIENT.some((marker) => text.includes(marker))
}

export interface RetryOptions {
  /** Attempts per statement in all. */
  attempts?: number
  /** Wait before attempt n + 1 (n ≥ 1), in ms. */
  backoffMs?: (attempt: number) => number
  sleep?: (ms: number) => Promise<void>
}

/**
 * The SQL port with every statement retried on transient errors, with a short backoff and
 * jitter. Every store statement is safe to run twice: reads, idempotent writes, conditional
 * writes and upserts (a retried claim or lease is taken again by the same holder). A
 * statement whose answer was lost may have run; the stores are written so that running it
 * again is harmless.
 */
export function retryTransient(db: SqlDatabase, options: RetryOptions = {}): SqlDatabase {
  const attempts = options.attempts ?? 4
  const backoffMs =
    options.backoffMs ?? ((n: number) => 25 * 4 ** (n - 1) * (0.5 + Math.random() / 2))
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)))
  const retried = async <T>(run: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run()
      } catch (error) {
        if (attempt >= attempts || !isTransientDatabaseError(error)) throw error
        await sleep(backoffMs(attempt))
      }
    }
  }
  return {
    all: (sql, ...params) => retried(() => db.all(sql, ...params)),
    first: (sql, ...params) => retried(() => db.first(sql, ...params)),
    run: (sql, ...params) => retried(() => db.run(sql, ...params)),
    batch: (statements) => retried(() => db.batch(statements)),
  }
}
