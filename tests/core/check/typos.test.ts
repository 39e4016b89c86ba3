import { describe, expect, it } from 'vitest'
import { skeleton } from '../../../src/core/check/skeleton'
import { typoKind } from '../../../src/core/check/typos'

describe('typoKind', () => {
  it.each([
    ['jemfx', 'omission'],
    ['jemfiax', 'insertion'],
    ['jemfik', 'replacement'],
    ['jemmfix', 'repetition'],
    ['jmefix', 'transposition'],
    ['jemfiy', 'bitsquatting'],
    ['jemfax', 'vowel-swap'],
    ['jem-fix', 'hyphenation'],
    ['jemfixa', 'addition'],
  ])('classifies %s as %s of jemfix', (candidate, kind) => {
    expect(typoKind(candidate, 'jemfix')).toBe(kind)
  })

  it.each(['jemfix', 'jemfixab', 'xyzfix', 'fixjem'])(
    'does not call %s one edit from jemfix',
    (candidate) => {
      expect(typoKind(candidate, 'jemfix')).toBeNull()
    },
  )
})

describe('skeleton', () => {
  it('maps confusables to one skeleton: rn/m, Cyrillic, Greek, accents, case', () => {
    const target = skeleton('jemfix')
    for (const spoof of ['jernfix', 'jеmfix', 'jemfιx', 'jémfix', 'JEMFIX']) {
      expect(skeleton(spoof)).toBe(target)
    }
    expect(skeleton('jemfox')).not.toBe(target)
  })
})
