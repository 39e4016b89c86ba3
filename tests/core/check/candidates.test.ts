import { describe, expect, it } from 'vitest'
import { extractContacts, extractSender, LIMITS } from '../../../src/core/check'

/** kind, value and source of each candidate: the shape a table can show. */
function brief(text: string) {
  return extractContacts(text).candidates.map((c) => [c.kind, c.value, c.evidence.source])
}

describe('extractContacts', () => {
  it('needs no records: it is the first stage and consults no later one', () => {
    expect(extractContacts.length).toBe(1)
  })

  it.each([
    ['a link', 'Se https://jemfix.com/x.', [['url', 'https://jemfix.com/x', 'text']]],
    ['a bare domain', 'Se jemfix.com idag', [['domain', 'jemfix.com', 'text']]],
    ['a www. address', 'Se www.jemfix.com', [['domain', 'www.jemfix.com', 'text']]],
    ['an e-mail address', 'Mejla info@jemfix.com', [['email', 'info@jemfix.com', 'text']]],
    ['a phone number', 'Ring 046-28 52 900', [['phone', '046-28 52 900', 'text']]],
    ['an @handle', 'Instagram @jemfix.se', [['handle', '@jemfix.se', 'text']]],
    [
      'a profile link',
      'facebook.com/jemofixsverige',
      [['handle', 'facebook.com/jemofixsverige', 'text']],
    ],
    [
      'a handle after a platform name',
      'Instagram: jemfix_sverige',
      [['handle', 'jemfix_sverige', 'text']],
    ],
    ['a decimal IPv4 link', 'http://2130706433/x', [['url', 'http://2130706433/x', 'text']]],
    ['a dotted quad with a path', 'Gå till 185.0.2.7/login', [['url', '185.0.2.7/login', 'text']]],
    ['a mailto: link', 'mailto:info@jemfix.com', [['email', 'mailto:info@jemfix.com', 'text']]],
    ['a tel: link', 'tel:+46462852900', [['phone', 'tel:+46462852900', 'text']]],
    ['a link with Unicode full stops', 'jemfix。com/x', [['url', 'jemfix。com/x', 'text']]],
    [
      'an HTML link and its text',
      '<a href="https://evil.example/">jemfix.com</a>',
      [
        ['url', 'https://evil.example/', 'link-target'],
        ['domain', 'jemfix.com', 'link-text'],
      ],
    ],
    [
      'a Markdown link and its text',
      '[Ring 0701740605](tel:0701740605)',
      [
        ['phone', 'tel:0701740605', 'link-target'],
        ['phone', '0701740605', 'link-text'],
      ],
    ],
    [
      'a link inside a link',
      'https://jemfix.com/r?to=https://evil.example/x',
      [
        ['url', 'https://jemfix.com/r?to=https://evil.example/x', 'text'],
        ['url', 'https://evil.example/x', 'query'],
      ],
    ],
    [
      'a link in an sms: body',
      'sms:0701740605?body=https%3A%2F%2Fevil.example',
      [
        ['phone', 'sms:0701740605?body=https%3A%2F%2Fevil.example', 'text'],
        ['url', 'https://evil.example', 'query'],
      ],
    ],
    [
      'every recipient of an sms: link (; or ,)',
      'sms:0701740605;0701740606,0701740607?body=JA',
      [
        ['phone', 'sms:0701740605', 'text'],
        ['phone', 'sms:0701740606', 'text'],
        ['phone', 'sms:0701740607', 'text'],
      ],
    ],
    [
      'a tel: link with an extension parameter',
      'tel:+46462852900;ext=12',
      [['phone', 'tel:+46462852900;ext=12', 'text']],
    ],
    [
      'the number of a call-forwarding code in a tel: link',
      'tel:**21*0701740605%23',
      [['phone', 'tel:**21*0701740605%23', 'text']],
    ],
  ])('finds %s', (_case, text, expected) => {
    expect(brief(text)).toEqual(expected)
  })

  it.each(['Org.nr 556123-4567', 'Tel.nr: 046-28 52 900', 'art.nr. 12345'])(
    'reads no domain in the abbreviation of "%s"',
    (text) => {
      expect(brief(text).filter(([kind]) => kind === 'domain')).toEqual([])
    },
  )

  it('reads an sms: link to thousands of recipients within the limit of validations', () => {
    const recipients = Array.from(
      { length: 800 },
      (_, i) => `07017406${String(i).padStart(2, '0')}`,
    )
    const extraction = extractContacts(`sms:${recipients.join(';')}`)
    expect(extraction.candidates.length).toBeLessThanOrEqual(LIMITS.phoneParses)
    expect(extraction.truncated).toBe(true)
  })

  it('still reads a brand under .nr as a domain', () => {
    expect(brief('Logga in på jemfix.nr')).toEqual([['domain', 'jemfix.nr', 'text']])
  })

  it.each([
    [
      'times, dates, prices and references',
      'Kl 14.30 den 2026-03-04, 249.90 kr, ordernummer 4471190',
    ],
    ['a numeric host without a scheme', 'Vi ses 14.30 eller 192.0.2.1'],
    ['a dotless host without a scheme', 'localhost eller jemfix'],
    ['plain words after a platform name', 'Följ oss på Instagram för fler erbjudanden'],
    ['digits inside a link', 'https://a.example/0701740605'],
  ])('finds nothing but what it should in %s', (_case, text) => {
    expect(brief(text).filter(([kind]) => kind === 'phone' || kind === 'handle')).toEqual([])
    expect(brief(text).filter(([, value]) => !String(value).includes('a.example'))).toEqual([])
  })

  it('carries its evidence: scheme, the word before, the platform named, the link around it', () => {
    const text = 'Läs villkoren och klicka https://jemfix.com/r?to=https://evil.example/x'
    const [outer, inner] = extractContacts(text).candidates
    expect(outer?.evidence).toEqual({
      source: 'text',
      at: text.indexOf('https'),
      scheme: 'https',
      wordBefore: 'klicka',
      platformNamed: null,
      forwardsTo: ['evil.example'],
    })
    expect(inner?.evidence).toMatchObject({ source: 'query', insideHost: 'jemfix.com' })
  })

  it('says which address a link shows over its target', () => {
    const [target] = extractContacts(
      '<a href="https://evil.example/">https://jemfix.com/</a>',
    ).candidates
    expect(target?.evidence.shownHost).toBe('jemfix.com')
  })

  it('keeps each candidate once and stops at the limit, saying so', () => {
    const many = Array.from({ length: LIMITS.candidates + 5 }, (_, i) => `https://a${i}.example/`)
    const { candidates, truncated } = extractContacts([...many, ...many].join(' '))
    expect(candidates).toHaveLength(LIMITS.candidates)
    expect(truncated).toBe(true)
    expect(extractContacts('https://a.example/ '.repeat(500)).candidates).toHaveLength(1)
  })
})

