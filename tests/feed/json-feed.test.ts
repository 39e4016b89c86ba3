import { parseJsonFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/core/catalog'
import { FEED_SIZE } from '../../src/feed/feed-entries'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { JsonFeed11Schema } from '../support/feeds'
import { fictionalAlert, fictionalCatalog } from '../support/fixtures'

async function jsonFeed(catalog = fictionalCatalog()) {
  const res = await createTestApp(catalog).app.request('/feed.json')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/feed+json; charset=UTF-8')
  return res.text()
}

describe('GET /feed.json', () => {
  it('is valid JSON Feed 1.1', async () => {
    const result = JsonFeed11Schema.safeParse(JSON.parse(await jsonFeed()))
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('carries each alert with permalink id, HTML content, RFC 3339 dates and its company', async () => {
    const feed = JsonFeed11Schema.parse(JSON.parse(await jsonFeed()))
    expect(feed).toMatchObject({
      title: 'Bedrägerivarningar',
      home_page_url: `${PUBLIC_URL}/`,
      feed_url: `${PUBLIC_URL}/feed.json`,
      language: 'sv',
    })
    const item = feed.items[1]!
    expect(item).toMatchObject({
      id: `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
      url: `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
      title: 'Exempelbolaget varnar för falska sms',
      date_published: '2026-03-01T00:00:00Z',
      tags: ['Exempelbolaget'],
    })
    expect(item.content_html).toContain('08-465 004 00')
  })

  it('is read by feedsmith as a JSON Feed', async () => {
    const feed = parseJsonFeed(await jsonFeed())
    expect(feed.title).toBe('Bedrägerivarningar')
    expect(feed.items?.map((i) => i.id)).toEqual([
      `${PUBLIC_URL}/alerts/provbutiken-2026-04-10`,
      `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
    ])
  })

  it(`carries at most the ${FEED_SIZE} newest alerts, and is valid when there are none`, async () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) =>
      fictionalAlert({
        id: `exempelbolaget-${String(i).padStart(3, '0')}`,
        published: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
        official: i === 0 ? fictionalAlert().official : undefined,
      }),
    )
    const feed = JsonFeed11Schema.parse(JSON.parse(await jsonFeed(fictionalCatalog(...many))))
    expect(feed.items).toHaveLength(FEED_SIZE)
    const empty = JsonFeed11Schema.parse(JSON.parse(await jsonFeed(loadCatalog([]))))
    expect(empty.items).toEqual([])
  })
})
