import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatNumber,
  genitive,
  swedishCollator,
  telHref,
} from '../../templates/format'

describe('Swedish numbers, plurals and genitives', () => {
  it('groups thousands with a (no-break) space', () => {
    expect(formatNumber(10_000)).toBe('10\u00a0000')
    expect(formatNumber(1_234_567)).toBe('1\u00a0234\u00a0567')
    expect(formatNumber(999)).toBe('999')
  })

  it.each([
    [0, '0 varningar'],
    [1, '1 varning'],
    [2, '2 varningar'],
    [10_000, '10\u00a0000 varningar'],
  ])('counts %i as "%s"', (n, text) => {
    expect(formatCount(n, 'varning', 'varningar')).toBe(text)
  })

  it.each([
    ['jem & fix', 'jem & fix:s'],
    ['Provbutiken', 'Provbutikens'],
    ['Exempelbolaget', 'Exempelbolagets'],
    ['Lars', 'Lars'],
    ['Max', 'Max'],
    ['Berlioz', 'Berlioz'],
    ['SJ', 'SJ:s'],
    ['Exempel AB', 'Exempel AB:s'],
    ['Tele2', 'Tele2:s'],
    ['H&M', 'H&M:s'],
    ['Coca-Cola', 'Coca-Colas'],
    ['Åhléns', 'Åhléns'],
  ])('writes the genitive of %s as %s', (name, expected) => {
    expect(genitive(name)).toBe(expected)
  })

  it('sorts names A to Ö: Å, Ä and Ö after Z, case aside', () => {
    const names = ['Ödla', 'zeta', 'Ärlig', 'Åker', 'apel', 'Beta', 'Öst']
    expect(names.sort(swedishCollator().compare)).toEqual([
      'apel',
      'Beta',
      'zeta',
      'Åker',
      'Ärlig',
      'Ödla',
      'Öst',
    ])
  })

  it('makes tel: links only of E.164 numbers', () => {
    expect(telHref('+46462852900')).toBe('tel:+46462852900')
    for (const bad of ['046-28 52 900', 'javascript:alert(1)', '+46 46', '+0462852900', ''])
      expect(telHref(bad)).toBeUndefined()
  })
})
