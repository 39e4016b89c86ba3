import { describe, expect, it } from 'vitest'
import type { Reason, ReasonCode } from '../../../src/core/check'
import { checkMessage, describeReason } from '../../../src/core/check'
import { verdictSummary } from '../../../src/core/check/wording'
import { genitive } from '../../../src/core/swedish'
import { checkerIndex } from '../../support/checker'

const names = (slug: string) =>
  ({ 'jem-fix': 'jem & fix', provbanken: 'Provbanken', exempelbolaget: 'Exempelbolaget' })[slug] ??
  slug
const imitation = { slug: 'jem-fix', source: 'jemfix.com', how: 'homoglyph' } as const

/** One reason of every code and what its sentence must say: adding a code fails the types here. */
const EVERY_REASON: Record<ReasonCode, [Reason, RegExp]> = {
  'official-host': [{ code: 'official-host', host: 'jemfix.com', officialHost: 'jemfix.com', slug: 'jem-fix' }, /^jemfix\.com är en av jem & fix:s officiella adresser\.$/],
  'official-email': [{ code: 'official-email', officialHost: 'jemfix.com', slug: 'jem-fix' }, /slutar på @jemfix\.com.*officiella e-postdomän/],
  'official-forwards': [{ code: 'official-forwards', officialHost: 'jemfix.com', slug: 'jem-fix', target: 'konto.example' }, /skickar dig vidare till konto\.example/],
  'unicode-dots': [{ code: 'unicode-dots', host: 'jemfix.com', slug: 'jem-fix' }, /liknar en punkt.*jemfix\.com/],
  userinfo: [{ code: 'userinfo', shown: 'jemfix.com', host: 'konto.example' }, /före @.*går till konto\.example, inte till jemfix\.com/],
  'shown-official': [{ code: 'shown-official', shownHost: 'jemfix.com', host: 'konto.example', slug: 'jem-fix' }, /visar jemfix\.com.*leder till konto\.example/],
  forwarded: [{ code: 'forwarded', from: 'jemfix.com', host: 'konto.example', slug: 'jem-fix' }, /på jemfix\.com skickar dig vidare till konto\.example/],
  shortener: [{ code: 'shortener', host: 'bit.ly' }, /länkförkortare/],
  stacked: [{ code: 'stacked', officialHost: 'jemfix.com', host: 'konto.example', slug: 'jem-fix' }, /börjar med jemfix\.com men tillhör konto\.example/],
  hosted: [{ code: 'hosted', host: 'jemfix.web.app', hosting: { service: 'Firebase (Google)', suffix: 'web.app' }, imitation }, /hos Firebase \(Google\) \(web\.app\).*vem som helst/],
  'lookalike-host': [{ code: 'lookalike-host', host: 'xn--jmfix-zwe.com', imitation }, /xn--jmfix-zwe\.com \(jеmfix\.com\) liknar jem & fix \(jemfix\.com\) men använder tecken som liknar/],
  'free-mail': [{ code: 'free-mail', host: 'gmail.com' }, /gratis e-posttjänst/],
  'ip-address': [{ code: 'ip-address', host: '127.0.0.1' }, /IP-adress \(127\.0\.0\.1\)/],
  'no-dot': [{ code: 'no-dot', host: 'jemfix', imitation }, /utan toppdomän.*liknar jem & fix/],
  'unlisted-suffix': [{ code: 'unlisted-suffix', host: 'jemfix.kundservice', imitation: null }, /inte på någon riktig toppdomän; /],
  'too-long': [{ code: 'too-long' }, /längre än ett domännamn/],
  'not-a-web-link': [{ code: 'not-a-web-link', scheme: 'javascript' }, /kör ett skript \(javascript:\)/],
  'unreadable-link': [{ code: 'unreadable-link' }, /kan inte läsa säkert vart länken leder/],
  'too-long-link': [{ code: 'too-long-link', limit: 2048 }, /längre än de 2\s048 tecken/],
  'unknown-host': [{ code: 'unknown-host', host: 'semester.netlify.app', hosting: { service: 'Netlify', suffix: 'netlify.app' } }, /finns inte bland.*hos Netlify/],
  'other-page': [{ code: 'other-page', host: 'play.google.com', pages: ['play.google.com/store/apps/details?id=se.exempelbolaget.app'], slug: 'exempelbolaget' }, /^På play\.google\.com är bara play\.google\.com\/store\/apps\/details\?id=se\.exempelbolaget\.app bland Exempelbolagets officiella adresser/],
  'official-phone': [{ code: 'official-phone', display: '046-28 52 900', label: 'Kundtjänst', slug: 'jem-fix' }, /^046-28 52 900 är jem & fix:s officiella nummer \(Kundtjänst\)\.$/],
  'phone-near': [{ code: 'phone-near', display: '046-28 52 900', digits: 2, slug: 'jem-fix' }, /två siffror/],
  'unknown-phone': [{ code: 'unknown-phone' }, /finns inte bland de officiella numren/],
  'official-handle': [{ code: 'official-handle', handle: 'jemfix.se', platform: 'instagram', slug: 'jem-fix' }, /officiella konto på Instagram/],
  'handle-elsewhere': [{ code: 'handle-elsewhere', handle: 'jemfix.se', platform: 'facebook', officialPlatform: 'instagram', slug: 'jem-fix' }, /heter jemfix\.se på Instagram, inte på Facebook/],
  'lookalike-handle': [{ code: 'lookalike-handle', handle: 'jemfix_sverige', platform: 'facebook', imitation: { ...imitation, how: 'contains' }, official: [{ platform: 'facebook', handle: 'jemofixsverige' }] }, /det officiella heter jemofixsverige på Facebook/],
  'unknown-handle': [{ code: 'unknown-handle', handle: 'nagon' }, /Kontot nagon finns inte/],
  'official-sender-id': [{ code: 'official-sender-id', name: 'PROVBANKEN', slug: 'provbanken' }, /Provbanken själva uppger.*vem som helst/],
  'sender-id-like': [{ code: 'sender-id-like', name: 'JEMFIX', slug: 'jem-fix' }, /liknar jem & fix, men vem som helst/],
  'sender-id-unlisted': [{ code: 'sender-id-unlisted', name: 'PROVBANK', slug: 'provbanken', listed: ['PROVBANKEN'] }, /skickar sms från PROVBANKEN, inte från PROVBANK/],
  'unknown-sender-id': [{ code: 'unknown-sender-id', name: 'INFO' }, /Vem som helst/],
  'not-the-company': [{ code: 'not-the-company', slug: 'jem-fix', kind: 'phone', inner: { code: 'unknown-phone' } }, /^Meddelandet säger sig komma från jem & fix, men numret är inte ett av företagets officiella\. Numret finns inte/],
} // biome-ignore format: a table

