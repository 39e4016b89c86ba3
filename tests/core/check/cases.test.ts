import { describe, expect, it } from 'vitest'
import { check, findingFor } from '../../support/checker'

// One table per point of the checker's contract (issue 9). jem & fix contacts come from the
// real record; every other name, domain and number is fiction (reserved domains, the Swedish
// fiction ranges 08-465 004 xx, 031-390 06 xx and 070-174 06 05–99).

const JEMFIX_SENDER = 'jem & fix <noreply@jemfix.com>'

describe('ordinary numbers are not contact points', () => {
  it.each([
    ['a time', 'Vi levererar i morgon 14.30.'],
    ['a time with a colon', 'Vi levererar i morgon 14:30.'],
    ['opening hours', 'Butiken har öppet 8.00-17.00 alla dagar.'],
    ['opening hours with leading zeros', 'Öppet 08.00–17.00, lördag 08.30-16.30.'],
    ['a price with a decimal point', 'Summa 249.90 att betala i butik.'],
    ['a price in kronor', 'Priset är 1 249,90 kr inklusive moms.'],
    ['a price written 0:-', 'Frakt 0:- och hämtning 049 kr.'],
    ['an ISO date', 'Leveransdatum 2026-03-04.'],
    ['a dotted date', 'Leveransdatum 04.03.2026.'],
    ['a compact date', 'Beställd 20260301.'],
    ['an order number', 'Ditt ordernummer 4471190 är registrerat.'],
    ['an order number with a leading zero', 'Ordernummer: 0471190123.'],
    ['a customer number', 'Kundnummer 0846500401.'],
    ['an OCR number', 'Betala med OCR 0701740605.'],
    ['a reference', 'Ange referens 0313900601 vid betalning.'],
    ['an article number', 'Artikelnummer 0462852901.'],
    ['a postcode', 'Postnummer 0123 45 stämmer inte.'],
    ['a percentage', 'Rabatten är 0,5 % eller 15%.'],
    ['a version', 'Appen version 0.9.12 och v2.0.1.'],
  ])('%s', (_case, text) => {
    const result = check(text)
    expect(result.findings).toEqual([])
    expect(result.verdict).toBe('unknown')
  })

  it('keeps a genuine jem & fix receipt official', () => {
    const result = check(
      'Tack för din beställning hos jem & fix! Ordernummer 4471190, totalt 249,90 kr (varav moms 49.98). ' +
        'Hämtas från 2026-03-04 kl 14.30, butiken har öppet 8.00-17.00. Frågor? Ring 046-28 52 900.',
      JEMFIX_SENDER,
    )
    expect(result.findings.map((f) => [f.kind, f.status])).toEqual([
      ['email', 'official'],
      ['phone', 'official'],
    ])
    expect(result.verdict).toBe('official-contacts')
  })

  it.each([['0701740605'], ['070-174 06 05'], ['+46 70 174 06 05'], ['(031) 390 06 01']])(
    'still finds the phone number %s',
    (value) => {
      expect(findingFor(`Ring mig på ${value} i kväll`, value)).toMatchObject({ kind: 'phone' })
    },
  )

  // Found by the property test in properties.test.ts: ordinary numbers side by side.
  it.each([
    ['12.03 046-28 52 900', ['+46462852900']],
    ['04:07 2000-01-01 046-28 52 900', ['+46462852900']],
    ['09-12-2016 0,00 kr 046-28 52 900', ['+46462852900']],
    ['04.00-12.39 88 854 SEK 046-28 52 900', ['+46462852900']],
    ['kl 0 11.00-19.00 046-28 52 900', ['+46462852900']],
    ['kl 0 19900101 046-28 52 900', ['+46462852900']],
    ['0,00 kr 046-28 52 900', ['+46462852900']],
    ['kl 0 11566.78 0.00', []],
  ])('reads only the phone number in "%s"', (text, numbers) => {
    const found = check(`jem & fix ${text}.`).findings.filter((f) => f.kind === 'phone')
    expect(found.map((f) => f.normalized)).toEqual(numbers)
  })

  it('finds a phone number written with spaces around its hyphen', () => {
    expect(findingFor('Ring 046 - 28 52 900', '046 - 28 52 900').normalized).toBe('+46462852900')
  })

  it('finds a phone number after a word that asks you to call it', () => {
    expect(findingFor('Telefonnummer: 0701740605', '0701740605').kind).toBe('phone')
  })
})

