import type { Context } from 'hono'
import type { Catalog } from './core/catalog'
import type { RenderCache } from './http/cached-page'
import type { SubscriptionService } from './subscriptions/subscription-service'

/** What the subscription routes need from the runtime. */
export interface SubscriptionDeps {
  service: SubscriptionService
  /** The client's address for rate limiting, as the platform knows it. */
  clientIp: (c: Context) => string
  /** Starts sending what an accepted request queued in the outbox, after the answer. */
  mailQueued: (c: Context) => void
}

/** What every route module receives from createApp. */
export interface RouteDeps {
  catalog: Catalog
  /** Absolute base URL without trailing slash, e.g. https://varningar.example.se */
  publicUrl: string
  cache: RenderCache
  subscriptions: SubscriptionDeps
}
