import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/core/check'
import { OFFICIAL_NUMBER } from '../../support/attack-checks'
import { check } from '../../support/checker'

// Adversarial review of issue 9 ("an official link that forwards to a non-official URL makes
// the message suspicious"; "a message that reaches a limit gets too-much-to-check and is never
// called official", README). jem & fix's contacts are the real record's; evil.example (a
// reserved name) stands for the scammers' site. FICTION.

const EVIL = 'https://evil.example/order'

function message(link: string) {
  return `jem & fix: se din order på ${link} ${OFFICIAL_NUMBER}`
}

/** The official redirector wrapped around a target, encoded once more at each level. */
function wrapped(levels: number, target: string): string {
  let link = target
  for (let i = 0; i < levels; i++) link = `https://jemfix.com/r?u=${encodeURIComponent(link)}`
  return link
}

describe('a limit on links inside links is reached silently', () => {
  // nested-links.ts and candidates.ts stop at LIMITS.nestedDepth, LIMITS.nestedPerLink and
  // LIMITS.queryValues without telling anyone: the outer link stays official-host (no
  // forwardsTo), the extraction is not marked truncated, and the verdict is official-contacts.
  it.each([
    [`deeper than nestedDepth (${LIMITS.nestedDepth})`, wrapped(LIMITS.nestedDepth + 1, EVIL)],
    [
      'deeper than nestedDepth, unencoded',
      `${'https://jemfix.com/r?u='.repeat(LIMITS.nestedDepth + 1)}${EVIL}`,
    ],
    [
      `after nestedPerLink (${LIMITS.nestedPerLink}) official links`,
      `https://jemfix.com/r?${Array.from(
        { length: LIMITS.nestedPerLink + 1 },
        (_, i) => `p${i}=https://jemfix.com/x${i}`,
      ).join('&')}&u=${EVIL}`,
    ],
    [
      `after queryValues (${LIMITS.queryValues}) parameters`,
      `https://jemfix.com/r?${Array.from({ length: LIMITS.queryValues + 8 }, (_, i) => `p${i}=x`).join('&')}&u=${EVIL}`,
    ],
  ])('%s', (_case, link) => {
    const result = check(message(link))
    const tooMuch = result.redFlags.some((f) => f.id === 'too-much-to-check')
    const forwarded = result.findings.some((f) => f.normalized === 'evil.example')
    expect(tooMuch || forwarded).toBe(true)
    expect(result.verdict).not.toBe('official-contacts')
  })
})

describe('a redirect target written the way open redirects are abused', () => {
  // INNER_LINK in nested-links.ts wants "http(s)://" or "www.": a protocol-relative target
  // (//evil.example, the classic open-redirect payload, which a browser resolves against
  // https:) and a target with backslashes (browsers read https:\\ as https://) are not seen.
  it.each([
    ['protocol-relative', 'https://jemfix.com/r?u=//evil.example/order'],
    ['protocol-relative, percent-encoded', 'https://jemfix.com/r?u=%2F%2Fevil.example%2Forder'],
    ['backslashes', 'https://jemfix.com/r?u=https:\\\\evil.example/order'],
    ['backslashes, percent-encoded', 'https://jemfix.com/r?u=https%3A%5C%5Cevil.example%2Forder'],
  ])('%s', (_case, link) => {
    const result = check(message(link))
    expect(result.findings.map((f) => f.normalized)).toContain('evil.example')
    expect(result.verdict).not.toBe('official-contacts')
  })
})
