import { describe, expect, it } from 'vitest'
import { extractArticleContacts, extractContacts } from '../../../src/core/check'
import type { ArticleCandidate } from '../../../src/core/check/article-contacts'

/** A candidate as [kind, value as written, what it reads as]. */
function reading(candidate: ArticleCandidate) {
  switch (candidate.kind) {
    case 'email-domain':
    case 'domain':
    case 'url':
      return [candidate.kind, candidate.value, candidate.host.name]
    case 'email':
      return [candidate.kind, candidate.value, candidate.address]
    case 'phone':
      return [candidate.kind, candidate.value, candidate.e164]
    case 'handle':
      return [candidate.kind, candidate.value, `${candidate.platform}:${candidate.handle}`]
    case 'sender-id':
      return [candidate.kind, candidate.value, candidate.name]
  }
}

const read = (sentence: string) => extractArticleContacts(sentence).map(reading)

describe('extractArticleContacts: what an article says that a message would not', () => {
  it.each([
    [
      'an e-mail domain written as @domain',
      'Deras e-postadresser avslutas alltid med @jemfix.com och ingenting annat.',
      [['email-domain', '@jemfix.com', 'jemfix.com']],
    ],
    [
      'an account named after "heter företaget", and a handle that looks like a domain after a platform',
      'På Facebook heter företaget jemofixsverige och på Instagram jemfix.se, vilket innebär att konton med andra namn är falska.',
      [
        ['handle', 'jemofixsverige', 'facebook:jemofixsverige'],
        ['handle', 'jemfix.se', 'instagram:jemfix.se'],
      ],
    ],
    [
      'a handle that looks like a domain after "heter vi"',
      'På Instagram heter vi provbutiken.example.com (påhittat).',
      [['handle', 'provbutiken.example.com', 'instagram:provbutiken.example.com']],
    ],
    [
      'an @domain in a sentence about e-mail even with a platform named',
      'Mejl från oss slutar alltid på @exempelbolaget.example.se, och på Facebook heter vi exempelbolaget.',
      [
        ['email-domain', '@exempelbolaget.example.se', 'exempelbolaget.example.se'],
        ['handle', 'exempelbolaget', 'facebook:exempelbolaget'],
      ],
    ],
  ])('reads %s', (_what, sentence, expected) => {
    expect(read(sentence)).toEqual(expected)
  })

  it.each([
    [
      'a number',
      'Som kund kan du bara ringa företagets kundtjänst på telefonnummer 046-28 52 900.',
      [['phone', '046-28 52 900', '+46462852900']],
    ],
    [
      'an address',
      'Mejla kundtjanst@exempelbolaget.example.se om du är osäker.',
      [['email', 'kundtjanst@exempelbolaget.example.se', 'kundtjanst@exempelbolaget.example.se']],
    ],
    [
      'a bare domain',
      'Vår webbplats är www.exempelbolaget.example.se.',
      [['domain', 'www.exempelbolaget.example.se', 'www.exempelbolaget.example.se']],
    ],
    [
      'an @handle after a platform',
      'Instagram: @exempelbolaget_sverige',
      [['handle', '@exempelbolaget_sverige', 'instagram:exempelbolaget_sverige']],
    ],
    [
      'the fiction ranges',
      'Ring 08-465 004 10, 031-390 06 50 eller 070-174 06 50.',
      [
        ['phone', '08-465 004 10', '+46846500410'],
        ['phone', '031-390 06 50', '+46313900650'],
        ['phone', '070-174 06 50', '+46701740650'],
      ],
    ],
  ])('reads %s as the checker does', (_what, sentence, expected) => {
    expect(read(sentence)).toEqual(expected)
    expect(extractContacts(sentence).candidates.map(reading)).toEqual(expected)
  })

  it.each([
    ['a date line', '2026 02 28'],
    ['a date with a time', 'Publicerad 2026 02 28 kl 08 00'],
    ['a count of shops', 'med över 70 butiker runt om i landet'],
    ['a photo credit with a platform and a number after it', 'Foto: A. Ismaylov, FB 28'],
    [
      'the company writing its name',
      'Företaget skriver också alltid sitt företagsnamn jem & fix med små bokstäver.',
    ],
    ['a platform with no account named', 'Bedrägeriförsök pågår via sms, e-post och på Facebook.'],
    [
      'a plain word after a platform without a naming verb',
      'På Facebook finns många falska konton.',
    ],
  ])('finds nothing in %s', (_what, sentence) => {
    expect(read(sentence)).toEqual([])
  })
})
