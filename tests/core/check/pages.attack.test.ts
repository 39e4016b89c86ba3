import { describe, expect, it } from 'vitest'
import { buildCatalog, type Catalog, type Company, loadCatalog } from '../../../src/core/catalog'
import { buildContactIndex, checkMessage } from '../../../src/core/check'
import { buildLookupIndex, lookup } from '../../../src/core/lookup'
import { fictionalAlert, recordFile, secondFictionalAlert } from '../../support/fixtures'
import { fastestOf } from '../../support/timing'

// Attacks on the page rule (a record website written with a path is official for that page
// only). FICTION: Exempelbolaget, Provbutiken, their reserved domains (.example), their
// numbers (Swedish fiction range) and every page name are made up; the hosts tumblr.com,
// play.google.com and facebook.com are real services on which anyone can publish.

type Official = { websites: string[]; emailDomains?: string[] }

function index(official: Official) {
  const record = fictionalAlert({
    official: {
      emailDomains: [],
      phones: [{ number: '+46846500400', display: '08-465 004 00' }],
      social: [],
      ...official,
    },
  })
  return buildContactIndex(loadCatalog([recordFile('a', record)]))
}

function statusOf(official: Official, link: string) {
  const result = checkMessage(index(official), { text: `Exempelbolaget: läs mer på ${link}` })
  return result.findings.find((f) => f.value === link)?.status
}

describe('a page never stretches to a subdomain someone else owns', () => {
  // tumblr.com was on no list, so its page made the whole host official, and with it every
  // blog on a subdomain of it. medium.com is on the shared-host list, whose lookup
  // (sharedHostOf) walked up from any subdomain: exempelkampanj.medium.com (anyone's
  // publication) was the host of medium.com/@exempelbolaget.
  it.each([
    ['https://www.tumblr.com/exempelbolaget', 'https://exempelkampanj.tumblr.com/exempelbolaget'],
    ['https://medium.com/@exempelbolaget', 'https://exempelkampanj.medium.com/@exempelbolaget'],
    ['https://exempelbolaget.example.se/sv', 'https://kampanj.exempelbolaget.example.se/sv'],
  ])('%s does not make %s official', (website, link) => {
    expect(statusOf({ websites: [website] }, link)).not.toBe('official')
  })

  it.each([
    ['https://www.tumblr.com/exempelbolaget', 'https://tumblr.com/exempelbolaget/post/1'],
    ['https://facebook.com/exempelbolaget', 'https://m.facebook.com/exempelbolaget'],
    ['https://m.exempelbolaget.example.se/sv', 'https://www.exempelbolaget.example.se/sv/kontakt'],
  ])('%s makes %s official (www. and m. are the same site)', (website, link) => {
    expect(statusOf({ websites: [website] }, link)).toBe('official')
  })
})

describe('a page spelled another way in a message', () => {
  const app = 'https://play.google.com/store/apps/details?id=se.exempelbolaget.app'
  it.each([
    'https://PLAY.google.com/store/apps/details?id=se.exempelbolaget.app',
    'https://play.google.com:443/store/apps/details?id=se.exempelbolaget.app',
    'https://play.google.com/store/apps/details/?hl=sv&id=se.exempelbolaget.app',
    'https://play.google.com/store/./apps/details?id=se.exempelbolaget.app',
  ])('%s is the app', (link) => {
    expect(statusOf({ websites: [app] }, link)).toBe('official')
  })

  it.each([
    'https://play.google.com/store/apps/details?id=se.exempelbolaget.app&id=com.exempelkampanj',
    'https://play.google.com/store/apps/details?id=com.exempelkampanj&id=se.exempelbolaget.app',
    'https://play.google.com/store/apps/details?id=se.exempelbolaget.app.kampanj',
    'https://play.google.com/store/apps/details',
    'https://play.google.com/store/apps',
  ])('%s is not', (link) => {
    expect(statusOf({ websites: [app] }, link)).not.toBe('official')
  })

  it.each([
    'https://sites.google.com/view/exempelbolaget/..%2Fexempelkampanj',
    'https://sites.google.com/view/exempelbolaget/%252e%252e/exempelkampanj',
    'https://sites.google.com/view/exempelbolaget%2F..%2Fexempelkampanj',
  ])('%s, which a server may resolve to another site, is not official', (link) => {
    const website = 'https://sites.google.com/view/exempelbolaget'
    expect(statusOf({ websites: [website] }, link)).not.toBe('official')
  })
})

