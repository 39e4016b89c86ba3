import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check/limits'
import { renderedText } from '../../../src/core/check/rendered-text'

const shown = (html: string) => renderedText(html)?.text ?? null

describe('renderedText', () => {
  it.each([
    ['inline tags join', 'Ring <b>070</b>-<span class="x">174</span> 06 10', 'Ring 070-174 06 10'],
    ['block tags break', '<p>Ring</p><div>070</div><br>174', '\nRing\n\n070\n\n174'],
    ['a comment joins', '070<!-- x -->-174', '070-174'],
    ['named references', 'a&commat;b&period;example &lt;x&gt; &amp;', 'a@b.example <x> &'],
    ['numeric references', '&#64;&#x40;&#X40;&#0064;', '@@@@'],
    ['references without a semicolon', 'a&#64b&nbsp06 &amp x&ampy', 'a@b 06 & x&y'],
    ['spaces and hyphens', '070&hyphen;174&nbsp;06&thinsp;10&ndash;', '070-174 06 10–'],
    [
      'an unknown or broken reference as written',
      '&bogus; &#0; &#x110000; &copy',
      '&bogus; &#0; &#x110000; &copy',
    ],
    ['a < that starts no tag', 'pris <500 kr, 3 < 4', 'pris <500 kr, 3 < 4'],
  ])('%s', (_name, html, text) => {
    expect(shown(html) ?? html).toBe(text)
  })

  it('is null for a text with nothing to lay out', () => {
    expect(renderedText('Ring 070-174 06 10 <3 & hej')).toBeNull()
  })

  it('reads a tag whose ">" is too far away as text', () => {
    const html = `<b ${'x'.repeat(LIMITS.markupChars)}>070`
    expect(renderedText(html)).toBeNull()
  })

  it('maps every offset back to where it was written, and forward', () => {
    const html = '<p>Mejla a&#64;b.example</p>'
    const view = renderedText(html)!
    const at = view.text.indexOf('@')
    expect(view.writtenAt(at)).toBe(html.indexOf('&#64;'))
    expect(view.writtenAt(at + 1)).toBe(html.indexOf('b.example'))
    expect(view.mappedAt(html.indexOf('b.example'))).toBe(at + 1)
    expect(view.mappedAt(html.indexOf('#64'))).toBe(at)
    expect(view.mappedAt(html.length)).toBe(view.text.length)
    expect(view.writtenAt(view.text.length)).toBe(html.length)
  })
})
