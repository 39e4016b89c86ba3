import { describe, expect, it } from 'vitest'
import { check, findingFor } from '../../support/checker'

// The jem & fix contacts come from the real record; every other name and number is fiction
// (reserved domains and the Swedish fiction ranges 08-465 004 xx and 040-628 04 xx).

describe('links and domains', () => {
  it.each([
    ['https://jemfix.com/kundservice'],
    ['HTTPS://WWW.JEMFIX.COM./kundservice'],
    ['https://shop.jemfix.com/order'],
    ['jemfix.com/kontakt'],
  ])('judges %s official', (value) => {
    const finding = findingFor(`jem & fix: se ${value} för info`, value)
    expect(finding).toMatchObject({
      status: 'official',
      company: 'jem-fix',
      normalized: 'jemfix.com',
    })
  })

  it('catches the userinfo trick: everything before @ is ignored', () => {
    const finding = findingFor(
      'Logga in: https://jemfix.com@evil.example/login',
      'https://jemfix.com@evil.example/login',
    )
    expect(finding).toMatchObject({
      kind: 'url',
      status: 'lookalike',
      normalized: 'evil.example',
      company: 'jem-fix',
    })
    expect(finding.reason).toMatch(/före @/)
  })

  it('catches the brand as a subdomain of another domain', () => {
    const value = 'https://jemfix.com.order-verify.example/x'
    expect(findingFor(`Order: ${value}`, value)).toMatchObject({
      status: 'lookalike',
      normalized: 'order-verify.example',
    })
  })

  it('catches a stacked suffix, grouped under its owner (com.se is a private suffix)', () => {
    expect(findingFor('Se jemfix.com.se idag', 'jemfix.com.se')).toMatchObject({
      status: 'lookalike',
      normalized: 'jemfix.com.se',
      code: 'stacked',
    })
  })

  it('catches the brand plus words', () => {
    const finding = findingFor(
      'Din present: https://jemfix-present.example/abc',
      'https://jemfix-present.example/abc',
    )
    expect(finding.status).toBe('lookalike')
    expect(finding.reason).toMatch(/innehåller namnet/)
  })

  it('catches a TLD swap', () => {
    const finding = findingFor('Besök jemfix.net', 'jemfix.net')
    expect(finding).toMatchObject({ status: 'lookalike', company: 'jem-fix' })
    expect(finding.reason).toMatch(/samma namn/)
  })

  it.each([
    ['jemfx.com', /saknar en bokstav/],
    ['jemfiax.com', /extra bokstav/],
    ['jemfik.com', /utbytt bokstav/],
    ['jemmfix.com', /dubblerad/],
    ['jmefix.com', /bytt plats/],
    ['jemfiy.com', /bitsquatting/],
    ['jemfax.com', /vokal/],
    ['jem-fix.com', /bindestreck/],
    ['jemfixa.com', /på slutet/],
    ['jernfix.com', /liknar de rätta/],
    ['jemfιx.com', /liknar de rätta/],
  ])('catches the permutation %s', (value, reason) => {
    const finding = findingFor(`Gå till ${value} nu`, value)
    expect(finding.status).toBe('lookalike')
    expect(finding.company).toBe('jem-fix')
    expect(finding.reason).toMatch(reason)
  })

  it('converts an internationalized lookalike to punycode and shows it decoded', () => {
    const finding = findingFor('Gå till jеmfix.com nu', 'jеmfix.com')
    expect(finding.normalized).toBe('xn--jmfix-zwe.com')
    expect(finding.reason).toContain('(jеmfix.com)')
    expect(finding.status).toBe('lookalike')
  })

  it('calls a link shortener not official because it hides the destination', () => {
    const finding = findingFor('Klicka bit.ly/3xyzAB', 'bit.ly/3xyzAB')
    expect(finding).toMatchObject({ status: 'not-official', normalized: 'bit.ly' })
    expect(finding.reason).toMatch(/döljer/)
  })

  it('calls an unrelated domain not official when the message names a company', () => {
    const finding = findingFor(
      'jem & fix: betala på https://paket-avgift.example/se',
      'https://paket-avgift.example/se',
    )
    expect(finding).toMatchObject({ status: 'not-official', company: 'jem-fix' })
  })

  it('leaves an unrelated domain unknown when no company is involved', () => {
    const result = check('Läs mer på https://nyheter.example.com/artikel')
    expect(result.findings[0]).toMatchObject({ status: 'unknown', company: null })
    expect(result.verdict).toBe('unknown')
  })

  it('never calls an official domain followed by another domain official', () => {
    const finding = findingFor('Se jemfix.com.evil.example', 'jemfix.com.evil.example')
    expect(finding.status).not.toBe('official')
  })

  it('recognizes lookalikes of fictional companies too', () => {
    expect(findingFor('Hej från exempelbolagett.se', 'exempelbolagett.se')).toMatchObject({
      status: 'lookalike',
      company: 'exempelbolaget',
    })
  })
})