describe('another page on a host the company lists a page on', () => {
  const own = 'https://exempelbolaget.example.se/sv'
  it('is unknown, not a lookalike of the company the host spells', () => {
    const link = 'https://exempelbolaget.example.se/kontakt'
    const [found] = lookup(buildLookupIndex(index({ websites: [own] })), link).findings
    expect([found?.status, found?.reason.code]).toEqual(['unknown', 'other-page'])
    // In a message that names the company, not the company's as far as the records go.
    const result = checkMessage(index({ websites: [own] }), { text: `Läs mer på ${link}` })
    expect(result.findings.map((f) => f.status)).toEqual(['not-official'])
  })

  it('is official when the company also lists the host itself (an e-mail domain)', () => {
    const official = { websites: [own], emailDomains: ['exempelbolaget.example.se'] }
    expect(statusOf(official, 'https://exempelbolaget.example.se/kontakt')).toBe('official')
    expect(statusOf(official, 'https://exempelbolaget.example.se/sv/kontakt')).toBe('official')
  })

  it('gives no brand word: a host that spells a page host is not its lookalike', () => {
    const website = 'https://play.google.com/store/apps/details?id=se.exempelbolaget.app'
    const result = checkMessage(index({ websites: [website] }), {
      text: 'Hämta appen på https://play-google.example/exempel',
    })
    expect(result.findings.map((f) => f.status)).toEqual(['unknown'])
  })
})

describe("the company's own Facebook page given as its website", () => {
  const website = { websites: ['https://www.facebook.com/exempelbolaget'] }
  it.each([
    'Följ oss på Facebook: exempelbolaget',
    'Följ oss på https://m.facebook.com/exempelbolaget',
    'Följ oss på https://www.facebook.com/Exempelbolaget/',
  ])('%s is official', (text) => {
    const result = checkMessage(index(website), { text })
    expect(result.findings.map((f) => f.status)).toEqual(['official'])
  })

  it('still calls an imitating account a lookalike', () => {
    const result = checkMessage(index(website), {
      text: 'Följ oss på https://www.facebook.com/exempelbolaget.sverige',
    })
    expect(result.findings.map((f) => f.status)).toEqual(['lookalike'])
  })

  it('is no account when the website is a page under the profile', () => {
    const deeper = { websites: ['https://www.facebook.com/exempelbolaget/about'] }
    const result = checkMessage(index(deeper), {
      text: 'Följ oss på https://www.facebook.com/exempelbolaget/photos',
    })
    expect(result.findings.map((f) => f.status)).not.toContain('official')
  })
})

describe('the search page agrees with the checker', () => {
  const website = 'https://play.google.com/store/apps/details?id=se.exempelbolaget.app'
  const search = (query: string) =>
    lookup(buildLookupIndex(index({ websites: [website] })), query).findings.map((f) => f.status)

  it('answers the app official and another app not', () => {
    expect(search(website)).toEqual(['official'])
    expect(search('https://play.google.com/store/apps/details?id=com.exempelkampanj')).toEqual([
      'unknown',
    ])
    expect(search('play.google.com')).toEqual(['unknown'])
  })
})

describe('a host where several companies have pages', () => {
  it('names no company and lists no page for another page there', () => {
    const withApp = (alert: Record<string, unknown>, app: string) => ({
      ...alert,
      official: { ...(alert.official as object), websites: [app] },
    })
    const catalog = loadCatalog([
      recordFile('a', withApp(fictionalAlert(), 'https://www.facebook.com/exempelbolaget')),
      recordFile('b', withApp(secondFictionalAlert(), 'https://www.facebook.com/provbutiken')),
    ])
    const link = 'https://www.facebook.com/groups/exempelkampanj'
    const [found] = lookup(buildLookupIndex(buildContactIndex(catalog)), link).findings
    expect(found).toMatchObject({
      status: 'unknown',
      company: null,
      reason: { code: 'other-page', pages: [], slug: null },
    })
  })

  it('reads a page link written without a scheme like one with it', () => {
    const website = 'https://play.google.com/store/apps/details?id=se.exempelbolaget.app'
    expect(
      statusOf(
        { websites: [website] },
        'play.google.com/store/apps/details?id=se.exempelbolaget.app',
      ),
    ).toBe('official')
    expect(
      statusOf({ websites: [website] }, 'play.google.com/store/apps/details?id=com.exempelkampanj'),
    ).not.toBe('official')
  })
})

