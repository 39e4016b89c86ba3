import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { phoneMasks } from '../../../src/core/check/contact-index'
import {
  DeletionLookup,
  DerivedKeyIndex,
  type DerivedKeys,
  deletionHashes,
  keyHash,
} from '../../../src/core/check/derived-keys'
import { deletionVariants } from '../../../src/core/check/typos'
import { checkerIndex } from '../../support/checker'

/** What the index stood for before: a Map built by pushing every item under each of its keys. */
function pushedMap(items: readonly string[], keysOf: (item: string) => Iterable<string>) {
  const map = new Map<string, string[]>()
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = map.get(key)
      if (list) list.push(item)
      else map.set(key, [item])
    }
  }
  return map
}

const deletions: DerivedKeys<string> = {
  hashes: deletionHashes,
  has: (word, key) => deletionVariants(word).includes(key),
}
const deletionKeys = (word: string) => new Set(deletionVariants(word))

const word = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
  // Repeated letters: two deletions give the same variant.
  fc.stringMatching(/^(?:aa|bb|a|b){1,6}$/),
)

describe('DerivedKeyIndex', () => {
  it('hashes each deletion variant as keyHash hashes the variant itself', () => {
    fc.assert(
      fc.property(word, (text) => {
        const hashes: number[] = []
        deletionHashes(text, (hash) => hashes.push(hash))
        expect(hashes).toEqual(deletionVariants(text).map(keyHash))
      }),
    )
  })

  it('answers like a pushed Map for every key and for keys no item has', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word), (items, probes) => {
        const expected = pushedMap(items, deletionKeys)
        const index = new DerivedKeyIndex(items, deletions)
        for (const key of [...expected.keys(), ...probes]) {
          expect(index.get(key)).toEqual(expected.get(key))
        }
      }),
    )
  })

  it('keeps apart keys that share a hash, and lists a repeated item each time', () => {
    // keyHash is Java's String.hashCode: "Aa" and "BB" hash alike, so do "AaBB" and "BBAa".
    expect(keyHash('AaBB')).toBe(keyHash('BBAa'))
    const items = ['AaBBx', 'BBAax', 'AaAa', 'BBAax']
    const index = new DerivedKeyIndex(items, deletions)
    const expected = pushedMap(items, deletionKeys)
    for (const key of [...expected.keys(), 'BBBB', 'AaBB', 'nothing', '']) {
      expect(index.get(key)).toEqual(expected.get(key))
    }
    expect(index.get('AaBB')).toEqual(['AaBBx'])
    expect(index.get('BBAa')).toEqual(['BBAax', 'BBAax'])
    expect(index.get('BBBB')).toBeUndefined()
  })

  it('looks deletions up by bucket exactly as one table of every word would answer', () => {
    const short = fc.stringMatching(/^[ab]{0,3}$/)
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, short), { maxLength: 40 }),
        fc.array(fc.oneof(word, short)),
        (items, probes) => {
          const expected = pushedMap(items, deletionKeys)
          const lookup = new DeletionLookup(items, deletions)
          for (const key of [...expected.keys(), ...probes, '']) {
            expect(lookup.get(key)).toEqual(expected.get(key))
          }
        },
      ),
    )
  })

  it('finds the official numbers of the checker index by any of their masks', () => {
    const numbers = [...checkerIndex.phones.keys()]
    const expected = pushedMap(numbers, phoneMasks)
    for (const [mask, list] of expected) expect(checkerIndex.phoneMasks.get(mask)).toEqual(list)
    expect(checkerIndex.phoneMasks.get('+4646?852?00')).toEqual(['+46462852900'])
    expect(checkerIndex.phoneMasks.get('?46462852900')).toBeUndefined()
    expect(checkerIndex.phoneMasks.get('+46462852900')).toBeUndefined()
  })
})
