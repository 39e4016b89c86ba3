import { describe, expect, it } from 'vitest'
import { check } from '../../support/checker'

// Third adversarial review of issue 9. jem & fix's name and number are the real record's; the
// requests and figures are made up. FICTION.

// DENIAL (red-flags.ts) blanks up to 160 characters after "ber aldrig", "skickar aldrig",
// "will never"…, stopping only at . ! ? ; : a newline, " men ", " but ", " utan ", " däremot "
// or a spaced dash. "så", "därför", "so" and a comma do not stop it, so a scam that opens with
// the company's own promise and goes on, in the same sentence, to ask for the personnummer and
// card number by reply fires no warning sign; its only contact is the official number, so it is
// official-contacts. Should: the clause after "så"/"därför"/"so"/a comma is a new request.
describe('a denial does not hide the request that follows it', () => {
  it.each([
    'jem & fix: Vi ber aldrig om uppgifter via länk, så svara direkt på detta sms med ditt personnummer och kortnummer. Frågor? Ring 046-28 52 900.',
    'jem & fix skickar aldrig länkar, därför ber vi dig svara med ditt personnummer, kortnummer och CVC här. Frågor? Ring 046-28 52 900.',
    'jem & fix: We will never send links, so reply with your card number and CVC. Call 046-28 52 900.',
  ])('%s', (text) => {
    const result = check(text)
    expect(result.verdict).toBe('suspicious')
    expect(result.redFlags.map((f) => f.id)).toContain('card-details')
  })
})

// "A genuine message should not be called a scam": ordinary jem & fix messages from the
// official address with the official number. SERVICE in red-flags.ts lists "skickas",
// "levereras"… but not the noun "Leverans", so "Leverans inom 3 dagar" fires urgent-deadline, and so does "…och svarar inom 24 timmar"
// ("vi" must come right before "svarar");
// "presentkort" fires prize unless "med"/"betalsätt" comes right before it, so a gift card's
// activation notice is a prize lure.
describe('a genuine jem & fix message is not suspicious', () => {
  it.each([
    [
      'an order confirmation with a delivery time',
      'Tack för din order hos jem & fix! Ordernummer 4471190. Leverans inom 3 dagar. Frågor? Mejla kundtjanst@jemfix.com eller ring 046-28 52 900.',
    ],
    [
      'a reply-time promise after "och"',
      'Vi har tagit emot ditt ärende och svarar inom 24 timmar. jem & fix kundtjänst, 046-28 52 900',
    ],
    [
      'a gift card activation',
      'jem & fix: Ditt presentkort på 500 kr är aktiverat. Se saldo på jemfix.com/presentkort. Kundtjänst 046-28 52 900',
    ],
  ])('%s', (_name, text) => {
    const result = check(text, 'jem & fix <noreply@jemfix.com>')
    expect(result.redFlags.filter((f) => !f.id.startsWith('tip:'))).toEqual([])
    expect(result.verdict).toBe('official-contacts')
  })
})

// Warning words in pasted HTML: redFlagsOf reads readableWords(text), which neither drops tags
// nor decodes entities, so a word split by a tag or spelled with &shy; or &#112; does not
// fire, although the reader sees "personnummer". With only the official number the message is
// official-contacts.
describe('warning words in HTML still fire', () => {
  it.each([
    ['&shy; inside the words', 'svara med ditt person&shy;nummer och kort&shy;nummer'],
    ['tags inside the words', 'svara med ditt <b>person</b>nummer och kort<span>nummer</span>'],
    ['a numeric reference for a letter', 'svara med ditt &#112;ersonnummer och &#107;ortnummer'],
  ])('%s', (_name, html) => {
    const result = check(`jem & fix: ${html}. Frågor? Ring 046-28 52 900.`)
    expect(result.verdict).toBe('suspicious')
    expect(result.redFlags.map((f) => f.id)).toContain('personnummer')
  })
})

// The company's own denial in wordings DENIAL (red-flags.ts) does not list: "ber inte om",
// English "never ask", the subordinate-clause order "att jem & fix aldrig ber om" (adverb
// before the verb), and advice with the object first ("… ska du aldrig lämna ut"). Each fires
// personnummer, card-details or bankid on a genuine notice from the official address.
describe("a genuine notice's own denial does not fire warning signs", () => {
  it.each([
    'jem & fix: Vi ber inte om ditt personnummer eller kortnummer via sms.',
    'jem & fix: We never ask for your card number or BankID by email.',
    'Observera att jem & fix aldrig ber om ditt personnummer eller kortnummer via länk.',
    'jem & fix ber aldrig om uppgifter i sms. Ditt personnummer och dina kortuppgifter ska du aldrig lämna ut.',
  ])('%s', (text) => {
    const result = check(`${text} Kundtjänst 046-28 52 900`, 'jem & fix <noreply@jemfix.com>')
    expect(result.redFlags.filter((f) => !f.id.startsWith('tip:'))).toEqual([])
    expect(result.verdict).toBe('official-contacts')
  })
})
