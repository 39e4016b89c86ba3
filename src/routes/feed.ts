import { Hono } from 'hono'
import type { RouteDeps } from '../app-context'
import { renderFeed } from '../feed/rss-feed'
import { sendCached } from '../http/cached-page'

/** GET /feed.xml — RSS 2.0 for feed readers. */
export function feedRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  return new Hono().get('/feed.xml', async (c) => {
    const body = await cache.get('feed', () => renderFeed(catalog, publicUrl))
    return sendCached(c, body, 'application/rss+xml; charset=UTF-8', 'public, max-age=600')
  })
}