describe('every link target is found and judged', () => {
  it.each([
    ['decimal IPv4', 'http://2130706433/login'],
    ['hex IPv4', 'http://0x7f.0.0.1/login'],
    ['octal IPv4', 'http://0177.0.0.1/login'],
    ['short IPv4', 'http://127.1/login'],
    ['IPv6', 'http://[2001:db8::1]/login'],
    ['a single label', 'http://localhost:8080/login'],
    ['a suffix outside the public suffix list', 'https://jemfix.kundservice/login'],
  ])('a link to %s is a finding, never official', (_case, value) => {
    const result = check(`jem & fix: logga in på ${value}`, JEMFIX_SENDER)
    const finding = result.findings.find((f) => f.value === value)
    expect(finding?.kind).toBe('url')
    expect(finding?.status).not.toBe('official')
    expect(result.verdict).toBe('suspicious')
  })

  it.each([
    ['U+3002', 'https://jemfix。com/login'],
    ['U+FF0E', 'https://jemfix．com/login'],
    ['U+FF61', 'https://jemfix｡com/login'],
    ['U+3002 without a scheme', 'jemfix。com/login'],
  ])('a host written with %s is read as a browser reads it, and never official', (_c, value) => {
    const finding = findingFor(`Logga in på ${value}`, value)
    expect(finding).toMatchObject({ kind: 'url', normalized: 'jemfix.com', company: 'jem-fix' })
    expect(finding.status).toBe('lookalike')
    expect(finding.reason).toMatch(/punkt/)
  })

  it('judges the target of an HTML link, not only its visible text', () => {
    const result = check(
      'jem & fix: <a href="https://konto-verifiering.example/login">Logga in här</a>',
      JEMFIX_SENDER,
    )
    const target = result.findings.find(
      (f) => f.value === 'https://konto-verifiering.example/login',
    )
    expect(target).toMatchObject({
      status: 'not-official',
      places: [{ source: 'link-target', value: 'https://konto-verifiering.example/login' }],
    })
    expect(result.verdict).toBe('suspicious')
  })

  it.each([
    [
      'an HTML link',
      '<a href="https://konto-verifiering.example/login">https://jemfix.com/login</a>',
    ],
    [
      'an HTML link in single quotes',
      "<a class='x' href='https://konto-verifiering.example/login'>jemfix.com</a>",
    ],
    ['a Markdown link', '[jemfix.com](https://konto-verifiering.example/login)'],
  ])('calls a visible official address over another target a lookalike (%s)', (_c, text) => {
    const result = check(`Logga in: ${text}`)
    const target = result.findings.find((f) => f.normalized === 'konto-verifiering.example')
    expect(target).toMatchObject({
      status: 'lookalike',
      company: 'jem-fix',
      code: 'shown-official',
    })
    expect(target?.reason).toMatch(/visar jemfix\.com.*leder till konto-verifiering\.example/)
    const shown = result.findings.find((f) => f.normalized === 'jemfix.com')
    expect(shown?.places.map((p) => p.source)).toEqual(['link-text'])
    expect(result.verdict).toBe('suspicious')
  })

  it.each([
    ['plain', 'https://jemfix.com/redirect?to=https://konto-verifiering.example/x'],
    ['percent-encoded', 'https://jemfix.com/r?u=https%3A%2F%2Fkonto-verifiering.example%2Fx&a=1'],
    ['encoded twice', 'https://jemfix.com/r?u=https%253A%252F%252Fkonto-verifiering.example%252Fx'],
    ['in the fragment', 'https://jemfix.com/#/go/https://konto-verifiering.example/x'],
  ])('finds a URL hidden in an official link (%s) and calls the message suspicious', (_c, url) => {
    const result = check(`jem & fix: ${url}`, JEMFIX_SENDER)
    const hidden = result.findings.find((f) => f.normalized === 'konto-verifiering.example')
    expect(hidden).toMatchObject({ kind: 'url', status: 'not-official', code: 'forwarded' })
    expect(hidden?.places[0]?.source).toBe('query')
    expect(hidden?.reason).toMatch(/jemfix\.com.*vidare/)
    expect(result.verdict).toBe('suspicious')
  })

  it.each([
    ['mailto:', 'mailto:kundtjanst@jemfix-support.example?subject=Order', 'email', 'lookalike'],
    ['tel:', 'tel:+46701740605', 'phone', 'not-official'],
    ['sms:', 'sms:0701740605?body=Hej', 'phone', 'not-official'],
  ])('reads a %s link', (_c, href, kind, status) => {
    const result = check(`jem & fix kundtjänst: <a href="${href}">kontakta oss</a>`)
    expect(result.findings).toEqual([expect.objectContaining({ kind, status })])
    expect(result.findings[0]?.places[0]).toEqual({ source: 'link-target', value: href })
  })

  it('reads the copy and blind-copy addresses of a mailto: link', () => {
    const result = check('<a href="mailto:kundtjanst@jemfix.com?cc=info@konto.example">Mejla</a>')
    expect(result.findings.map((f) => [f.normalized, f.status])).toEqual([
      ['kundtjanst@jemfix.com', 'official'],
      ['info@konto.example', 'not-official'],
    ])
  })

  it('finds a link inside an HTML attribute without quotes', () => {
    const result = check('jem & fix: <a href=https://konto-verifiering.example/x>klicka</a>')
    expect(result.findings.map((f) => f.normalized)).toEqual(['konto-verifiering.example'])
  })
})

