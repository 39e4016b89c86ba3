import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/records'
import { fictionalAlert, recordFile } from '../support/fixtures'

function issuesOf(record: unknown) {
  const result = parseRecord(recordFile('bad', record))
  if (result.ok) throw new Error('expected the record to be rejected')
  return result.issues
}

describe('parseRecord', () => {
  it('accepts a complete fictional record and fills defaults', () => {
    const result = parseRecord(recordFile('ok', fictionalAlert({ tips: undefined })))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.alert.tips).toEqual([])
      expect(result.alert.reportedFakes).toEqual([])
    }
  })

  it.each([
    ['a missing field', { title: undefined }, 'title', /expected string/],
    ['a bad date', { published: '2026-02-30' }, 'published', /YYYY-MM-DD/],
    ['a date in another format', { published: '28/2/2026' }, 'published', /YYYY-MM-DD/],
    ['an unknown channel', { channels: ['sms', 'pigeon'] }, 'channels[1]', /sms/],
    ['no channel', { channels: [] }, 'channels', /at least one channel/],
    ['a wrong type', { tips: 'one tip' }, 'tips', /expected array/],
    ['an unknown field', { extra: true }, '', /extra/],
    ['a bad slug', { id: 'Not A Slug' }, 'id', /lowercase/],
    ['an updated date before published', { updated: '2026-01-01' }, 'updated', /before/],
  ])('rejects %s, naming the field', (_kind, override, path, message) => {
    const issues = issuesOf(fictionalAlert(override))
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'alerts/bad.yaml',
        path,
        message: expect.stringMatching(message),
      }),
    )
  })

  it('accepts SMS sender names where a source states them', () => {
    const record = fictionalAlert()
    ;(record.official as { smsSenders: unknown }).smsSenders = ['EXEMPEL', 'Exempel AB', 'Ex-2']
    expect(parseRecord(recordFile('ok', record)).ok).toBe(true)
  })

  it.each([
    ['longer than 11 characters', 'EXEMPELBOLAG'],
    ['only digits', '72456'],
    ['an @', '@exempel'],
    ['empty', ''],
  ])('rejects an SMS sender name that is %s', (_case, name) => {
    const record = fictionalAlert()
    ;(record.official as { smsSenders: unknown }).smsSenders = [name]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({
        path: 'official.smsSenders[0]',
        message: expect.stringMatching(/SMS sender name/),
      }),
    )
  })

  it('rejects an invalid phone number', () => {
    const record = fictionalAlert()
    ;(record.official as { phones: unknown[] }).phones = [{ number: '+4612', display: '012' }]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({
        path: 'official.phones[0].number',
        message: expect.stringMatching(/E\.164/),
      }),
    )
  })

  it('rejects a display format that is another number than the E.164 one', () => {
    const record = fictionalAlert()
    ;(record.official as { phones: unknown[] }).phones = [
      { number: '+46846500400', display: '08-465 004 01' },
    ]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({
        path: 'official.phones[0].display',
        message: expect.stringMatching(/not the same number/),
      }),
    )
  })

  it.each([
    ['not a domain', 'not a domain'],
    ['a bare public suffix', 'co.uk'],
    ['an unknown top-level domain', 'example.invalidtld'],
    ['uppercase letters', 'Example.se'],
    ['an IP address', '192.0.2.1'],
  ])('rejects an email domain that is %s', (_kind, domain) => {
    const record = fictionalAlert()
    ;(record.official as { emailDomains: string[] }).emailDomains = [domain]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({ path: 'official.emailDomains[0]' }),
    )
  })

  it('rejects a website that is not http(s)', () => {
    const record = fictionalAlert()
    ;(record.official as { websites: string[] }).websites = ['javascript:alert(1)']
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({ path: 'official.websites[0]' }),
    )
  })

  it('rejects a social account URL on another platform’s site', () => {
    const record = fictionalAlert()
    ;(record.official as { social: unknown[] }).social = [
      { platform: 'facebook', handle: 'exempel', url: 'https://www.example.se/exempel' },
    ]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({
        path: 'official.social[0].url',
        message: expect.stringMatching(/facebook\.com/),
      }),
    )
  })

  it('reports a YAML syntax error with its line', () => {
    const result = parseRecord({ name: 'alerts/broken.yaml', text: 'id: a\ntitle: [unclosed\n' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/YAML syntax error at line \d+/)
  })

  it('reports a duplicated key as a YAML error', () => {
    const result = parseRecord({ name: 'alerts/dup.yaml', text: 'id: a\nid: b\n' })
    expect(result.ok).toBe(false)
  })
})

