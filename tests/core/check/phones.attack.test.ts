import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Adversarial review of issue 9: numbers written so that the reader's phone acts on them. The
// scammers' number 070-174 06 10 is in the Swedish fiction range. FICTION.

describe('a call-forwarding code around a number', () => {
  // "*21*<number>#" (GSM unconditional call forwarding) sends every call the reader gets,
  // verification calls from a bank included, to that number: a known way to take over accounts.
  // findPhones needs a number to end a word, and "#" does not, so the number is no finding and
  // the message, which tells the reader to dial it, is official-contacts.
  it.each([
    ['*21* with a trunk 0', 'Aktivera din order genom att slå *21*0701740610# och tryck på ring.'],
    ['**21* (register)', 'Slå **21*0701740610# för att koppla kundtjänst.'],
    ['*21* with a country code', 'Slå *21*+46701740610# och tryck på ring.'],
    ['in a tel: link', '<a href="tel:*21*0701740610%23">Aktivera ordern</a>'],
  ])('%s', (_case, text) => {
    expectNotOfficial(`jem & fix: ${text} ${OFFICIAL_NUMBER}`)
  })
})

describe('an sms: link to several recipients', () => {
  // phoneLink (candidates.ts) reads only the first recipient of "sms:a;b" and none of
  // "sms:a,b" (the whole list fails validation), so a link that messages the official number
  // and the scammers' number at once is official-contacts. Android accepts both separators.
  it.each([
    ['separated by a semicolon', 'Svara JA via sms:+46462852900;+46701740610?body=JA'],
    ['separated by a comma', 'Svara JA via sms:+46462852900,+46701740610?body=JA'],
  ])('%s', (_case, text) => {
    expectNotOfficial(`jem & fix: ${text}`)
  })
})

describe("the scammers' number written with other separators", () => {
  // numberRuns (numbers.ts) knows space, no-break space, . - – / ( ) as separators and ASCII
  // digits only, and endsAWord lets a number end only at a space or some punctuation. A number
  // written with an invisible character, a typographic hyphen or space, fullwidth digits, or
  // with an ellipsis glued to it is no finding, so "ring our new support on <the scammers'
  // number>" beside the official number is official-contacts. The reader sees (and dials)
  // 070-174 06 10 in each.
  it.each([
    ['a soft hyphen', '070-174\u00ad06 10'],
    ['a zero-width space', '0701740\u200b610'],
    ['a word joiner', '070\u2060174 06 10'],
    ['a non-breaking hyphen (U+2011)', '070\u2011174 06 10'],
    ['a minus sign', '070\u2212174 06 10'],
    ['thin spaces', '070\u2009174\u200906\u200910'],
    ['a narrow no-break space', '070\u202f174 06 10'],
    ['fullwidth digits', '０７０-１７４ ０６ １０'],
    ['an ellipsis after it', '070-174 06 10…'],
    ['an en dash glued after it', '070-174 06 10– dygnet runt'],
  ])('%s', (_case, number) => {
    expectNotOfficial(`jem & fix: Ring vår nya support på ${number}. ${OFFICIAL_NUMBER}`)
  })
})

describe('a number written as a phone number after a department name', () => {
  // numberMeaning (numbers.ts) calls any number after "faktura" or "order" a reference, even
  // one grouped the way Swedish phone numbers are written (070-174 06 10) in a list of
  // departments to call. The numbers are no findings and the message is official-contacts.
  it('"Faktura:" and "Order:" in a list of numbers', () => {
    expectNotOfficial(
      'jem & fix: Kundtjänst 046-28 52 900. Faktura: 070-174 06 10. Order: 070-174 06 11.',
    )
  })
})
