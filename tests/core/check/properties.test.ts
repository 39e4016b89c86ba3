import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../support/app'
import { check, checkerCatalog } from '../../support/checker'
import { randomContact, randomHandle } from '../../support/random-contacts'

// Properties over generated messages, to find what hand-picked examples miss. The official
// contacts come from the records (jem & fix's real record and the fictional companies).

const anyText = fc.string({ unit: 'grapheme', maxLength: 300 })

describe('random messages', () => {
  const { app } = createTestApp(checkerCatalog())

  it('never answer 5xx, whatever the text and sender', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 300 })),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined }),
        async (text, sender) => {
          const res = await app.request('/api/check', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ text, sender }),
          })
          expect(res.status).toBeLessThan(500)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never call a random host, number or handle official', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(randomContact, anyText), { minLength: 1, maxLength: 8 }),
        fc.option(fc.oneof(randomContact, randomHandle), { nil: undefined }),
        (parts, sender) => {
          const result = check(parts.join(' '), sender)
          expect(result.findings.filter((f) => f.status === 'official')).toEqual([])
          expect(result.verdict).not.toBe('official-contacts')
        },
      ),
      { numRuns: 500 },
    )
  })
})

// Ordinary numbers a genuine message is full of.
const pad = (n: number) => String(n).padStart(2, '0')
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean())
  .chain(([hour, minute, padded]) =>
    fc.constantFrom(
      `${padded ? pad(hour) : hour}.${pad(minute)}`,
      `kl ${hour}`,
      `${pad(hour)}:${pad(minute)}`,
      `${padded ? pad(hour) : hour}.00-${pad((hour + 8) % 24)}.${pad(minute)}`,
      `${pad(hour)}.${pad(minute)}–${pad((hour + 1) % 24)}.00`,
    ),
  )
const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2039-12-31'), noInvalidDate: true })
  .chain((d) => {
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
    return fc.constantFrom(
      `${y}-${pad(m)}-${pad(day)}`,
      `${pad(day)}.${pad(m)}.${y}`,
      `${day}/${m}`,
      `${y}${pad(m)}${pad(day)}`,
      `${pad(day)}-${pad(m)}-${y}`,
    )
  })
const price = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
  .chain(([kronor, ore]) =>
    fc.constantFrom(
      `${kronor},${pad(ore)} kr`,
      `${kronor}.${pad(ore)}`,
      `${kronor}:-`,
      `${kronor} kr`,
      `${kronor.toLocaleString('sv-SE')} SEK`,
      `${ore} %`,
    ),
  )
const reference = fc
  .tuple(
    fc.constantFrom(
      'Ordernummer',
      'ordernr',
      'Kundnummer',
      'OCR',
      'Referens',
      'Artikelnummer',
      'Fakturanummer',
      'Bokningsnummer',
    ),
    fc.stringMatching(/^0?[0-9]{5,11}$/),
    fc.constantFrom(' ', ': ', ' #'),
  )
  .map(([word, digits, glue]) => `${word}${glue}${digits}`)
const ordinary = fc.oneof(time, date, price, reference)
const filler = fc.constantFrom(
  'Hej!',
  'Tack för din beställning.',
  'Paketet kan hämtas',
  'i butiken',
  'från',
  'Mvh',
  'Öppet',
  'Leverans',
  'Summa',
  'Vi ses.',
)

/** A company's official contacts, written as a genuine message would. */
const GENUINE: Record<string, { name: string; contacts: string[]; senders: string[] }> = {
  'jem-fix': {
    name: 'jem & fix',
    contacts: [
      '046-28 52 900',
      '+46 46 285 29 00',
      'kundtjanst@jemfix.com',
      'facebook.com/jemofixsverige',
      'Instagram @jemfix.se',
    ],
    senders: ['jem & fix <noreply@jemfix.com>', '046-28 52 900'],
  },
  exempelbolaget: {
    name: 'Exempelbolaget',
    contacts: [
      'https://www.exempelbolaget.example.se/order',
      '08-465 004 00',
      'kund@exempelbolaget.example.se',
    ],
    senders: ['Exempelbolaget <info@exempelbolaget.example.se>'],
  },
  provbanken: {
    name: 'Provbanken',
    contacts: ['031-390 06 00', 'https://provbanken.example.se/'],
    senders: ['PROVBANKEN'],
  },
}

describe('genuine messages', () => {
  it('are official-contacts whatever times, dates, prices and references they hold', () => {
    const message = fc.constantFrom(...Object.values(GENUINE)).chain((company) =>
      fc.record({
        company: fc.constant(company),
        contacts: fc.subarray(company.contacts, { minLength: 1 }),
        numbers: fc.array(ordinary, { minLength: 1, maxLength: 8 }),
        words: fc.array(filler, { maxLength: 6 }),
        sender: fc.option(fc.constantFrom(...company.senders), { nil: undefined }),
      }),
    )
    fc.assert(
      fc.property(message, ({ company, contacts, numbers, words, sender }) => {
        const parts = [company.name, ...words, ...numbers, ...contacts]
        const text = `${parts.join(' ')}.`
        const result = check(text, sender)
        expect(
          result.findings.filter((f) => f.status !== 'official'),
          text,
        ).toEqual([])
        expect(result.verdict, text).toBe('official-contacts')
      }),
      { numRuns: 500 },
    )
  })
})
