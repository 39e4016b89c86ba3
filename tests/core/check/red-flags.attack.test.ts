import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Adversarial review of issue 9. A reply-by-sms scam that gives only the official number: the
// warning sign is all that separates it from a genuine message. jem & fix's number is the real
// record's.

describe('a warning sign written with invisible or look-alike letters', () => {
  // redFlagsOf lowercases the text and matches the words as written: no NFKC, no removal of
  // default-ignorable characters (soft hyphen, zero-width space), no skeleton. A soft hyphen is
  // invisible in every SMS app, so the reader sees "personnummer" and the checker says
  // official-contacts ("Kontaktvägarna är officiella").
  it.each([
    ['a soft hyphen', 'person\u00adnummer'],
    ['a zero-width space', 'person\u200bnummer'],
    ['a Cyrillic е', 'p\u0435rsonnummer'],
    ['fullwidth letters', 'ｐｅｒｓｏｎｎｕｍｍｅｒ'],
  ])('%s', (_case, word) => {
    const result = check(
      `jem & fix: Svara på detta sms med ditt ${word}. Frågor? Ring 046-28 52 900.`,
    )
    expect(result.redFlags.map((f) => f.id)).toContain('personnummer')
    expect(result.verdict).toBe('suspicious')
  })

  it('control: written plainly, the sign fires', () => {
    const result = check(
      'jem & fix: Svara på detta sms med ditt personnummer. Frågor? Ring 046-28 52 900.',
    )
    expect(result.redFlags.map((f) => f.id)).toContain('personnummer')
  })
})
