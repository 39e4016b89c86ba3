import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check/limits'
import { markupLinks } from '../../../src/core/check/markup'
import { decodeEntities } from '../../../src/core/check/references'

const read = (text: string) => markupLinks(text).map(({ target, shown }) => ({ target, shown }))

describe('markupLinks', () => {
  it.each([
    ['<a href="https://a.example/x">Logga in</a>', 'https://a.example/x', 'Logga in'],
    ["<a class='btn' href='https://a.example/x'>Logga in</a>", 'https://a.example/x', 'Logga in'],
    ['<a href=https://a.example/x>Logga in</a>', 'https://a.example/x', 'Logga in'],
    ['<A HREF="https://a.example/x">Logga in</A>', 'https://a.example/x', 'Logga in'],
    ['<a href="https://a.example/?a=1&amp;b=2">x</a>', 'https://a.example/?a=1&b=2', 'x'],
    ['<a href="https://a.example/x"><b>jemfix.com</b></a>', 'https://a.example/x', 'jemfix.com'],
    ['<a\nhref = "tel:+46701740605" >Ring</a>', 'tel:+46701740605', 'Ring'],
    ['[jemfix.com](https://a.example/x)', 'https://a.example/x', 'jemfix.com'],
    ['[Logga in](<https://a.example/x> "Titel")', 'https://a.example/x', 'Logga in'],
  ])('reads %s', (text, target, shown) => {
    expect(read(text)).toEqual([{ target, shown }])
  })

  it.each([
    ['<a/href=https://a.example/x>', 'https://a.example/x'],
    ['<area shape=rect href="https://a.example/x">', 'https://a.example/x'],
    ['<form action="https://a.example/x">', 'https://a.example/x'],
    ['<base href="https://a.example/">', 'https://a.example/'],
    ['<svg><a xlink:href="https://a.example/x"></a></svg>', 'https://a.example/x'],
    ['<meta http-equiv="Refresh" content="0; URL=\'https://a.example/x\'">', 'https://a.example/x'],
  ])('reads where %s leads', (text, target) => {
    expect(read(text).map((link) => link.target)).toEqual([target])
  })

  it('reads no target from a meta tag that does not refresh', () => {
    expect(read('<meta name="description" content="https://a.example/x">')).toEqual([])
  })

  it('keeps an HTML anchor inside a Markdown link text as well as the Markdown link', () => {
    expect(read('[<a href="https://b.example/">x</a>](https://a.example/)')).toEqual([
      { target: 'https://a.example/', shown: '<a href="https://b.example/">x</a>' },
      { target: 'https://b.example/', shown: 'x' },
    ])
  })

  it('passes on an opening tag too long to read whole, as a target too long to read', () => {
    const tag = `<a style="${'x'.repeat(LIMITS.markupChars)}" href="https://a.example/">`
    expect(read(`${tag}x</a>`)).toEqual([{ target: tag, shown: '' }])
  })

  it('keeps the first of two href attributes, as HTML does', () => {
    expect(read('<a href="https://a.example/" href="https://b.example/">x</a>')).toEqual([
      { target: 'https://a.example/', shown: 'x' },
    ])
  })

  it('reads Markdown reference definitions and the links that use them', () => {
    expect(
      read(
        '[Se din order][1] och [Mer]\n\n[1]: https://a.example/x\n[mer]:\n  <https://b.example/>',
      ),
    ).toEqual([
      { target: 'https://a.example/x', shown: 'Se din order' },
      { target: 'https://b.example/', shown: 'Mer' },
      { target: 'https://a.example/x', shown: '' },
      { target: 'https://b.example/', shown: '' },
    ])
  })

  // CommonMark (commonmark.js, markdown-it): a definition does not interrupt a paragraph, and
  // labels match by Unicode case fold (ß and SS are one label).
  it('resolves a reference to the definition a CommonMark renderer uses', () => {
    expect(
      read('Hej! [här][1]\n[1]: https://a.example/\n\n[1]: //b.example/x').map((l) => l.target),
    ).toEqual(['//b.example/x', '//b.example/x'])
    expect(
      read('[här][ß]\n\n[SS]: //b.example/x\n[ß]: https://a.example/').map((l) => l.target),
    ).toEqual(['//b.example/x', '//b.example/x'])
  })

  it('reads a definition after a heading or another definition', () => {
    expect(
      read('[a][1] [b][2]\n\n# Länkar\n[1]: https://a.example/\n[2]:\n  https://b.example/').map(
        (l) => l.target,
      ),
    ).toEqual([
      'https://a.example/',
      'https://b.example/',
      'https://a.example/',
      'https://b.example/',
    ])
  })

  it("reads where a link tag's event handler navigates, and nothing from other scripts", () => {
    expect(
      read(
        `<a href="https://a.example/" onclick="location='//b.example/x'" onmouseover="f()">y</a>` +
          `<a href="https://a.example/" onClick="window.open(&quot;https://c.example/&quot;)">z</a>`,
      ).map((l) => l.target),
    ).toEqual(['https://a.example/', '//b.example/x', 'https://a.example/', 'https://c.example/'])
  })

  it('reads no link in a definition nothing refers to', () => {
    expect(read('Fotnot\n[1]: Källa: SVT')).toEqual([])
  })

  it('decodes character references in a Markdown destination', () => {
    expect(read('[x](https&colon;//a.example/)')).toEqual([
      { target: 'https://a.example/', shown: 'x' },
    ])
  })

  it('reads an anchor that is never closed up to the next anchor', () => {
    expect(read('<a href="https://a.example/">ett <a href="https://b.example/">två</a>')).toEqual([
      { target: 'https://a.example/', shown: 'ett' },
      { target: 'https://b.example/', shown: 'två' },
    ])
  })

  it('gives the offsets of the target and of the whole link', () => {
    const [link] = markupLinks('Se <a href="https://a.example/">här</a>!')
    expect(link).toMatchObject({ targetAt: 12, start: 3, end: 39 })
  })

  it.each([
    ['an anchor without href', '<a name="x">x</a>'],
    ['a tag that never closes', '<a href="https://a.example/'],
    ['an abbreviation tag', '<abbr title="x">x</abbr>'],
    ['square brackets without a link', '[x] (y)'],
  ])('finds nothing in %s', (_case, text) => {
    expect(markupLinks(text)).toEqual([])
  })
})

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references and leaves others alone', () => {
    expect(decodeEntities('&amp;&#47;&#x2F;&lt;&unknown;&#0;')).toBe('&//<&unknown;&#0;')
  })

  it('decodes the named references that spell a URL, case as HTML writes them', () => {
    expect(decodeEntities('ht&Tab;tps&colon;&sol;&sol;a&period;example&NewLine;&TAB;')).toBe(
      'ht\ttps://a.example\n&TAB;',
    )
  })
})
