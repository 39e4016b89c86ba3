import { describe, expect, it } from 'vitest'
import { gluedParts, tokenize } from '../../../src/core/check/tokens'

const texts = (text: string) => tokenize(text).map((t) => t.text)

describe('tokenize', () => {
  it('splits at whitespace, quotes and angle brackets, and trims punctuation', () => {
    expect(texts('Se (https://a.example/x), "b.example" och <c.example>.')).toEqual([
      'Se',
      'https://a.example/x',
      'b.example',
      'och',
      'c.example',
    ])
  })

  it('starts a new piece where a scheme begins inside one', () => {
    expect(texts('href=https://a.example/ [x](https://b.example/) xhttps://c.example')).toEqual([
      'href=',
      'https://a.example/',
      'x',
      'https://b.example/',
      'xhttps://c.example',
    ])
  })

  it('trims any punctuation, symbol or invisible character glued to a piece', () => {
    expect(
      texts('→www.a.example… •b.example™ c.example– \u200bd.example/x\u200b 👉e.example'),
    ).toEqual(['www.a.example', 'b.example', 'c.example', 'd.example/x', 'e.example'])
  })

  it('cuts at a quote unless an @ follows it in the same run', () => {
    expect(
      texts("'a.example' b.example's https://a.example'@b.example/x o'brien@c.example"),
    ).toEqual([
      'a.example',
      'b.example',
      's',
      "https://a.example'@b.example/x",
      "o'brien@c.example",
    ])
  })

  it('keeps a link inside a link in one piece', () => {
    expect(texts('https://a.example/?u=https://b.example/')).toEqual([
      'https://a.example/?u=https://b.example/',
    ])
  })

  it('gives each piece its position and the piece before it', () => {
    expect(tokenize('Ordernummer: 4471190')).toEqual([
      { text: 'Ordernummer', start: 0, end: 11, wordBefore: null },
      { text: '4471190', start: 13, end: 20, wordBefore: 'Ordernummer' },
    ])
  })
})

describe('gluedParts', () => {
  const parts = (piece: string) =>
    gluedParts({ text: piece, start: 10, end: 10 + piece.length, wordBefore: 'på' }).map(
      (p) => `${p.text}@${p.start}<${p.wordBefore}`,
    )

  it.each([
    ['jemfix.com,evil.example/login', ['jemfix.com@10<på', 'evil.example/login@21<jemfix.com']],
    ['a@b.example;c@d.example', ['a@b.example@10<på', 'c@d.example@22<a@b.example']],
    ['mer:evil.example', ['mer@10<på', 'evil.example@14<mer']],
    [
      'url=evil.example|x.example*',
      ['url@10<på', 'evil.example@14<url', 'x.example@27<evil.example'],
    ],
  ])('cuts %s where punctuation glues its parts', (piece, expected) => {
    expect(parts(piece)).toEqual(expected)
  })

  it.each([
    'jemfix.com',
    'https://evil.example/login',
    'jemfix.com:8080',
    'jemfix.com/a,b;c=d',
    'evil.example?a=1,2',
    'support&commat;evil.example',
    'a&#x40;b.example',
    'a.link:hover{color:red}',
  ])('leaves %s whole: no glue before its path, a port, or a reference', (piece) => {
    expect(parts(piece)).toEqual([])
  })
})
