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
  return plainTextElements(
    feed
      .xml({ indent: false })
      .replace(
        /<lastBuildDate>[^<]*<\/lastBuildDate>/,
        `<lastBuildDate>${lastBuildDate}</lastBuildDate>`,
      ),
  )
}

// A title or category as the rss package writes it: one or more CDATA sections (it splits
// the text at every "]]>"), nothing else.
const CDATA_TEXT_ELEMENT = /<(title|category)>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/\1>/g
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g
const HEX_REFERENCES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' }

/**
 * Rewrites titles and categories from CDATA to text with hexadecimal character references for
 * `&`, `<` and `>`. RSS never said whether these elements may hold HTML, so readers differ;
 * CDATA in a title is the form more of them get wrong, and this is the encoding the RSS
 * Advisory Board's profile recommends for plain text. A record's "<" then reaches a reader as
 * a character of the title, not as the start of markup in the XML.
 */
function plainTextElements(xml: string): string {
  return xml.replace(CDATA_TEXT_ELEMENT, (_whole, name: string, sections: string) => {
    const text = [...sections.matchAll(CDATA_SECTION)].map((m) => m[1]).join('')
    return `<${name}>${text.replace(/[&<>]/g, (c) => HEX_REFERENCES[c]!)}</${name}>`
  })
}
