import { describe, expect, it } from 'vitest'
import { extractContacts, judgeCandidate } from '../../../src/core/check'
import { indexWithout } from '../../../src/core/check/index-without'
import { checkerIndex as index } from '../../support/checker'

/** [status, code, company] of the first contact point of a text. */
function judgedBy(view: typeof index, text: string) {
  const candidate = extractContacts(text).candidates[0]
  if (!candidate) throw new Error(`no contact point in ${text}`)
  const judgment = judgeCandidate(view, candidate)
  return judgment && [judgment.status, judgment.reason.code, judgment.company]
}

describe('indexWithout', () => {
  it('judges a company’s own contacts as if it were not in the records', () => {
    const withoutJemFix = indexWithout(index, 'jem-fix')
    expect(judgedBy(index, 'https://jemfix.com/')).toEqual(['official', 'official-host', 'jem-fix'])
    expect(judgedBy(withoutJemFix, 'https://jemfix.com/')).toEqual([
      'unknown',
      'unknown-host',
      null,
    ])
    expect(judgedBy(withoutJemFix, '046-28 52 900')).toEqual(['unknown', 'unknown-phone', null])
    expect(judgedBy(withoutJemFix, 'facebook.com/jemofixsverige')).toEqual([
      'unknown',
      'unknown-handle',
      null,
    ])
  })

  it('still sees every other company, their brands, numbers and accounts', () => {
    const withoutJemFix = indexWithout(index, 'jem-fix')
    expect(judgedBy(withoutJemFix, 'https://exempelbolagett.example.se/')).toEqual([
      'lookalike',
      'lookalike-host',
      'exempelbolaget',
    ])
    expect(judgedBy(withoutJemFix, '08-465 004 01')).toEqual([
      'lookalike',
      'phone-near',
      'exempelbolaget',
    ])
    expect(judgedBy(withoutJemFix, 'instagram.com/exempelbolaget')).toEqual([
      'official',
      'official-handle',
      'exempelbolaget',
    ])
  })

  it('hides the company from name lookups and the company table', () => {
    const view = indexWithout(index, 'exempelbolaget')
    expect(view.companies.has('exempelbolaget')).toBe(false)
    expect(view.companies.has('jem-fix')).toBe(true)
    expect([...view.names.values()].flat().some((n) => n.slug === 'exempelbolaget')).toBe(false)
  })
})
