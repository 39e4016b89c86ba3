import { describe, expect, it } from 'vitest'
import { numberText, readableNumbers, readableWords } from '../../../src/core/check/plain-text'

describe('readableWords', () => {
  it.each([
    ['a soft hyphen', 'person\u00adnummer'],
    ['a zero-width space', 'person\u200bnummer'],
    ['a word joiner and a zero-width joiner', 'per\u2060son\u200dnummer'],
    ['a Cyrillic е and о', 'p\u0435rs\u043ennummer'],
    ['a Greek capital Ρ', '\u03a1ersonnummer'],
    ['fullwidth letters', 'ｐｅｒｓｏｎｎｕｍｍｅｒ'],
    ['capitals', 'PERSONNUMMER'],
    ['an accent', 'pérsonnummer'],
    ['combining marks', 'p\u0334ersonn\u0301ummer'],
  ])('reads a word written with %s as the reader sees it', (_case, word) => {
    expect(readableWords(word)).toBe('personnummer')
  })

  it('leaves Swedish letters and other text as they are', () => {
    expect(readableWords('Stängs för inventering – Åre, Örebro? 😀 👍🏽')).toBe(
      'stängs för inventering – åre, örebro? 😀 👍🏽',
    )
  })
})

describe('readableNumbers', () => {
  it('writes fullwidth digits, typographic hyphens and spaces the ASCII way', () => {
    expect(readableNumbers('０７０\u2011１７４\u2009０６\u202f０５\u2212１')).toBe(
      '070-174 06 05-1',
    )
  })

  it('keeps the length, so offsets still point into the text as written', () => {
    const text = 'a\u00ad0\u{e0041}1\u200b2'
    expect(readableNumbers(text)).toBe('a 0  1 2')
    expect(readableNumbers(text)).toHaveLength(text.length)
  })

  it('returns plain text unchanged', () => {
    const text = 'Ring 046-28 52 900 kl 8.00–17.00'
    expect(readableNumbers(text)).toBe(text)
  })

  it('reads circled digits as digits', () => {
    expect(readableNumbers('⓪⑦⓪-①⑦④ ❶➀➊ ⓿⑨')).toBe('070-174 111 09')
  })

  it.each([
    ['O70-174 06 05', '070-174 06 05'],
    ['07O-174 O6 0O', '070-174 06 00'],
    ['\u041e70 (a Cyrillic О)', '070 (a Cyrillic О)'],
  ])('reads a capital O among digits as a zero: %s', (written, read) => {
    expect(readableNumbers(written.replace('\\u041e', '\u041e'))).toBe(read)
  })

  // "O2-kort" does read as 02-kort: two digits, which no reader of numbers takes for a phone
  // number (the genuine-message tests check such words end to end).
  it.each(['CO2', 'OK 070', 'PO123456', 'AO-2026', 'O-ringar 12', 'OO'])(
    'leaves an O that touches a letter or no digit a letter: %s',
    (text) => {
      expect(readableNumbers(text)).toBe(text)
    },
  )
})

describe('numberText', () => {
  it('reads mathematical digits as ASCII and maps offsets both ways', () => {
    const written = 'Ring 𝟎𝟕𝟎-𝟏𝟕𝟒 𝟶𝟼 𝟷𝟶!'
    const view = numberText(written)
    expect(view.text).toBe('Ring 070-174 06 10!')
    const at = view.text.indexOf('174')
    expect(written.slice(view.writtenAt(at), view.writtenAt(at + 3))).toBe('𝟏𝟕𝟒')
    expect(view.mappedAt(written.indexOf('𝟏𝟕𝟒'))).toBe(at)
    expect(view.mappedAt(written.length)).toBe(view.text.length)
  })

  it('keeps the offsets of a text without mathematical digits', () => {
    const view = numberText('０７０-１７４')
    expect(view.text).toBe('070-174')
    expect([view.writtenAt(3), view.mappedAt(3)]).toEqual([3, 3])
  })
})
