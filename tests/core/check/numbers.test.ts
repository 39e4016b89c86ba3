import { describe, expect, it } from 'vitest'
import {
  type NumberMeaning,
  numberMeaning,
  numberRuns,
  wordBefore,
} from '../../../src/core/check/numbers'

describe('numberMeaning', () => {
  it.each<[string, string | null, string, NumberMeaning]>([
    ['4471190', 'ordernummer', '', 'reference'],
    ['0471190123', 'ordernr', '', 'reference'],
    ['0846500401', 'kundnummer', '', 'reference'],
    ['0701740605', 'ocr', '', 'reference'],
    ['0701740605', 'ocr-nummer', '', 'reference'],
    ['0313900601', 'referens', '', 'reference'],
    ['0462852901', 'art.nr', '', 'reference'],
    ['0123 45', 'postnummer', '', 'reference'],
    ['0701740605', 'fakturanummer', '', 'reference'],
    ['0701740605', 'order', '', 'reference'],
    ['15', null, '%', 'percent'],
    ['0,5', null, ' procent', 'percent'],
    ['249', null, ' kr', 'amount'],
    ['0', null, ':-', 'amount'],
    ['249.90', null, '', 'amount'],
    ['1 249,90', null, '', 'amount'],
    ['0701740605', 'summa', '', 'amount'],
    ['14.30', null, '', 'time'],
    ['08:00', null, '', 'time'],
    ['8.00-17.00', null, '', 'time'],
    ['08.30–16.30', null, '', 'time'],
    ['14', 'kl', '', 'time'],
    ['2026-03-04', null, '', 'date'],
    ['04.03.2026', null, '', 'date'],
    ['4/3', null, '', 'date'],
    ['20260301', null, '', 'date'],
    ['1.2.345', null, '', 'version'],
    ['0.9.12', null, '', 'date'],
    ['2.0', 'version', '', 'version'],
    ['046-28 52 900', null, '', 'phone-like'],
    ['046-28 52 900', 'ring', '', 'phone-like'],
    ['0701740605', 'telefonnummer', '', 'phone-like'],
    ['0462852900', 'kundtjänstnummer', '', 'phone-like'],
    ['0701740605', 'nummer', '', 'phone-like'],
    ['+46 70 174 06 05', null, '', 'phone-like'],
    ['20261301', null, '', 'phone-like'],
  ])('reads %s (after "%s", before "%s") as %s', (written, before, after, meaning) => {
    expect(numberMeaning(written, before, after)).toBe(meaning)
  })
})

describe('numberRuns', () => {
  it('finds runs of digits and separators, with where each digit group starts', () => {
    expect(numberRuns('Ring 046-28 52 900 nu')).toEqual([
      { text: '046-28 52 900', start: 5, groupStarts: [0, 4, 7, 10] },
    ])
  })

  it('starts a run at + or ( before a digit', () => {
    expect(numberRuns('x +46 (0)46 y').map((r) => r.text)).toEqual(['+46 (0)46'])
    expect(numberRuns('(031) 390').map((r) => r.text)).toEqual(['(031) 390'])
  })

  it('ends a run at four separators in a row or at a letter', () => {
    expect(numberRuns('070 - - 174 och 12 - 1').map((r) => r.text)).toEqual([
      '070',
      '174',
      '12 - 1',
    ])
  })

  it('skips digits inside words and runs that run into a word', () => {
    expect(numberRuns('abc123 4g 5 st')).toEqual([expect.objectContaining({ text: '5' })])
  })

  it('skips the spans it is told to skip', () => {
    const text = '0701740605 https://a.example/0701740605 0701740606'
    expect(numberRuns(text, [[11, 39]]).map((r) => r.text)).toEqual(['0701740605', '0701740606'])
  })

  it('reads 10,000 characters of digits in one pass', () => {
    const runs = numberRuns('1 '.repeat(5_000))
    expect(runs).toHaveLength(1)
    expect(runs[0]!.groupStarts).toHaveLength(5_000)
  })
})

describe('wordBefore', () => {
  it.each([
    ['Ordernummer 4471190', 12, 'ordernummer'],
    ['OCR-nummer: 0123', 12, 'ocr-nummer'],
    ['art.nr 0123', 7, 'art.nr'],
    ['Tel. 046', 5, 'tel.'],
    ['(0701740605', 1, null],
    ['0701740605', 0, null],
  ])('in "%s" at %i is %s', (text, position, word) => {
    expect(wordBefore(text, position)).toBe(word)
  })
})
