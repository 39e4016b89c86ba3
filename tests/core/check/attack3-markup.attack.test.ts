import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9 (the checker after the link-target fixes). jem & fix's
// number is the real record's; evil.example (a reserved name) stands for the scammers' site.
// FICTION. Each message below opens evil.example in a browser or a Markdown renderer, while the
// checker reads no finding for it, so the official number alone makes it official-contacts.

// A browser starts an attribute after "/" as after a space (<a/href=…>), follows <area href>,
// submits <form action>, follows an SVG <a xlink:href> and a <meta> refresh; htmlAnchors in
// markup.ts only reads `<a` followed by whitespace, and plain-text reading does not read a
// protocol-relative //host or an entity-encoded scheme (https&colon;//).
describe('an HTML link the anchor reader misses is still a finding', () => {
  it.each([
    [
      '<a/href=…> (a slash, not a space, after the tag name)',
      '<a/href="//evil.example/login">Logga in</a>.',
    ],
    [
      '<a/href=…> with an encoded colon',
      '<a/href="https&colon;//evil.example/login">Logga in</a>.',
    ],
    [
      'an image-map <area href>',
      '<img src="cid:banner" usemap="#m"><map name="m"><area shape=rect coords=0,0,600,200 href="https&colon;//evil.example/login"></map>',
    ],
    ['a form action', '<form action="//evil.example/login"><button>Logga in</button></form>'],
    ['an SVG link', '<svg><a xlink:href="//evil.example/login"><text>Logga in</text></a></svg>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=//evil.example/login">'],
  ])('%s', (_name, html) => {
    expectNotOfficial(`${html} ${OFFICIAL_NUMBER}`)
  })
})

// htmlAnchors skips an opening tag longer than LIMITS.markupChars (2,048) with `continue`:
// no finding, no limit raised (too-much-to-check), so a long style or data attribute hides
// the href. Plain-text reading does not read the protocol-relative target either.
describe('an anchor whose opening tag is long is not silently skipped', () => {
  it('a 2,100-character attribute before the href', () => {
    const padding = 'color:#000;'.repeat(191)
    expectNotOfficial(
      `<a style="${padding}" href="//evil.example/login">Logga in</a>. ${OFFICIAL_NUMBER}`,
    )
  })
})

// markupLinks keeps the first of overlapping links (by start): a Markdown link whose visible
// text holds an HTML anchor drops the anchor, and its visible text is read as plain text, where
// the encoded colon hides the target. Read as HTML, the anchor is the link the reader taps.
describe('an HTML anchor inside a Markdown link text is still read', () => {
  it('[<a href=evil>Logga in</a>](https://jemfix.com/)', () => {
    expectNotOfficial(
      `[<a href="https&colon;//evil.example/login">Logga in</a>](https://jemfix.com/). ${OFFICIAL_NUMBER}`,
    )
  })
})

// Reference definitions: CommonMark (commonmark.js, markdown-it) does not let a definition
// interrupt a paragraph, and matches labels by Unicode case fold (ß and SS are one label);
// markdownReferences (markup.ts) takes the first `[label]:` at any line start and compares
// labels with toLowerCase. Both times the renderer's link goes to evil.example while the
// checker reads https://jemfix.com/ and leaves the other definition as plain text, where a
// protocol-relative target is not read.
describe('a Markdown reference resolves as a renderer resolves it', () => {
  it.each([
    [
      'a "definition" inside a paragraph is paragraph text',
      'Hej! Logga in: [här][1]\n[1]: https://jemfix.com/\n\n[1]: //evil.example/login',
    ],
    [
      'labels ß and SS are the same label',
      'Logga in: [här][ß]\n\n[SS]: //evil.example/login\n[ß]: https://jemfix.com/',
    ],
  ])('%s', (_name, markdown) => {
    expectNotOfficial(`${markdown}\n\n${OFFICIAL_NUMBER}`)
  })
})

// A <base href> sets where every relative link goes (the "baseStriker" phishing trick, honoured
// by mail clients that keep <base>): Reader.target (candidates.ts) returns no finding for an
// empty href or one starting with "#", and <base> itself is not read (its encoded colon hides it
// from plain-text reading), so a link that opens evil.example gives no finding, or is even
// read as the official host. An onclick
// handler that navigates is not read either. Should: a <base> (or script navigation) is a
// finding, or with a <base> present an empty or "#" href is read against it.
describe('a link resolved against a <base href>, or navigating by script, is a finding', () => {
  it.each([
    ['a fragment href', '<base href="https&colon;//evil.example/"><a href="#konto">Logga in</a>'],
    ['an empty href', '<base href="https&colon;//evil.example/"><a href="">Logga in</a>'],
    // A target without a scheme is a relative path to a browser (evil.example/jemfix.com/login
    // here), yet targetProblem reads it as the host jemfix.com, official.
    [
      'a scheme-less href that names the official host',
      '<base href="https&colon;//evil.example/"><a href="jemfix.com/login">jemfix.com</a>',
    ],
    [
      'an onclick that navigates',
      `<a href="https://jemfix.com/" onclick="location='//evil.example/login'">Logga in</a>`,
    ],
  ])('%s', (_name, html) => {
    expectNotOfficial(`${html} ${OFFICIAL_NUMBER}`)
  })
})

// Inline Markdown links that CommonMark renders but MARKDOWN_LINK (markup.ts) does not match:
// a <…> destination with a space, balanced parentheses in the destination, a (…) title, escaped
// or balanced brackets in the text. Plain-text reading then sees "](//evil.example/…" or
// "(<//evil…", where a protocol-relative target (or an encoded colon) is not read.
describe('an inline Markdown link CommonMark renders is read', () => {
  it.each([
    ['a <destination> with a space', '[Logga in](<//evil.example/logga in>)'],
    ['parentheses in the destination', '[Logga in](//evil.example/(konto))'],
    ['the same with an encoded colon', '[Logga in](https&colon;//evil.example/(konto))'],
    ['a title in parentheses', '[Logga in](//evil.example/konto (Mina sidor))'],
    ['escaped brackets in the text', '[Logga \\[in\\]](//evil.example/konto)'],
    ['balanced brackets in the text', '[Logga [in]](//evil.example/konto)'],
  ])('%s', (_name, markdown) => {
    expectNotOfficial(`${markdown} ${OFFICIAL_NUMBER}`)
  })
})

// HTML separates attributes by tab, newline, form feed, carriage return and space only;
// readHref (markup.ts) splits at JavaScript's \s, which also matches U+00A0, U+000B, U+3000 and
// other Unicode spaces. After a no-break space the browser reads "\u00a0href" as another
// attribute's name (or, unquoted, as part of the value), so its first href is the second one,
// evil.example; readHref takes https://jemfix.com/ as the first href and drops the other.
// Checked in Chromium (document.querySelector('a').href is //evil.example/login).
describe('the href a browser uses is the one read', () => {
  it.each([
    ['a no-break space', '\u00a0'],
    ['a vertical tab', '\u000b'],
    ['an ideographic space', '\u3000'],
  ])('attributes separated by %s', (_name, space) => {
    expectNotOfficial(
      `<a title="Mina sidor"${space}href="https://jemfix.com/" href="//evil.example/login">Logga in</a> ${OFFICIAL_NUMBER}`,
    )
  })
})
