import { describe, expect, it } from 'vitest'
import { readableNumbers, readableWords } from '../../../src/core/check/plain-text'

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
})
