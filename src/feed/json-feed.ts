import { SITE_NAME } from '../../templates/site'
import { type FeedEntry, type FeedScope, toInstant } from './feed-entries'

/** The JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) of a scope's entries. */
export function renderJsonFeed(
  scope: FeedScope,
  entries: readonly FeedEntry[],
  publicUrl: string,
  selfPath: string,
): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: scope.title,
    home_page_url: `${publicUrl}${scope.pagePath}`,
    feed_url: `${publicUrl}${selfPath}`,
    description: scope.description,
    language: 'sv',
    authors: [{ name: SITE_NAME, url: `${publicUrl}/` }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: toInstant(entry.published),
      date_modified: toInstant(entry.updated),
      tags: [entry.company.name],
    })),
  })
}
