import { describe, expect, it } from 'vitest'
import { draftFromText } from '../../../src/core/draft/draft-run'
import { warningWithBody } from '../../support/fictional-articles'
import { fastestOf } from '../../support/timing'

// Adversarial review of issue 12. README (Editors): "Each sentence is read within the checker's
// bounds …, so any input is linear." FICTION: the article and its company are made up.

/** A warning whose body holds one long run of letters, as a copied page's blob or spam may. */
function articleWithWord(letters: number): string {
  return warningWithBody('a'.repeat(letters))
}

describe('draft time on a long run of letters', () => {
  // CHANNEL_WORDS (signals.ts) hold \p{L}*sms\b, \p{L}*mejl\b and \p{L}*samtal\b with nothing
  // anchoring their start: from every letter of a run the engine reads to the run's end and
  // back, so a run of n letters costs n² per pattern. Measured here: 50,000 letters 3 s,
  // 200,000 letters 48 s for one article. Eight times the text must take far less than the
  // sixty-four times a quadratic step gives.
  it('grows linearly: eight times the letters take well under twenty-four times as long', () => {
    const read = (text: string) => () => draftFromText(text, { sourceName: 'x.txt', records: [] })
    const small = fastestOf(3, read(articleWithWord(4_000)))
    const large = fastestOf(1, read(articleWithWord(32_000)))
    expect(large / Math.max(small, 1)).toBeLessThan(24)
  })
})
