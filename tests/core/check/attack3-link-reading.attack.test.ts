import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9. jem & fix's domain, address and number are the real
// record's; evil.example (a reserved name) stands for the scammers' site. FICTION.

// SMS are often typed without a space after punctuation. tokenize (tokens.ts) cuts pieces only
// at whitespace, angle brackets and quotes, so each of these is one piece; readLink's
// HOST_SHAPED and the EMAIL pattern reject the whole piece, and nothing inside it is tried. A
// phone's link detection still finds evil.example (or both addresses) in them, so the reader
// can tap it, while the checker has no finding and the official number makes the message
// official-contacts. Should: split a piece at , ; | : = * (outside a link's path and query)
// and read each part.
describe('a link or address glued to punctuation is still read', () => {
  it.each([
    ['a comma between two hosts', 'Logga in: jemfix.com,evil.example/login'],
    ['the evil host first', 'Logga in: evil.example,jemfix.com'],
    ['a semicolon', 'Logga in: jemfix.com;evil.example'],
    ['a pipe', 'Logga in: jemfix.com|evil.example'],
    ['a colon before the host', 'Läs mer:evil.example/login'],
    ['an equals sign before the host', 'Läs mer=evil.example/login'],
    ['a comma before the next number', 'Läs mer på evil.example,046-28 52 900'],
    ['two addresses with a comma', 'Mejla kundtjanst@jemfix.com,support@evil.example'],
    ['the evil address first', 'Mejla support@evil.example,kundtjanst@jemfix.com'],
  ])('%s', (_name, text) => {
    expectNotOfficial(`${text} ${OFFICIAL_NUMBER}`)
  })
})

// Pasted HTML text: only link targets are entity-decoded (markup.ts); the rest is read as
// written, so an address or host next to &nbsp; or written with &#64; / &#46; is one piece
// that is no address. A mail client shows (and links) support@evil.example and evil.example.
describe('an address or host in HTML text written with entities is still read', () => {
  it.each([
    ['&nbsp; after an address', 'Mejla support@evil.example&nbsp;idag.'],
    ['&nbsp; before an address', 'Mejla&nbsp;support@evil.example idag.'],
    ['&nbsp; before a host', 'Besök&nbsp;evil.example idag.'],
    ['&nbsp; after a host', 'Besök evil.example&nbsp;idag.'],
    ['&#64; for the at sign', 'Mejla support&#64;evil.example idag.'],
    ['&#46; for a dot', 'Besök evil&#46;example/login idag.'],
  ])('%s', (_name, html) => {
    expectNotOfficial(`${html} ${OFFICIAL_NUMBER}`)
  })
})

// Invisible characters the URL parser drops from a host (UTS #46 maps them to nothing:
// new URL('https://evil\ufe0f.example/').hostname is evil.example): refanged (links.ts) strips
// only U+00AD, U+200B and U+2060, and HOST_SHAPED rejects the rest, so the host is no link.
// The reader sees (and types, or taps) evil.example/login.
describe('a host with an invisible character the URL parser drops is still read', () => {
  it.each([
    ['a variation selector (U+FE0F)', '\ufe0f'],
    ['a combining grapheme joiner (U+034F)', '\u034f'],
    ['a zero-width no-break space (U+FEFF)', '\ufeff'],
    ['an invisible plus (U+2064)', '\u2064'],
  ])('%s', (_name, invisible) => {
    expectNotOfficial(`Logga in på evil${invisible}.example/login. ${OFFICIAL_NUMBER}`)
  })
})
