import { OfficialContactsList } from '../../templates/components/official-contacts'
import { genitive } from '../../templates/format'
import {
  alertPath,
  companyPath,
  GUIDANCE_TITLE,
  PATHS,
  SITE_DESCRIPTION,
  SITE_NAME,
} from '../../templates/site'
import type { Alert } from '../core/alert-schema'
import { type Catalog, type Company, lastChanged, latestOf } from '../core/catalog'

/** How many of the newest alerts a feed carries. */
export const FEED_SIZE = 50

/** What one feed covers: every warning, or one company's. */
export interface FeedScope {
  title: string
  description: string
  /** The HTML page this feed follows, e.g. / or /companies/jem-fix. */
  pagePath: string
  alerts: readonly Alert[]
}

/** One warning as every feed format carries it: the same text in RSS, Atom and JSON Feed. */
export interface FeedEntry {
  /** The permalink: also the entry's permanent id. */
  url: string
  title: string
  summary: string
  /** Summary, official contacts and where to get help, as HTML with absolute links. */
  contentHtml: string
  published: string
  updated: string
  company: { slug: string; name: string }
}

/** The feed of every warning. */
export function siteFeedScope(catalog: Catalog): FeedScope {
  return {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    pagePath: PATHS.home,
    alerts: catalog.alerts,
  }
}

/** The feed of one company's warnings. */
export function companyFeedScope(company: Company): FeedScope {
  return {
    title: `${company.name} – ${SITE_NAME}`,
    description: `Bedrägerivarningar om ${company.name}, med ${genitive(company.name)} officiella kontaktvägar.`,
    pagePath: companyPath(company.slug),
    alerts: company.alerts,
  }
}

/** YYYY-MM-DD as an RFC 3339 instant (midnight UTC), the form Atom and JSON Feed require. */
export const toInstant = (isoDate: string) => `${isoDate}T00:00:00Z`

/** The newest "last changed" date of the entries: a feed's own updated date. */
export function newestChange(entries: readonly FeedEntry[]): string | undefined {
  return latestOf(entries.map((entry) => entry.updated))
}

/** The newest FEED_SIZE warnings of a scope as feed entries, newest first. */
export async function feedEntries(
  scope: FeedScope,
  catalog: Catalog,
  publicUrl: string,
): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = []
  for (const alert of scope.alerts.slice(0, FEED_SIZE)) {
    const company = catalog.companies.get(alert.company.slug)
    const contentHtml = await (
      <div>
        <p>{alert.summary}</p>
        {company ? (
          <>
            <p>{genitive(company.name)} officiella kontaktvägar:</p>
            <OfficialContactsList official={company.official} companyName={company.name} />
          </>
        ) : null}
        <p>
          <a href={`${publicUrl}${PATHS.guidance}`}>{GUIDANCE_TITLE}</a>
        </p>
      </div>
    ).toString()
    entries.push({
      url: `${publicUrl}${alertPath(alert.id)}`,
      title: alert.title,
      summary: alert.summary,
      contentHtml,
      published: alert.published,
      updated: lastChanged(alert),
      company: { slug: alert.company.slug, name: alert.company.name },
    })
  }
  return entries
}
