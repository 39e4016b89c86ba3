import RSS from 'rss'
import { OfficialContactsList } from '../../templates/components/official-contacts'
import { SITE_NAME } from '../../templates/layout'
import { type Catalog, lastChanged } from '../core/catalog'
import { stripXmlInvalid } from '../core/text'

/** How many of the newest alerts the feed carries. */
export const FEED_SIZE = 50

/** The RSS 2.0 document for the newest alerts; deterministic for a given catalog. */
export async function renderFeed(catalog: Catalog, publicUrl: string): Promise<string> {
  const alerts = catalog.alerts.slice(0, FEED_SIZE)
  const newest = alerts.reduce<string | undefined>(
    (max, alert) => (!max || lastChanged(alert) > max ? lastChanged(alert) : max),
    undefined,
  )
  const feed = new RSS({
    title: SITE_NAME,
    description:
      'Företags egna varningar för bedrägerier i deras namn, med deras officiella kontaktvägar.',
    site_url: `${publicUrl}/`,
    feed_url: `${publicUrl}/feed.xml`,
    language: 'sv',
    generator: SITE_NAME,
    ...(newest ? { pubDate: `${newest}T00:00:00Z` } : {}),
  })
  for (const alert of alerts) {
    const company = catalog.companies.get(alert.company.slug)
    const contacts = company
      ? await (
          <div>
            <p>{alert.summary}</p>
            <p>{company.name} officiella kontaktvägar:</p>
            <OfficialContactsList official={company.official} companyName={company.name} />
          </div>
        ).toString()
      : ''
    const permalink = `${publicUrl}/alerts/${alert.id}`
    feed.item({
      title: stripXmlInvalid(alert.title),
      description: stripXmlInvalid(contacts),
      url: permalink,
      // guid left to the package so it is written as the permalink with isPermaLink="true"
      date: `${alert.published}T00:00:00Z`,
      categories: [stripXmlInvalid(alert.company.name)],
    })
  }
  const lastBuildDate = new Date(newest ? `${newest}T00:00:00Z` : 0).toUTCString()
  // The rss package stamps lastBuildDate with the wall clock; the feed's content only changes
  // with the records, and a stable document keeps its ETag stable across restarts and instances.
  return feed
    .xml({ indent: false })
    .replace(
      /<lastBuildDate>[^<]*<\/lastBuildDate>/,
      `<lastBuildDate>${lastBuildDate}</lastBuildDate>`,
    )
}
