import type { Context } from 'hono'
import type { Catalog } from './core/catalog'
import type { RenderCache } from './http/cached-page'
import type { Mailer } from './mail/mailer'
import type { SubscriptionStore } from './store/subscription-store'

/** What the subscription routes need from the runtime. */
export interface SubscriptionDeps {
  store: SubscriptionStore
  mailer: Mailer
  clock: () => Date
  /** The client's address for rate limiting, as the platform knows it. */
  clientIp: (c: Context) => string
  /** Runs work after the response (the request's waitUntil on Workers). */
  defer: (c: Context, task: Promise<unknown>) => void
  logError: (error: unknown) => void
}

/** What every route module receives from createApp. */
export interface RouteDeps {
  catalog: Catalog
  /** Absolute base URL without trailing slash, e.g. https://varningar.example.se */
  publicUrl: string
  cache: RenderCache
  subscriptions: SubscriptionDeps
}
