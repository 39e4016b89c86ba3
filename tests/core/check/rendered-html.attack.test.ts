import { describe, expect, it } from 'vitest'
import { extractContacts } from '../../../src/core/check/candidates'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'
import { check } from '../../support/checker'

// Attacks on the fix for the third review's glued and HTML-text gaps. jem & fix's domain and
// number are the real record's; evil.example (a reserved name) stands for the scammers' site
// and 070-174 06 10 (Swedish fiction range) for their number. FICTION.

const found = (text: string) => extractContacts(text).candidates.map((c) => `${c.kind} ${c.value}`)

// The ";" that ends a character reference is no punctuation between two addresses: read as
// glue, it cut support&#64;evil.example into "support&#64" and a bare domain, so the reader's
// address support@evil.example was never the finding.
describe('an address written with references is read as the address the reader sees', () => {
  it.each([
    ['&#64;', 'support&#64;evil.example'],
    ['&#x40;', 'support&#x40;evil.example'],
    ['&commat;', 'support&commat;evil.example'],
    ['&#64 without a semicolon', 'support&#64evil.example'],
    ['&nbsp; after it', 'Mejla support@evil.example&nbsp;idag'],
    ['a tag inside it', 'Mejla support@<span>evil</span>.example idag'],
  ])('%s', (_name, html) => {
    expect(found(html)).toContain('email support@evil.example')
  })
})

describe('a number or host in HTML is read once, as the reader sees it', () => {
  it.each([
    ['a word-break tag', 'Ring 070<wbr>-174<wbr> 06 10 idag.', 'phone 070-174 06 10'],
    ['a comment', 'Ring 070-<!-- x -->174 06 10 idag.', 'phone 070-174 06 10'],
    ['references for the spaces', 'Ring 070-174&thinsp;06&ensp;10.', 'phone 070-174 06 10'],
    ['a tag inside a host', 'Besök evil<b>.</b>example/login', 'url evil.example/login'],
  ])('%s', (_name, html, finding) => {
    expect(found(html)).toEqual([finding])
  })

  it('does not read an address again when the text as written already read it', () => {
    expect(found('Se https://evil.example/?a=1&amp;b=2 och <b>mer</b>')).toEqual([
      'url https://evil.example/?a=1&amp;b=2',
    ])
  })

  it('keeps a block tag between two numbers apart', () => {
    expect(found('<td>070</td><td>174 06 10</td>')).toEqual([])
  })

  it('points at where the number is written', () => {
    const html = '<p>Hej!</p><p>Ring <b>070</b>-174 06 10</p>'
    const [phone] = extractContacts(html).candidates
    expect(phone?.evidence.at).toBe(html.indexOf('070'))
  })
})

// A link's visible text was read with every tag as a space and &nbsp; as U+00A0, so a number
// split by tags inside an anchor (a "Ring oss" button) was no number.
describe("a number in a link's visible text is read as laid out", () => {
  it.each([
    ['split by tags', '<a href="https://jemfix.com/">Ring <b>070</b>-174 06 10</a>'],
    ['with &nbsp; and a comment', '<a href="https://jemfix.com/">070-174&nbsp;06 <!-- -->10</a>'],
  ])('%s', (_name, html) => {
    expect(found(html)).toContain('phone 070-174 06 10')
  })
})

// Emphasis shown literally in an SMS, or rendered bold from Markdown: either way the reader
// calls 070-174 06 10. A * right after the number ended no word, so it was no number.
describe('a number in Markdown emphasis is read', () => {
  it.each([
    ['bold', 'Ring **070-174 06 10** idag'],
    ['italic', 'Ring *070-174 06 10* idag'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual(['phone 070-174 06 10'])
  })
})

// SMS typed without a space after punctuation: the number before a comma or semicolon glued
// to the next word was no number (a letter after the punctuation meant "inside a word").
describe('a number glued to the next word by punctuation is read', () => {
  it.each([
    ['a comma', 'Ring 070-174 06 10,evil.example'],
    ['a semicolon', 'Ring 070-174 06 10;mejla oss'],
    ['an exclamation mark', 'Ring 070-174 06 10!Tack'],
  ])('%s', (_name, text) => {
    expect(found(text)[0]).toBe('phone 070-174 06 10')
  })
})

describe('the HTML text view still catches a scam', () => {
  it.each([
    ['a number in a table cell', '<table><tr><td>Ring</td><td>070-174 06 10</td></tr></table>'],
    ['an address split by a tag', 'Mejla <i>support</i>@evil.example'],
    ['a host with a numeric dot', 'Logga in på evil&#x2E;example/login'],
  ])('%s', (_name, html) => {
    expectNotOfficial(`${html} ${OFFICIAL_NUMBER}`)
  })
})

// "a genuine message should not be called a scam": an HTML receipt with order numbers, prices,
// times and dates written with tags and &nbsp;, and an SMS typed without spaces. FICTION:
// the figures are made up.
describe('a genuine jem & fix message stays official-contacts', () => {
  it.each([
    [
      'an HTML receipt',
      '<p>Tack för din order!</p><p>Order&nbsp;nr <b>4471190</b>, datum&nbsp;2026-03-04.</p>' +
        '<table><tr><td>Summa</td><td>349,00&nbsp;kr</td></tr></table>' +
        '<p>Öppet kl&nbsp;<b>08.00</b>–<b>17.00</b>. Kundtjänst <b>046-28&nbsp;52&nbsp;900</b>, ' +
        'kundtjanst&#64;jemfix.com, <a href="https://jemfix.com/">jemfix.com</a></p>',
    ],
    [
      'an SMS typed without spaces',
      'Hej!Din order är skickad.Läs mer:jemfix.com,ring 046-28 52 900',
    ],
    // .link and .center are top-level domains; "a.link:hover" is a CSS selector, not a host
    // glued to a colon.
    [
      'an HTML mail with a style sheet',
      '<style>a.link:hover{color:red}div.center:first-child{margin:0}</style>' +
        '<p>Tack för din order! Kundtjänst 046-28 52 900.</p>',
    ],
    ['a signature after two slashes', 'Tack för din order! //Anna, kundtjänst 046-28 52 900'],
    [
      'words with a capital O beside digits',
      'CO2-neutral frakt, O2-kort och kod AO-2026 till 2O26. Kundtjänst 046-28 52 900.',
    ],
  ])('%s', (_name, text) => {
    const result = check(text, 'jem & fix <noreply@jemfix.com>')
    const wrong = result.findings.filter((f) => f.status !== 'official').map((f) => f.value)
    expect(wrong).toEqual([])
    expect(result.verdict).toBe('official-contacts')
  })
})
