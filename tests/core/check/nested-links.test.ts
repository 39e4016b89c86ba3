import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check/limits'
import { linksInQuery, linksInside } from '../../../src/core/check/nested-links'

const inside = (href: string) => linksInside(new URL(href))

describe('linksInside', () => {
  it.each([
    ['a query value', 'https://a.example/r?to=https://b.example/x', 'https://b.example/x'],
    [
      'a percent-encoded value',
      'https://a.example/r?u=https%3A%2F%2Fb.example%2Fx',
      'https://b.example/x',
    ],
    [
      'a value encoded twice',
      'https://a.example/r?u=https%253A%252F%252Fb.example',
      'https://b.example',
    ],
    ['the fragment', 'https://a.example/#/go/https://b.example/x', 'https://b.example/x'],
    ['the path', 'https://a.example/out/https://b.example/x', 'https://b.example/x'],
    ['a www. address', 'https://a.example/r?to=www.b.example', 'www.b.example'],
  ])('finds a link in %s', (_case, href, found) => {
    expect(inside(href)).toEqual([found])
  })

  it.each([
    ['a protocol-relative value', 'https://a.example/r?u=//b.example/x', '//b.example/x'],
    ['an encoded one', 'https://a.example/r?u=%2F%2Fb.example%2Fx', '//b.example/x'],
    ['backslashes', 'https://a.example/r?u=https:\\\\b.example/x', 'https:\\\\b.example/x'],
  ])('finds an open-redirect payload: %s', (_case, href, found) => {
    expect(inside(href)).toContain(found)
  })

  it('finds no protocol-relative link in the path', () => {
    expect(inside('https://a.example//b.example/x')).toEqual([])
  })

  it('says when a limit left links or parameters unread', () => {
    let limited = 0
    const query = Array.from({ length: 9 }, (_, i) => `u${i}=https://b${i}.example/`).join('&')
    linksInside(new URL(`https://a.example/?${query}`), () => limited++)
    expect(limited).toBeGreaterThan(0)
    limited = 0
    linksInside(new URL('https://a.example/?a=1&b=2&u=https://b.example/'), () => limited++)
    expect(limited).toBe(0)
  })

  it('finds nothing in an ordinary link', () => {
    expect(inside('https://a.example/produkt?id=12&ref=nyhetsbrev#top')).toEqual([])
  })

  it('stops at the limit', () => {
    const query = Array.from({ length: 20 }, (_, i) => `u${i}=https://b${i}.example/`).join('&')
    expect(inside(`https://a.example/?${query}`)).toHaveLength(LIMITS.nestedPerLink)
  })
})

describe('linksInQuery', () => {
  it('finds a link in the body of an sms: link', () => {
    expect(linksInQuery('body=Hej%20https%3A%2F%2Fb.example%2Fx')).toEqual(['https://b.example/x'])
  })
})
