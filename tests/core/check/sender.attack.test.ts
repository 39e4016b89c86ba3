import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Adversarial review of issue 9: sender lines as a spoofing mail client or a reader types them.
// evil.example and example.com (reserved names) stand for the scammers' addresses. FICTION.

const TEXT = 'Hej, din order är skickad. Mvh jem & fix'

describe('a sender line that holds an address that is not official', () => {
  // extractSender reads `Name <address>` only when the name holds no < or >, and a bare line only
  // when it is one address, so each of these gives no finding at all: the real sending address
  // is never shown, and a message from evil@example.com that names jem & fix is "unknown"
  // instead of suspicious ("not the company's", as the same address alone would be).
  it.each([
    [
      'an official address inside the display name',
      '"jem & fix <kundtjanst@jemfix.com>" <evil@example.com>',
    ],
    ['two angle-bracket addresses', 'jem & fix <kundtjanst@jemfix.com> <evil@example.com>'],
    ['an address in parentheses after the real one', 'evil@example.com (kundtjanst@jemfix.com)'],
    ['two addresses separated by a comma', 'kundtjanst@jemfix.com, evil@example.com'],
    ['a Reply-To line after the address', 'kundtjanst@jemfix.com\nReply-To: evil@example.com'],
  ])('%s', (_case, sender) => {
    const result = check(TEXT, sender)
    expect(result.findings.map((f) => f.normalized)).toContain('evil@example.com')
    expect(result.verdict).toBe('suspicious')
  })

  it('control: the same address alone is found and not the company’s', () => {
    const result = check(TEXT, 'evil@example.com')
    expect(result.findings.map((f) => [f.normalized, f.status])).toEqual([
      ['evil@example.com', 'not-official'],
    ])
    expect(result.verdict).toBe('suspicious')
  })
})
