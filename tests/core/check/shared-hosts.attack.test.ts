import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/core/catalog'
import { buildContactIndex, checkMessage } from '../../../src/core/check'
import { fictionalAlert, recordFile } from '../../support/fixtures'

// Adversarial review of issue 9. FICTION: Exempelbolaget and its number (Swedish fiction range)
// are made up; the shared hosts are real services on which anyone can publish.

/** Exempelbolaget with only a website, as a small company's warning may state it. */
function indexWithWebsite(website: string) {
  const record = fictionalAlert({
    official: {
      websites: [website],
      emailDomains: [],
      phones: [{ number: '+46846500400', display: '08-465 004 00' }],
      social: [],
    },
  })
  return buildContactIndex(loadCatalog([recordFile('a', record)]))
}

describe('an official website that is one page on a shared host', () => {
  // The schema accepts any http(s) URL on a registrable domain, and officialHostsOf (catalog.ts)
  // keeps only the URL's host, so a company whose site is a path on sites.google.com or a page on
  // facebook.com makes every page of that host official: a scammer's Google Site or Facebook
  // group is then "one of Exempelbolaget's official addresses". The draft tool writes such a
  // website without a review item ("Företagets webbplats är https://sites.google.com/view/…").
  it.each([
    [
      'https://sites.google.com/view/exempelbolaget',
      'https://sites.google.com/view/exempel-kampanj',
    ],
    ['https://www.facebook.com/exempelbolaget', 'https://www.facebook.com/groups/exempelkampanj'],
  ])('%s does not make %s official', (website, scam) => {
    const result = checkMessage(indexWithWebsite(website), {
      text: `Exempelbolaget: se erbjudandet på ${scam}`,
    })
    expect(result.findings.map((f) => [f.value, f.status])).not.toContainEqual([scam, 'official'])
    expect(result.verdict).not.toBe('official-contacts')
  })
})

describe('an official website that is one page on a shared host (what stays official)', () => {
  it.each([
    [
      'https://sites.google.com/view/exempelbolaget',
      'https://sites.google.com/view/exempelbolaget/kontakt',
    ],
  ])('%s makes %s official', (website, page) => {
    const result = checkMessage(indexWithWebsite(website), {
      text: `Exempelbolaget: se erbjudandet på ${page}`,
    })
    expect(result.findings.map((f) => [f.value, f.status])).toContainEqual([page, 'official'])
  })
})
