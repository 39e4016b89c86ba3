import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9. jem & fix's domain and number are the real record's;
// evil.example (a reserved name) stands for the scammers' site. FICTION.

// Open-redirect payloads a browser follows to evil.example when a redirector puts them in
// Location: "http:evil.example" from an https page is another scheme, so the browser reads
// it as http://evil.example/; a tab (or newline) anywhere in a URL is dropped, so "/<tab>/…" is
// protocol-relative and "https:<tab>//…" an absolute link. INNER_LINK (nested-links.ts) needs
// a slash right after the colon and PROTOCOL_RELATIVE two slashes at the start, so none is read
// as an inner link and the official link is official-contacts with no "official-forwards".
describe('a redirect target written as a browser still follows it is read', () => {
  it.each([
    ['another scheme without slashes', 'https://jemfix.com/r?u=http:evil.example/login'],
    ['a tab between the two slashes', 'https://jemfix.com/r?u=%2F%09%2Fevil.example%2Flogin'],
    ['a tab after the scheme', 'https://jemfix.com/r?u=https:%09//evil.example/login'],
  ])('%s', (_name, link) => {
    expectNotOfficial(`Se din order: ${link} ${OFFICIAL_NUMBER}`)
  })
})
