import { describe, expect, it } from 'vitest'
import { containedBrand, matchBrand, sameOrHomoglyph } from '../../../src/core/check/brand-match'
import { imitatedBy } from '../../../src/core/check/judge-host'
import { skeleton } from '../../../src/core/check/skeleton'
import { glyphDistance, visualKey } from '../../../src/core/check/visual'
import { checkerIndex as index } from '../../support/checker'

describe('skeleton', () => {
  it.each([
    ['jеmfix', 'Cyrillic е'],
    ['jemfíx', 'an accent'],
    ['jernfix', 'rn for m'],
    ['JEMFIX', 'capitals'],
    ['ʝemfix', 'j with crossed tail (IPA)'],
    ['jeᴍfix', 'small capital M'],
    ['ɉemƒix', 'j with stroke, f with hook'],
    ['ĵeṁfɨx', 'letters with marks and bars'],
  ])('gives %s (%s) the skeleton of jemfix', (spoof) => {
    expect(skeleton(spoof)).toBe(skeleton('jemfix'))
  })

  it('reads the Latin look-alikes UTS #39 maps Cyrillic to (т → ᴛ → t)', () => {
    expect(skeleton('ехемреӏьоӏаԍет')).toBe(skeleton('exempeiboiaget'))
  })

  it('keeps different letters apart', () => {
    expect(skeleton('jemfox')).not.toBe(skeleton('jemfix'))
  })
})

describe('glyphDistance', () => {
  it.each([
    ['jcmfix', 1],
    ['jcmf1x', 2],
    ['jennfix', 1],
    ['jerrfix', 1],
    ['jenfix', 1],
    ['jenflx', 2],
    ['jcnfix', 2],
    ['jcnflx', Number.POSITIVE_INFINITY],
    ['jcnnf1x', Number.POSITIVE_INFINITY],
    ['jemfox', Number.POSITIVE_INFINITY],
  ])('from %s to jemfix is %s glyph substitutions', (written, distance) => {
    expect(glyphDistance(skeleton(written), skeleton('jemfix'))).toBe(distance)
  })

  it('gives look-alike spellings the key of the brand', () => {
    for (const written of ['jcmf1x', 'jennfix', 'jerrfix', 'jenflx']) {
      expect(visualKey(skeleton(written))).toBe(visualKey(skeleton('jemfix')))
    }
  })
})

describe('matchBrand', () => {
  it.each([
    ['jemfix', 'same-name'],
    ['jem.fix', 'same-name'],
    ['jemochfix', 'same-name'],
    ['jеmfix', 'homoglyph'],
    ['jcmf1x', 'homoglyph'],
    ['ʝeᴍfix', 'homoglyph'],
    ['jemfx', 'omission'],
    ['jemfiax', 'insertion'],
    ['jemfik', 'replacement'],
    ['jemmfix', 'repetition'],
    ['jmefix', 'transposition'],
    ['jemfiy', 'bitsquatting'],
    ['jemfax', 'vowel-swap'],
    ['jem-fix', 'hyphenation'],
    ['jemfixa', 'addition'],
    ['jemfixkampanj', 'contains'],
    ['minajemfixorder', 'contains'],
  ])('finds jem & fix in %s (%s)', (word, how) => {
    expect(matchBrand(index, word)).toMatchObject({ ref: { slug: 'jem-fix' }, how })
  })

  it.each(['jamfox', 'fixjem', 'jem', 'kampanj', 'a'.repeat(65)])(
    'finds no brand in %s',
    (word) => {
      expect(matchBrand(index, word)).toBeNull()
    },
  )

  it('tells an exact or look-alike spelling apart from a fuzzy one', () => {
    expect(sameOrHomoglyph(index, 'jemfx')).toBeNull()
    expect(sameOrHomoglyph(index, 'jcmflx')).toMatchObject({ how: 'homoglyph' })
  })

  it('finds the longest brand inside a word, trying only plausible lengths', () => {
    expect(containedBrand(index, 'dinjemofixorder')?.brand).toBe('jemofix')
    expect(containedBrand(index, 'x'.repeat(300))).toBeNull()
  })
})

describe('imitatedBy', () => {
  it.each([
    [['jem', 'fix'], 'split'],
    [['j', 'emfix'], 'split'],
    [['jemf', 'ix'], 'split'],
    [['login', 'jemfix'], 'same-name'],
    [['jemfix', 'kampanj'], 'same-name'],
    [['jem', 'fixkampanj'], 'contains'],
  ])('finds jem & fix in the labels %j (%s)', (labels, how) => {
    expect(imitatedBy(index, labels)).toMatchObject({ slug: 'jem-fix', how })
  })

  it('reads punycode labels as the letters they show', () => {
    expect(imitatedBy(index, ['xn--jmfix-zwe'])).toMatchObject({ how: 'homoglyph' })
  })
})
