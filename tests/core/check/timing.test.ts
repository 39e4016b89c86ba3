import { describe, expect, it } from 'vitest'
import { ADVERSARIAL_MESSAGES } from '../../support/adversarial-messages'
import { check } from '../../support/checker'

// Pathological slowness only: the goal is 50 ms for any 10,000 characters (see `npm run bench
// checker` for the figures), and the machine is shared, so the bound is ten times that, taken
// as the fastest of three runs after a warm-up.
const BOUND_MS = 500

function fastestOf(runs: number, run: () => void): number {
  run()
  let fastest = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

describe('checking time', () => {
  it.each(Object.entries(ADVERSARIAL_MESSAGES))(
    'stays far under the bound for %s',
    (_name, text) => {
      expect(text.length).toBeLessThanOrEqual(10_000)
      expect(fastestOf(3, () => check(text, text.slice(0, 320)))).toBeLessThan(BOUND_MS)
    },
  )

  // Texts long enough that a scheduling hiccup on the shared machine is small beside the work,
  // each timed as the fastest of many runs: a quadratic step would still give a ratio near 16.
  it('grows linearly: four times the text takes well under sixteen times as long', () => {
    const unit = 'Ring 070-174 06 05 eller https://jemfix-x.example/a.b.c kl 14.30, 249.90 kr '
    const small = unit.repeat(30)
    const large = unit.repeat(120)
    expect(large.length).toBeLessThanOrEqual(10_000)
    const ratio =
      fastestOf(9, () => check(large)) /
      Math.max(
        fastestOf(9, () => check(small)),
        0.05,
      )
    expect(ratio).toBeLessThan(16)
  })
})