describe('two records and one page', () => {
  const withWebsites = (alert: Record<string, unknown>, websites: string[], domains: string[]) => {
    const official = alert.official as Record<string, unknown>
    return { ...alert, official: { ...official, websites, emailDomains: domains } }
  }
  const issuesOf = (first: string[], second: string[], firstDomains: string[] = []) =>
    buildCatalog([
      recordFile('a', withWebsites(fictionalAlert(), first, firstDomains)),
      recordFile('b', withWebsites(secondFictionalAlert(), second, [])),
    ]).issues.map((issue) => issue.message)

  it.each([
    [['https://www.facebook.com/exempelbolaget'], ['https://m.facebook.com/Exempelbolaget/']],
    [
      ['https://play.google.com/store/apps/details?id=se.exempelbolaget.app'],
      ['https://play.google.com/store/apps/details/?id=se.exempelbolaget.app'],
    ],
  ])('refuses the same page spelled two ways (%s, %s)', (first, second) => {
    expect(issuesOf(first, second)).toContainEqual(expect.stringMatching(/is also an official/))
  })

  it('refuses a page under another company’s page or host', () => {
    expect(
      issuesOf(
        ['https://www.facebook.com/exempelbolaget'],
        ['https://www.facebook.com/exempelbolaget/x'],
      ),
    ).toContainEqual(expect.stringMatching(/is under facebook\.com\/exempelbolaget/))
    expect(
      issuesOf(
        [],
        ['https://exempelbolaget.example.se/provbutiken'],
        ['exempelbolaget.example.se'],
      ),
    ).toContainEqual(
      expect.stringMatching(
        /is under exempelbolaget\.example\.se, an official contact of exempelbolaget/,
      ),
    )
  })

  it('refuses a profile website that is another company’s account', () => {
    const second = secondFictionalAlert()
    const official = second.official as Record<string, unknown>
    const account = {
      platform: 'facebook',
      handle: 'exempelbolaget',
      url: 'https://www.facebook.com/exempelbolaget',
    }
    const files = [
      recordFile(
        'a',
        withWebsites(fictionalAlert(), ['https://m.facebook.com/Exempelbolaget'], []),
      ),
      recordFile('b', { ...second, official: { ...official, social: [account] } }),
    ]
    expect(buildCatalog(files).issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/facebook account exempelbolaget is also an official contact/),
    )
  })

  it('lets two companies list two apps in one store', () => {
    expect(
      issuesOf(
        ['https://play.google.com/store/apps/details?id=se.exempelbolaget.app'],
        ['https://play.google.com/store/apps/details?id=se.provbutiken.app'],
      ),
    ).toEqual([])
  })
})

describe('many pages on one host', () => {
  // FICTION: made-up companies, each with an app in one store. A link is compared with the
  // pages filed under its own path and parameters, not with every app in the store.
  const catalog = (count: number): Catalog => {
    const companies = Array.from(
      { length: count },
      (_, i): Company => ({
        slug: `foretag-${i}`,
        name: `Företag ${i}`,
        aliases: [],
        official: {
          websites: [`https://play.google.com/store/apps/details?id=se.foretag${i}.app`],
          emailDomains: [],
          phones: [],
          social: [],
        },
        alerts: [],
      }),
    )
    return {
      alerts: [],
      alertsById: new Map(),
      companies: new Map(companies.map((c) => [c.slug, c])),
    }
  }

  it('checks store links in time that does not grow with the number of apps', () => {
    const text = Array.from(
      { length: 100 },
      (_, i) => `https://play.google.com/store/apps/details?id=se.foretag${i % 30}.app&hl=sv`,
    ).join(' ')
    const [few, many] = [buildContactIndex(catalog(30)), buildContactIndex(catalog(3_000))]
    const result = checkMessage(many, { text })
    expect(result.findings.map((f) => f.status)).toEqual(['official'])
    expect(result.findings[0]?.places).toHaveLength(30)
    // Pathological growth only (see timing.test.ts): comparing each link with every app
    // makes a hundred times the apps take about a hundred times as long.
    const time = (index: typeof few) => {
      checkMessage(index, { text })
      return fastestOf(5, () => checkMessage(index, { text }))
    }
    expect(time(many) / Math.max(time(few), 0.05)).toBeLessThan(10)
  })
})
