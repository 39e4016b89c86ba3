import { Hono } from 'hono'
import { alertPath, companyPath, PATHS } from '../../templates/site'
import type { RouteDeps } from '../app-context'
import type { Alert } from '../core/alert-schema'
import { type Catalog, lastChanged, latestOf } from '../core/catalog'
import { xmlText } from '../feed/xml'
import { type CachePolicy, serveCached } from '../http/cached-page'

const SITEMAP_POLICY: CachePolicy = {
  contentType: 'application/xml; charset=UTF-8',
  cacheControl: 'public, max-age=3600',
}
const ROBOTS_POLICY: CachePolicy = {
  contentType: 'text/plain; charset=UTF-8',
  cacheControl: 'public, max-age=86400',
}

/** Every page worth listing, with the date its content last changed where one is known. */
export function sitemapEntries(catalog: Catalog): { path: string; lastmod?: string }[] {
  const when = (alerts: readonly Alert[]) => {
    const lastmod = latestOf(alerts.map(lastChanged))
    return lastmod ? { lastmod } : {}
  }
  return [
    { path: PATHS.home, ...when(catalog.alerts) },
    { path: PATHS.companies, ...when(catalog.alerts) },
    ...[...catalog.companies.values()].map((company) => ({
      path: companyPath(company.slug),
      ...when(company.alerts),
    })),
    ...catalog.alerts.map((alert) => ({ path: alertPath(alert.id), lastmod: lastChanged(alert) })),
    { path: PATHS.check },
    { path: PATHS.search },
    { path: PATHS.guidance },
    { path: PATHS.about },
    { path: PATHS.privacy },
    { path: PATHS.feeds },
  ]
}

function renderSitemap(catalog: Catalog, publicUrl: string): string {
  const urls = sitemapEntries(catalog).map(
    ({ path, lastmod }) =>
      `<url><loc>${xmlText(`${publicUrl}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n')
}

/** Personal links (tokens) and the API are not for search engines; everything else is. */
function renderRobots(publicUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /api/',
    'Disallow: /confirm',
    'Disallow: /unsubscribe',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n')
}

/** /sitemap.xml and /robots.txt for search engines. */
export function crawlerRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  const sitemap = () => renderSitemap(catalog, publicUrl)
  const robots = () => renderRobots(publicUrl)
  return new Hono()
    .get('/sitemap.xml', (c) => serveCached(c, cache, 'sitemap', sitemap, SITEMAP_POLICY))
    .get('/robots.txt', (c) => serveCached(c, cache, 'robots', robots, ROBOTS_POLICY))
}