describe('e-mail addresses', () => {
  it('judges an address at the official domain official, lowercased', () => {
    expect(findingFor('Mejla KUNDTJANST@JEMFIX.COM', 'KUNDTJANST@JEMFIX.COM')).toMatchObject({
      kind: 'email',
      status: 'official',
      normalized: 'kundtjanst@jemfix.com',
    })
  })

  it('reads a sender written as Name <address>', () => {
    const result = check('Din order är skickad.', 'jem & fix <noreply@jemfix.com>')
    expect(result.findings).toEqual([
      expect.objectContaining({ value: 'noreply@jemfix.com', status: 'official' }),
    ])
    expect(result.company).toEqual({ slug: 'jem-fix', name: 'jem & fix' })
    expect(result.verdict).toBe('official-contacts')
  })

  it('never calls a free-mail address official, even with the company name in it', () => {
    const result = check('Din order är skickad.', '"jem & fix" <jemfix.support@gmail.com>')
    expect(result.findings[0]).toMatchObject({ status: 'not-official', company: 'jem-fix' })
    expect(result.findings[0]?.reason).toMatch(/gratis e-posttjänst/)
    expect(result.verdict).toBe('suspicious')
  })

  it('catches a lookalike e-mail domain', () => {
    expect(findingFor('Svara till info@jemfix-support.com', 'info@jemfix-support.com').status).toBe(
      'lookalike',
    )
  })
})

describe('phone numbers', () => {
  it.each(['046-28 52 900', '+46 46 285 29 00', '0046462852900', '046 285 29 00'])(
    'judges %s official (exact E.164 match)',
    (value) => {
      expect(findingFor(`Ring ${value} idag`, value)).toMatchObject({
        kind: 'phone',
        status: 'official',
        normalized: '+46462852900',
        company: 'jem-fix',
      })
    },
  )

  it('calls a number one digit off a lookalike', () => {
    const finding = findingFor('Ring 046-28 52 901', '046-28 52 901')
    expect(finding).toMatchObject({ status: 'lookalike', company: 'jem-fix' })
    expect(finding.reason).toMatch(/en siffra/)
  })

  it('calls a number with two digits swapped a lookalike', () => {
    expect(findingFor('Ring 046-28 52 090', '046-28 52 090').reason).toMatch(/två siffror/)
  })

  it('calls an unrelated number not official when jem & fix is named', () => {
    expect(findingFor('jem & fix kundtjänst: ring 040-628 04 00', '040-628 04 00')).toMatchObject({
      status: 'not-official',
      company: 'jem-fix',
    })
  })

  it('judges a fictional company’s number official', () => {
    expect(findingFor('Ring 08-465 004 00', '08-465 004 00')).toMatchObject({
      status: 'official',
      company: 'exempelbolaget',
    })
  })
})

describe('social handles', () => {
  it.each([
    ['https://www.facebook.com/jemofixsverige', 'facebook:jemofixsverige'],
    ['instagram.com/jemfix.se', 'instagram:jemfix.se'],
  ])('judges the profile link %s official', (value, normalized) => {
    expect(findingFor(`Följ oss: ${value}`, value)).toMatchObject({
      kind: 'handle',
      status: 'official',
      normalized,
    })
  })

  it('reads @handle with the platform named nearby', () => {
    expect(findingFor('Följ oss på Instagram @jemfix.se', '@jemfix.se')).toMatchObject({
      status: 'official',
    })
  })

  it('reads a bare handle that looks like a domain after the platform name', () => {
    expect(findingFor('På Instagram heter vi jemfix.se', 'jemfix.se')).toMatchObject({
      kind: 'handle',
      status: 'official',
    })
  })

  it.each([
    ['Instagram: jemfix.se'],
    ['Följ oss på Instagram jemfix.se'],
    ['På Instagram heter vi jemfix.se'],
    ['Instagram – jemfix.se'],
    ['På Instagram, där vi heter jemfix.se, visar vi nyheter'],
  ])('reads %s, where an account name goes, as the account alone', (text) => {
    expect(check(text).findings.map((f) => [f.kind, f.status])).toEqual([['handle', 'official']])
  })

  it('reads a sender line that is an account name as the account alone', () => {
    const result = check('Hej! Vi på Instagram har en present till dig.', 'jemfix.se')
    expect(result.findings.map((f) => [f.kind, f.status])).toEqual([['handle', 'official']])
  })

  it('reads the same name further from the platform as the account and as a web address', () => {
    const result = check('Följ oss på Instagram och gå sedan till jemfix.se')
    expect(result.findings.map((f) => [f.kind, f.normalized, f.status])).toEqual([
      ['handle', 'instagram:jemfix.se', 'official'],
      ['domain', 'jemfix.se', 'lookalike'],
    ])
    expect(result.verdict).toBe('suspicious')
  })

  it.each(['facebook.com/jemfix_sverige', 'instagram.com/jemfix.sverige.official'])(
    'calls %s a lookalike',
    (value) => {
      const finding = findingFor(`Följ ${value}`, value)
      expect(finding.status).toBe('lookalike')
      expect(finding.reason).toMatch(/det officiella heter/)
    },
  )

  it('calls the Instagram handle used on Facebook a lookalike', () => {
    const finding = findingFor('Skriv till oss på Facebook @jemfix.se', '@jemfix.se')
    expect(finding).toMatchObject({ status: 'lookalike', normalized: 'facebook:jemfix.se' })
  })
})

