import { describe, expect, it } from 'vitest'
import { draftFromText } from '../../../src/core/draft/draft-run'
import { splitSentences } from '../../../src/core/draft/sentences'
import { warningWithBody } from '../../support/fictional-articles'
import { fastestOf } from '../../support/timing'

// Work must be linear in the input (README, Editors: "any input is linear"). Each shape below
// was quadratic somewhere in the draft tool; the timing attack test covers a run of letters.
// FICTION: the article, its company and its number are made up.

/** `unit` repeated to about `chars` characters. */
const repeated = (unit: string) => (chars: number) => unit.repeat(Math.ceil(chars / unit.length))

describe('draft time grows linearly with the input', () => {
  // Causes, each fixed: a sentence end read back to the paragraph's start (splitSentences),
  // the rest of the sentence split after every "utger sig för att vara" (namePart), an
  // unbounded name before "s namn används" read from every letter of "a.a.a.…"
  // (NAME_USED_FRAMES), the whole sentence searched for "små bokstäver" at every mention.
  it.each([
    ['the impersonation frame many times in one sentence', repeated('utger sig för att vara ')],
    ['a run of letters and dots', repeated('a.')],
    ['many mentions of the company', repeated('Exempelbolagets ')],
    ['quote marks and a number', repeated('"a ')],
    ['clauses and a number', repeated('a, vår ')],
  ])('%s: eight times the text takes well under twenty-four times as long', (_shape, body) => {
    const read = (chars: number) => () =>
      draftFromText(warningWithBody(body(chars)), { sourceName: 'x.txt', records: [] })
    read(16_000)() // warm up the regular expressions and the JIT
    const small = fastestOf(3, read(16_000))
    const large = fastestOf(3, read(128_000))
    expect(large / Math.max(small, 1)).toBeLessThan(24)
  })
})

describe('splitSentences', () => {
  // Each full stop read the paragraph back to its start to find the word before it.
  it('splits a paragraph of many sentences in linear time', () => {
    // Sizes that keep the paragraph out of the old generation, where a collection would
    // dwarf the split; ten splits per run lift the small one above the timer's grain, and
    // the fastest of five runs is the one the machine's other work disturbed least.
    const split = (chars: number) => {
      const paragraph = repeated('Ring aldrig oss. ')(chars)
      return () => {
        for (let i = 0; i < 10; i++) splitSentences(paragraph)
      }
    }
    split(25_000)()
    const small = fastestOf(5, split(25_000))
    const large = fastestOf(5, split(200_000))
    expect(large / Math.max(small, 1)).toBeLessThan(24)
  })
})
