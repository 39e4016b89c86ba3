import { describe, expect, it } from 'vitest'
import { type ContactRole, sentenceRoles } from '../../../src/core/draft/contact-roles'
import { quotedSpans } from '../../../src/core/draft/quotes'

// FICTION: Exempelbolaget and the numbers (Swedish fiction range 08-465 004 00–99) are made up.

/** The role of a number (the last by default) in a sentence, read as readContacts reads it. */
function roleOfNumber(sentence: string, which = -1): ContactRole {
  const numbers = [...sentence.matchAll(/08-465 004 \d\d/g)]
  const spans = numbers.map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const at = spans.at(which)!.start
  return sentenceRoles(sentence, spans, quotedSpans(sentence))(at, /Exempelbolagets/iu)
}

describe('sentenceRoles', () => {
  it.each([
    ['Exempelbolagets enda nummer är 08-465 004 00.', 'official'],
    ['Kundtjänst nås endast på 08-465 004 00.', 'official'],
    ['– Oss når du på 08-465 004 00, säger Exempelbolagets presschef.', 'official'],
    ['Det rätta numret är 08-465 004 00.', 'official'],
    // A frame about the scam in an earlier clause is not about this contact.
    [
      'Exempelbolaget varnar för bedragare och påminner om att företagets enda nummer är 08-465 004 00.',
      'official',
    ],
    // "men" turns away from the scam before it.
    [
      'I sms:en står ett annat nummer, men Exempelbolagets enda nummer är 08-465 004 00.',
      'official',
    ],
    ['Bedragarna ringer från 08-465 004 99.', 'fake'],
    // A function's name is no claim of ownership: the scam says "kundtjänst" too.
    ['Ring kundtjänst på 08-465 004 10.', 'unclear'],
    ['I sms:en uppmanas kunderna att ringa kundtjänst på 08-465 004 10.', 'in-scam'],
    // The scam's context in an earlier clause reaches the contact's.
    [
      'I sms:en, som ser ut att komma från Exempelbolaget, står Exempelbolagets nummer 08-465 004 13.',
      'in-scam',
    ],
    // A clause after "men" takes no role from before it.
    [
      'Exempelbolagets enda nummer är 08-465 004 00, men 08-465 004 10 förekommer också.',
      'unclear',
    ],
    // A later clause that says the scam wrote it, or where it stood.
    ['Exempelbolagets riktiga nummer är 08-465 004 10, skriver bedragarna i sms.', 'in-scam'],
    ['Exempelbolagets riktiga nummer är 08-465 004 11, står det i sms:en.', 'in-scam'],
    // A later clause about other numbers is no scam context for this one.
    ['Exempelbolagets enda nummer är 08-465 004 00, och alla andra nummer är falska.', 'official'],
    [
      'Meddelandet ser ut att komma från Exempelbolagets officiella nummer 08-465 004 15.',
      'in-scam',
    ],
    ['Exempelbolaget skriver: ”Vårt enda nummer är 08-465 004 00.”', 'quoted'],
    ['Sms:et ”från vår kundtjänst” kom från 08-465 004 16 i går.', 'in-scam'],
  ] as const)('%s → %s', (sentence, role) => {
    expect(roleOfNumber(sentence)).toBe(role)
  })

  it('reads each side of "men" on its own', () => {
    const sentence =
      'Exempelbolagets enda nummer är 08-465 004 00, men sms:en kommer från 08-465 004 99.'
    expect(roleOfNumber(sentence, 0)).toBe('official')
    expect(roleOfNumber(sentence, 1)).toBe('in-scam')
  })

  it('reads the company’s words inside a quote as no statement of the article’s', () => {
    // Outside the quote nothing says whose the number is; "vår" is in the quoted words.
    expect(roleOfNumber('Numret 08-465 004 17 står bredvid orden ”vår kundtjänst”.')).toBe(
      'unclear',
    )
  })
})