describe('lookalikes', () => {
  it.each([
    ['jcmf1x.com', 'c for e and 1 for i'],
    ['jcmflx.com', 'c for e and l for i'],
    ['jennfix.com', 'nn for m'],
    ['jennflx.com', 'nn for m and l for i'],
    ['jerrfix.com', 'rr for m'],
    ['exempe1bo1aget.example', 'two 1s for l'],
  ])('catches %s (%s)', (value) => {
    const finding = findingFor(`Gå till ${value} nu`, value)
    expect(finding.status).toBe('lookalike')
    expect(finding.reason).toMatch(/tecken som liknar/)
  })

  it.each([
    ['jem.fix.com', 'jemfix'],
    ['j.emfix.com', 'jemfix'],
    ['jemf.ix.example', 'jemfix'],
  ])('catches labels that rejoin into the brand: %s', (value) => {
    const finding = findingFor(`Gå till ${value} nu`, value)
    expect(finding).toMatchObject({ status: 'lookalike', company: 'jem-fix' })
    expect(finding.reason).toMatch(/delat med punkter/)
  })

  it.each([
    ['ʝemfix.com', 'j with crossed tail'],
    ['jeᴍfix.com', 'small capital M'],
    ['ʝeᴍfix.com', 'both at once'],
    ['ʝemfɩx.com', 'j with crossed tail and IPA iota'],
    ['ĵemƒiẋ.com', 'letters with marks and hooks'],
    ['ƿʀovbutiken.example', 'wynn and small capital R'],
  ])('catches %s (%s) as letters that only look alike', (value) => {
    const finding = findingFor(`Gå till ${value} nu`, value)
    expect(finding.status).toBe('lookalike')
    expect(finding.reason).toMatch(/tecken som liknar/)
  })

  it.each([
    ['https://jemfix.web.app/login', 'Firebase'],
    ['https://jemfix-kundservice.netlify.app/', 'Netlify'],
    ['https://jemfix.pages.dev/', 'Cloudflare Pages'],
    ['https://jemfix.github.io/', 'GitHub Pages'],
    ['https://kampanj.wixsite.com/jemfix', 'Wix'],
    ['https://sites.google.com/view/jemfix-kundtjanst', 'Google Sites'],
  ])('calls %s on a free hosting service a lookalike naming the service', (value, service) => {
    const finding = findingFor(`Gå till ${value} nu`, value)
    expect(finding).toMatchObject({ status: 'lookalike', company: 'jem-fix', code: 'hosted' })
    expect(finding.reason).toContain(service)
  })

  it('leaves a hosted site without the brand alone when no company is involved', () => {
    const result = check('Se bilderna på https://semesterbilder.netlify.app/')
    expect(result.findings[0]).toMatchObject({ status: 'unknown' })
    expect(result.verdict).toBe('unknown')
  })
})

