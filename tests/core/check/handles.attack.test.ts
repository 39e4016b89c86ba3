import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Adversarial review of issue 9, with the real jem & fix record: its Instagram account is
// "jemfix.se", a name that is also a web address the record does not list (the checker calls
// that address a lookalike of jemfix.com when no platform is named).

describe('a web address spelled like an official account, after a platform name', () => {
  // judgeCandidate reads a bare domain within 40 characters after a platform name as that
  // account only, never also as the web address it is. "Logga in på jemfix.se" is then "jem &
  // fix's official account on Instagram", the login warning sign (which needs a link) does not
  // fire, and the message is official-contacts. Without the word Instagram the same text is
  // suspicious (a lookalike of jemfix.com).
  it.each([
    ['jem & fix: Följ oss på Instagram och logga in på jemfix.se för din rabattkod.'],
    ['jem & fix: Vi finns på Instagram. Gå till jemfix.se för din rabattkod.'],
  ])('%s', (text) => {
    const result = check(text)
    expect(result.findings.map((f) => [f.kind, f.status])).toContainEqual(['domain', 'lookalike'])
    expect(result.verdict).toBe('suspicious')
  })

  it('control: without a platform the address is a lookalike', () => {
    const result = check('jem & fix: Gå till jemfix.se för din rabattkod.')
    expect(result.findings.map((f) => [f.kind, f.status])).toEqual([['domain', 'lookalike']])
    expect(result.verdict).toBe('suspicious')
  })
})
