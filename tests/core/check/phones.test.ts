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
})
