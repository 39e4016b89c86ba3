import { Hono } from 'hono'
import type { RouteDeps } from '../app-context'
import { renderFeed } from '../feed/rss-feed'
import { POLICIES, serveCached } from '../http/cached-page'

/** GET /feed.xml — RSS 2.0 for feed readers. */
export function feedRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  return new Hono().get('/feed.xml', (c) =>
    serveCached(c, cache, 'feed', () => renderFeed(catalog, publicUrl), POLICIES.feed),
  )
}