describe('company and verdict', () => {
  it.each(['JEM OCH FIX', 'Jem o Fix', 'jem&fix', 'Jemfix'])(
    'recognizes the company written %s',
    (name) => {
      expect(check(`Hej från ${name}! Vi har ett erbjudande.`).company?.slug).toBe('jem-fix')
    },
  )

  it('recognizes the company by its contacts alone', () => {
    const result = check('Ring oss på 046-28 52 900 om du har frågor.')
    expect(result.company?.slug).toBe('jem-fix')
    expect(result.verdict).toBe('official-contacts')
    expect(result.alerts[0]?.id).toBe('jem-fix-2026-02-28')
  })

  it('adds the company’s own tips to the red flags', () => {
    const result = check('jem & fix: ring 046-28 52 900')
    expect(
      result.redFlags.some(
        (f) => f.id.startsWith('tip:jem-fix:') && f.text.includes('@jemfix.com'),
      ),
    ).toBe(true)
  })

  it('stays unknown for a message that names a company but holds no contact point', () => {
    expect(check('Hej från jem & fix, tack för ditt köp!').verdict).toBe('unknown')
  })

  it('stays unknown for an ordinary message', () => {
    const result = check('Hej! Vi ses på fredag vid sju.')
    expect(result).toEqual({
      verdict: 'unknown',
      company: null,
      findings: [],
      redFlags: [],
      alerts: [],
    })
  })

  it('flags "hej mamma, nytt nummer, swisha" without any company', () => {
    const result = check(
      'Hej mamma, jag har tappat mobilen och har nytt nummer. Kan du swisha 1500 kr?',
    )
    expect(result.verdict).toBe('suspicious')
    expect(result.company).toBeNull()
    expect(result.redFlags.map((f) => f.id)).toEqual(
      expect.arrayContaining(['new-number', 'money-transfer']),
    )
  })

  it.each([
    ['Ange ditt personnummer för att få paketet.', 'personnummer'],
    // Skatteverket's well-known test person (Tolvan Tolvansson): a valid date and check digit.
    ['Svara med 19121212-1212 så skickar vi paketet.', 'personnummer'],
    ['Uppdatera ditt kortnummer och CVC.', 'card-details'],
    ['Legitimera dig med BankID för att ta emot pengarna.', 'bankid'],
    ['Logga in här för att betala tullen: https://tull-avgift.example/x', 'link-payment-or-login'],
    ['Ditt konto spärras inom 24 timmar om du inte svarar.', 'urgent-deadline'],
    ['Grattis! Du har vunnit ett presentkort.', 'prize'],
  ])('fires the warning pattern in "%s"', (text, id) => {
    const result = check(text)
    expect(result.redFlags.map((f) => f.id)).toContain(id)
    expect(result.verdict).toBe('suspicious')
  })

  it('is suspicious when an official and a lookalike contact are mixed', () => {
    const result = check('jem & fix: ring 046-28 52 900 eller gå till jemfix-kampanj.example')
    expect(result.verdict).toBe('suspicious')
    expect(result.findings.map((f) => f.status).sort()).toEqual(['lookalike', 'official'])
  })

  it('is official-contacts only when every contact is official and nothing fires', () => {
    const result = check(
      'jem & fix kundtjänst nås på 046-28 52 900 och kundtjanst@jemfix.com. Följ oss på Facebook: facebook.com/jemofixsverige',
    )
    expect(result.findings.every((f) => f.status === 'official')).toBe(true)
    expect(result.verdict).toBe('official-contacts')
  })
})

describe('official contacts in unusual formats stay official', () => {
  it.each([
    'Ring +46 (0)46-28 52 900',
    'Ring 046/285 29 00',
    'Ring +46462852900',
    'Ring 046–28 52 900',
    'Ring (046) 28 52 900',
    'Mejla Kundtjanst@JemFix.Com',
    'Se WWW.JEMFIX.COM',
    'Se https://jemfix.com:443/x',
    'facebook.com/JemOFixSverige',
    'https://m.facebook.com/jemofixsverige',
    'www.instagram.com/jemfix.se/',
  ])('%s', (text) => {
    const result = check(text)
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]?.status).toBe('official')
    expect(result.verdict).toBe('official-contacts')
  })
})

describe('phone numbers next to links', () => {
  it('finds the number and ignores digits inside links', () => {
    const result = check(
      'Ring 046-28 52 900 eller 192.0.2.1/login?id=0462852901 eller https://example.com/08465004',
    )
    expect(result.findings.filter((f) => f.kind === 'phone').map((f) => f.normalized)).toEqual([
      '+46462852900',
    ])
  })
})