describe('extractContacts: link targets that are no readable web link', () => {
  it.each([
    ['javascript:', '<a href="javascript:alert(1)">x</a>', 'other-scheme'],
    ['data:', '<a href="data:text/html,hej">x</a>', 'other-scheme'],
    ['an unknown character reference', '<a href="https&foo;//a.example/">x</a>', 'unreadable'],
    ['a relative path', '<a href="/order">x</a>', 'unreadable'],
    ['a mailto: that names no address', '[x](mailto:hej)', 'unreadable'],
  ])('%s is a link finding that says what is wrong', (_case, text, problem) => {
    expect(extractContacts(text).candidates).toMatchObject([
      { kind: 'unread-link', problem, evidence: { source: 'link-target' } },
    ])
  })

  it.each([
    ['an empty href', '<a href="">x</a>'],
    ['a link to a place on the page', '<a href="#top">x</a>'],
    ['a mailto: share link without a recipient', '<a href="mailto:?subject=Tips">x</a>'],
    ['an sms: share link without a recipient', '<a href="sms:?body=Hej">x</a>'],
  ])('%s gives nothing to judge', (_case, text) => {
    expect(extractContacts(text).candidates).toEqual([])
  })

  it('reads a link longer than LIMITS.tokenChars as one too long to read, and says so', () => {
    const extraction = extractContacts(`Se https://a.example/${'x'.repeat(LIMITS.tokenChars)} nu`)
    expect(extraction.candidates).toMatchObject([{ kind: 'unread-link', problem: 'too-long' }])
    expect(extraction.truncated).toBe(true)
  })

  it('reads a link inside a profile link', () => {
    expect(brief('https://www.facebook.com/jemfix?next=https://evil.example/x')).toEqual([
      ['handle', 'https://www.facebook.com/jemfix?next=https://evil.example/x', 'text'],
      ['url', 'https://evil.example/x', 'query'],
    ])
  })

  it('reads the address out of a mailto: with a display name', () => {
    expect(
      extractContacts('<a href="mailto:Jem%20%3Ca@b.example%3E">x</a>').candidates,
    ).toMatchObject([{ kind: 'email', address: 'a@b.example' }])
  })

  it('reads every mailto: recipient up to its limit, and marks more than that as truncated', () => {
    const mailto = (n: number) =>
      `<a href="mailto:${Array.from({ length: n }, (_, i) => `a${i}@b.example`).join(',')}">x</a>`
    const atLimit = extractContacts(mailto(LIMITS.mailtoRecipients))
    expect(atLimit.candidates).toHaveLength(LIMITS.mailtoRecipients)
    expect(atLimit.truncated).toBe(false)
    expect(extractContacts(mailto(LIMITS.mailtoRecipients + 1)).truncated).toBe(true)
  })

  it('marks a message with links nested deeper than it follows as truncated', () => {
    let link = 'https://c.example/'
    for (let i = 0; i <= LIMITS.nestedDepth; i++)
      link = `https://a.example/r?u=${encodeURIComponent(link)}`
    expect(extractContacts(link).truncated).toBe(true)
    expect(extractContacts('https://a.example/r?u=https://c.example/').truncated).toBe(false)
  })
})

