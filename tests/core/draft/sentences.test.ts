import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../../src/core/draft/sentences'

describe('splitSentences', () => {
  it.each([
    [
      'Man bör alltid kolla avsändaren, skriver företaget. Deras e-postadresser avslutas alltid med @jemfix.com och ingenting annat.',
      [
        'Man bör alltid kolla avsändaren, skriver företaget.',
        'Deras e-postadresser avslutas alltid med @jemfix.com och ingenting annat.',
      ],
    ],
    [
      '– Är texten i meddelandet konstigt formulerad? Vid bedrägeri är texten ofta översatt av en dator, påpekar företaget.',
      [
        '– Är texten i meddelandet konstigt formulerad?',
        'Vid bedrägeri är texten ofta översatt av en dator, påpekar företaget.',
      ],
    ],
    [
      'Ring t.ex. kundtjänst på 08-465 004 00. Besök bl.a. www.exempelbolaget.example.se för mer.',
      [
        'Ring t.ex. kundtjänst på 08-465 004 00.',
        'Besök bl.a. www.exempelbolaget.example.se för mer.',
      ],
    ],
    ['Foto: A. Ismaylov, FB', ['Foto: A. Ismaylov, FB']],
    ['Hon sa: ”Radera det.” Sedan ringde hon.', ['Hon sa: ”Radera det.”', 'Sedan ringde hon.']],
    ['Öppet kl. 8–17. – Ring oss!', ['Öppet kl. 8–17.', '– Ring oss!']],
  ])('splits %s', (paragraph, sentences) => {
    expect(splitSentences(paragraph).map((s) => s.text)).toEqual(sentences)
  })

  it('gives each sentence its offset in the paragraph', () => {
    const text = 'Ett. Två.'
    expect(splitSentences(text)).toEqual([
      { text: 'Ett.', start: 0 },
      { text: 'Två.', start: 5 },
    ])
  })
})
