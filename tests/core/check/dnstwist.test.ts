import { createHash } from 'node:crypto'
import punycode from 'punycode.js'
import { describe, expect, it } from 'vitest'
import { checkMessage } from '../../../src/core/check'
import { REAL_DOMAINS } from '../../fixtures/real-domains'
import { checkerIndex } from '../../support/checker'
import { dnstwist } from '../../support/dnstwist'

/**
 * The permutations a real `python3 dnstwist.py <domain>` run printed (dnstwist 20250130,
 * commit 3413953, no third-party modules): how many, and the SHA-256 of the sorted
 * domains joined by newlines, without the original. The TypeScript port must match them.
 */
const REAL_RUNS = {
  'jemfix.com': {
    count: 1155,
    sha256: '85d05f22f13598d04f86e5d96b2775592f72f31582b212320817d589d9e4500f',
    slug: 'jem-fix',
  },
  'exempelbolaget.example': {
    count: 9406,
    sha256: '1658a6a75b6d22689c35c02061ad24a4e1d5f69ae10bbd7f2c348a85f2e74b63',
    slug: 'exempelbolaget',
  },
  'provbutiken.example': {
    count: 7400,
    sha256: '0d28bae354243a81768f4b255cd6e1bebbf1ac8480be53e0e4a34127cf27a933',
    slug: 'provbutiken',
  },
} as const

function judgedLookalike(domain: string, slug: string): boolean {
  const result = checkMessage(checkerIndex, { text: `Gå till ${domain} nu` })
  const finding = result.findings.find((f) => f.value === domain)
  return finding?.status === 'lookalike' && finding.company === slug
}

describe('dnstwist permutations', () => {
  for (const [domain, run] of Object.entries(REAL_RUNS)) {
    it(`ports dnstwist exactly for ${domain}`, () => {
      const domains = dnstwist(domain).map((p) => p.domain)
      expect(domains).toHaveLength(run.count)
      const sha256 = createHash('sha256')
        .update([...domains].sort().join('\n'))
        .digest('hex')
      expect(sha256).toBe(run.sha256)
    })

    it(`judges at least 98 % of the dnstwist run on ${domain} a lookalike of its company`, () => {
      const permutations = dnstwist(domain)
      const missed = permutations.filter((p) => !judgedLookalike(p.domain, run.slug))
      const rate = 1 - missed.length / permutations.length
      expect(
        rate,
        `missed: ${missed.map((p) => `${p.fuzzer} ${p.domain}`).join(', ')}`,
      ).toBeGreaterThanOrEqual(0.98)
    })
  }

  it('judges every permutation of jemfix.com a lookalike, written in Unicode too', () => {
    const missed = dnstwist('jemfix.com')
      .map((p) => punycode.toUnicode(p.domain))
      .filter((domain) => !judgedLookalike(domain, 'jem-fix'))
    expect(missed).toEqual([])
  })
})

describe('real domains', () => {
  it.each(REAL_DOMAINS.map((d) => [d]))('does not call %s a lookalike', (domain) => {
    const result = checkMessage(checkerIndex, { text: `Läs mer på https://${domain}/ idag` })
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]?.status).toBe('unknown')
    expect(result.company).toBeNull()
  })

  it('holds a few hundred of them', () => {
    expect(new Set(REAL_DOMAINS).size).toBeGreaterThanOrEqual(300)
  })
})
