import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { presentFinding } from '../../../src/core/check'
import { buildLookupIndex, lookup, lookupAnswer } from '../../../src/core/lookup'
import { check, checkerIndex } from '../../support/checker'
import { randomContact, randomHandle } from '../../support/random-contacts'

// Properties over generated queries, against jem & fix's real record and the fictional
// companies of the checker's tests.

const index = buildLookupIndex(checkerIndex)
const names = (slug: string) => checkerIndex.companies.get(slug)?.name ?? slug
const randomQuery = fc.oneof(
  randomContact,
  randomHandle,
  randomHandle.map((handle) => `@${handle}`),
)

describe('random queries', () => {
  it('never throw and answer every finding in words, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 400 }),
        ),
        (query) => {
          const result = lookup(index, query)
          expect(result.query.length).toBeLessThanOrEqual(200)
          for (const finding of result.findings) {
            expect(lookupAnswer(finding, names).length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never call a random host, number or handle official, bare or with @', () => {
    fc.assert(
      fc.property(fc.array(randomQuery, { minLength: 1, maxLength: 4 }), (parts) => {
        const query = parts.join(' ')
        const official = lookup(index, query).findings.filter((f) => f.status === 'official')
        expect(official, query).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('judge one contact point exactly as the checker judges it in a message', () => {
    fc.assert(
      fc.property(randomContact, (query) => {
        const searched = lookup(index, query).findings.map((f) => presentFinding(f, names))
        expect(searched, query).toEqual(check(query).findings)
      }),
      { numRuns: 500 },
    )
  })
})
