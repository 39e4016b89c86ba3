import fc from 'fast-check'
import original from 'unhomoglyph'
import confusablesData from 'unhomoglyph/data.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'
import { unhomoglyph } from '../../../src/core/check/confusables'

const keys = Object.keys(confusablesData)

describe('unhomoglyph by table lookup', () => {
  it('maps every character of the table as the package does', () => {
    const all = keys.join('')
    expect(unhomoglyph(all)).toBe(original(all))
  })

  it('gives the same text as the package for any text, table characters mixed in', () => {
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...keys)), { maxLength: 30 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (t) => unhomoglyph(t) === original(t)),
      { numRuns: 2000 },
    )
  })

  it('reads a Cyrillic look-alike as its Latin letter does and leaves Swedish letters alone', () => {
    expect(unhomoglyph('jеmfix')).toBe(unhomoglyph('jemfix'))
    expect(unhomoglyph('åäö')).toBe(original('åäö'))
  })
})
