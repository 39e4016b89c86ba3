import { XMLParser } from 'fast-xml-parser'
import { parseAtomFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/core/catalog'
import { createTestApp, PUBLIC_URL } from '../support/app'
import { readFeed } from '../support/feeds'
import {
  catalogWithHostileText,
  fictionalAlert,
  fictionalCatalog,
  secondFictionalAlert,
} from '../support/fixtures'

async function atom(catalog = fictionalCatalog()) {
  const res = await createTestApp(catalog).app.request('/feed.atom')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=UTF-8')
  expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/)
  return res.text()
}

describe('GET /feed.atom', () => {
  it('is an Atom 1.0 feed to feedparser, with both alerts, newest first', async () => {
    const { meta, items } = await readFeed(await atom())
    expect(meta['#type']).toBe('atom')
    expect(meta.title).toBe('Bedrägerivarningar')
    expect(meta.link).toBe(`${PUBLIC_URL}/`)
    expect(meta.xmlurl).toBe(`${PUBLIC_URL}/feed.atom`)
    expect(items.map((i) => [i.guid, i.link])).toEqual([
      [
        `${PUBLIC_URL}/alerts/provbutiken-2026-04-10`,
        `${PUBLIC_URL}/alerts/provbutiken-2026-04-10`,
      ],
      [
        `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
        `${PUBLIC_URL}/alerts/exempelbolaget-2026-03-01`,
      ],
    ])
    expect(items[1]?.pubdate?.toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(items[1]?.description).toContain('<a class="official" href="tel:+46846500400">')
  })

  it('has every element RFC 4287 requires, as feedsmith reads it', async () => {
    const feed = parseAtomFeed(await atom())
    expect(feed.id).toBe(`${PUBLIC_URL}/feed.atom`)
    expect(feed.updated).toBe('2026-04-10T00:00:00Z')
    expect(feed.authors?.[0]?.name).toBe('Bedrägerivarningar')
    expect(feed.links).toContainEqual(
      expect.objectContaining({ rel: 'self', href: `${PUBLIC_URL}/feed.atom` }),
    )
    for (const entry of feed.entries ?? []) {
      expect(entry.id).toMatch(/^https:\/\/varningar\.example\.se\/alerts\//)
      expect(entry.title).toBeTruthy()
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
      expect(entry.summary).toBeTruthy()
    }
    expect(feed.entries?.[1]?.categories?.[0]).toMatchObject({
      term: 'exempelbolaget',
      label: 'Exempelbolaget',
    })
  })

  it('uses the updated date of a record that was updated', async () => {
    const updated = fictionalAlert({ updated: '2026-06-02' })
    const feed = parseAtomFeed(await atom(fictionalCatalog(updated, secondFictionalAlert())))
    expect(feed.updated).toBe('2026-06-02T00:00:00Z')
    expect(feed.entries?.find((e) => e.id?.endsWith('exempelbolaget-2026-03-01'))).toMatchObject({
      published: '2026-03-01T00:00:00Z',
      updated: '2026-06-02T00:00:00Z',
    })
  })

  it('escapes markup, quotes and control characters in record text', async () => {
    // Records with control characters, or "<" in a title or name, no longer validate; the feed
    // still escapes and strips them should one reach it some other way.
    const catalog = catalogWithHostileText({
      title: 'Bell\u0007 <b>"fet"</b> & \'citat\' ]]>',
      summary: 'Null\u0000 <script>alert(1)</script>',
      companyName: 'Exempel "&" <bolaget>',
      aliases: [],
    })
    const xml = await atom(catalog)
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false)
    expect(xml).not.toContain('<script>')
    await readFeed(xml)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml)
    expect(parsed.feed.entry.title).toBe('Bell <b>"fet"</b> & \'citat\' ]]>')
    expect(parsed.feed.entry.category['@label']).toBe('Exempel "&" <bolaget>')
  })

  it('is a valid, empty feed when there are no alerts', async () => {
    const { items } = await readFeed(await atom(loadCatalog([])))
    expect(items).toEqual([])
  })
})
