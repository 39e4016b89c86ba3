import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9. jem & fix's domain and number are the real record's;
// evil.example (a reserved name) stands for the scammers' mail domain. FICTION.

// Reader.mailto (candidates.ts) reads the copies with URLSearchParams.getAll('to'|'cc'|'bcc'),
// which is case-sensitive, while header names in a mailto: URL are not (RFC 6068; mail clients
// fill Cc from "CC="); and it keeps the first 4 addresses (.slice(0, 4)) with no limit raised,
// so a fifth address is dropped silently. The reply goes to evil.example as well, and the
// message is official-contacts. Should: header names read case-insensitively; more addresses
// than are read raise too-much-to-check.
describe('every recipient of a mailto: link is read', () => {
  it.each([
    ['CC= in capitals', 'mailto:kundtjanst@jemfix.com?CC=support@evil.example'],
    ['Bcc= capitalised', 'mailto:kundtjanst@jemfix.com?Bcc=support@evil.example'],
    [
      'a fifth address',
      'mailto:a@jemfix.com,b@jemfix.com,c@jemfix.com,d@jemfix.com,support@evil.example',
    ],
  ])('%s', (_name, href) => {
    expectNotOfficial(`<a href="${href}">Mejla oss</a> ${OFFICIAL_NUMBER}`)
  })
})
