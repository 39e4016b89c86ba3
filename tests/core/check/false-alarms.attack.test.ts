import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Adversarial review of issue 9: "a genuine message should not be called a scam". Ordinary
// jem & fix receipts, delivery notices and footers, sent from the official address and giving
// the official number; the organisation, order and amount figures are made up.

const JEMFIX_SENDER = 'jem & fix <noreply@jemfix.com>'
const NUMBER = 'Kundtjänst 046-28 52 900.'

describe('a genuine jem & fix message stays official-contacts', () => {
  it.each([
    // The organisation number every Swedish company prints: red-flags.ts reads any
    // \d{6}-\d{4} as a personnummer, and tldts lists org.nr (Nauru) as a domain.
    ['an org.nr footer', `jem & fix AB, org.nr 556123-4567, Box 123, 221 00 Lund. ${NUMBER}`],
    ['Tel.nr and Art.nr abbreviations', `Tel.nr 046-28 52 900. Art.nr 12345 finns i lager.`],
    // An order id in date-serial form reads as a personnummer the message "asks for".
    ['an order id in date-serial form', `Din order 20260304-1234 är skickad. ${NUMBER}`],
    // red-flags.ts fires on the words whatever the sentence says with them.
    ['a delivery window', `Din order är packad och skickas inom 2 dagar. ${NUMBER}`],
    [
      'a shop closing for stocktaking',
      `Butiken i Lund stängs för inventering 2026-03-05. ${NUMBER}`,
    ],
    [
      "the company's own warning, a denial",
      `jem & fix ber aldrig om ditt personnummer, BankID eller kortnummer i sms. ${NUMBER}`,
    ],
    ['a receipt paid by card', `Kvitto. Betalsätt: Betalkort. Summa 349,00 kr. ${NUMBER}`],
    [
      'a receipt paid with a gift card',
      `Kvitto. Betalt med presentkort. Summa 349,00 kr. ${NUMBER}`,
    ],
    [
      'a receipt with a link to itself',
      `Tack för din betalning! Kvittot finns på https://jemfix.com/kvitto/4471190. ${NUMBER}`,
    ],
  ])('%s', (_case, text) => {
    const result = check(`jem & fix: ${text}`, JEMFIX_SENDER)
    const signs = result.redFlags.filter((f) => !f.id.startsWith('tip:')).map((f) => f.id)
    const wrong = result.findings.filter((f) => f.status !== 'official').map((f) => f.value)
    expect({ signs, wrong }).toEqual({ signs: [], wrong: [] })
    expect(result.verdict).toBe('official-contacts')
  })
})
