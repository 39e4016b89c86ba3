import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Adversarial review of issue 9: links in plain text that the checker reads differently from
// the browser or phone that opens them. jem & fix's number is the real record's; evil.example
// (a reserved name) stands for the scammers' site. FICTION.

describe('a quote, apostrophe or backtick inside a link', () => {
  // tokenize() ends a piece at ' " ` < >, so only "https://jemfix.com" is read and called
  // official. The whole link goes to evil.example (new URL(…).hostname), and Android's
  // link detection (Patterns.WEB_URL) allows ' in the user-info part, so the phone links it
  // whole: the reader lands on evil.example while the checker says official-contacts.
  it.each([
    ['an apostrophe before @', "https://jemfix.com'@evil.example/order"],
    ['a backtick before @', 'https://jemfix.com`@evil.example/order'],
  ])('%s', (_case, link) => {
    expect(new URL(link).hostname).toBe('evil.example')
    expectNotOfficial(`jem & fix: se ${link} ${OFFICIAL_NUMBER}`)
  })
})

describe('a character glued to a bare address hides it', () => {
  // readLink's HOST_SHAPED needs a letter or digit at both ends and tokenize trims only a short
  // list of punctuation, so a host with an ellipsis, arrow, dash, trademark sign or an
  // invisible zero-width space glued to it gives no finding, and the message is judged by its
  // official number alone. A reader still sees (and a phone still links) www.evil.example.
  it.each([
    ['an ellipsis after a www. address', 'Logga in på www.evil.example…'],
    ['an ellipsis after a link with a scheme', 'Logga in på https://evil.example…'],
    ['an ellipsis after an e-mail address', 'Mejla kundtjanst@evil.example…'],
    ['an arrow before a www. address', 'Läs mer →www.evil.example'],
    ['a bullet before a www. address', 'Se erbjudandet: •www.evil.example'],
    ['an en dash after a www. address', 'Besök www.evil.example– det går snabbt'],
    ['a trademark sign after a domain', 'Handla på evil.example™ idag'],
    ['a zero-width space after a www. address', 'Besök www.evil.example\u200b idag'],
    ['a zero-width space before an address with a path', 'Besök \u200bevil.example/order idag'],
  ])('%s', (_case, text) => {
    expectNotOfficial(`jem & fix: ${text}. ${OFFICIAL_NUMBER}`)
  })
})

describe('a link longer than LIMITS.tokenChars', () => {
  // readLink reads only the first 2,048 characters of a piece. A port written with 2,040 leading
  // zeros (valid: the URL parser reads it as 0) pushes the "@evil.example" of the user-info
  // trick past the cut: the cut link parses as https://jemfix.com:0… and is called official,
  // while the whole link goes to evil.example. In an HTML mail the reader sees only "Se din
  // order". Reaching the limit does not raise too-much-to-check either.
  const link = `https://jemfix.com:${'0'.repeat(2040)}@evil.example/order`

  it('is not called official when its host lies past the cut', () => {
    expect(link.length).toBeGreaterThan(LIMITS.tokenChars)
    expect(new URL(link).hostname).toBe('evil.example')
    expectNotOfficial(`jem & fix: <a href="${link}">Se din order</a>. ${OFFICIAL_NUMBER}`)
    expectNotOfficial(`jem & fix: se ${link} ${OFFICIAL_NUMBER}`)
  })
})