describe('SMS sender names', () => {
  it('reads JEMFIX as a sender name, never a social account, and says it can be faked', () => {
    const result = check('Ditt paket väntar.', 'JEMFIX')
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'sender-id', value: 'JEMFIX', status: 'unknown' }),
    ])
    expect(result.findings[0]?.reason).toMatch(/vem som helst/)
    expect(result.findings[0]?.reason).not.toMatch(/konto/i)
    expect(result.company?.slug).toBe('jem-fix')
  })

  it.each(['Provbanken', 'PROVBANKEN'])(
    'calls a listed sender name %s official but says that proves nothing by itself',
    (sender) => {
      const finding = check('Din kod är 123456.', sender).findings[0]
      expect(finding).toMatchObject({
        kind: 'sender-id',
        status: 'official',
        company: 'provbanken',
      })
      expect(finding?.reason).toMatch(/vem som helst/)
    },
  )

  it('calls another sender name not official when the company lists its own', () => {
    const finding = check('Provbanken: ditt kort är spärrat.', 'PROVBANK-SE').findings[0]
    expect(finding).toMatchObject({ kind: 'sender-id', status: 'not-official' })
    expect(finding?.reason).toContain('PROVBANKEN')
  })

  it('does not take a sender name alone as proof of a genuine message', () => {
    expect(check('Välkommen som kund!', 'PROVBANKEN').verdict).toBe('unknown')
  })

  it('keeps a message from a listed sender with official contacts official', () => {
    expect(check('Frågor? Ring 031-390 06 00.', 'PROVBANKEN').verdict).toBe('official-contacts')
  })

  it('still reads a 12-character sender with an underscore as a handle', () => {
    expect(check('Följ oss på Instagram', 'jemfix_sverige').findings[0]?.kind).toBe('handle')
  })
})

describe('one finding per contact point', () => {
  it('merges the sender address and the same address in the text, listing both places', () => {
    const result = check('Svara till noreply@jemfix.com om du har frågor.', JEMFIX_SENDER)
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]?.places).toEqual([
      { source: 'sender', value: 'noreply@jemfix.com' },
      { source: 'text', value: 'noreply@jemfix.com' },
    ])
  })

  it('merges one number written two ways', () => {
    const result = check('Ring 046-28 52 900 eller +46 46 285 29 00.')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]?.places.map((p) => p.value)).toEqual([
      '046-28 52 900',
      '+46 46 285 29 00',
    ])
  })

  it('merges two links to the same lookalike domain', () => {
    const result = check('https://jemfix-tull.example/a och https://jemfix-tull.example/b')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]?.places).toHaveLength(2)
  })
})

describe('words that fit the case', () => {
  it.each([
    ['a login page of the official site', 'jem & fix: din order finns på https://jemfix.com/login'],
    [
      'a BankID domain named in a link',
      'jem & fix: läs om säkerhet på https://jemfix.com/bankid-info',
    ],
  ])('reads warning signs in the words of a message, not of its links: %s', (_case, text) => {
    const result = check(text, JEMFIX_SENDER)
    expect(result.redFlags.filter((f) => !f.id.startsWith('tip:'))).toEqual([])
    expect(result.verdict).toBe('official-contacts')
  })

  it('does not call a greeting alone a red flag', () => {
    const result = check('Hej mamma, jag kommer hem vid sex')
    expect(result.redFlags).toEqual([])
    expect(result.verdict).toBe('unknown')
  })

  it('still flags the "hej mamma" scam by what it asks for', () => {
    const result = check('Hej mamma, detta är mitt nya nummer. Kan du swisha 1500 kr?')
    expect(result.redFlags.map((f) => f.id)).toEqual(['new-number', 'money-transfer'])
  })
})
