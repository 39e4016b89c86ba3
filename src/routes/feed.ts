import { Hono } from 'hono'
import { companyFeedPath, PATHS } from '../../templates/site'
import type { RouteDeps } from '../app-context'
import { renderAtom } from '../feed/atom-feed'
import { companyFeedScope, type FeedScope, feedEntries, siteFeedScope } from '../feed/feed-entries'
import { renderJsonFeed } from '../feed/json-feed'
import { renderRss } from '../feed/rss-feed'
import { type CachePolicy, POLICIES, serveCached } from '../http/cached-page'
import { notFound } from '../http/errors'
import { slugParam } from '../http/params'

const ATOM_POLICY: CachePolicy = {
  contentType: 'application/atom+xml; charset=UTF-8',
  cacheControl: POLICIES.feed.cacheControl,
}
const JSON_FEED_POLICY: CachePolicy = {
  contentType: 'application/feed+json; charset=UTF-8',
  cacheControl: POLICIES.feed.cacheControl,
}

type Renderer = typeof renderRss

/**
 * Feeds for readers: every warning as RSS 2.0 (/feed.xml), Atom (/feed.atom) and JSON Feed
 * 1.1 (/feed.json), and one company's warnings as RSS (/companies/:slug/feed.xml).
 */
export function feedRoutes({ catalog, publicUrl, cache }: RouteDeps) {
  const render = (scope: () => FeedScope, renderer: Renderer, selfPath: string) => async () =>
    renderer(scope(), await feedEntries(scope(), catalog, publicUrl), publicUrl, selfPath)
  const site = () => siteFeedScope(catalog)
  const rss = render(site, renderRss, PATHS.rss)
  const atom = render(site, renderAtom, PATHS.atom)
  const json = render(site, renderJsonFeed, PATHS.jsonFeed)
  return new Hono()
    .get(PATHS.rss, (c) => serveCached(c, cache, 'feed', rss, POLICIES.feed))
    .get(PATHS.atom, (c) => serveCached(c, cache, 'feed:atom', atom, ATOM_POLICY))
    .get(PATHS.jsonFeed, (c) => serveCached(c, cache, 'feed:json', json, JSON_FEED_POLICY))
    .get('/companies/:slug/feed.xml', (c) => {
      const slug = slugParam(c, 'slug')
      const company = slug ? catalog.companies.get(slug) : undefined
      if (!company) {
        return notFound(c, `Det finns inget företag med namnet "${c.req.param('slug')}" här.`)
      }
      const path = companyFeedPath(company.slug)
      return serveCached(
        c,
        cache,
        `feed:company:${company.slug}`,
        render(() => companyFeedScope(company), renderRss, path),
        POLICIES.feed,
      )
    })
}
