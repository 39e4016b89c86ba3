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
