import { describe, expect, it } from 'vitest'
import { splitArticles } from '../../../src/core/draft/articles'
import { type DraftRecord, readArticle } from '../../../src/core/draft/read-article'
import { sharedWebsiteOf } from '../../../src/core/draft/shared-host'

// FICTION: Exempelbolaget, its reserved domains and its number are made up; the shared hosts
// are real services on which anyone can publish.

function draftOf(sentence: string): DraftRecord {
  const text = [
    'Exempelbolaget varnar för falska sms',
    '',
    '2026-05-15',
    '',
    'FIKTIV ARTIKEL FÖR TESTER: företaget, adresserna och numret är påhittade.',
    '',
    'Exempelbolaget varnar för bedragare som utger sig för att vara företaget i sms.',
    '',
    sentence,
    '',
    'Text: Testredaktionen',
    '',
  ].join('\n')
  const [reading] = splitArticles(text).map((a) => readArticle(a, { known: [] }))
  if (reading?.kind !== 'drafts') throw new Error(`no draft: ${JSON.stringify(reading)}`)
  return reading.drafts[0]!
}

describe('sharedWebsiteOf', () => {
  it.each([
    // A page on a host shared by path: the checker counts that path only, yet anyone can
    // put one up, so an editor checks that the company says it is its own.
    ['https://sites.google.com/view/exempelbolaget', { service: 'Google Sites', wholeHost: false }],
    ['https://www.facebook.com/exempelbolaget', { service: 'Facebook', wholeHost: false }],
    ['https://docs.google.com/forms/d/x', { service: 'docs.google.com', wholeHost: false }],
    // App stores, payment links and bookings too, where anyone publishes an app or a page.
    [
      'https://play.google.com/store/apps/details?id=se.exempelbolaget.app',
      { service: 'play.google.com', wholeHost: false },
    ],
    ['https://www.paypal.com/paypalme/exempelbolaget', { service: 'paypal.com', wholeHost: false }],
    ['https://calendly.com/exempelbolaget', { service: 'calendly.com', wholeHost: false }],
    // The host's root claims every page on it.
    ['https://sites.google.com/', { service: 'Google Sites', wholeHost: true }],
    ['https://exempelbolaget.netlify.app/', { service: 'Netlify', wholeHost: false }],
    ['https://www.exempelbolaget.example.se/', null],
  ])('%s', (url, shared) => {
    expect(sharedWebsiteOf(new URL(url))).toEqual(shared)
  })
})

describe('a draft’s website or e-mail domain on a host others use too', () => {
  it.each([
    [
      'Företagets enda webbplats är https://exempelbolaget.netlify.app/ enligt företaget.',
      'https://exempelbolaget.netlify.app/',
      /on Netlify, a host others publish on/,
    ],
    [
      'Företagets enda webbplats är sites.google.com enligt företaget.',
      'https://sites.google.com/',
      /every page on sites\.google\.com would count/,
    ],
  ])('%s: a review item, no website', (sentence, value, reason) => {
    const draft = draftOf(sentence)
    expect(draft.official.websites).toEqual([])
    expect(draft.review).toContainEqual({
      field: 'official.websites',
      value,
      reason: expect.stringMatching(reason),
    })
  })

  it('puts a free e-mail service to review, never into emailDomains', () => {
    const draft = draftOf('Företagets mejl kommer alltid från adresser som slutar på @gmail.com.')
    expect(draft.official.emailDomains).toEqual([])
    expect(draft.review).toContainEqual({
      field: 'official.emailDomains',
      value: 'gmail.com',
      reason: expect.stringMatching(/free e-mail service/),
    })
  })

  it('keeps a website of the company’s own', () => {
    const draft = draftOf('Företagets enda webbplats är https://www.exempelbolaget.example.se/.')
    expect(draft.official.websites).toEqual(['https://www.exempelbolaget.example.se/'])
  })
})
