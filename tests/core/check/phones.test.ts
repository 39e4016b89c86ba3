import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check/limits'
import { findPhones, PhoneBudget } from '../../../src/core/check/phones'

function phones(text: string) {
  return findPhones(text, new PhoneBudget()).map((p) => [p.value, p.e164])
}

describe('findPhones', () => {
  it.each([
    ['Ring 046-28 52 900', '046-28 52 900', '+46462852900'],
    ['Ring +46 (0)46-28 52 900', '+46 (0)46-28 52 900', '+46462852900'],
    ['Ring 0046 46 285 29 00', '0046 46 285 29 00', '+46462852900'],
    ['Ring (046) 28 52 900', '(046) 28 52 900', '+46462852900'],
    ['Ring 046/285 29 00', '046/285 29 00', '+46462852900'],
    ['Ring 046–28 52 900', '046–28 52 900', '+46462852900'],
    ['Ring 070.174.06.05', '070.174.06.05', '+46701740605'],
    ['Call +1 202 555 0143', '+1 202 555 0143', '+12025550143'],
  ])('finds the number in "%s"', (text, value, e164) => {
    expect(phones(text)).toEqual([[value, e164]])
  })

  // The reader sees 070-174 06 05 in each; the value stays as written.
  it.each([
    ['a soft hyphen', '070-174\u00ad06 05'],
    ['a zero-width space', '0701740\u200b605'],
    ['a word joiner', '070\u2060174 06 05'],
    ['a non-breaking hyphen', '070\u2011174 06 05'],
    ['a minus sign', '070\u2212174 06 05'],
    ['thin spaces', '070\u2009174\u200906\u200905'],
    ['a narrow no-break space', '070\u202f174 06 05'],
    ['an ideographic space', '070\u3000174 06 05'],
    ['fullwidth digits and plus', '＋４６ ７０-１７４ ０６ ０５'],
  ])('reads a number written with %s', (_case, number) => {
    expect(phones(`Ring ${number} nu`)).toEqual([[number, '+46701740605']])
  })

  it.each([
    ['an ellipsis', 'Ring 070-174 06 05… nu'],
    ['a glued en dash', 'Ring 070-174 06 05– dygnet runt'],
    ['a call-forwarding code', 'Slå *21*070-174 06 05# nu'],
    ['a registering call-forwarding code', 'Slå **21*0701740605#'],
  ])('ends a number at %s', (_case, text) => {
    expect(phones(text).map(([, e164]) => e164)).toEqual(['+46701740605'])
  })

  it('reads a number written in keycap digits (the value ends at its last digit)', () => {
    expect(phones('Ring 0️⃣7️⃣0️⃣1️⃣7️⃣4️⃣0️⃣6️⃣0️⃣5️⃣ nu')).toEqual([['0️⃣7️⃣0️⃣1️⃣7️⃣4️⃣0️⃣6️⃣0️⃣5', '+46701740605']])
  })

  it('keeps offsets: a number after invisible characters starts where it is written', () => {
    const text = '\u200b\u200bRing 070-174 06 05'
    expect(findPhones(text, new PhoneBudget())[0]?.start).toBe(text.indexOf('070'))
  })

  it.each([
    ['Faktura: 070-174 06 05', '+46701740605'],
    ['Order: +46 70-174 06 05', '+46701740605'],
  ])('reads a number grouped as a phone number after a reference word: "%s"', (text, e164) => {
    expect(phones(text).map(([, found]) => found)).toEqual([e164])
  })

  it.each(['Faktura: 0701740605', 'OCR 0123 4567 89', 'Kundnummer 0701740605'])(
    'still reads an ungrouped number after a reference word as a reference: "%s"',
    (text) => {
      expect(phones(text)).toEqual([])
    },
  )

  it('splits two numbers written one after the other', () => {
    expect(phones('Ring 046 285 29 00 070 174 06 05').map(([, e164]) => e164)).toEqual([
      '+46462852900',
      '+46701740605',
    ])
  })

  it.each([
    ['a number without a trunk 0 or a country code', 'Ring 4471190'],
    ['opening hours that libphonenumber reads as a Stockholm number', 'Öppet 08.30-16.30'],
    ['a date', 'Den 04.03.2026'],
    ['an order number', 'Ordernummer 0471190123'],
    ['a price', 'Pris 0701740605 kr'],
    ['too few digits', 'Ring 070 17'],
    ['an invalid number', 'Ring 0000000000'],
  ])('finds nothing in %s', (_case, text) => {
    expect(phones(text)).toEqual([])
  })

  it('validates each written form once, and stops at the limit of validations', () => {
    const budget = new PhoneBudget()
    const many = Array.from({ length: LIMITS.phoneParses + 10 }, (_, i) =>
      `07017406${String(i % 100).padStart(2, '0')}`.replace(
        /^(070)(\d)/,
        `$1${i >= 100 ? 1 : 0}$2`,
      ),
    )
    findPhones(many.join(', '), budget)
    expect(budget.exhausted).toBe(true)
  })

  it('does not count a number repeated many times against the limit', () => {
    const budget = new PhoneBudget()
    const found = findPhones('Ring 0701740605. '.repeat(300), budget)
    expect(found).toHaveLength(300)
    expect(budget.exhausted).toBe(false)
  })

  it.each([
    ['digits between zero-width spaces', '0\u200b'],
    ['fullwidth numbers', '０７０-１７４ ０６ ０５ '],
    ['keycap digits', '0\ufe0f\u20e3'],
    ['forwarding codes', '*21*0701740605#'],
  ])('reads 10,000 characters of %s within its limits, in linear time', (_case, unit) => {
    const text = unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000)
    const started = performance.now()
    findPhones(text, new PhoneBudget())
    // Pathological slowness only (a quadratic step takes seconds); figures are in the bench.
    expect(performance.now() - started).toBeLessThan(500)
  })
})
