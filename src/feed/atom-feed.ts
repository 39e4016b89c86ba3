import { SITE_NAME } from '../../templates/site'
import { type FeedEntry, type FeedScope, newestChange, toInstant } from './feed-entries'
import { xmlText } from './xml'

function atomEntry(entry: FeedEntry): string {
  return [
    '<entry>',
    `<id>${xmlText(entry.url)}</id>`,
    `<title>${xmlText(entry.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
    `<published>${toInstant(entry.published)}</published>`,
    `<updated>${toInstant(entry.updated)}</updated>`,
    `<category term="${xmlText(entry.company.slug)}" label="${xmlText(entry.company.name)}"/>`,
    `<summary>${xmlText(entry.summary)}</summary>`,
    `<content type="html">${xmlText(entry.contentHtml)}</content>`,
    '</entry>',
  ].join('')
}

/**
 * The Atom 1.0 (RFC 4287) document of a scope's entries; deterministic for a given catalog.
 * Written by hand: the format is small, and every text goes through xmlText.
 */
export function renderAtom(
  scope: FeedScope,
  entries: readonly FeedEntry[],
  publicUrl: string,
  selfPath: string,
): string {
  const selfUrl = `${publicUrl}${selfPath}`
  const updated = toInstant(newestChange(entries) ?? '1970-01-01')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `<id>${xmlText(selfUrl)}</id>`,
    `<title>${xmlText(scope.title)}</title>`,
    `<subtitle>${xmlText(scope.description)}</subtitle>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(`${publicUrl}${scope.pagePath}`)}"/>`,
    `<author><name>${xmlText(SITE_NAME)}</name><uri>${xmlText(`${publicUrl}/`)}</uri></author>`,
    `<generator>${xmlText(SITE_NAME)}</generator>`,
    ...entries.map(atomEntry),
    '</feed>',
  ].join('\n')
}
