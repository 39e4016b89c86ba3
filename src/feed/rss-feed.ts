import RSS from 'rss'
import { SITE_NAME } from '../../templates/site'
import { stripXmlInvalid } from '../core/text'
import { type FeedEntry, type FeedScope, newestChange, toInstant } from './feed-entries'

/** The RSS 2.0 document of a scope's entries; deterministic for a given catalog. */
export function renderRss(
  scope: FeedScope,
  entries: readonly FeedEntry[],
  publicUrl: string,
  selfPath: string,
): string {
  const newest = newestChange(entries)
  const feed = new RSS({
    title: stripXmlInvalid(scope.title),
    description: stripXmlInvalid(scope.description),
    site_url: `${publicUrl}${scope.pagePath}`,
    feed_url: `${publicUrl}${selfPath}`,
    language: 'sv',
    generator: SITE_NAME,
    ...(newest ? { pubDate: toInstant(newest) } : {}),
  })
  for (const entry of entries) {
    feed.item({
      title: stripXmlInvalid(entry.title),
      description: stripXmlInvalid(entry.contentHtml),
      url: entry.url,
      // guid left to the package so it is written as the permalink with isPermaLink="true"
      date: toInstant(entry.published),
      categories: [stripXmlInvalid(entry.company.name)],
    })
  }
  const lastBuildDate = new Date(newest ? toInstant(newest) : 0).toUTCString()
  // The rss package stamps lastBuildDate with the wall clock; the feed's content only changes
  // with the records, and a stable document keeps its ETag stable across restarts and instances.
  return feed
    .xml({ indent: false })
    .replace(
      /<lastBuildDate>[^<]*<\/lastBuildDate>/,
      `<lastBuildDate>${lastBuildDate}</lastBuildDate>`,
    )
}