describe('extractSender', () => {
  it.each([
    ['JEMFIX', [['sender-id', 'JEMFIX']]],
    ['jem & fix', [['sender-id', 'jem & fix']]],
    ['72456', [['sender-id', '72456']]],
    [
      'jemfix.se',
      [
        ['domain', 'jemfix.se'],
        ['sender-id', 'jemfix.se'],
      ],
    ],
    ['jem & fix <noreply@jemfix.com>', [['email', 'noreply@jemfix.com']]],
    ['+46 46 285 29 00', [['phone', '+46 46 285 29 00']]],
    ['@jemfix.se', [['handle', '@jemfix.se']]],
    ['jemfix_sverige', [['handle', 'jemfix_sverige']]],
    ['Exempelbolaget Sverige', []],
    // FICTION: evil.example stands for the scammers' address.
    ['"jem & fix <noreply@jemfix.com>" <x@evil.example>', [['email', 'x@evil.example']]],
    [
      'jem & fix <noreply@jemfix.com> <x@evil.example>',
      [
        ['email', 'noreply@jemfix.com'],
        ['email', 'x@evil.example'],
      ],
    ],
    [
      'x@evil.example (noreply@jemfix.com)',
      [
        ['email', 'x@evil.example'],
        ['email', 'noreply@jemfix.com'],
      ],
    ],
    [
      'noreply@jemfix.com\nReply-To: x@evil.example',
      [
        ['email', 'noreply@jemfix.com'],
        ['email', 'x@evil.example'],
      ],
    ],
    ['jem & fix noreply@jemfix.com', [['email', 'noreply@jemfix.com']]],
  ])('reads the sender %s', (sender, expected) => {
    const { candidates } = extractSender(sender, 'Ditt paket väntar.')
    expect(candidates.map((c) => [c.kind, c.value])).toEqual(expected)
  })

  it('never reads a short sender name as a social account', () => {
    expect(extractSender('JEMFIX', 'Följ oss på Instagram').candidates[0]?.kind).toBe('sender-id')
  })

  it('gives the display name and a sender name as names a company may be recognized by', () => {
    expect(extractSender('jem & fix <noreply@jemfix.com>', '').names).toContain('jem & fix')
    expect(extractSender('JEMFIX', '').names).toContain('JEMFIX')
    expect(extractSender('"jem & fix <a@b.example>" <x@evil.example>', '').names).toBe(
      'jem & fix <a@b.example>\n',
    )
    expect(extractSender('jem & fix x@evil.example, y@evil.example', '').names).toMatch(
      /^jem & fix[\s,]*$/,
    )
  })
})
