import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Adversarial review of issue 9, at the verdict. jem & fix's contacts are the real record's;
// Exempelbolaget and Provbutiken are the fixtures' fictional companies.

describe('an SMS sender name that looks like a domain', () => {
  // extractSender reads "jemfix.com" (10 characters, a valid alphanumeric SMS sender that anyone
  // can set) both as a sender name and as a domain. verdictOf leaves sender-id findings out of
  // "at least one contact point besides an SMS sender name", but the domain reading of the very
  // same name counts as an official contact point, so a message with no contact of its own is
  // official-contacts on the strength of a forgeable sender name.
  it.each([
    ['a parcel scam', 'Hej! Ditt paket väntar på dig. Svara JA för att boka leverans.'],
    ['one that names the company', 'jem & fix: din order är på väg. Svara med ditt namn.'],
  ])('proves nothing by itself: %s', (_case, text) => {
    const result = check(text, 'jemfix.com')
    expect(result.findings.map((f) => f.kind)).toContain('sender-id')
    expect(result.verdict).not.toBe('official-contacts')
  })
})

describe("a message that claims one company and uses another company's contacts", () => {
  // underClaim (verdict.ts) turns only unknown and not-official findings into "not the
  // company's"; an official contact of another company stays official, so the page says "Alla
  // länkar, adresser, nummer och konton i meddelandet hör till Exempelbolaget", which is false.
  it.each([
    ['a number', 'Hej från Exempelbolaget! Ring vår kundtjänst på 046-28 52 900.'],
    ['an e-mail address', 'Hej från Provbutiken! Mejla oss på kundtjanst@jemfix.com.'],
    ['an account', 'Hej från Exempelbolaget! Följ oss på Facebook: jemofixsverige'],
  ])('is not official-contacts: %s', (_case, text) => {
    const result = check(text)
    expect(result.company?.slug).not.toBe('jem-fix')
    expect(result.verdict).not.toBe('official-contacts')
  })
})
