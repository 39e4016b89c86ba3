import { type DigestStore, SqlDigestStore } from './digest-store'
import { type MailOutboxStore, SqlMailOutboxStore } from './mail-outbox-store'
import { DEFAULT_MAX_RATE_ROWS, type RateLimiter, SqlRateLimiter } from './rate-limit-store'
import type { SqlDatabase } from './sql'
import { SqlSubscriberStore, type SubscriberStore } from './subscriber-store'

/** What the site's subscription routes need. */
export interface SubscriptionStores {
  subscribers: SubscriberStore
  rateLimits: RateLimiter
  outbox: MailOutboxStore
}

/** Every store, one per concern; the digest needs only `digest`. */
export interface Stores extends SubscriptionStores {
  digest: DigestStore
}

/** All stores over one SQL database (SQLite on Node, D1 on Workers). */
export function sqlStores(db: SqlDatabase, options: { maxRateRows?: number } = {}): Stores {
  return {
    subscribers: new SqlSubscriberStore(db),
    rateLimits: new SqlRateLimiter(db, options.maxRateRows ?? DEFAULT_MAX_RATE_ROWS),
    outbox: new SqlMailOutboxStore(db),
    digest: new SqlDigestStore(db),
  }
}
