import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Adversarial review of issue 9 ("every link target, found and judged"). jem & fix's number is
// the real record's; evil.example (a reserved name) stands for the scammers' site. FICTION.

// A browser resolves each of these hrefs to https://evil.example/… (the WHATWG URL parser reads
// "http:x", "http:/x" and "https:\\x" as http://x, strips tabs, and HTML decodes &colon; and
// &#9;); the checker's readLink only reads a target written with "scheme://", so the target
// gives no finding at all and the message is judged by its official phone number alone.
describe('a link target the checker cannot read is still a finding', () => {
  it.each([
    ['a scheme without slashes', '<a href="http:evil.example/order">Se din order</a>'],
    ['a scheme with one slash', '<a href="http:/evil.example/order">Se din order</a>'],
    ['backslashes after the scheme', '<a href="https:\\\\evil.example/order">Se din order</a>'],
    ['a protocol-relative target', '<a href="//evil.example/order">Se din order</a>'],
    ['a tab inside the scheme (&#9;)', '<a href="ht&#9;tps://evil.example/order">Se din order</a>'],
    ['the colon as a named entity', '<a href="https&colon;//evil.example/order">Se din order</a>'],
    [
      'a javascript: target',
      `<a href="javascript:location='https://evil.example/order'">Se din order</a>`,
    ],
    ['a data: target', '<a href="data:text/html;base64,PGgxPk9yZGVyPC9oMT4=">Se din order</a>'],
    // Outlook opens file: links (an SMB share, which leaks the reader's Windows credentials);
    // Chrome on Android opens an intent: link with scheme=https as https://evil.example/.
    ['a file: target', '<a href="file://evil.example/faktura/4471190.pdf">Din faktura</a>'],
    [
      'an Android intent: target',
      '<a href="intent://evil.example/order#Intent;scheme=https;end">Se din order</a>',
    ],
    // Mail clients take the address out of "Name <address>" in a mailto: link; mailto() in
    // candidates.ts reads the text as written, finds no address, and the visible official
    // address is the only finding.
    [
      'a mailto: address in angle brackets',
      '<a href="mailto:&lt;evil@example.com&gt;">kundtjanst@jemfix.com</a>',
    ],
    [
      'a mailto: address with a display name',
      '<a href="mailto:jem%20fix%20%3Cevil@example.com%3E">kundtjanst@jemfix.com</a>',
    ],
    ['Markdown with a scheme without slashes', '[Se din order](http:evil.example/order)'],
    ['Markdown protocol-relative', '[Se din order](//evil.example/order)'],
    ['a Markdown reference definition', '[Se din order][1]\n\n[1]: http:evil.example/order'],
  ])('%s', (_case, link) => {
    expectNotOfficial(`jem & fix: ${link}. ${OFFICIAL_NUMBER}`)
  })
})

describe('an anchor with two href attributes', () => {
  // HTML keeps the first of two attributes with one name (the tokenizer drops the duplicate);
  // readHref in markup.ts keeps the last, so the browser goes to evil.example while the checker
  // judges jemfix.com and calls the message official.
  it('is judged by the href a browser follows, the first', () => {
    expectNotOfficial(
      `jem & fix: <a href="https://evil.example/order" href="https://jemfix.com/order">Se din order</a>. ${OFFICIAL_NUMBER}`,
    )
  })
})
