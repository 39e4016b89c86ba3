import { Hono } from 'hono'
import { SITE_CSS } from '../../templates/site-css'
import type { RouteDeps } from '../app-context'
import { POLICIES, serveCached } from '../http/cached-page'

/** The stylesheet, kept in code so the Worker bundle needs no static-asset binding. */
export function assetRoutes({ cache }: RouteDeps) {
  return new Hono().get('/assets/site.css', (c) =>
    serveCached(c, cache, 'css', () => SITE_CSS, POLICIES.css),
  )
}
