import { describe, expect, it } from 'vitest'
import { JsonLd, jsonLdText } from '../../templates/json-ld'

describe('JSON-LD in a script element', () => {
  const hostile = {
    headline: '</script><script>alert(1)</script> <!-- & </SCRIPT >',
    line: 'a\u2028b\u2029c',
  }

  it('never lets record text close the element or open a comment', () => {
    const text = jsonLdText(hostile)
    expect(text).not.toMatch(/<|>|&/)
    expect(text).toContain('\\u003c/script\\u003e')
    expect(text).not.toMatch(/[\u2028\u2029]/)
  })

  it('still means the same JSON', () => {
    expect(JSON.parse(jsonLdText(hostile))).toEqual(hostile)
  })

  it('renders one data block whose content is the escaped JSON, unescaped by HTML', async () => {
    const html = (<JsonLd data={hostile} />).toString()
    expect(html).toBe(`<script type="application/ld+json">${jsonLdText(hostile)}</script>`)
    expect(html.match(/<\/script/gi)).toHaveLength(1)
  })
})
