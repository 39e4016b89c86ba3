import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseRssFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { readFeed } from '../support/feeds'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'

// htmlEntities: decodes character references (&#x3C;) as every XML parser must.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  htmlEntities: true,
})

interface RssItem {
  title: string
  link: string
  guid: { '#text': string; '@isPermaLink': string }
  pubDate: string
  description: string
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml) as {
    rss: { '@version': string; channel: Record<string, unknown> & { item: RssItem[] | RssItem } }
  }
}

async function feedOf(path: string, catalog = fictionalCatalog()) {
  const res = await createTestApp(catalog).app.request(path)
  expect(res.status).toBe(200)
  return res
}

describe('GET /feed.xml', () => {
  it('is valid RSS 2.0 with every required channel element', async () => {
    const res = await feedOf('/feed.xml')
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=UTF-8')
    expect(res.headers.get('etag')).toBeTruthy()
    const { rss } = parse(await res.text())
    expect(rss['@version']).toBe('2.0')
    const channel = rss.channel
    expect(channel.title).toBe('Bedrägerivarningar')
    expect(channel.link).toBe(`${PUBLIC_URL}/`)
    expect(channel.description).toMatch(/varningar/)
    expect(channel.language).toBe('sv')
    // The feed changes only with the records, so its build date is the newest record's date.
    expect(channel.lastBuildDate).toBe('Fri, 10 Apr 2026 00:00:00 GMT')
    expect(channel['atom:link']).toMatchObject({
      '@href': `${PUBLIC_URL}/feed.xml`,
      '@rel': 'self',
    })
  })

  it('has one item per alert with title, permalink guid, RFC 822 date and the official contacts', async () => {
    const { rss } = parse(await (await feedOf('/feed.xml')).text())
    const items = rss.channel.item as RssItem[]
    expect(items.map((i) => i.title)).toEqual([
      'Provbutiken varnar för falska mejl',
      'Exempelbolaget varnar för falska sms',
    ])
    const item = items[1]!
    expect(item.link).toBe(`${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`)
    expect(item.guid['#text']).toBe(item.link)
    expect(item.guid['@isPermaLink']).toBe('true')
    expect(item.pubDate).toBe('Sun, 01 Mar 2026 00:00:00 GMT')
    expect(item.description).toContain('Exempelbolagets officiella kontaktvägar')
    expect(item.description).toContain('08-465 004 00')
    expect(item.description).toContain('@exempelbolaget.example.se')
    expect(item.description).toContain('https://www.instagram.com/exempelbolaget')
    expect(item.description).toContain(`href="${PUBLIC_URL}/guidance"`)
  })

  it('is read by two feed parsers (feedparser, feedsmith) as an RSS feed of both alerts', async () => {
    const xml = await (await feedOf('/feed.xml')).text()
    const { meta, items } = await readFeed(xml)
    expect(meta['#type']).toBe('rss')
    expect(meta.title).toBe('Bedrägerivarningar')
    expect(meta.language).toBe('sv')
    expect(items.map((i) => i.link)).toEqual([
      `${PUBLIC_URL}/alerts/provbutiken-2026-04-10`,
      `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
    ])
    expect(items[1]?.pubdate?.toISOString()).toBe('2026-03-01T00:00:00.000Z')
    const feed = parseRssFeed(xml)
    expect(feed.items?.map((i) => i.title)).toEqual([
      'Provbutiken varnar för falska mejl',
      'Exempelbolaget varnar för falska sms',
    ])
  })

  it('stays well-formed when a record holds control characters or CDATA terminators', async () => {
    // Records with control characters no longer validate (issue 10, finding 9); the feed still
    // strips them should one reach it some other way.
    const catalog = fictionalCatalog(fictionalAlert(), secondFictionalAlert())
    Object.assign(catalog.alerts.find((a) => a.id === fictionalAlert().id)!, {
      title: 'Bell\u0007 and ]]> end',
      summary: 'Null\u0000 byte & <b>tag</b>',
    })
    const xml = await (await feedOf('/feed.xml', catalog)).text()
    const { rss } = parse(xml)
    const titles = (rss.channel.item as RssItem[]).map((i) => i.title)
    expect(titles).toContain('Bell and ]]> end')
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false)
    expect((await readFeed(xml)).items.map((i) => i.title)).toContain('Bell and ]]> end')
  })

  it('writes titles and categories as text with character references, not CDATA', async () => {
    // Records cannot hold "<" or ">" in a title any more (core/records.test.ts); the feed
    // still writes plain text as the RSS Advisory Board's profile recommends, should one
    // reach it some other way, or an "&", which every title with "jem & fix" has.
    const catalog = fictionalCatalog(fictionalAlert(), secondFictionalAlert())
    Object.assign(catalog.alerts.find((a) => a.id === fictionalAlert().id)!, {
      title: 'Klicka inte på <länken> & svara inte ]]> slut',
    })
    const xml = await (await feedOf('/feed.xml', catalog)).text()
    expect(xml).not.toMatch(/<(title|category)><!\[CDATA\[/)
    expect(xml).toContain(
      '<title>Klicka inte på &#x3C;länken&#x3E; &#x26; svara inte ]]&#x3E; slut</title>',
    )
    const { rss } = parse(xml)
    expect((rss.channel.item as RssItem[]).map((i) => i.title)).toContain(
      'Klicka inte på <länken> & svara inte ]]> slut',
    )
    expect(parseRssFeed(xml).items?.map((i) => i.title)).toContain(
      'Klicka inte på <länken> & svara inte ]]> slut',
    )
  })

  it('is the same document in two app instances, so its ETag survives restarts', async () => {
    const catalog = fictionalCatalog()
    const first = await feedOf('/feed.xml', catalog)
    const second = await feedOf('/feed.xml', catalog)
    expect(await first.text()).toBe(await second.text())
    expect(first.headers.get('etag')).toBe(second.headers.get('etag'))
  })
})

describe('GET /companies/:slug/feed.xml', () => {
  it("carries only that company's warnings, and links its own page and address", async () => {
    const catalog = fictionalCatalog(
      fictionalAlert(),
      fictionalAlert({
        id: 'exempelbolaget-2026-05-01',
        published: '2026-05-01',
        official: undefined,
      }),
      secondFictionalAlert(),
    )
    const res = await feedOf('/companies/exempelbolaget/feed.xml', catalog)
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=UTF-8')
    const xml = await res.text()
    const { meta, items } = await readFeed(xml)
    expect(meta.title).toBe('Exempelbolaget – Bedrägerivarningar')
    expect(meta.link).toBe(`${PUBLIC_URL}/companies/exempelbolaget`)
    expect(meta.xmlurl).toBe(`${PUBLIC_URL}/companies/exempelbolaget/feed.xml`)
    expect(items.map((i) => i.link)).toEqual([
      `${PUBLIC_URL}/alerts/exempelbolaget-2026-05-01`,
      `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
    ])
    expect(parse(xml).rss.channel.lastBuildDate).toBe('Fri, 01 May 2026 00:00:00 GMT')
  })

  it('answers an unknown or malformed company with a 404 page', async () => {
    const { app } = createTestApp()
    for (const path of ['/companies/nobody/feed.xml', '/companies/%3Cx%3E/feed.xml']) {
      const res = await app.request(path)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('<x>')
    }
  })
})
