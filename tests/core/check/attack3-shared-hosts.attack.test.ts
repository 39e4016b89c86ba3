import { describe, expect, it } from 'vitest'
import { checkMessage } from '../../../src/core/check'
import { indexWithWebsite } from '../../support/checker'

// Third adversarial review of issue 9. FICTION: Exempelbolaget, its number (Swedish fiction
// range) and every page name here are made up; the hosts are real services on which anyone
// can publish a page, an app, a payment link or a profile.

// SHARED_PATH_HOSTS (hosting.ts) is a list of known shared hosts; a website with a path on any
// host not in it makes the whole host official (officialHostsOf keeps the hostname only). A
// company's app in Google Play or the App Store is among the commonest "official" links, and a
// remote-access app (AnyDesk) in the same store is the commonest bank-scam lure. No review item
// either (draft/shared-host.ts asks the same list). Should: a website written with a path on a
// host the record does not otherwise own is official as that path only.
describe('a website with a path on a host anyone can publish on is that path only', () => {
  it.each([
    [
      'https://play.google.com/store/apps/details?id=se.exempelbolaget.app',
      'https://play.google.com/store/apps/details?id=com.anydesk.anydeskandroid',
    ],
    [
      'https://apps.apple.com/se/app/exempelbolaget/id1000000001',
      'https://apps.apple.com/se/app/anydesk/id1176131273',
    ],
    [
      'https://www.paypal.com/paypalme/exempelbolaget',
      'https://www.paypal.com/paypalme/exempelkampanj',
    ],
    [
      'https://www.google.com/maps/place/Exempelbolaget',
      'https://www.google.com/maps/place/Exempelkampanj',
    ],
    ['https://discord.com/invite/exempelbolaget', 'https://discord.com/invite/exempelkampanj'],
    ['https://calendly.com/exempelbolaget', 'https://calendly.com/exempelkampanj'],
    ['https://mastodon.social/@exempelbolaget', 'https://mastodon.social/@exempelkampanj'],
    ['https://www.etsy.com/shop/exempelbolaget', 'https://www.etsy.com/shop/exempelkampanj'],
  ])('%s does not make %s official', (website, scam) => {
    const result = checkMessage(indexWithWebsite(website), {
      text: `Exempelbolaget: installera ${scam}`,
    })
    expect(result.findings.map((f) => [f.value, f.status])).not.toContainEqual([scam, 'official'])
    expect(result.verdict).not.toBe('official-contacts')
  })
})

// The other direction ("a genuine message should not be called a scam"): with the website
// https://www.facebook.com/exempelbolaget, a link to that very page is read as a profile link
// (profileOf in handles.ts) and judged as a handle against official.social only, where
// Exempelbolaget has no Facebook account: "lookalike-handle", suspicious.
describe("a link to the company's own website on a shared host is official", () => {
  it.each([
    'https://www.facebook.com/exempelbolaget',
    'https://www.facebook.com/exempelbolaget/posts/123',
  ])('%s', (link) => {
    const result = checkMessage(indexWithWebsite('https://www.facebook.com/exempelbolaget'), {
      text: `Exempelbolaget: följ oss på ${link}`,
    })
    expect(result.findings.map((f) => [f.value, f.status])).toEqual([[link, 'official']])
    expect(result.verdict).toBe('official-contacts')
  })
})
