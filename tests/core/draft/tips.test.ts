import { describe, expect, it } from 'vitest'
import { mentionOf } from '../../../src/core/draft/companies'
import { quotedSpans } from '../../../src/core/draft/quotes'
import { tipFrom } from '../../../src/core/draft/tips'

// FICTION: Exempelbolaget and its number (Swedish fiction range) are made up.
const tip = (sentence: string) =>
  tipFrom(sentence, 'Exempelbolaget', mentionOf('Exempelbolaget'), quotedSpans(sentence))

describe('tipFrom', () => {
  it('names the company where the article says vi, oss, vår or företaget', () => {
    expect(tip('– Vi ber aldrig om ditt lösenord, säger företagets presschef.')).toBe(
      'Exempelbolaget ber aldrig om ditt lösenord.',
    )
    expect(tip('Ring aldrig tillbaka, utan kontakta oss via vår webbplats.')).toBe(
      'Ring aldrig tillbaka, utan kontakta Exempelbolaget via Exempelbolagets webbplats.',
    )
  })

  it('leaves a quotation as written: it may be the scam message’s words', () => {
    expect(tip('Lägg på om någon säger ”ring oss på 08-465 004 14 från vår kundtjänst”.')).toBe(
      'Lägg på om någon säger ”ring oss på 08-465 004 14 från vår kundtjänst”.',
    )
    expect(tip('Svara aldrig på sms som ”Vi behöver ditt BankID”, skriver företaget.')).toBe(
      'Svara aldrig på sms som ”Vi behöver ditt BankID”.',
    )
  })
})
