import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9. jem & fix's number is the real record's; 070-174 06 10
// (Swedish fiction range) stands for the scammers' number. FICTION.

// Digits a reader reads (and types) as 070-174 06 10, from the blocks spam uses to get past
// filters. readableNumbers (plain-text.ts) maps only fullwidth digits; NFKC maps all of these
// but the letter O to ASCII digits. No finding, so the official number makes the message
// official-contacts.
describe("the scammers' number in other digits is still a finding", () => {
  it.each([
    ['mathematical bold digits', '𝟎𝟕𝟎-𝟏𝟕𝟒 𝟎𝟔 𝟏𝟎'],
    ['mathematical monospace digits', '𝟶𝟽𝟶-𝟷𝟽𝟺 𝟶𝟼 𝟷𝟶'],
    ['circled digits', '⓪⑦⓪-①⑦④ ⓪⑥ ①⓪'],
    ['a capital O for a zero', '07O-174 06 10'],
  ])('%s', (_name, number) => {
    expectNotOfficial(`Vid frågor om din order, ring ${number}. ${OFFICIAL_NUMBER}`)
  })
})

// A number in pasted HTML: findPhones (phones.ts) reads the text as written, so a number with a
// tag right before or after it (<b>070-174 06 10</b>, …10</p>, …10<br>) or written with
// entities (&nbsp;, &#8209;) is no number, although the reader sees 070-174 06 10. Plain
// text is read without decoding entities or dropping tags (only link targets are decoded).
// With the official number elsewhere the message is official-contacts.
describe("the scammers' number in HTML is still a finding", () => {
  it.each([
    ['in bold', 'Ring oss på <b>070-174 06 10</b> idag.'],
    ['before a closing tag', '<p>Ring oss på 070-174 06 10</p>'],
    ['before a line break', 'Ring oss på 070-174 06 10<br>Tack!'],
    ['split by tags', 'Ring oss på <b>070</b>-174 06 10 idag.'],
    ['with &nbsp; between the groups', 'Ring oss på 070-174&nbsp;06&nbsp;10 idag.'],
    ['with a numeric non-breaking hyphen', 'Ring oss på 070&#8209;174 06 10 idag.'],
  ])('%s', (_name, html) => {
    expectNotOfficial(`${html} ${OFFICIAL_NUMBER}`)
  })
})