describe('text and URLs a record must not carry (finding 9)', () => {
  it.each([
    ['a NUL in the title', { title: 'Exempel\u0000bolaget varnar' }, 'title'],
    ['an escape character in a tip', { tips: ['Ring aldrig \u001b[31mnu'] }, 'tips[0]'],
    ['a carriage return in the summary', { summary: 'Fiktiv\rvarning' }, 'summary'],
    [
      'U+FFFE in an alias',
      { company: { slug: 'exempelbolaget', name: 'Exempelbolaget', aliases: ['x\uFFFE'] } },
      'company.aliases[0]',
    ],
    [
      'U+FFFF in a source title',
      { source: { title: 'K\uFFFFlla', publisher: 'T', date: '2026-03-01' } },
      'source.title',
    ],
    [
      'a lone high surrogate in a note',
      { reportedFakes: [{ value: 'x', note: 'a\uD800b' }] },
      'reportedFakes[0].note',
    ],
    [
      'a lone low surrogate in a fake',
      { reportedFakes: [{ value: '\uDC00x' }] },
      'reportedFakes[0].value',
    ],
  ])('rejects %s, naming the field', (_kind, override, path) => {
    expect(issuesOf(fictionalAlert(override))).toContainEqual(
      expect.objectContaining({
        path,
        message: expect.stringMatching(/control character|surrogate/),
      }),
    )
  })

  it('keeps tabs, newlines and paired surrogates (emoji)', () => {
    const result = parseRecord(
      recordFile('ok', fictionalAlert({ summary: 'Rad ett\nrad\ttvå 🚨', tips: ['Tips 👍'] })),
    )
    expect(result.ok).toBe(true)
  })

  it('rejects a control character written as a YAML escape, naming file and field', () => {
    const text = recordFile('esc', fictionalAlert()).text.replace(
      /^title: .*$/m,
      'title: "Exempelbolaget \\u0007 varnar"',
    )
    const result = parseRecord({ name: 'alerts/esc.yaml', text })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.issues).toContainEqual(
        expect.objectContaining({ file: 'alerts/esc.yaml', path: 'title' }),
      )
  })

  it.each([
    ['a user name (the userinfo trick)', 'https://exempelbolaget.example.se@other.example/'],
    ['a user name and password', 'https://user:secret@exempelbolaget.example.se/'],
    ['a port', 'https://exempelbolaget.example.se:8443/'],
    ['a control character the URL parser would drop', 'https://exempel\tbolaget.example.se/'],
  ])('rejects an official website with %s', (_kind, url) => {
    const record = fictionalAlert()
    ;(record.official as { websites: string[] }).websites = [url]
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({ path: 'official.websites[0]' }),
    )
  })

  it('rejects a source URL with a user name', () => {
    const record = fictionalAlert({
      source: {
        title: 'Fiktiv källa',
        publisher: 'Testredaktionen',
        date: '2026-03-01',
        url: 'https://news.example.com@evil.example/',
      },
    })
    expect(issuesOf(record)).toContainEqual(expect.objectContaining({ path: 'source.url' }))
  })

  it.each([
    ['title', { title: 'Klicka inte på <länken>' }],
    ['company.name', { company: { slug: 'exempelbolaget', name: 'Exempel <b>', aliases: [] } }],
  ])('rejects "<" or ">" in %s, which RSS readers take for markup', (path, override) => {
    expect(issuesOf(fictionalAlert(override))).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(/< or >/) }),
    )
  })

  it('keeps "<" in text that never becomes a plain-text feed element (a summary, a tip)', () => {
    const result = parseRecord(
      recordFile(
        'ok',
        fictionalAlert({ summary: 'Belopp < 100 kr', tips: ['Svara inte -> radera'] }),
      ),
    )
    expect(result.ok).toBe(true)
  })
})
