import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { renderFeed } from '../../src/feed/rss-feed'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { fictionalAlert, fictionalCatalog, secondFictionalAlert } from '../support/fixtures'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

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

describe('GET /feed.xml', () => {
  it('is valid RSS 2.0 with every required channel element', async () => {
    const res = await createTestApp().app.request('/feed.xml')
    expect(res.status).toBe(200)
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
    const { rss } = parse(await (await createTestApp().app.request('/feed.xml')).text())
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
    expect(item.description).toContain('08-465 004 00')
    expect(item.description).toContain('@exempelbolaget.example.se')
    expect(item.description).toContain('https://www.instagram.com/exempelbolaget')
  })

  it('stays well-formed when a record holds control characters or CDATA terminators', async () => {
    // Records with control characters no longer validate (issue 10, finding 9); the feed still
    // strips them should one reach it some other way.
    const catalog = fictionalCatalog(fictionalAlert(), secondFictionalAlert())
    Object.assign(catalog.alerts.find((a) => a.id === fictionalAlert().id)!, {
      title: 'Bell\u0007 and ]]> end',
      summary: 'Null\u0000 byte & <b>tag</b>',
    })
    const xml = await renderFeed(catalog, PUBLIC_URL)
    const { rss } = parse(xml)
    const titles = (rss.channel.item as RssItem[]).map((i) => i.title)
    expect(titles).toContain('Bell and ]]> end')
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false)
  })

  it('is the same document on every render, so its ETag survives restarts', async () => {
    const catalog = fictionalCatalog()
    expect(await renderFeed(catalog, PUBLIC_URL)).toBe(await renderFeed(catalog, PUBLIC_URL))
  })
})
