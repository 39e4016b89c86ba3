import { describe, expect, it } from 'vitest'
import { redFlagsOf } from '../../../src/core/check/red-flags'

function fired(text: string, hasLink = false) {
  return redFlagsOf(text, hasLink).map((f) => f.id)
}

describe('redFlagsOf', () => {
  it.each([
    // Skatteverket's test person: a valid date and check digit.
    ['a personnummer written out', 'Svara med 19121212-1212', 'personnummer'],
    ['a short personnummer', 'Svara med 121212-1212', 'personnummer'],
    ['a samordningsnummer (day + 60)', 'Svara med 701063-2391', 'personnummer'],
    ['a deadline', 'Om du inte svarar inom 24 timmar stängs ditt konto', 'urgent-deadline'],
    ['"hör av dig inom"', 'Hör av dig inom 2 dagar', 'urgent-deadline'],
    ['an account that closes', 'Kontot stängs i dag', 'urgent-deadline'],
    ['a card', 'Ditt bankkort har spärrats', 'card-details'],
    ['card details after "betalkort"', 'Ange dina betalkortsuppgifter', 'card-details'],
    ['a gift card promised', 'Hämta ditt presentkort', 'prize'],
    ['a call-forwarding code', 'Slå *21*0701740605# och tryck ring', 'call-forwarding'],
    ['a call-forwarding code (register)', 'Slå **67*+46701740605#', 'call-forwarding'],
    [
      'a request after the denial',
      'Vi ber aldrig om ditt lösenord, men ange ditt personnummer här',
      'personnummer',
    ],
    ['a request in the next sentence', 'Vi ber aldrig om pengar. Ange ditt BankID.', 'bankid'],
    [
      'a person\'s "I would never ask"',
      'Hej mamma, jag skulle aldrig be dig om det här om det inte var akut, kan du swisha 2000 kr',
      'money-transfer',
    ],
    [
      'a person\'s "I never ask"',
      'Hej pappa, jag ber dig aldrig om något, swisha 500 kr nu',
      'money-transfer',
    ],
    [
      'a request after a dash',
      'Vi ber aldrig om pengar i onödan – ange ditt personnummer här',
      'personnummer',
    ],
    // "ber inte om" is a denial, but not one that ends in "bara …"
    ['a request after "bara"', 'Vi ber inte om mycket, bara ditt kortnummer', 'card-details'],
    [
      'a person\'s "I do not ask"',
      'Hej mamma, jag ber inte om mycket, men swisha 500 kr',
      'money-transfer',
    ],
    ['a gift card promised, activated later', 'Ditt presentkort väntar. Det är aktiverat', 'prize'],
  ])('fires for %s', (_case, text, id) => {
    expect(fired(text)).toContain(id)
  })

  it.each([
    ['an organisation number', 'org.nr 556123-4567'],
    ['a wrong check digit', 'Svara med 19850101-1234'],
    ['no such date', 'Order 20261332-1234'],
    ['a delivery window', 'Paketet skickas normalt inom 2 dagar.'],
    ["the company's reply time", 'Vi svarar inom 24 timmar.'],
    ['a shop that closes', 'Butiken stängs kl 18. Lagret stängs för inventering.'],
    ['a receipt paid by card', 'Betalsätt: Betalkort. Betalt med presentkort.'],
    [
      "the company's own denial",
      'Vi ber aldrig om ditt personnummer, BankID eller kortnummer. Lämna aldrig ut din CVC.',
    ],
    ['the English denial', 'We will never ask for your card number or BankID.'],
    ['a denial in the future tense', 'Vi kommer aldrig att be dig om ditt personnummer.'],
    ['Markdown bold around a number', 'Öppet **21** dagar'],
  ])('does not fire for %s', (_case, text) => {
    expect(fired(text)).toEqual([])
  })

  it('fires the payment sign only with a link that is not official', () => {
    expect(fired('Tack för din betalning', false)).toEqual([])
    expect(fired('Tack för din betalning', true)).toEqual(['link-payment-or-login'])
  })

  it('reads 10,000 characters of near-misses in linear time', () => {
    const units = [
      'skickas normalt inom ',
      'ber aldrig om ',
      '121212-1212 ',
      '*21*',
      'е',
      'e\u0301',
    ]
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000)
      const started = performance.now()
      redFlagsOf(text, true)
      // Pathological slowness only (a quadratic step takes seconds); figures are in the bench.
      expect(performance.now() - started).toBeLessThan(500)
    }
  })
})
