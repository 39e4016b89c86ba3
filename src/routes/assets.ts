import { Hono } from 'hono'
import { SITE_CSS } from '../../templates/site-css'
import type { RouteDeps } from '../app-context'
import { sendCached } from '../http/cached-page'

/** The stylesheet, kept in code so the Worker bundle needs no static-asset binding. */
export function assetRoutes({ cache }: RouteDeps) {
  return new Hono().get('/assets/site.css', async (c) => {
    const body = await cache.get('css', () => SITE_CSS)
    return sendCached(c, body, 'text/css; charset=UTF-8', 'public, max-age=3600')
  })
}
