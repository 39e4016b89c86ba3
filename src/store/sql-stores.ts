import { type DigestQueueStore, SqlDigestQueueStore } from './digest-queue-store'
import { type DigestStore, SqlDigestStore } from './digest-store'
import { type HousekeepingStore, SqlHousekeepingStore } from './housekeeping-store'
import { type MailOutboxStore, SqlMailOutboxStore } from './mail-outbox-store'
import { DEFAULT_MAX_RATE_ROWS, type RateLimiter, SqlRateLimiter } from './rate-limit-store'
import { type RetryOptions, retryTransient } from './retrying-database'
import { type SchemaStore, SqlSchemaStore } from './schema-store'
import type { SqlDatabase } from './sql'
import { SqlSubscriberStore, type SubscriberStore } from './subscriber-store'

/** What the site's subscription routes need. */
export interface SubscriptionStores {
  subscribers: SubscriberStore
  rateLimits: RateLimiter
  outbox: MailOutboxStore
  schema: SchemaStore
}

/** Every store, one per concern; the digest needs only `digest` (and a queue run `digestQueue`). */
export interface Stores extends SubscriptionStores {
  digest: DigestStore
  digestQueue: DigestQueueStore
  housekeeping: HousekeepingStore
}

export interface SqlStoreOptions {
  maxRateRows?: number
  /** How transient database errors are retried (every statement, a few times by default). */
  retry?: RetryOptions
}

/**
 * All stores over one SQL database (SQLite on Node, D1 on Workers). Every statement is
 * retried on transient errors, so one lost D1 connection neither ends a digest run nor
 * loses a confirmation mail.
 */
export function sqlStores(db: SqlDatabase, options: SqlStoreOptions = {}): Stores {
  const retrying = retryTransient(db, options.retry)
  return {
    subscribers: new SqlSubscriberStore(retrying),
    rateLimits: new SqlRateLimiter(retrying, options.maxRateRows ?? DEFAULT_MAX_RATE_ROWS),
    outbox: new SqlMailOutboxStore(retrying),
    digest: new SqlDigestStore(retrying),
    digestQueue: new SqlDigestQueueStore(retrying),
    housekeeping: new SqlHousekeepingStore(retrying),
    schema: new SqlSchemaStore(retrying),
  }
}
