import { describe, expect, it } from 'vitest'
import { checkMessage } from '../../../src/core/check'
import { indexWithWebsite } from '../../support/checker'

// Adversarial review of issue 9. FICTION: Exempelbolaget and its number (Swedish fiction range)
// are made up; the shared hosts are real services on which anyone can publish.

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
