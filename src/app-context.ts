import type { Context } from 'hono'
import type { Catalog } from './core/catalog'
import type { RenderCache } from './http/cached-page'
import type { SubscriptionService } from './subscriptions/subscription-service'

/** What the subscription routes need from the runtime. */
export interface SubscriptionDeps {
  service: SubscriptionService
  /** The client's address for rate limiting, as the platform knows it; null if it does not. */
  clientIp: (c: Context) => string | null
  /** Starts sending what an accepted request queued in the outbox, after the answer. */
  mailQueued: (c: Context) => void
  /**
   * Whether subscribing (or using a link from a mail) cannot work right now: the database
   * schema is behind, or no mail can go out. Such requests answer 503, never 500.
   */
  unavailable: (action: 'subscribe' | 'link') => Promise<boolean>
}

/** What every route module receives from createApp. */
export interface RouteDeps {
  catalog: Catalog
  /** Absolute base URL without trailing slash, e.g. https://varningar.example.se */
  publicUrl: string
  cache: RenderCache
  subscriptions: SubscriptionDeps
}
