import { type Context, Hono } from 'hono'
import { FAVICON_SVG, SITE_CSS } from '../../templates/site-css'
import type { RouteDeps } from '../app-context'
import { POLICIES, serveCached } from '../http/cached-page'

/** The stylesheet and icon, kept in code so the Worker bundle needs no static-asset binding. */
export function assetRoutes({ cache }: RouteDeps) {
  const icon = (c: Context) => serveCached(c, cache, 'icon', () => FAVICON_SVG, POLICIES.icon)
  return new Hono()
    .get('/assets/site.css', (c) => serveCached(c, cache, 'css', () => SITE_CSS, POLICIES.css))
    .get('/favicon.svg', icon)
    .get('/favicon.ico', icon)
}