describe('describeReason', () => {
  it.each(Object.entries(EVERY_REASON))('words %s', (_code, [reason, sentence]) => {
    expect(describeReason(reason, names)).toMatch(sentence)
  })

  it('says plainly that a same-name address on another domain is another address', () => {
    const reason: Reason = {
      code: 'lookalike-host',
      host: 'jemfix.net',
      imitation: { ...imitation, how: 'same-name' },
    }
    expect(describeReason(reason, names)).toBe(
      'jemfix.net har samma namn som jem & fix (jemfix.com) men är en helt annan adress; det är inte en av företagets officiella adresser.',
    )
  })

  it('puts names in the genitive the way the rest of the site does', () => {
    expect(genitive('Provbanken')).toBe('Provbankens')
    expect(genitive('jem & fix')).toBe('jem & fix:s')
    expect(genitive('Lars')).toBe('Lars')
  })
})

describe('verdictSummary', () => {
  const summary = (text: string, sender?: string) => {
    const result = checkMessage(checkerIndex, { text, sender })
    return verdictSummary(result, names)
  }

  it('names the lookalike, the number and the warning sign that fired', () => {
    const words = summary(
      'jem & fix: betala på https://jemfix-present.example/abc eller ring 046-28 52 901',
    )
    expect(words.title).toBe('Misstänkt meddelande')
    expect(words.reasons).toEqual([
      'Länken hxxps://jemfix-present[.]example/abc liknar jem & fix:s adress men tillhör någon annan.',
      'Numret 046-28 52 901 liknar jem & fix:s officiella nummer men är ett annat.',
      'Meddelandet vill att du betalar, loggar in eller bekräftar uppgifter via en länk.',
    ])
    expect(words.advice).toContain('Kontakta jem & fix')
  })

  it('gives generic advice when no company is involved', () => {
    const words = summary('Hej mamma, mitt nya nummer är detta. Kan du swisha mig?')
    expect(words.reasons).toHaveLength(2)
    expect(`${words.lead} ${words.advice}`).not.toMatch(/företag/)
  })

  it.each([
    ['a company and no contact point', 'Hej från jem & fix!', /nämner jem & fix/],
    [
      'neither company nor contact point',
      'Hej! Vi ses i morgon.',
      /inga länkar, adresser, nummer eller konton/,
    ],
    [
      'contact points of no known company',
      'Läs https://nyheter.example.com/a',
      /kontaktvägarna i det finns inte/,
    ],
  ])('says an unknown verdict fits the case: %s', (_case, text, lead) => {
    const words = summary(text)
    expect(words.title).toBe('Vi kan inte avgöra meddelandet')
    expect(words.lead).toMatch(lead)
  })

  it('names every company whose contacts an official message holds', () => {
    const words = summary(
      'Hej från Exempelbolaget! Garantifrågor? Ring jem & fix på 046-28 52 900 eller oss på 08-465 004 00.',
    )
    expect(words.title).toBe('Kontaktvägarna är officiella')
    expect(words.lead).toMatch(
      /hör till (jem & fix och Exempelbolaget|Exempelbolaget och jem & fix) enligt företagens egna varningar/,
    )
  })

  it('names both companies when a message that names none gives the contacts of two', () => {
    const words = summary('Frågor? Ring 046-28 52 900 eller 08-465 004 00.')
    expect(words.title).toBe('Kontaktvägarna är officiella')
    expect(words.lead).toMatch(/jem & fix och Exempelbolaget|Exempelbolaget och jem & fix/)
  })

  it('warns that an official sender name can be faked', () => {
    expect(summary('Ring 031-390 06 00.', 'PROVBANKEN').advice).toMatch(
      /avsändarnamn kan ändå förfalskas/,
    )
  })
})

describe('another page on a platform where several companies have pages', () => {
  it('names neither a company nor a page', () => {
    const sentence = describeReason(
      { code: 'other-page', host: 'facebook.com', pages: [], slug: null },
      names,
    )
    expect(sentence).toMatch(/^På facebook\.com är bara enskilda företags sidor officiella/)
    expect(sentence).not.toMatch(/Exempelbolaget|jem & fix/)
  })
})
