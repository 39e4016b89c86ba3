import { describe, expect, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'
import { check } from '../../support/checker'

// Third adversarial review of issue 9. jem & fix's domain and number are the real record's;
// evil.example (a reserved name) and 192.0.2.7 (TEST-NET-1) stand for the scammers' mail
// server. FICTION.

// Each address below is valid (RFC 5321/5322) and a reply goes to evil.example or 192.0.2.7.
// The EMAIL pattern in candidates.ts rejects a quoted local part ("…"@) and a domain literal
// ([…]); an angle address starting with "@" (an obsolete source route, which clients ignore)
// is tried as an @handle and fails on ":". Nothing is found for the sender, and the official
// number makes the message official-contacts. Should: an address that cannot be read is a
// finding that is not official, like an unreadable link target.
describe('a sender address the checker cannot read is still a finding', () => {
  it.each([
    ['a source route', 'jem & fix <@jemfix.com:kundtjanst@evil.example>'],
    ['a quoted local part holding the official address', '"kundtjanst@jemfix.com"@evil.example'],
    ['the same inside angle brackets', 'jem & fix <"kundtjanst@jemfix.com"@evil.example>'],
    ['a domain literal', 'jem & fix <kundtjanst@[192.0.2.7]>'],
    // A list without a space after the separator: one piece, which the EMAIL pattern rejects.
    ['a comma list without a space', 'kundtjanst@jemfix.com,support@evil.example'],
    ['a semicolon list without a space', 'kundtjanst@jemfix.com;support@evil.example'],
  ])('%s', (_name, sender) => {
    expectNotOfficial(OFFICIAL_NUMBER, sender)
  })
})

// The same quoted local part in the text: tokenize keeps it one piece (an @ follows the
// quotes), and the EMAIL pattern rejects it, so "Svara till" an address at evil.example adds
// no finding.
it('a quoted-local-part address in the text is still a finding', () => {
  expectNotOfficial(`Svara till "kundtjanst@jemfix.com"@evil.example. ${OFFICIAL_NUMBER}`)
})

// A sender line that is the official account's name vouches for the message: the handle reading
// of a sender is left out of NAME_ONLY_AS_SENDER (verdict.ts), unlike an SMS sender name or a
// domain. Messenger shows a sender's display name, which anyone can set to "jemofixsverige";
// so a message with no other contact that asks for the reader's address by reply is
// official-contacts. Should: a handle given only as the sender does not vouch (unknown
// verdict), as attack 2 (#7) settled for SMS sender names.
it("a display name spelled like the official account's does not vouch for a message", () => {
  const result = check(
    'Hej från jem & fix på Facebook! Svara med din adress så skickar vi ditt paket.',
    'jemofixsverige',
  )
  expect(result.verdict).not.toBe('official-contacts')
})
