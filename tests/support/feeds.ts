import { Readable } from 'node:stream'
import { XMLValidator } from 'fast-xml-parser'
import FeedParser from 'feedparser'
import { z } from 'zod'

/**
 * Parses RSS or Atom as a feed reader does, with feedparser (sax-based), failing on any XML
 * error instead of resuming past it; the document must first be well-formed XML.
 */
export async function readFeed(
  xml: string,
): Promise<{ meta: FeedParser.Meta; items: FeedParser.Item[] }> {
  const wellFormed = XMLValidator.validate(xml)
  if (wellFormed !== true) throw new Error(`not well-formed XML: ${JSON.stringify(wellFormed)}`)
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ resume_saxerror: false })
    const items: FeedParser.Item[] = []
    parser.on('error', reject)
    parser.on('readable', () => {
      for (let item = parser.read(); item; item = parser.read()) items.push(item)
    })
    parser.on('end', () => resolve({ meta: parser.meta, items }))
    Readable.from([xml]).pipe(parser)
  })
}

const url = z.url({ protocol: /^https?$/ })
const rfc3339 = z.iso.datetime({ offset: true })
const author = z
  .object({ name: z.string().optional(), url: url.optional(), avatar: url.optional() })
  .strict()
  .refine((a) => a.name || a.url || a.avatar, 'an author needs a name, url or avatar')

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), every field as the spec defines it. */
export const JsonFeed11Schema = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string().min(1),
    home_page_url: url.optional(),
    feed_url: url.optional(),
    description: z.string().optional(),
    user_comment: z.string().optional(),
    next_url: url.optional(),
    icon: url.optional(),
    favicon: url.optional(),
    authors: z.array(author).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)
      .optional(),
    expired: z.boolean().optional(),
    items: z.array(
      z
        .object({
          id: z.string().min(1),
          url: url.optional(),
          external_url: url.optional(),
          title: z.string().optional(),
          content_html: z.string().optional(),
          content_text: z.string().optional(),
          summary: z.string().optional(),
          image: url.optional(),
          banner_image: url.optional(),
          date_published: rfc3339.optional(),
          date_modified: rfc3339.optional(),
          authors: z.array(author).optional(),
          tags: z.array(z.string()).optional(),
          language: z.string().optional(),
        })
        .strict()
        .refine(
          (item) => item.content_html !== undefined || item.content_text !== undefined,
          'an item needs content_html or content_text',
        ),
    ),
  })
  .strict()
